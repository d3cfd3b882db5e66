"""Print the rows of ``linking/names/romanised_endonyms.yaml`` (round 46) from babel's CLDR data.

Needs ``anyascii`` (PyPI, ISC licence), which is no dependency of diplograph: install it
apart (``pip install anyascii``) to rerun this after a babel upgrade, then check every row by
hand (the file's header says which rows were left out, and why) before replacing the file's
rows with the output.
"""

from __future__ import annotations

import unicodedata

from anyascii import anyascii  # type: ignore[import-not-found]

from diplograph.linking.names import cldr_territory_names
from diplograph.loaders.registry import load_registry

#: alphabetic scripts whose letters carry their vowels: their letter-by-letter romanisation is
#: the form in use
KEEP = {"CYRILLIC", "GREEK", "ARMENIAN", "GEORGIAN"}


def main() -> None:
    seen: set[tuple[str, str]] = set()
    for e, lang, _, name in cldr_territory_names(load_registry()):
        scripts = {unicodedata.name(c, "?").split()[0] for c in name if c.isalpha()}
        if len(scripts) == 1 and scripts <= KEEP:
            script = scripts.pop().title()
        elif scripts == {"CJK"} and lang == "zh":
            script = '"Han (Hanyu Pinyin)"'
        else:
            continue
        latin = anyascii(name).replace("'", "")
        if script.startswith('"Han'):
            latin = latin[:1] + latin[1:].lower()
        latin = latin[:1].upper() + latin[1:]
        if sum(c.isalpha() for c in latin) < 4 or (e.key, latin.lower()) in seen:
            continue
        seen.add((e.key, latin.lower()))
        print(f'  - {{state: {e.key}, lang: {lang}, name: "{name}", latin: "{latin}", '
              f"script: {script}}}")


if __name__ == "__main__":
    main()
