"""``diplograph link``: reconcile names to the registry and Wikidata (click command ``link``).

Modes (one per call):

* ``diplograph link`` - link the store's entities that lack a Wikidata link (graph ``dgg:links``);
* ``diplograph link names.csv --column NAME [--lang vi] [--type state] -o out.csv`` - reconcile a
  column of a CSV/TSV file;
* ``diplograph link --report [-o docs/linking-report.md]`` - registry completeness report;
* ``diplograph link --verify-online [--wikidata-api URL]`` - compare QIDs and labels with Wikidata;
* ``diplograph link --wikidata-view -o view.ttl|view.nq`` - the Wikidata-shaped view of the store;
* ``diplograph link --quickstatements -o out.txt`` - QuickStatements v1 lines for dated facts;
* ``diplograph link --evaluate LIST.csv [--failures]`` - precision, recall and ambiguity reporting
  of the matcher on an evaluation list (``tests/linking/eval/names_dev.csv``, ``names_test.csv``).

Exit codes: 0 success, 1 a failure (bad file, store problem, verification found problems),
2 a usage error (bad options, missing column).
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ..graph.errors import DiplographError
from ..graph.store import open_store
from .options import store_option

EXIT_FAILURE = 1
EXIT_USAGE = 2


def _fail(e: DiplographError, usage: bool = False) -> None:
    click.echo(f"error: {e}", err=True)
    sys.exit(EXIT_USAGE if usage or e.kind == "syntax" else EXIT_FAILURE)


def _write_text(path: Path | None, text: str) -> None:
    if path is None:
        click.echo(text, nl=not text.endswith("\n"))
        return
    import os
    import tempfile

    folder = path.parent if str(path.parent) else Path(".")
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=folder)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            fh.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    click.echo(f"wrote {path}", err=True)


def _store(store_path: Path | None, read_only: bool):  # noqa: ANN202
    try:
        return open_store(store_path, read_only=read_only)
    except DiplographError as e:
        _fail(e)


@click.command("link")
@click.argument(
    "file", required=False, type=click.Path(dir_okay=False, exists=True, path_type=Path)
)
@click.option(
    "--column", "-c", help="Column of FILE holding the names (header name, or 1-based number)."
)
@click.option(
    "--lang", type=click.Choice(["en", "vi"]), default=None, help="Language hint for ties."
)
@click.option(
    "--type",
    "kind",
    type=click.Choice(["state", "organisation"]),
    default=None,
    help="Only match entities of this type.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Output file (CSV/TSV for FILE; Markdown for --report; .ttl/.nq for --wikidata-view).",
)
@store_option
@click.option("--report", is_flag=True, help="Write the registry completeness report.")
@click.option(
    "--verify-online", is_flag=True, help="Check QIDs and labels against Wikidata's API (network)."
)
@click.option(
    "--wikidata-api", default=None, help="wbgetentities endpoint [default: Wikidata's api.php]."
)
@click.option(
    "--all", "everything", is_flag=True, help="With --verify-online: every entity with a QID."
)
@click.option("--wikidata-view", is_flag=True, help="Export the Wikidata-shaped view of the store.")
@click.option(
    "--quickstatements", is_flag=True, help="Export QuickStatements v1 lines for dated facts."
)
@click.option(
    "--separator",
    type=click.Choice(["pipe", "tab"]),
    default="pipe",
    help="QuickStatements column separator.",
)
@click.option(
    "--dry-run", is_flag=True, help="Without FILE: report what would be linked, write nothing."
)
@click.option(
    "--evaluate",
    "evaluate_list",
    type=click.Path(dir_okay=False, exists=True, path_type=Path),
    default=None,
    help="Evaluate the matcher on a list (name,lang,expected,kind,category).",
)
@click.option("--failures", is_flag=True, help="With --evaluate: list the rows counted wrong.")
@click.option(
    "--prefix",
    default=None,
    help="With FILE: put this before the added column names (iri, qid, label, score, match, "
    "note) [default: 'link_' when the input already has one of them, else none].",
)
def link(
    file: Path | None,
    column: str | None,
    lang: str | None,
    kind: str | None,
    output: Path | None,
    store_path: Path | None,
    report: bool,
    verify_online: bool,
    wikidata_api: str | None,
    everything: bool,
    wikidata_view: bool,
    quickstatements: bool,
    separator: str,
    dry_run: bool,
    evaluate_list: Path | None,
    failures: bool,
    prefix: str | None,
) -> None:
    """Reconcile names to registry entities and Wikidata QIDs (see `docs/linking.md`)."""
    modes = [
        m
        for m, on in (
            ("FILE", file is not None),
            ("--report", report),
            ("--verify-online", verify_online),
            ("--wikidata-view", wikidata_view),
            ("--quickstatements", quickstatements),
            ("--evaluate", evaluate_list is not None),
        )
        if on
    ]
    if len(modes) > 1:
        _fail(DiplographError("bad-input", f"choose one of {', '.join(modes)}"), usage=True)
    try:
        if file is not None:
            _link_file(file, column, lang, kind, output, prefix)
        elif report:
            from ..linking.evaluate import default_lists, markdown_section
            from ..linking.matcher import Matcher
            from ..linking.report import completeness_report
            from ..loaders.registry import load_registry

            reg = load_registry()
            text = completeness_report(reg)
            lists = default_lists()
            if lists:
                text += "\n" + markdown_section(Matcher(reg), lists)
            _write_text(output, text)
        elif verify_online:
            _verify(wikidata_api, everything)
        elif evaluate_list is not None:
            _evaluate(evaluate_list, failures)
        elif wikidata_view:
            _view(store_path, output)
        elif quickstatements:
            from ..linking.quickstatements import quickstatements as qs
            from ..loaders.wikidata_view import wikidata_view_quads

            store = _store(store_path, read_only=True)
            exp = qs(wikidata_view_quads(store), separator="|" if separator == "pipe" else "\t")
            _write_text(output, exp.text())
            click.echo(
                f"{len(exp.lines)} statements; skipped: "
                f"{exp.skipped_no_qid} without a verified QID, "
                f"{exp.skipped_role} with an observer role, {exp.skipped_undated} undated, "
                f"{exp.skipped_dataset} from reference data sets",
                err=True,
            )
        else:
            _link_store(store_path, dry_run)
    except DiplographError as e:
        _fail(e)


def _link_file(
    file: Path, column: str | None, lang: str | None, kind: str | None, output: Path | None,
    prefix: str | None = None,
) -> None:
    from ..linking.csv_reconcile import read_table, reconcile_file
    from ..linking.matcher import Matcher
    from ..loaders.registry import load_registry

    if not column:
        try:
            header, _rows, _d = read_table(file)
            cols = ", ".join(repr(h) for h in header)
        except DiplographError:
            cols = "(unreadable file)"
        _fail(
            DiplographError(
                "bad-input", f"--column is required with FILE; the columns are: {cols}"
            ),
            usage=True,
        )
    if output is None:
        _fail(DiplographError("bad-input", "-o/--output is required with FILE"), usage=True)
    assert column is not None and output is not None
    try:
        summary = reconcile_file(
            lambda: Matcher(load_registry()), file, output, column, kind=kind, lang=lang,
            prefix=prefix,
        )
    except DiplographError as e:
        _fail(e, usage=e.message.startswith("no column"))
        return
    click.echo(
        f"wrote {output}: {summary.rows} rows, {summary.matched} matched, "
        f"{summary.ambiguous} ambiguous, "
        f"{summary.unmatched} not matched, {summary.skipped} skipped",
        err=True,
    )


def _evaluate(path: Path, failures: bool) -> None:
    from ..linking.evaluate import evaluate, read_list, render
    from ..linking.matcher import Matcher
    from ..loaders.registry import load_registry

    ev = evaluate(Matcher(load_registry()), read_list(path))
    click.echo(render(ev, failures=failures, categories=True))


def _verify(api: str | None, everything: bool) -> None:
    from ..linking.verify_online import DEFAULT_API, check_api_url, render, select, verify
    from ..loaders.registry import load_registry

    url = check_api_url(api or DEFAULT_API)
    results = verify(select(load_registry(), everything=everything), api=url)
    click.echo(render(results))
    if any(r.status in ("missing", "redirect", "error") for r in results):
        sys.exit(EXIT_FAILURE)


def _view(store_path: Path | None, output: Path | None) -> None:
    import pyoxigraph as ox

    from ..loaders.wikidata_view import WIKIDATA_PREFIXES, wikidata_view_quads

    if output is None:
        _fail(
            DiplographError("bad-input", "--wikidata-view needs -o FILE.ttl or FILE.nq"), usage=True
        )
    assert output is not None
    suffix = output.suffix.lower()
    if suffix not in (".ttl", ".nq"):
        _fail(
            DiplographError("bad-input", f"-o must end in .ttl or .nq, not {suffix or '(none)'}"),
            usage=True,
        )
    store = _store(store_path, read_only=True)
    quads = list(wikidata_view_quads(store))
    if suffix == ".ttl":
        from ..graph.namespaces import PREFIXES

        triples = [ox.Triple(q.subject, q.predicate, q.object) for q in quads]
        data = ox.serialize(
            triples, format=ox.RdfFormat.TURTLE, prefixes={**PREFIXES, **WIKIDATA_PREFIXES}
        )
    else:
        data = ox.serialize(quads, format=ox.RdfFormat.N_QUADS)
    _write_text(output, data.decode("utf-8"))
    click.echo(f"{len(quads)} quads", err=True)


def _link_store(store_path: Path | None, dry_run: bool) -> None:
    from ..linking.link_graph import link_store
    from ..loaders.registry import load_registry

    store = _store(store_path, read_only=dry_run)
    rep = link_store(store, load_registry(), dry_run=dry_run)
    click.echo(rep.text())
