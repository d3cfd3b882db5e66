"""Extraction speed: ``diplograph extract`` on a 10,000-character document.

    .venv/bin/python -m bench.extraction_speed [--rounds 5]

The document is the evaluation corpus's texts of one language joined (repeated when needed) to
10,000 characters, cut at a paragraph end. Prints the median of N runs of: the whole
command in a fresh process (start-up, registry and gazetteer included) and the extraction alone
in a warm process. Results go to docs/extraction.md ("Speed").
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "extraction" / "corpus"


def document(lang: str, size: int = 10_000) -> str:
    texts = [p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob(f"*/{lang}-*.txt"))]
    parts: list[str] = []
    while sum(map(len, parts)) < size:
        parts.append(texts[len(parts) % len(texts)])
    text = "\n\n".join(parts)[:size]
    return text[: text.rfind("\n")]  # end on a whole paragraph


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--rounds", type=int, default=5)
    args = ap.parse_args(argv)
    from diplograph.extraction.pipeline import extract_text
    from diplograph.loaders.registry import load_registry

    registry = load_registry()
    exe = Path(sys.executable).parent / "diplograph"
    for lang in ("en", "vi"):
        text = document(lang)
        extract_text(text, lang, registry)  # warm: registry, gazetteer
        warm = []
        for _ in range(args.rounds):
            t0 = time.perf_counter()
            ex = extract_text(text, lang, registry)
            warm.append(time.perf_counter() - t0)
        with tempfile.TemporaryDirectory() as tmp:
            doc = Path(tmp) / f"doc-{lang}.txt"
            doc.write_text(text, encoding="utf-8")
            cold = []
            for i in range(args.rounds):
                t0 = time.perf_counter()
                subprocess.run([str(exe), "extract", str(doc), "-o", str(Path(tmp) / f"{i}.yaml")],
                               check=True, capture_output=True)
                cold.append(time.perf_counter() - t0)
        print(f"{lang}: {len(text):,} characters, {len(ex.candidates)} candidates; "
              f"command (fresh process) median {statistics.median(cold):.2f} s, "
              f"extraction alone (warm) median {statistics.median(warm):.3f} s "
              f"({args.rounds} rounds)")


if __name__ == "__main__":
    main()
