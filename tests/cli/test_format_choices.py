"""The CLI's ``--format`` choices come from the one format table (``graph/formats.py``)."""

from __future__ import annotations

from pathlib import Path

import click
import pyoxigraph as ox
from click.testing import CliRunner

from diplograph.cli.main import main
from diplograph.graph import formats


def _choices(command: str) -> list[str]:
    cmd = main.commands[command]
    opt = next(p for p in cmd.params if p.name == "fmt")
    assert isinstance(opt.type, click.Choice)
    return list(opt.type.choices)


def test_choices_are_the_format_table() -> None:
    assert _choices("query") == [f.name for f in formats.FORMATS]
    rdf = [f.name for f in formats.FORMATS if isinstance(f.pyoxigraph, ox.RdfFormat)]
    assert _choices("load") == _choices("export") == rdf


def test_n3_from_the_table_loads_exports_and_answers(tmp_path: Path) -> None:
    """N3, in the table, is offered by every command, and works both ways."""
    src = tmp_path / "in.n3"
    src.write_text('@prefix ex: <http://example.org/> .\nex:a ex:p "x" .\n', encoding="utf-8")
    store = tmp_path / "store"
    runner = CliRunner()
    r = runner.invoke(main, ["load", "--store", str(store), str(src)])
    assert r.exit_code == 0, r.output
    out = tmp_path / "out.n3"
    r = runner.invoke(main, ["export", "--store", str(store), "-o", str(out)])
    assert r.exit_code == 0, r.output
    got = list(ox.parse(out.read_bytes(), format=ox.RdfFormat.N3))
    assert [str(q.triple) for q in got] == ['<http://example.org/a> <http://example.org/p> "x"']
    r = runner.invoke(main, ["query", "--store", str(store), "--format", "n3",
                             "CONSTRUCT WHERE { ?s ?p ?o }"])
    assert r.exit_code == 0, r.output
    assert "<http://example.org/a>" in r.output
