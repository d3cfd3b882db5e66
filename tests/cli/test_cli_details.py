"""Details a user trips on: the query time limit, exit codes, documents by id or title, the
`note` column of `link`, the count `export` prints."""

from __future__ import annotations

import csv
import subprocess
import sys
import time
from pathlib import Path

import pytest

from ..conftest import ROOT

DG = [sys.executable, "-m", "diplograph"]
HEAVY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


def run(*args: str, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*DG, *args], capture_output=True, text=True, cwd=ROOT,
                          timeout=timeout, check=False)


def test_query_stops_at_the_time_limit_like_the_endpoint(built_store_path: Path) -> None:
    t0 = time.monotonic()
    p = run("query", HEAVY, "--store", str(built_store_path), "--timeout", "1")
    took = time.monotonic() - t0
    assert p.returncode == 1 and p.stdout == ""
    assert "time limit of 1 s" in p.stderr
    assert took < 30, took  # stopped at the limit, not after the cross join
    ok = run("query", "ASK { ?s ?p ?o }", "--store", str(built_store_path), "--timeout", "5")
    assert ok.returncode == 0 and '"boolean":true' in ok.stdout.replace(" ", "")


def test_query_time_limit_defaults_to_the_endpoints() -> None:
    from diplograph.cli.main import query
    from diplograph.server.config import DEFAULTS

    opt = next(o for o in query.params if o.name == "timeout")
    assert opt.default == DEFAULTS["DIPLOGRAPH_QUERY_TIMEOUT"] == 30.0
    assert opt.envvar == "DIPLOGRAPH_QUERY_TIMEOUT"


@pytest.mark.parametrize(
    "args",
    [
        ("query",),
        ("query", "--named", "no-such-query"),
        ("query", "--named", "wikidata-qid"),  # a required parameter is missing
        ("query", "--named", "wikidata-qid", "-p", "entity"),
        ("query", "--named", "wikidata-qid", "-p", "nope=1"),
        ("query", "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o } LIMIT 1", "--format", "csv"),
        ("query", "SELEC * WHERE { ?s ?p ?o }"),
        ("query", "ASK {}", "--timeout", "-1"),
        ("export", "--graph", "not an iri"),
        ("export", "--format", "yaml"),
        ("load", "data.unknown-suffix"),
        ("release",),
        ("release", "-o", "x", "--date", "2026-02-30"),
        ("release", "-o", "x", "--version", "../up"),
        ("diff", "only-one"),
        ("validate",),
        ("stats", "--no-such-option"),
        ("no-such-command",),
    ],
)
def test_usage_errors_exit_2(args: tuple[str, ...], built_store_path: Path, tmp_path: Path) -> None:
    if args[0] == "load":
        f = tmp_path / args[1]
        f.write_text("x")
        args = ("load", str(f), "--store", str(tmp_path / "s"))
    elif args[0] not in ("diff", "validate", "no-such-command"):
        args = (*args, "--store", str(built_store_path))
    if args[0] == "release" and "-o" in args:
        i = args.index("-o")
        args = (*args[:i + 1], str(tmp_path / "rel"), *args[i + 2:])
    from click.testing import CliRunner

    from diplograph.cli import main

    result = CliRunner().invoke(main, list(args))  # in process: a subprocess each is slow
    assert result.exit_code == 2, (args, result.output)
    assert result.output.strip()


def test_document_facts_by_id_title_or_iri(built_store_path: Path) -> None:
    outs = []
    for doc in ("vn-mn-relations-2023", "Quan hệ Việt Nam – Mông Cổ", "vietnam–mongolia relations",
                "https://diplograph.org/id/source/vn-mn-relations-2023"):
        p = run("query", "--named", "document-facts", "-p", f"document={doc}", "--format", "csv",
                "--store", str(built_store_path))
        assert p.returncode == 0, p.stderr
        outs.append(p.stdout)
    assert len(outs[0].splitlines()) > 20 and len(set(outs)) == 1
    bad = run("query", "--named", "document-facts", "-p", "document=no such text",
              "--store", str(built_store_path))
    assert bad.returncode == 2 and "vn-mn-relations-2023" in bad.stderr  # lists the known ids


def test_link_input_with_a_note_column(tmp_path: Path) -> None:
    src = tmp_path / "names.csv"
    src.write_text("name,note\nMongolia,my note\n", encoding="utf-8")
    out = tmp_path / "out.csv"
    p = run("link", str(src), "--column", "name", "-o", str(out))
    assert p.returncode == 0, p.stderr
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert rows[0]["note"] == "my note"
    assert rows[0]["link_iri"] == "https://diplograph.org/id/state/MNG"
    assert rows[0]["link_qid"] == "Q711" and "link_note" in rows[0]
    out2 = tmp_path / "out2.csv"
    p = run("link", str(src), "--column", "name", "-o", str(out2), "--prefix", "wd_")
    assert p.returncode == 0, p.stderr
    assert next(csv.DictReader(out2.open(encoding="utf-8")))["wd_qid"] == "Q711"
    clash = run("link", str(src), "--column", "name", "-o", str(out2), "--prefix", "")
    assert clash.returncode == 1 and "note" in clash.stderr


def test_link_given_a_name_instead_of_a_file_says_the_file_does_not_exist(tmp_path: Path) -> None:
    """A name where FILE goes (`diplograph link CAFTA-DR`) once answered "--column is required
    with FILE; the columns are: (unreadable file)"; it now names the missing file."""
    from click.testing import CliRunner

    from diplograph.cli import main

    result = CliRunner().invoke(main, ["link", str(tmp_path / "CAFTA-DR")])
    assert result.exit_code == 2, result.output
    assert "CAFTA-DR" in result.output and "does not exist" in result.output
    assert "--column" not in result.output


def test_export_prints_the_count_it_wrote(sample_store_path: Path, tmp_path: Path) -> None:
    """On the sample of every graph: the same command and code as on the whole graph, whose
    N-Quads export is checked by tests/graph/test_export.py (test_nquads_keeps_every_quad)."""
    import pyoxigraph as ox

    n = len(ox.Store.read_only(str(sample_store_path)))
    p = run("export", "--format", "nquads", "-o", str(tmp_path / "x.nq"),
            "--store", str(sample_store_path))
    assert p.returncode == 0 and f"exported {n:,} quads" in p.stderr
    g = "https://diplograph.org/graph/meta"
    p = run("export", "--graph", g, "--store", str(sample_store_path))
    lines = [x for x in p.stdout.splitlines() if x and not x.startswith("@prefix")]
    assert "exported 2 triples to standard output" in p.stderr and lines
