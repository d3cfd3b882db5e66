"""Remembered SHACL verdicts (``ontology/shacl_verdicts.py``): a facts file whose triples
conformed is not checked by pySHACL again; a file that breaks a shape is checked and refused,
with file, line and field, every time."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pyoxigraph as ox
import pytest

from diplograph.graph.errors import DiplographError
from diplograph.loaders import facts
from diplograph.loaders.facts import check_shapes, parse_facts_file
from diplograph.loaders.facts_rdf import document_quads
from diplograph.ontology import SHAPES_FILE, shacl
from diplograph.ontology.shacl_verdicts import known_to_conform, verdict_key

from ..loaders.test_facts_loader import _mini

DG = "https://diplograph.org/ontology#"


@pytest.fixture()
def checks(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> list[int]:
    """A cache folder of this test's own, and the number of pySHACL checks run (the real
    check runs; its calls are counted)."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delenv("DIPLOGRAPH_NO_CACHE", raising=False)
    calls: list[int] = []
    real = shacl.check_terms

    def counted(triples):  # noqa: ANN001, ANN202
        calls.append(1)
        return real(triples)

    monkeypatch.setattr(shacl, "check_terms", counted)
    return calls


def _doc_and_quads(tmp_path: Path, when: dt.datetime) -> tuple[object, list[ox.Quad]]:
    doc = parse_facts_file(_mini(tmp_path))
    return doc, document_quads(doc, loaded_at=when)


def test_a_conforming_file_is_checked_once(checks: list[int], tmp_path: Path) -> None:
    doc, quads = _doc_and_quads(tmp_path, dt.datetime(2026, 1, 1, tzinfo=dt.UTC))
    check_shapes(doc, quads)
    assert len(checks) == 1
    check_shapes(doc, quads)
    assert len(checks) == 1  # remembered
    # another load of the same file, later: only the load's time differs
    doc, later = _doc_and_quads(tmp_path, dt.datetime(2026, 6, 1, tzinfo=dt.UTC))
    assert set(later) != set(quads)
    check_shapes(doc, later)
    assert len(checks) == 1


def test_a_file_that_breaks_a_shape_is_refused_every_time(checks: list[int],
                                                         tmp_path: Path) -> None:
    doc, quads = _doc_and_quads(tmp_path, dt.datetime(2026, 1, 1, tzinfo=dt.UTC))
    check_shapes(doc, quads)  # the good file, remembered
    # the relation loses one of its two parties: the schema cannot see it, the shapes do
    party = [q for q in quads if q.predicate.value == DG + "party"
             and "/rel" in q.subject.value]
    assert len(party) == 2
    broken = [q for q in quads if q != party[0]]
    for _ in range(2):
        with pytest.raises(DiplographError) as info:
            check_shapes(doc, broken)
        e = info.value
        assert e.kind == "bad-input" and "nothing was loaded" in e.message
        assert any(d.startswith(f"{doc.path}:") and ": facts[0]: shape: " in d
                   and "exactly two dg:party" in d for d in e.details), e.details
    assert len(checks) == 3  # checked every time it was refused
    key = verdict_key([ox.Triple(q.subject, q.predicate, q.object) for q in broken],
                      volatile=facts.VOLATILE)
    assert not known_to_conform(key)


def test_no_cache_checks_every_time(checks: list[int], tmp_path: Path,
                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DIPLOGRAPH_NO_CACHE", "1")
    doc, quads = _doc_and_quads(tmp_path, dt.datetime(2026, 1, 1, tzinfo=dt.UTC))
    check_shapes(doc, quads)
    check_shapes(doc, quads)
    assert len(checks) == 2
    assert not (tmp_path / "cache" / "diplograph" / "shacl").exists()


def test_the_volatile_predicates_are_read_by_no_shape() -> None:
    """Their values are left out of a verdict's key: that is only sound while no shape reads
    them (nor names them anywhere)."""
    shapes = SHAPES_FILE.read_text(encoding="utf-8")
    for iri in facts.VOLATILE:
        local = iri.rsplit("#", 1)[-1]
        assert iri not in shapes and local not in shapes, iri
