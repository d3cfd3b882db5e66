"""Precision and recall of extracted facts against gold facts, per fact type.

*Strict*: every compared attribute is right (parties, date and its precision, status, roles,
values, …; see ``STRICT``). *Lenient*: the type and the participants are right. Names compare
by the body their registry entity is a record of (two records of one body, such as COW IGO's
``OIC`` and SupraVerden's Organisation of Islamic Cooperation, joined by
:func:`~diplograph.linking.names.same_bodies`, the join behind
:meth:`~diplograph.linking.matcher.Matcher.stands_for`, compare equal); dates by their
lexical form (so precision counts).
Rejected candidates are not counted; everything else in the extracted file is.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml

from ..graph import yaml_text
from ..graph.errors import DiplographError

#: the attributes strict matching compares, per type
STRICT = {
    "relation": ("parties", "status", "date"),
    "membership": ("member", "organization", "roles", "start", "end", "end_reason"),
    "agreement": ("parties", "instrument", "signed", "renewed", "in_force"),
    "event": ("event_type", "participants", "date", "start", "end", "place", "ordinal"),
    "partnership": ("parties", "framework", "date"),
    "trade": ("reporter+partner", "flow", "period", "partial_period", "value", "value_min",
              "value_max", "multiplier"),
    "investment": ("investor", "recipient", "period", "cumulative", "value", "value_min",
                   "value_max", "multiplier"),
    "claim": ("claim_type", "modality", "subjects"),
    "mechanism": ("parties", "founded", "level", "session_count"),
    "cooperation": ("parties", "fields"),
    "place": ("place", "located_in", "named_after", "capital_of"),
}
#: the types of the issue's target (relations, memberships, agreements, events, trade)
TARGET_TYPES = ("relation", "membership", "agreement", "event", "trade", "partnership",
                "investment")


#: ``{id(registry): (registry, {iri of a record: key of the record that stands for its body})}``
_BODIES: dict[int, tuple[Any, dict[str, str]]] = {}


def body_keys(registry: Any) -> dict[str, str]:
    """``{iri: key}`` of the records the registry holds more than once for one body, each
    mapped to the key of the record that stands for that body (computed once per registry)."""
    held = _BODIES.get(id(registry))
    if held is None or held[0] is not registry:
        from ..linking.names import same_bodies

        held = (registry, {iri: head.key for iri, (head, _) in same_bodies(registry).items()})
        _BODIES[id(registry)] = held
    return held[1]


class _Names:
    def __init__(self, registry: Any) -> None:
        self.registry = registry
        self.cache: dict[str, str] = {}
        self.bodies = body_keys(registry) if hasattr(registry, "entities") else {}

    def __call__(self, name: Any) -> str:
        name = str(name)
        if name not in self.cache:
            try:
                ent = self.registry.resolve(name)
                self.cache[name] = self.bodies.get(ent.iri, ent.key)
            except DiplographError:
                self.cache[name] = "?" + name
        return self.cache[name]


def _date(v: Any) -> Any:
    if isinstance(v, dict):
        return (str(v.get("from")), str(v.get("to")))
    return None if v is None else str(v)


def _num(v: Any) -> Any:
    return None if v is None else Decimal(str(v)).normalize()


def keys_of(f: dict[str, Any], name: _Names) -> tuple[tuple, tuple]:
    """(strict key, lenient key) of one fact."""
    t = f["type"]
    parts: list[Any] = []
    for k in STRICT.get(t, ()):
        if k in ("parties", "subjects"):
            parts.append(frozenset(name(x) for x in f.get(k) or []))
        elif k == "reporter+partner":
            parts.append(frozenset(name(f[x]) for x in ("reporter", "partner") if f.get(x)))
        elif k in ("member", "organization", "investor", "recipient", "place", "located_in",
                   "named_after", "capital_of"):
            parts.append(name(f[k]) if f.get(k) else None)
        elif k == "roles":
            parts.append(frozenset(f.get("roles") or ["full"]))
        elif k == "participants":
            parts.append(frozenset(
                (name(p["actor"]), p.get("role", "participant"),
                 (p.get("post") or {}).get("office")) for p in f.get(k) or []))
        elif k in ("date", "start", "end", "signed", "period", "founded", "renewed", "in_force"):
            parts.append(_date(f.get(k)))
        elif k in ("value", "value_min", "value_max"):
            parts.append(_num(f.get(k)))
        elif k == "flow":
            parts.append(f.get("flow") or "total")
        elif k == "modality":
            parts.append(f.get("modality") or "asserted")
        elif k == "partial_period":
            parts.append(bool(f.get("partial_period")))
        elif k == "fields":
            parts.append(frozenset(f.get("fields") or []))
        else:
            parts.append(f.get(k))
    who: set[str] = set()
    place_keys = ("place", "located_in", "named_after", "capital_of") if t == "place" else ()
    for k in ("parties", "subjects", "member", "organization", "reporter", "partner", "investor",
              "recipient", *place_keys):
        v = f.get(k)
        if isinstance(v, list):
            who |= {name(x) for x in v}
        elif v:
            who.add(name(v))
    for p in f.get("participants") or []:
        who.add(name(p["actor"]))
    return (t, *parts), (t, frozenset(who))


@dataclass
class Score:
    """Counts of one fact type."""

    gold: int = 0
    extracted: int = 0
    strict: int = 0
    lenient: int = 0
    misses: list[str] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)

    def add(self, other: Score) -> None:
        self.gold += other.gold
        self.extracted += other.extracted
        self.strict += other.strict
        self.lenient += other.lenient

    @staticmethod
    def ratio(a: int, b: int) -> float | None:
        return a / b if b else None

    @property
    def figures(self) -> dict[str, float | None]:
        return {"strict_precision": self.ratio(self.strict, self.extracted),
                "strict_recall": self.ratio(self.strict, self.gold),
                "lenient_precision": self.ratio(self.lenient, self.extracted),
                "lenient_recall": self.ratio(self.lenient, self.gold)}


def read_facts(path: Path) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    try:
        data = yaml_text.load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as e:
        raise DiplographError("bad-input", f"{path}: cannot read as a facts file: {e}") from e
    if not isinstance(data, dict) or not isinstance(data.get("facts"), list):
        raise DiplographError("bad-input", f"{path}: not a facts file (no 'facts' list)")
    facts = [f for f in data["facts"] if isinstance(f, dict) and f.get("type")
             and f.get("review") != "rejected"]
    return data.get("document") or {}, facts


def compare(extracted: list[dict[str, Any]], gold: list[dict[str, Any]], registry: Any,
            types: tuple[str, ...] | None = None) -> dict[str, Score]:
    """Per-type scores of one document (multiset matching of the keys)."""
    name = _Names(registry)
    types = types or tuple(dict.fromkeys(f["type"] for f in gold))
    out: dict[str, Score] = {}
    for t in types:
        g = [f for f in gold if f["type"] == t]
        e = [f for f in extracted if f["type"] == t]
        gs = Counter(keys_of(f, name)[0] for f in g)
        es = Counter(keys_of(f, name)[0] for f in e)
        gl = Counter(keys_of(f, name)[1] for f in g)
        el = Counter(keys_of(f, name)[1] for f in e)
        sc = Score(len(g), len(e), sum((gs & es).values()), sum((gl & el).values()))
        missing = gs - es
        extra = es - gs
        sc.misses = [str(k) for k in missing.elements()]
        sc.wrong = [str(k) for k in extra.elements()]
        out[t] = sc
    return out


def pairs(extracted: Path, gold: Path) -> list[tuple[Path | None, Path]]:
    """(extracted file, gold file) pairs: two files, or two folders matched by the text file
    each facts file describes."""
    if gold.is_file():
        return [(extracted, gold)]
    if not gold.is_dir():
        raise DiplographError("bad-input", f"{gold}: no such file or folder")
    if not extracted.is_dir():
        raise DiplographError("bad-input", f"{extracted}: a folder is needed when GOLD is one")
    by_text: dict[str, Path] = {}
    for p in sorted(extracted.glob("*.facts.yaml")):
        doc, _ = read_facts(p)
        by_text[Path(str(doc.get("file", ""))).name] = p
    out: list[tuple[Path | None, Path]] = []
    for g in sorted(gold.glob("*.facts.yaml")):
        doc, _ = read_facts(g)
        out.append((by_text.get(Path(str(doc.get("file", ""))).name), g))
    if not out:
        raise DiplographError("bad-input", f"{gold}: no *.facts.yaml files")
    return out


def confidence_of(f: dict[str, Any], where: str) -> float:
    """A fact's ``confidence`` (a reviewed fact with none counts as 1.0); a clear error when it
    is not a number in [0, 1]."""
    v = f.get("confidence", 1.0)
    if isinstance(v, bool) or not isinstance(v, int | float) or not 0 <= v <= 1:
        raise DiplographError("bad-input", f"{where}: fact {f.get('id', '?')!s:.80}: field "
                                           "'confidence' must be a number in [0, 1]")
    return float(v)


def evaluate(extracted: Path, gold: Path, registry: Any, min_confidence: float | None = None
             ) -> tuple[dict[str, Score], list[str]]:
    """Summed scores over every document, and the documents with no extracted file;
    ``min_confidence``: extracted facts below it are left out (as if dropped)."""
    totals: dict[str, Score] = defaultdict(Score)
    missing: list[str] = []
    for e, g in pairs(extracted, gold):
        _, gfacts = read_facts(g)
        efacts = read_facts(e)[1] if e is not None else []
        if min_confidence is not None:
            efacts = [f for f in efacts if confidence_of(f, str(e)) >= min_confidence]
        if e is None:
            missing.append(g.name)
        types = tuple(dict.fromkeys([f["type"] for f in gfacts]
                                    + [f["type"] for f in efacts]))
        for t, sc in compare(efacts, gfacts, registry, types).items():
            totals[t].add(sc)
            totals[t].misses += [f"{g.name}: {m}" for m in sc.misses]
            totals[t].wrong += [f"{g.name}: {w}" for w in sc.wrong]
    return dict(totals), missing


def table(scores: dict[str, Score]) -> str:
    """A plain-text table of the figures, with the target types' total and the overall total."""
    def fmt(x: float | None) -> str:
        return "   -" if x is None else f"{x:.2f}"

    lines = [f"{'type':<13} {'gold':>5} {'extr':>5}  {'strict P':>8} {'strict R':>8}  "
             f"{'lenient P':>9} {'lenient R':>9}"]
    target, overall = Score(), Score()
    for t in sorted(scores):
        sc = scores[t]
        f = sc.figures
        lines.append(f"{t:<13} {sc.gold:>5} {sc.extracted:>5}  {fmt(f['strict_precision']):>8} "
                     f"{fmt(f['strict_recall']):>8}  {fmt(f['lenient_precision']):>9} "
                     f"{fmt(f['lenient_recall']):>9}")
        overall.add(sc)
        if t in TARGET_TYPES:
            target.add(sc)
    for label, sc in (("TARGET TYPES", target), ("ALL", overall)):
        f = sc.figures
        lines.append(f"{label:<13} {sc.gold:>5} {sc.extracted:>5}  {fmt(f['strict_precision']):>8} "
                     f"{fmt(f['strict_recall']):>8}  {fmt(f['lenient_precision']):>9} "
                     f"{fmt(f['lenient_recall']):>9}")
    return "\n".join(lines)


#: the thresholds of ``diplograph evaluate --curve``
CURVE = (0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9)


def curve(extracted: Path, gold: Path, registry: Any,
          thresholds: tuple[float, ...] = CURVE) -> str:
    """Strict precision and recall of the target types at each confidence threshold."""
    lines = [f"{'min conf':>8} {'gold':>5} {'extr':>5} {'strict':>6}  {'strict P':>8} "
             f"{'strict R':>8} {'F1':>5}"]
    for th in thresholds:
        scores, _ = evaluate(extracted, gold, registry, th)
        sc = Score()
        for t, s in scores.items():
            if t in TARGET_TYPES:
                sc.add(s)
        p, r = sc.ratio(sc.strict, sc.extracted), sc.ratio(sc.strict, sc.gold)
        f1 = 2 * p * r / (p + r) if p and r else None
        lines.append(f"{th:>8.2f} {sc.gold:>5} {sc.extracted:>5} {sc.strict:>6}  "
                     + "  ".join(f"{'   -' if x is None else f'{x:.2f}':>8}" for x in (p, r))
                     + f" {'-' if f1 is None else f'{f1:.2f}':>5}")
    return "\n".join(lines)
