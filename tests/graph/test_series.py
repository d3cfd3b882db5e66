"""graph/series.py over a real on-disk store: alliances in force, disputes and wars under way,
allies of a year and opponents, counted from the rows written here (the server's pictures use
the same functions; tests/ui/test_reference_summary.py checks what they draw)."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox

from diplograph.graph import series
from diplograph.graph.store import open_store

DG = "https://diplograph.org/ontology#"
ID = "https://diplograph.org/id/"
XSD = "http://www.w3.org/2001/XMLSchema#"
A = f"<{ID}state/AAA>"


def _store(path: Path) -> ox.Store:
    rows = []
    for n, (other, a, b) in enumerate([("BBB", 1990, 1995), ("CCC", 1994, 1994),
                                       ("BBB", 1999, 2000)]):
        rows.append(f"<{ID}fact/atop/{n}> a <{DG}AllianceObligation> ; <{DG}party> {A}, "
                    f"<{ID}state/{other}> ; <{DG}obligation> <{ID}concept/obligation/defence> ;"
                    f' <{DG}startDateEarliest> "{a}-01-01"^^<{XSD}date> ;'
                    f' <{DG}endDateLatest> "{b}-12-31"^^<{XSD}date> .')
    for n, (cls, a, b, sides) in enumerate([
            ("MilitarizedDispute", 1991, 1992, [("AAA", "a"), ("BBB", "b")]),
            ("MilitarizedDispute", 1992, 1992, [("AAA", "a"), ("CCC", "a"), ("DDD", "b")]),
            ("War", 1992, 1993, [("AAA", "b"), ("BBB", "a")])]):
        f = f"<{ID}fact/c/{n}>"
        rows.append(f"{f} a <{DG}{cls}> ; <{DG}involves> "
                    + ", ".join(f"<{ID}state/{s}>" for s, _ in sides)
                    + f' ; <{DG}startDateEarliest> "{a}-03-01"^^<{XSD}date> ;'
                    f' <{DG}endDateLatest> "{b}-06-30"^^<{XSD}date> .')
        for s, side in sides:
            rows.append(f"{f} <{DG}participantEpisode> <{ID}fact/c/{n}/{s}> . <{ID}fact/c/{n}/{s}>"
                        f" <{DG}participant> <{ID}state/{s}> ; <{DG}side> <{ID}side/{side}> .")
    store = open_store(path)
    store.load("\n".join(rows).encode(), format=ox.RdfFormat.TURTLE,
               to_graph=ox.NamedNode("https://diplograph.org/graph/test"))
    return store


def test_series_and_counterparts(tmp_path: Path) -> None:
    select = series.store_select(_store(tmp_path / "store"))
    assert series.alliances_by_year(select, A) == [
        (1990, 1), (1991, 1), (1992, 1), (1993, 1), (1994, 2), (1995, 1), (1996, 0),
        (1997, 0), (1998, 0), (1999, 1), (2000, 1)]
    parts = series.conflicts_by_year(select, A)
    assert parts == {"disputes": [(1991, 1), (1992, 2), (1993, 0)],
                     "wars": [(1991, 0), (1992, 1), (1993, 1)]}
    year, allies = series.alliance_partners(select, A)
    assert year == 2000 and set(allies) == {f"{ID}state/BBB"}
    year, allies = series.alliance_partners(select, A, 1994)
    assert set(allies) == {f"{ID}state/BBB", f"{ID}state/CCC"}
    assert allies[f"{ID}state/CCC"].what == {"defence"}  # no label: the IRI's end
    foes = series.opponents(select, A)
    assert {k.rsplit("/", 1)[1]: (p.disputes, p.wars) for k, p in foes.items()} == {
        "BBB": (1, 1), "DDD": (1, 0)}  # CCC fought on AAA's side
    other = series.store_select(_store(tmp_path / "empty"))
    assert series.conflicts_by_year(other, f"<{ID}state/ZZZ>") == {"disputes": [], "wars": []}
