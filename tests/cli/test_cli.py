"""The diplograph command line, run as a real process."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox

from ..conftest import ROOT

DG = [sys.executable, "-m", "diplograph"]


def run(
    *args: str, env: dict[str, str] | None = None, check: bool = False
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*DG, *args], capture_output=True, text=True, env=env, check=check, cwd=ROOT
    )


def test_every_command_has_help() -> None:
    """The listing from a real process; each command's help from the same command line in
    process (every command is registered when ``cli.main`` is imported, so a process each
    only added its start, about 0.14 s of CPU for each of the 18: docs/testing.md,
    "Session 18")."""
    from click.testing import CliRunner

    from diplograph.cli import main

    out = run("--help", check=True).stdout
    commands = [line.split()[0] for line in out.split("Commands:")[1].splitlines() if line.strip()]
    assert {"build", "validate", "query", "export", "stats"} <= set(commands)
    for c in commands:
        result = CliRunner().invoke(main, [c, "--help"])
        assert result.exit_code == 0, (c, result.output)
        assert result.output.startswith("Usage: ") and f" {c} " in result.output, c


def test_query_syntax_error_exits_2_with_parser_message(built_store_path: Path) -> None:
    p = run("query", "SELEC * WHERE { ?s ?p ?o }", "--store", str(built_store_path))
    assert p.returncode == 2
    assert "syntax" in p.stderr.lower() and "error" in p.stderr.lower()
    assert p.stdout == ""


def test_query_formats(built_store_path: Path) -> None:
    q = "SELECT ?n WHERE { <https://diplograph.org/id/state/MNG> <http://www.w3.org/2000/01/rdf-schema#label> ?n FILTER(LANG(?n) = 'vi') }"
    j = json.loads(run("query", q, "--store", str(built_store_path), check=True).stdout)
    assert j["results"]["bindings"][0]["n"]["value"] == "Mông Cổ"
    csv = run("query", q, "--store", str(built_store_path), "--format", "csv", check=True).stdout
    assert csv.splitlines()[0].strip() == "n" and "Mông Cổ" in csv
    ttl = run(
        "query",
        "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o } LIMIT 3",
        "--store",
        str(built_store_path),
        "--format",
        "turtle",
        check=True,
    ).stdout
    assert ttl.strip()


def test_named_query_with_parameters(built_store_path: Path) -> None:
    out = run(
        "query",
        "--named",
        "wikidata-qid",
        "-p",
        "entity=Mông Cổ",
        "--store",
        str(built_store_path),
        "--format",
        "csv",
        check=True,
    ).stdout
    assert "Q711" in out
    bad = run("query", "--named", "wikidata-qid", "-p", "nope=1", "--store", str(built_store_path))
    assert bad.returncode == 2 and "unknown parameter 'nope'" in bad.stderr  # a usage error


def test_stats_json(sample_store: ox.Store, sample_store_path: Path) -> None:
    """On the build's sample (every graph's first 3,000 quads: the command counts the whole
    graph quad by quad, about 30 s of CPU), its counts checked against the store's own."""
    s = json.loads(run("stats", "--json", "--store", str(sample_store_path), check=True).stdout)
    assert s["facts"] > 100 and s["quads"] == len(sample_store) > 10000
    assert "https://diplograph.org/graph/source/vn-mn-relations-2023" in s["graphs"]
    assert s["graphs"] == {g.value: len(list(sample_store.quads_for_pattern(None, None, None, g)))
                           for g in sample_store.named_graphs()}
    [facts] = sample_store.query("SELECT (COUNT(DISTINCT ?f) AS ?n) WHERE { ?f a <"
                                 "https://diplograph.org/ontology#Fact> }",
                                 use_default_graph_as_union=True)
    assert s["facts"] == int(facts["n"].value)  # type: ignore[index]


def test_validate_reports_and_exits_1(tmp_path: Path) -> None:
    bad = tmp_path / "x.facts.yaml"
    bad.write_text("format: diplograph-facts/1\ndocument: {id: x}\nfacts: []\n", encoding="utf-8")
    p = run("validate", str(bad))
    assert p.returncode == 1
    assert f"{bad}:2: document: missing required key 'file'" in p.stderr


def test_build_then_rebuild_is_identical(built_store: ox.Store, sample_store: ox.Store,
                                         sample_store_path: Path, tmp_path: Path) -> None:
    """`diplograph build` over a build made by the same code finds every graph up to date and
    changes nothing but the build times. The claim is the build's (its steps' fingerprints,
    kept in ``dgg:build``, decide; nothing is written when they match): on a copy of the
    build's sample (every graph cut to its first 3,000 quads, ``dgg:build`` whole in it), so
    that the store before and after is compared in a second instead of dumping the whole
    graph again (about 15 s of CPU; docs/testing.md, "Session 13"). A step that wrote its
    graph anyway would write it whole, not as the sample's cut. (A second full build from
    scratch through the command cost about a minute of CPU; the command's progress on a build
    that writes is checked with smaller inputs in tests/loaders/test_build_incremental.py.)"""
    build_graph = ox.NamedNode("https://diplograph.org/graph/build")
    fingerprints = set(built_store.quads_for_pattern(None, None, None, build_graph))
    assert fingerprints
    assert set(sample_store.quads_for_pattern(None, None, None, build_graph)) == fingerprints
    copy = tmp_path / "store"
    shutil.copytree(sample_store_path, copy, ignore=shutil.ignore_patterns("LOCK"))

    again = run("build", "--store", str(copy), check=True)
    assert "[1/" in again.stderr and "up to date" in again.stderr
    assert "nothing to rebuild" in again.stderr, again.stderr[-2000:]

    # the copy's sorted N-Quads lines against the sample's, the times of the loads left out
    def lines(store: ox.Store) -> list[bytes]:
        dump = store.dump(format=ox.RdfFormat.N_QUADS) or b""
        return sorted(line for line in dump.splitlines() if b"endedAtTime" not in line)

    before = lines(sample_store)
    assert len(before) > 10_000
    assert lines(ox.Store.read_only(str(copy))) == before
