"""``diplograph extract``, ``diplograph evaluate`` and ``diplograph review``."""

from __future__ import annotations

import json
import os
import sys
import tempfile
import textwrap
import time
from collections import Counter
from pathlib import Path

import click

from ..graph.errors import DiplographError


def _fail(e: DiplographError) -> None:
    click.echo(f"error: {e}", err=True)
    sys.exit(1)


def _registry():  # noqa: ANN202
    from ..loaders.registry import load_registry

    return load_registry()


@click.command()
@click.argument("document", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--lang", type=click.Choice(["en", "vi"]), default=None,
              help="Language of the document [default: detected].")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Write the candidates file here [default: standard output].")
@click.option("--as-of", "as_of", default=None,
              help="The document's date (YYYY-MM-DD) when it has no dateline; anchors "
                   "relative dates ('on Monday').")
@click.option("--id", "doc_id", default=None, help="Document id [default: from the file name].")
@click.option("--force", is_flag=True, help="Overwrite an existing output file.")
@click.option("--verifier/--no-verifier", "verify", default=None,
              help="Score the candidates with the learned verifier, which leaves out those of "
                   "the fact types it was tuned on below its threshold [default: on, unless "
                   "DIPLOGRAPH_VERIFIER=off]. --no-verifier: every candidate of the rules, with "
                   "the rules' own confidence.")
def extract(document: Path, lang: str | None, output: Path | None, as_of: str | None,
            doc_id: str | None, force: bool, verify: bool | None) -> None:
    """Propose candidate facts for DOCUMENT (a UTF-8 text in English or Vietnamese).

    Every candidate carries its exact quote and offsets, a confidence, the rule that proposed
    it and `review: candidate`; review them with `diplograph review` or the curation page.
    """
    from ..extraction.document import language_of, read_text
    from ..extraction.output import facts_yaml
    from ..extraction.pipeline import extract_text

    t0 = time.perf_counter()
    try:
        text = read_text(document)
        lang = language_of(text, lang, str(document))
        if output is not None and output.exists() and not force:
            raise DiplographError(
                "conflict", f"{output} exists (it may hold reviewed facts); give --force to "
                "replace it, or another -o")
        registry = _registry()
        ex = extract_text(text, lang, registry, anchor=as_of, verify=verify)
        base = (output.parent if output is not None else Path.cwd()).resolve()
        ref = os.path.relpath(document.resolve(), base)
        if not document.resolve().is_relative_to(base):
            # the loader reads `file:` only inside the facts file's folder (docs/facts-format.md)
            click.echo(f"note: {document} is not inside {base}, so `diplograph load` and the "
                       "build will refuse these candidates where they are (a facts file names "
                       "its document by a path inside its own folder): to load them, write "
                       f"them beside the document (e.g. -o {document.with_suffix('.facts.yaml')})"
                       " or in a folder above it", err=True)
        body = facts_yaml(document, ex, registry, doc_id, ref)
    except DiplographError as e:
        _fail(e)
        return
    if output is None:
        click.echo(body, nl=False)
    else:
        fd, tmp = tempfile.mkstemp(prefix=f".{output.name}.", dir=output.parent or ".")
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(body)
        os.replace(tmp, output)
    by_type = Counter(c.type for c in ex.candidates)
    unresolved = body.count("\n  unresolved:") + body.count("\n    unresolved:")
    summary = ", ".join(f"{n} {t}" for t, n in sorted(by_type.items())) or "none"
    click.echo(f"{len(ex.candidates)} candidates ({summary}) from {len(text):,} characters "
               f"[{lang}] in {time.perf_counter() - t0:.2f} s"
               + (f"; {unresolved} with unresolved names" if unresolved else "")
               + (f"; written to {output}" if output else ""), err=True)


@click.command()
@click.argument("extracted", type=click.Path(exists=True, path_type=Path))
@click.argument("gold", type=click.Path(exists=True, path_type=Path))
@click.option("--errors", "show_errors", is_flag=True,
              help="List the gold facts missed and the extracted facts that match none.")
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
@click.option("--min-confidence", "min_confidence", type=click.FloatRange(0, 1), default=None,
              help="Leave out extracted facts whose confidence is below this.")
