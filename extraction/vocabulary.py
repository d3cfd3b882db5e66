"""The extraction's vocabulary of posts, arrival verbs and leaders' names, read from
``vocabulary.yaml``.

Round 38 (session 22): forms of offices ("Phó Chủ tịch Quốc hội", "Deputy Prime Minister and
Foreign Minister", "Quốc vụ khanh", a lower-case "prime minister" after a state's adjective)
and the Vietnamese verbs of arrival ("Ông Fico đến Bắc Kinh hôm qua") are data: each row has
its form, its meaning and the corpus parts that write it. This module checks the file and
turns its rows into the patterns :mod:`extraction.context` and :mod:`extraction.events` read.
A row that is not well formed is refused with the file, the section, the row and the field.
Round 41 (session 24): the names of office holders whose texts give a post and no state
("Thủ tướng Phạm Minh Chính", "Chủ tịch Tập Cận Bình"), with the state of their office.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..graph import yaml_text
from ..graph.errors import DiplographError

VOCABULARY_FILE = Path(__file__).resolve().parent / "vocabulary.yaml"
LANGS = ("en", "vi")
#: the office of a "counterpart": that of the post the sentence named last before it
SAME_OFFICE = "same-as-before"


@dataclass(frozen=True)
class PostForm:
    """One written form of an office: the pattern that finds it and the office it names."""

    lang: str
    pattern: str
    office: str
    needs_state: bool


def form_pattern(form: str) -> str:
    """A form as a regular expression: its words as written, any run of spaces between them,
    never inside a longer word."""
    words = [re.escape(w) for w in form.split()]
    return r"(?<!\w)" + r"\s+".join(words) + r"(?!\w)"


def _row_error(path: Path, where: str, msg: str) -> DiplographError:
    return DiplographError("bad-input", f"{path}: {where}: {msg}")


@lru_cache(maxsize=1)
def _data() -> dict:
    path = VOCABULARY_FILE
    data = yaml_text.load_mapping(path)
    for section in ("posts", "arrival_verbs", "leaders"):
        rows = data.get(section)
        if not isinstance(rows, list):
            raise DiplographError("bad-input", f"{path}: section {section!r} (a list) missing")
        for i, row in enumerate(rows):
            where = f"{section}[{i}]"
            if not isinstance(row, dict):
                raise _row_error(path, where, "a mapping is needed")
            for key in ("lang", "form", "parts", "note"):
                if key not in row:
                    raise _row_error(path, where, f"field {key!r} missing")
            if row["lang"] not in LANGS:
                raise _row_error(path, f"{where}.lang", f"{row['lang']!r} is not one of {LANGS}")
            if not isinstance(row["form"], str) or not row["form"].strip():
                raise _row_error(path, f"{where}.form", "a non-empty text is needed")
            if not isinstance(row["parts"], list):
                raise _row_error(path, f"{where}.parts", "a list of corpus parts is needed")
            if section == "posts":
                if not isinstance(row.get("office"), str):
                    raise _row_error(path, f"{where}.office",
                                     'an office code, or "" for a title with none, is needed')
                if not isinstance(row.get("needs_state", False), bool):
                    raise _row_error(path, f"{where}.needs_state", "true or false is needed")
            if section == "leaders" and (not isinstance(row.get("state"), str)
                                         or not row["state"].strip()):
                raise _row_error(path, f"{where}.state", "a registry key is needed")
            if section == "leaders" and not isinstance(row.get("alone", False), bool):
                raise _row_error(path, f"{where}.alone", "true or false is needed")
    return data


@lru_cache(maxsize=2)
def post_forms(lang: str) -> tuple[PostForm, ...]:
    """The table's office forms of a language, the longest first (so "Phó Chủ tịch Quốc hội"
    is tried before a shorter form that starts at the same place)."""
    rows = [r for r in _data()["posts"] if r["lang"] == lang]
    rows.sort(key=lambda r: -len(r["form"]))
    return tuple(PostForm(lang, form_pattern(r["form"]), r["office"],
                          bool(r.get("needs_state", False))) for r in rows)


@lru_cache(maxsize=2)
def arrival_verbs(lang: str) -> re.Pattern[str] | None:
    """The arrival verbs of a language as one pattern (none for a language with no rows)."""
    forms = sorted((r["form"] for r in _data()["arrival_verbs"] if r["lang"] == lang),
                   key=lambda f: -len(f))
    if not forms:
        return None
    return re.compile("|".join(form_pattern(f) for f in forms))


@lru_cache(maxsize=2)
def leader_names(lang: str) -> tuple[tuple[re.Pattern[str], str], ...]:
    """Round 41: the table's names of office holders of a language, each as a pattern with the
    state whose office the holder held (the longest name first, so "Lý Khắc Cường" is tried
    before "Lý Cường")."""
    rows = sorted((r for r in _data()["leaders"] if r["lang"] == lang),
                  key=lambda r: -len(r["form"]))
    return tuple((re.compile(form_pattern(r["form"])), r["state"]) for r in rows)


@lru_cache(maxsize=1)
def leaders_alone() -> tuple[tuple[re.Pattern[str], str], ...]:
    """Round 42: the table's names marked ``alone`` (a person's name that names no place or
    thing, "Xi Jinping"), each as a pattern with the person's state: such a name with no
    office anywhere in the text still names a leader of that state."""
    rows = sorted((r for r in _data()["leaders"] if r.get("alone", False)),
                  key=lambda r: -len(r["form"]))
    return tuple((re.compile(form_pattern(r["form"])), r["state"]) for r in rows)
