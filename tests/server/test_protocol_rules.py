"""The Protocol's dataset and using-* parameters (server/protocol_rules.py)."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from diplograph.graph.errors import DiplographError
from diplograph.server.protocol_rules import add_using, dataset, update_with_dataset


def test_dataset_parameters_become_terms() -> None:
    ds = dataset([("default-graph-uri", "http://g/1"), ("named-graph-uri", "http://g/2")])
    assert ds is not None and ds.default == (ox.NamedNode("http://g/1"),)
    assert ds.named == (ox.NamedNode("http://g/2"),)
    with pytest.raises(DiplographError, match="not an absolute IRI"):
        dataset([("default-graph-uri", "http://g/> } DROP ALL #")])


def test_using_parameters() -> None:
    text = "DELETE { ?s ?p ?o } WHERE { ?s ?p ?o } ; INSERT { ?s ?p 1 } WHERE { ?s ?p ?o }"
    out = update_with_dataset(text, ["http://g/1"], ["http://g/2"])
    assert out.count("USING <http://g/1> USING NAMED <http://g/2> WHERE") == 2
    assert update_with_dataset(text, [], []) == text
    with pytest.raises(DiplographError, match="cannot be combined with WITH"):
        update_with_dataset("WITH <http://g/> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }",
                            ["http://g/1"], [])
    with pytest.raises(DiplographError, match="DELETE WHERE short form"):
        add_using("DELETE WHERE { ?s ?p ?o }", ["http://g/1"], [])