@click.option("--curve", is_flag=True,
              help="Strict precision and recall of the target types at confidence thresholds "
                   "0.0, 0.1, ..., 0.9 instead of the table.")
def evaluate(extracted: Path, gold: Path, show_errors: bool, as_json: bool,
             min_confidence: float | None, curve: bool) -> None:
    """Precision and recall of EXTRACTED facts against GOLD facts (files, or folders matched
    by the document each file describes), per fact type, strict and lenient."""
    from ..extraction.evaluate import curve as run_curve
    from ..extraction.evaluate import evaluate as run
    from ..extraction.evaluate import table

    try:
        if curve:
            click.echo(run_curve(extracted, gold, _registry()))
            return
        scores, missing = run(extracted, gold, _registry(), min_confidence)
    except DiplographError as e:
        _fail(e)
        return
    if as_json:
        click.echo(json.dumps({t: {"gold": s.gold, "extracted": s.extracted, **s.figures}
                               for t, s in scores.items()}, indent=2))
    else:
        click.echo(table(scores))
    for name in missing:
        click.echo(f"warning: no extracted file for {name} (counted as nothing extracted)",
                   err=True)
    if show_errors:
        for t, s in sorted(scores.items()):
            for m in s.misses:
                click.echo(f"missed  {t}: {m}")
            for w in s.wrong:
                click.echo(f"wrong   {t}: {w}")


def _show(i: int, n: int, fact: dict, text: str) -> None:
    off = fact.get("offsets")
    quote = fact.get("quote", "")
    if off and text[off[0] : off[1]] == quote:
        a, b = off
    else:
        a = text.find(quote)
        b = a + len(quote)
    before = text[max(0, a - 80) : a].replace("\n", " ")
    after = text[b : b + 80].replace("\n", " ")
    click.echo("")
    head = (f"[{i}/{n}] {fact.get('type')} {fact.get('id')}  "
            f"confidence {fact.get('confidence', '-')}  rule {fact.get('rule', '-')}")
    click.echo(click.style(head, bold=True))
    click.echo(textwrap.fill("…" + before + click.style(quote, fg="yellow", bold=True) + after
                             + "…", width=100))
    skip = {"id", "type", "review", "confidence", "rule", "quote", "offsets", "occurrence"}
    for k, v in fact.items():
        if k not in skip:
            click.echo(f"  {k}: {json.dumps(v, ensure_ascii=False)}")


@click.command()
@click.argument("facts_file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--all", "review_all", is_flag=True,
              help="Also go through facts already accepted or rejected.")
def review(facts_file: Path, review_all: bool) -> None:
    """Review the candidates of FACTS_FILE one by one: [a]ccept, [r]eject, [s]kip, [q]uit.

    Each decision is saved at once (checked by the loader first), and only the `review:` line
    of that fact changes: hand edits in the file are kept.
    """
    from ..extraction.review import FactsText, check_and_write, set_status

    try:
        ft = FactsText.read(facts_file)
        text = ft.document_text()
    except DiplographError as e:
        _fail(e)
        return
    todo = [f for f in ft.facts if isinstance(f, dict)
            and (review_all or f.get("review") == "candidate")]
    if not todo:
        click.echo("nothing to review: no candidates left", err=True)
        return
    counts: Counter[str] = Counter()
    for i, fact in enumerate(todo, 1):
        _show(i, len(todo), fact, text)
        while True:
            answer = click.prompt("accept, reject, skip or quit? [a/r/s/q]", default="s",
                                  show_default=False, err=True).strip().lower()[:1]
            if answer in ("a", "r", "s", "q"):
                break
            click.echo("please answer a, r, s or q", err=True)
        if answer == "q":
            break
        if answer == "s":
            counts["skipped"] += 1
            continue
        status = "accepted" if answer == "a" else "rejected"
        try:
            ft = FactsText.read(facts_file)  # the file as it is now (hand edits kept)
            check_and_write(facts_file, set_status(ft, fact["id"], status))
            counts[status] += 1
        except DiplographError as e:
            click.echo(f"not saved: {e}", err=True)
            counts["refused"] += 1
    click.echo(", ".join(f"{n} {k}" for k, n in counts.items()) or "no change", err=True)
