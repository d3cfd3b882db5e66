"""What the extraction round tests read of a text's candidates (shared by test_round11.py …
test_round16.py)."""

from __future__ import annotations

from diplograph.extraction.pipeline import extract_text


def facts(text: str, registry, kind: str, lang: str | None = None) -> list[dict]:
    """The data of the text's candidate facts of one ``kind``."""
    return [c.data for c in extract_text(text, lang, registry).candidates if c.type == kind]


def memberships(text: str, registry, lang: str = "en") -> dict[tuple[str, str], tuple]:
    """(member, organisation) -> (roles, start) of the text's candidate memberships."""
    return {(m["member"], m["organization"]): (tuple(m.get("roles", ["full"])), m.get("start"))
            for m in facts(text, registry, "membership", lang)}
