"""Why each missed gold fact was missed: the cause table of a round's baseline.

    PYTHONHASHSEED=0 nice -n 10 .venv/bin/python -m bench.extraction_causes OUT \
        --parts test28 test29 [--list] [--wrong [--by-rule]]

Reads the facts files ``bench/extraction_corpus.py`` wrote into ``OUT/PART/`` and the gold
files of ``tests/extraction/corpus/PART/``; for every gold fact of the target types that no
extracted fact matches strictly, gives one cause:

- ``no candidate``: no unmatched extracted fact of its type names any of its participants;
- ``wrong participants``: an unmatched extracted fact of its type shares some participants
  but not the set (the lenient key differs);
- ``wrong ATTR[,ATTR]``: an unmatched extracted fact of its type has the same participants
  (lenient match) and differs in the attributes named (the strict key's parts; for events
  ``range`` when the gold has start/end and the candidate a date, or the reverse).

Candidates are paired one to one, the closest first (fewest differing attributes). Counts, not
timings. ``--list`` prints each miss with its cause.

``--wrong`` gives instead every WRONG candidate (an extracted target fact no gold fact matches
strictly) one cause, from the same one-to-one pairing:

- ``wrong ATTR[,ATTR]``: paired with a missed gold fact of its participants (as above, seen
  from the candidate's side: its role, post, date, range, place, start, ... is wrong);
- ``duplicate``: its strict key is a gold fact's that another candidate already matched;
- ``wrong participants``: it shares some participants with a missed gold fact of its type;
- ``wrong type``: a missed gold fact of another type names the same participants;
- ``same participants, not in gold``: a gold fact of its type (matched) has its participants,
  but the gold files annotate no second fact of them;
- ``not in gold at all``: none of the above.

Round 39: with ``--list``, each wrong candidate's line names the rule that proposed it and its
quote (``[event-visit] «…»``); ``--wrong --by-rule`` adds a table of the wrong candidates by
rule and cause, with the number of parts each occurs in (most parts first).
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

from bench.extraction_corpus import CORPUS, _registry


def _diff(g: tuple, e: tuple, attrs: tuple[str, ...], gf: dict, ef: dict) -> list[str]:
    out = [a for a, x, y in zip(attrs, g[1:], e[1:], strict=True) if x != y]
    if gf["type"] == "event":
        g_range = bool(gf.get("start") or gf.get("end"))
        e_range = bool(ef.get("start") or ef.get("end"))
        if g_range != e_range:
            out = [a for a in out if a not in ("date", "start", "end")] + ["range"]
        elif "participants" in out:
            gp = {p["actor"]: p for p in gf.get("participants") or []}
            ep = {p["actor"]: p for p in ef.get("participants") or []}
            if len(gp) == len(ep):
                gr = sorted(p.get("role", "participant") for p in gp.values())
                er = sorted(p.get("role", "participant") for p in ep.values())
                go = sorted(str((p.get("post") or {}).get("office")) for p in gp.values())
                eo = sorted(str((p.get("post") or {}).get("office")) for p in ep.values())
                what = (["role"] if gr != er else []) + (["post"] if go != eo else [])
                i = out.index("participants")
                out[i:i + 1] = what or ["role/post"]
    return out


def causes(part: str, out: Path, wrong: bool = False) -> list[tuple[str, str, str]]:
    from diplograph.extraction.evaluate import (
        STRICT,
        TARGET_TYPES,
        _Names,
        keys_of,
        pairs,
        read_facts,
    )

    name = _Names(_registry())
    rows: list[tuple[str, str, str]] = []
    for e, g in pairs(out / part, CORPUS / part):
        gold = [f for f in read_facts(g)[1] if f["type"] in TARGET_TYPES]
        ext = [f for f in read_facts(e)[1] if f["type"] in TARGET_TYPES] if e else []
        gk = [keys_of(f, name) for f in gold]
        ek = [keys_of(f, name) for f in ext]
        left_e = Counter(k[0] for k in ek)
        matched_g: list[bool] = []
        for k in gk:
            if left_e[k[0]] > 0:
                left_e[k[0]] -= 1
                matched_g.append(True)
            else:
                matched_g.append(False)
        free = []
        used = Counter(k[0] for k in gk)
        for i, k in enumerate(ek):
            if used[k[0]] > 0:
                used[k[0]] -= 1
            else:
                free.append(i)
        misses = [i for i, m in enumerate(matched_g) if not m]
        cand: list[tuple[int, int, int]] = []
        for gi in misses:
            for ei in free:
                if gk[gi][1] == ek[ei][1]:
                    d = _diff(gk[gi][0], ek[ei][0], STRICT[gold[gi]["type"]], gold[gi], ext[ei])
                    cand.append((len(d), gi, ei))
        cand.sort()
        taken_g: dict[int, int] = {}
        taken_e: set[int] = set()
        for _, gi, ei in cand:
            if gi not in taken_g and ei not in taken_e:
                taken_g[gi] = ei
                taken_e.add(ei)
        if wrong:
            rows += _wrong_rows(g, gold, ext, gk, ek, misses, free, taken_g)
            continue
        for gi in misses:
            gf = gold[gi]
            label = f"{g.name.split('.')[0]}: {gf['type']} {gf.get('id', '')}"
            if gi in taken_g:
                ei = taken_g[gi]
                d = _diff(gk[gi][0], ek[ei][0], STRICT[gf["type"]], gf, ext[ei])
                rows.append((gf["type"], "wrong " + ",".join(d), label))
                continue
            who = set(gk[gi][1][1])
            near = [ei for ei in free if ei not in taken_e and ek[ei][0][0] == gf["type"]
                    and who & set(ek[ei][1][1])]
            rows.append((gf["type"], "wrong participants" if near else "no candidate", label))
    return rows


def _wrong_rows(g: Path, gold: list[dict], ext: list[dict], gk: list[tuple], ek: list[tuple],
                misses: list[int], free: list[int], taken_g: dict[int, int]
                ) -> list[tuple[str, str, str]]:
    from diplograph.extraction.evaluate import STRICT

    rows: list[tuple[str, str, str]] = []
    paired = {ei: gi for gi, ei in taken_g.items()}
    strict_gold = {k[0] for k in gk}
    for ei in free:
        ef = ext[ei]
        label = (f"{g.name.split('.')[0]}: {ef['type']} {_brief(ek[ei][0])}"
                 f" [{ef.get('rule', '?')}] «{' '.join(str(ef.get('quote', '')).split())[:160]}»")
        who = set(ek[ei][1][1])
        if ei in paired:
            gi = paired[ei]
            d = _diff(gk[gi][0], ek[ei][0], STRICT[ef["type"]], gold[gi], ef)
            cause = "wrong " + ",".join(d)
        elif ek[ei][0] in strict_gold:
            cause = "duplicate"
        elif any(gold[gi]["type"] == ef["type"] and who & set(gk[gi][1][1]) for gi in misses):
            cause = "wrong participants"
        elif any(gold[gi]["type"] != ef["type"] and who == set(gk[gi][1][1]) for gi in misses):
            cause = "wrong type"
        elif any(k[1] == ek[ei][1] for k in gk):
            cause = "same participants, not in gold"
        else:
            cause = "not in gold at all"
        rows.append((ef["type"], cause, label))
    return rows


def _brief(key: tuple) -> str:
    return " ".join(str(sorted(x) if isinstance(x, frozenset) else x) for x in key[1:]
                    if x not in (None, frozenset()))


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--parts", nargs="*", default=None)
    ap.add_argument("--list", action="store_true")
    ap.add_argument("--wrong", action="store_true",
                    help="give each wrong candidate a cause instead of each missed fact")
    ap.add_argument("--by-rule", action="store_true",
                    help="with --wrong: count the wrong candidates by the rule that proposed "
                         "them and their cause, with the number of parts each occurs in")
    args = ap.parse_args(argv)
    parts = args.parts or sorted(p.name for p in CORPUS.iterdir() if p.is_dir())
    total: Counter[tuple[str, str]] = Counter()
    by_rule: Counter[tuple[str, str]] = Counter()
    rule_parts: dict[tuple[str, str], set[str]] = {}
    for part in parts:
        rows = causes(part, args.out, args.wrong)
        for t, c, label in rows:
            total[(t, c)] += 1
            if args.wrong:
                rule = label.rsplit(" [", 1)[-1].split("]", 1)[0]
                by_rule[(rule, c)] += 1
                rule_parts.setdefault((rule, c), set()).add(part)
            if args.list:
                print(f"{part:<7} {c:<28} {label}")
    by_type: Counter[str] = Counter()
    for (t, _), n in total.items():
        by_type[t] += n
    print(f"{'type':<12} {'cause':<32} {'wrong' if args.wrong else 'missed':>6}")
    for (t, c), n in sorted(total.items(), key=lambda x: (-by_type[x[0][0]], x[0][0], -x[1])):
        print(f"{t:<12} {c:<32} {n:>6}")
    print(f"{'ALL':<12} {'':<32} {sum(total.values()):>6}")
    if args.wrong and args.by_rule:
        print(f"\n{'rule':<36} {'cause':<32} {'wrong':>6} {'parts':>6}")
        for (r, c), n in sorted(by_rule.items(), key=lambda x: (-len(rule_parts[x[0]]), -x[1])):
            print(f"{r:<36} {c:<32} {n:>6} {len(rule_parts[(r, c)]):>6}")


if __name__ == "__main__":
    main()
