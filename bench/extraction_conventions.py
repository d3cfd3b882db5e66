"""The convention splits of the gold files: where writers' gold disagrees (round 40, session 23).

    .venv/bin/python -m bench.extraction_conventions [--parts test52 test53 ...]

Reads the gold files of ``tests/extraction/corpus/PART/`` (every part by default) and counts,
in facts and in parts, which way each writer wrote four things the writers disagree on:

- a visit dated by one day (``date``) or by its span (``start`` / ``end``);
- a visit's post where the quote names no post (the post the text gives elsewhere, or none);
- the roles of a meeting whose quote says the meeting was received, hosted, welcomed, greeted
  or called on ("tiếp", "đón", "chủ trì"): a ``host``, or both ``participant``;
- a joint communiqué, statement or declaration: a gold agreement whose quote or title names
  one, against the ones a text says were signed, issued or adopted and no gold agreement names.

The patterns are regular expressions over quotes and texts, so the counts are approximate
(docs/extraction.md, "Round 40"). Reads gold files and texts only: no extraction is run.
"""

from __future__ import annotations

import argparse
import re
from collections import Counter, defaultdict
from collections.abc import Iterator
from pathlib import Path

import yaml

from bench.extraction_corpus import CORPUS

#: a side that receives in the meeting's quote (the session-16 to session-20 decisions)
RECEIVED = re.compile(r"\b(?:received|hosted|welcomed|greeted|called\s+on)\b"
                      r"|(?<!\w)(?:tiếp|đón|chủ\s+trì)(?!\w)", re.I)
#: a joint document
JOINT = re.compile(r"joint\s+(?:communiqu|statement|declaration)|thông\s+cáo\s+chung"
                   r"|tuyên\s+bố\s+chung", re.I)
#: a joint document a text says was signed, issued or adopted
JOINT_SIGNED = re.compile(
    r"(?:signed|issued|adopted|ký|ra|thông\s+qua)\s+(?:a\s+|the\s+|an\s+|bản\s+)?"
    r"(?:[\w-]+\s+){0,2}?(?:joint\s+(?:communiqu[ée]|statement|declaration)"
    r"|thông\s+cáo\s+chung|tuyên\s+bố\s+chung)", re.I)
#: a post named in a quote
POST = re.compile(r"\b(?:President|Prime\s+Minister|King|Queen|Minister|Chancellor|Emir|Pope)\b"
                  r"|Tổng\s+thống|Thủ\s+tướng|Chủ\s+tịch|Quốc\s+vương|Bộ\s+trưởng|Tổng\s+Bí\s+thư",
                  re.I)


def _gold(parts: list[str]) -> Iterator[tuple[str, Path, list[dict]]]:
    for part in parts:
        for f in sorted((CORPUS / part).glob("*.gold.facts.yaml")):
            data = yaml.safe_load(f.read_text(encoding="utf-8")) or {}
            yield part, f, data.get("facts") or []


def count(parts: list[str]) -> dict[str, list[tuple[str, str]]]:
    """Each split's (part, way) pairs, one per gold fact (or unannotated joint document)."""
    rows: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for part, f, facts in _gold(parts):
        for x in facts:
            kind, quote = x.get("event_type"), str(x.get("quote") or "")
            if x.get("type") == "event" and kind == "visit":
                rows["a visit dated by one day or by its span"].append(
                    (part, "span" if x.get("start") or x.get("end")
                     else "one day" if x.get("date") else "undated"))
                visitor = [p for p in x.get("participants") or [] if p.get("role") == "visitor"]
                if visitor and not POST.search(quote):
                    rows["a visit's post where the quote names none"].append(
                        (part, "post given" if visitor[0].get("post") else "no post"))
            if x.get("type") == "event" and kind == "meeting" and RECEIVED.search(quote):
                roles = {p.get("role", "participant") for p in x.get("participants") or []}
                rows["received / hosted meeting roles"].append(
                    (part, "host" if "host" in roles else "both participant"))
        annotated = sum(1 for x in facts if x.get("type") == "agreement"
                        and JOINT.search(f"{x.get('quote') or ''} {x.get('title') or ''}"))
        text = f.with_name(f.name.replace(".gold.facts.yaml", ".txt")).read_text(encoding="utf-8")
        told = len(JOINT_SIGNED.findall(text))
        ways = ["an agreement"] * annotated + ["not annotated"] * max(0, told - annotated)
        rows["a joint communiqué, statement or declaration"] += [(part, w) for w in ways]
    return rows


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--parts", nargs="*")
    args = ap.parse_args(argv)
    parts = args.parts or sorted(p.name for p in CORPUS.iterdir() if p.is_dir())
    for split, pairs in count(parts).items():
        facts = Counter(w for _, w in pairs)
        by_part: dict[str, set[str]] = defaultdict(set)
        for part, w in pairs:
            by_part[part].add(w)
        print(split)
        for w, n in facts.most_common():
            in_parts = sum(1 for ws in by_part.values() if w in ws)
            only = sum(1 for ws in by_part.values() if ws == {w})
            print(f"  {w:20} {n:5} facts in {in_parts:3} parts ({only} parts only this way)")
        print(f"  {'both ways':20} {sum(1 for ws in by_part.values() if len(ws) > 1):5} parts")


if __name__ == "__main__":
    main()
