"""Writing candidates as a facts file (``docs/facts-format.md``, "Extracted candidates").

Every candidate keeps its exact quote and offsets, its confidence, the rule that proposed it and
``review: candidate``; names are registry labels that resolve back to the same entity; a name
that does not resolve stays as written, listed under ``unresolved``, never replaced by a guess.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from ..graph.errors import DiplographError
from .context import Candidate
from .pipeline import Extraction

ORDER = ("id", "type", "review", "confidence", "rule", "quote", "occurrence", "offsets")
NAME_KEYS = ("parties", "subjects", "objects", "member", "organization", "reporter", "partner",
             "investor", "recipient", "place", "about", "part_of")


def slug(text: str) -> str:
    """A facts-file id from a file name.

    >>> slug("Vietnam–Japan 2023 (draft).txt")
    'vietnam-japan-2023-draft-txt'
    """
    from ..graph.registry import fold

    words = re.findall(r"\w+", text)
    s = "-".join(fold(w) for w in words if fold(w))
    return s[:80] or "document"


def _names(c: Candidate, registry: Any) -> list[str]:
    """Names of the candidate that the registry cannot resolve (kept, and listed)."""
    bad: list[str] = []
    data = c.data

    def check(name: str) -> None:
        try:
            registry.resolve(name)
        except DiplographError:
            bad.append(name)

    for k in NAME_KEYS:
        v = data.get(k)
        if isinstance(v, str) and not v.startswith("fact:"):
            check(v)
        elif isinstance(v, list):
            for x in v:
                check(x)
    for p in data.get("participants") or []:
        check(p["actor"])
    return bad


def candidate_dict(c: Candidate, n: int, text: str, registry: Any) -> dict[str, Any]:
    quote = text[c.start : c.end]
    d: dict[str, Any] = {"id": f"{c.type}-{n}", "type": c.type, "review": "candidate",
                         "confidence": round(c.confidence, 2), "rule": c.rule, "quote": quote,
                         "offsets": [c.start, c.end]}
    occ = [m.start() for m in re.finditer(re.escape(quote), text)]
    if len(occ) > 1:
        d["occurrence"] = occ.index(c.start) + 1
    d.update(c.data)
    unresolved = sorted(set(c.unresolved) | set(_names(c, registry)))
    if c.flags:
        d["flags"] = sorted(set(c.flags))
    if unresolved:
        d["unresolved"] = unresolved
    return d


def document_dict(path: Path, ex: Extraction, doc_id: str | None = None,
                  text_ref: str | None = None) -> dict[str, Any]:
    first = next((ln.strip() for ln in ex.text.splitlines() if ln.strip()), path.stem)
    meta: dict[str, Any] = {
        "id": doc_id or slug(path.stem),
        "file": text_ref or path.name,
        "title": {ex.lang: first[:200]},
        "language": ex.lang,
        "kind": "news-article" if ex.context.dateline is not None else "other",
        "publisher": None,
        "licence": "unknown",
    }
    if ex.context.dateline is not None and isinstance(ex.context.dateline.value, str):
        meta["as_of"] = ex.context.dateline.value
    meta["note"] = ("Candidate facts proposed by diplograph extract; review them (diplograph "
                    "review, or the curation page): only accepted facts are loaded.")
    return meta


def facts_yaml(path: Path, ex: Extraction, registry: Any, doc_id: str | None = None,
               text_ref: str | None = None) -> str:
    """The candidates file as YAML text."""
    facts = [candidate_dict(c, i, ex.text, registry) for i, c in enumerate(ex.candidates, 1)]
    body = {"format": "diplograph-facts/1",
            "document": document_dict(path, ex, doc_id, text_ref),
            "facts": facts}
    return dump(body)


class _Dumper(yaml.SafeDumper):
    """Never anchors and aliases (``&id001``/``*id001``): the loader refuses them, and a value
    two candidates share (a list of roles) is written out in each."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def _flow_list(dumper: yaml.SafeDumper, data: list) -> Any:
    flow = all(isinstance(x, str | int | float) for x in data) and len(data) <= 12
    return dumper.represent_sequence("tag:yaml.org,2002:seq", data, flow_style=flow)


_Dumper.add_representer(list, _flow_list)


def dump(body: dict[str, Any]) -> str:
    """YAML a curator can read and edit: block style, lists of names on one line."""
    out = yaml.dump(body, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100)
    return out.replace("\n- id: ", "\n\n- id: ").replace("\nfacts:\n\n", "\nfacts:\n")
