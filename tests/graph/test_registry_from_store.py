"""Registry.from_store: the registry read back from the store resolves every name as the one
built from the data sets, and the one name normaliser is shared."""

from __future__ import annotations

import dataclasses

import pyoxigraph as ox

from diplograph.graph.errors import DiplographError
from diplograph.graph.names import exact_form, folded_form
from diplograph.graph.registry import Registry, exact, fold
from diplograph.linking import normalise


def _outcome(registry: Registry, name: str) -> str:
    """The key ``name`` resolves to, or the error (the entities an ambiguous name lists are
    compared as a set: the store does not keep the data sets' row order)."""
    try:
        return registry.resolve(name).key
    except DiplographError as e:
        head, _, names = e.message.partition(": ")
        return head + ": " + ", ".join(sorted(names.split(", ")))


def test_the_store_registry_resolves_every_name_alike(built_store: ox.Store) -> None:
    from diplograph.loaders.registry import load_registry

    built = load_registry()
    read = Registry.from_store(built_store)
    assert len(read) == len(built)
    differ = []
    for e in built.entities:
        for name, _tier in e.names():
            a, b = _outcome(built, name), _outcome(read, name)
            if a != b:
                differ.append((name, a, b))
    assert differ == []
    for e in built.entities:  # every field travels through the graph
        r = read.get(e.key)
        assert r is not None
        for f in dataclasses.fields(e):
            a, b = getattr(e, f.name), getattr(r, f.name)
            if isinstance(a, tuple):  # the store keeps no order
                a, b = sorted(set(map(str, a))), sorted(set(map(str, b)))
            assert a == b, (e.key, f.name)
    mng = read.get("MNG")
    assert mng is not None and mng.qid == built.get("MNG").qid and mng.labels == built.get("MNG").labels  # type: ignore[union-attr]
    assert read.ambiguous and read.preferred  # the curated names travel through the graph


def test_one_normaliser() -> None:
    assert normalise.folded_form is folded_form and normalise.exact_form is exact_form
    for name in ("The Gambia", "Trade & Development", "Mông Cổ", "Côte d’Ivoire", "G-77"):
        assert fold(name) == folded_form(name) and exact(name) == exact_form(name)
