"""Issue 17, the build's end: the search index that ``diplograph build`` keeps for the next
start is read while the store compacts (``store.optimize()`` on a second thread,
cli/main.py ``_compact_reading_index``; server/search_index.py ``read_for_next_start``),
instead of after it on one CPU.

What must hold: the index read from the open store during its compaction is, byte for byte,
the one read the old way (from the closed store, through the service's opening) after it; and
``keep_for_next_start`` keeps exactly that index, keyed so that the next reading finds it.
A real on-disk store written by SPARQL updates and bulk loads (several table files, so the
compaction has work to do), a real compaction on a real thread.
"""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from diplograph.cli.main import _compact_reading_index
from diplograph.graph.executor import QueryService
from diplograph.server.search_index import (
    _encode,
    _read_by_patterns,
    keep_for_next_start,
    read_for_next_start,
    saved_folder,
)

DG = "https://diplograph.org/ontology#"
LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
ALT = "http://www.w3.org/2004/02/skos/core#altLabel"
TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"

NAMES = [("Aland", "AL"), ("Borduria", "BO"), ("Syldavia", "SY"), ("Freedonia", "FR"),
         ("Ruritania", "RU"), ("Latveria", "LA")]


def _fill(path: Path) -> None:
    """States with names in two graphs (updates), and bulk loads of many other triples in
    three more graphs, each its own table files."""
    store = ox.Store(str(path))
    lines = []
    for i, (name, code) in enumerate(NAMES):
        s = f"<http://e/state/{i}>"
        lines.append(f"{s} <{TYPE}> <{DG}State> .")
        lines.append(f'{s} <{LABEL}> "{name}"@en .')
        lines.append(f'{s} <{ALT}> "{code}" .')
    store.update("INSERT DATA { GRAPH <http://e/g1> {\n" + "\n".join(lines) + "\n} }")
    store.update(f'INSERT DATA {{ GRAPH <http://e/g2> {{ <http://e/state/0> <{LABEL}> '
                 f'"Ahvenanmaa"@fi . <http://e/org/1> a <{DG}InternationalOrganization> ; '
                 f'<{LABEL}> "League of Nowhere"@en . }} }}')
    for g in range(3):
        body = "".join(f"<http://e/x/{g}/{i}> <http://e/p/{i % 7}> \"{i}\" .\n"
                       for i in range(20_000))
        store.bulk_load(body.encode(), format=ox.RdfFormat.N_TRIPLES,
                        to_graph=ox.NamedNode(f"http://e/bulk/{g}"))
    store.flush()


def _read_after(path: Path) -> bytes:
    """The index as ``keep_for_next_start`` read it before: the closed store, opened as a
    start opens it."""
    with QueryService(path, workers=1, isolation="thread", timeout=60.0,
                      union_default_graph=True) as qs:
        return _encode(_read_by_patterns(qs, qs.generation))


@pytest.fixture()
def store(tmp_path: Path) -> Path:
    path = tmp_path / "store"
    _fill(path)
    return path


def test_the_index_read_during_the_compaction_is_the_one_read_after_it(store: Path) -> None:
    tables_before = len(list(store.glob("*.sst")))
    opened = ox.Store(str(store))
    made: list[tuple[bytes, int]] = []
    _compact_reading_index(opened, made)
    del opened  # closed
    assert len(made) == 1
    body, entities = made[0]
    assert entities == len(NAMES) + 1  # the six states and the organisation
    assert body == _read_after(store)
    # the compaction ran (the bulk loads' tables merged)
    assert len(list(store.glob("*.sst"))) < tables_before
    # kept as given, and keyed as the next reading keys the store: found there, not read
    assert keep_for_next_start(store, made[0]) == ("kept", entities)
    [kept] = list(saved_folder(store).glob("*.json"))
    assert kept.read_bytes().split(b"\n", 1)[1] == body
    assert keep_for_next_start(store) == ("found", entities)


def test_the_names_are_in_the_index_read_from_the_open_store(store: Path) -> None:
    opened = ox.Store(str(store))
    body, entities = read_for_next_start(opened)
    del opened
    assert entities == len(NAMES) + 1
    for text in ("Syldavia", "Ahvenanmaa", "League of Nowhere", "http://e/state/5"):
        assert text.encode() in body, text
    assert b"http://e/x/0/1" not in body  # triples with no name or kind are not read


def test_without_an_index_to_read_only_the_compaction_runs(store: Path) -> None:
    opened = ox.Store(str(store))
    _compact_reading_index(opened, None)
    del opened
    assert not saved_folder(store).exists()
    assert keep_for_next_start(store) == ("kept", len(NAMES) + 1)
