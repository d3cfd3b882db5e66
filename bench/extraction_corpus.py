"""Every corpus part extracted and evaluated: the round's figure of merit.

    PYTHONHASHSEED=0 nice -n 10 .venv/bin/python -m bench.extraction_corpus OUT \
        [--parts test28 test29] [--jobs 2]

Extracts each ``tests/extraction/corpus/PART/*.txt`` with the same ``extract_text`` and
``facts_yaml`` as ``diplograph extract`` into ``OUT/PART/`` (in ``--jobs`` processes), then
evaluates each part against its gold files with ``extraction.evaluate``. Prints per part the
gold, extracted, strict-correct and lenient-correct target facts with strict P / R, and the sum
over the parts; writes ``OUT/summary.json`` and, per part, ``OUT/PART/errors.txt`` (the target
facts missed and the extracted ones that match none; ``PYTHONHASHSEED=0`` keeps their order
stable, so two runs can be compared with ``diff``). Counts, not timings.
"""

from __future__ import annotations

import argparse
import json
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "extraction" / "corpus"

_REGISTRY: Any = None


def _registry() -> Any:
    global _REGISTRY
    if _REGISTRY is None:
        from diplograph.loaders.registry import load_registry

        _REGISTRY = load_registry()
    return _REGISTRY


def _extract(job: tuple[str, str]) -> str:
    from diplograph.extraction.output import facts_yaml
    from diplograph.extraction.pipeline import extract_text

    src, out = job
    text = Path(src).read_text(encoding="utf-8")
    ex = extract_text(text, None, _registry())
    Path(out).write_text(facts_yaml(Path(src), ex, _registry(), None, src), encoding="utf-8")
    return out


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--parts", nargs="*", default=None)
    ap.add_argument("--jobs", type=int, default=2)
    args = ap.parse_args(argv)
    parts = args.parts or sorted(p.name for p in CORPUS.iterdir() if p.is_dir())
    jobs = []
    for part in parts:
        (args.out / part).mkdir(parents=True, exist_ok=True)
        for t in sorted((CORPUS / part).glob("*.txt")):
            jobs.append((str(t), str(args.out / part / (t.stem + ".facts.yaml"))))
    with ProcessPoolExecutor(max_workers=args.jobs) as pool:
        list(pool.map(_extract, jobs, chunksize=4))

    from diplograph.extraction.evaluate import TARGET_TYPES, evaluate

    summary: dict[str, dict[str, int]] = {}
    tot = dict(gold=0, extracted=0, strict=0, lenient=0)
    print(f"{'part':<8} {'gold':>5} {'extr':>5} {'strict':>6} {'lenient':>7}  {'P':>5} {'R':>5}")
    for part in parts:
        scores, _ = evaluate(args.out / part, CORPUS / part, _registry())
        row = dict(gold=0, extracted=0, strict=0, lenient=0)
        errors: list[str] = []
        for t, sc in sorted(scores.items()):
            if t not in TARGET_TYPES:
                continue
            for k in row:
                row[k] += getattr(sc, k)
            errors += [f"MISSED {m}" for m in sc.misses] + [f"WRONG  {w}" for w in sc.wrong]
        (args.out / part / "errors.txt").write_text("\n".join(errors) + "\n", encoding="utf-8")
        summary[part] = row
        for k in tot:
            tot[k] += row[k]
        p = row["strict"] / row["extracted"] if row["extracted"] else 0.0
        r = row["strict"] / row["gold"] if row["gold"] else 0.0
        print(f"{part:<8} {row['gold']:>5} {row['extracted']:>5} {row['strict']:>6} "
              f"{row['lenient']:>7}  {p:.3f} {r:.3f}")
    p = tot["strict"] / tot["extracted"] if tot["extracted"] else 0.0
    r = tot["strict"] / tot["gold"] if tot["gold"] else 0.0
    print(f"{'SUM':<8} {tot['gold']:>5} {tot['extracted']:>5} {tot['strict']:>6} "
          f"{tot['lenient']:>7}  {p:.3f} {r:.3f}")
    summary["SUM"] = tot
    (args.out / "summary.json").write_text(json.dumps(summary, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
