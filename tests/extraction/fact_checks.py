"""What the extraction round tests read of a text's candidates (shared by test_round11.py …
test_round16.py, test_round33.py … test_round35.py, test_round53.py and test_round54.py)."""

from __future__ import annotations

from diplograph.extraction.context import Context
from diplograph.extraction.names import gazetteer
from diplograph.extraction.pipeline import extract_text


def facts(text: str, registry, kind: str, lang: str | None = None) -> list[dict]:
    """The data of the text's candidate facts of one ``kind``."""
    return [c.data for c in extract_text(text, lang, registry).candidates if c.type == kind]


def memberships(text: str, registry, lang: str = "en") -> dict[tuple[str, str], tuple]:
    """(member, organisation) -> (roles, start) of the text's candidate memberships."""
    return {(m["member"], m["organization"]): (tuple(m.get("roles", ["full"])), m.get("start"))
            for m in facts(text, registry, "membership", lang)}


def key(registry, name: str) -> str:
    """The registry key of a state or organisation (labels may change; keys do not)."""
    return registry.resolve(name).key


def meetings(text: str, registry) -> list[frozenset]:
    """The frozenset of (state key, role, office) of each meeting candidate."""
    return [frozenset((key(registry, p["actor"]), p["role"],
                       (p.get("post") or {}).get("office")) for p in d["participants"])
            for d in facts(text, registry, "event") if d["event_type"] == "meeting"]


def post_states(text: str, registry, lang: str = "en") -> dict[str, str | None]:
    """Each post the text's context finds (its words) -> the state it gives it, or None."""
    ctx = Context.build(text, lang, gazetteer(registry))
    return {text[p.start : p.end]: p.state for p in ctx.posts}
