"""Reconciliation answered from another store's registry: the matcher was cached per process
under the store's write generation alone, so a second app in the same process (on another store
at the same generation) was given the first one's registry. Found when the suite ran in
parallel processes (tests/linking/test_reconcile_api.py after a server test)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pyoxigraph as ox

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "server"))
from server_support import copy_fixture_store, make_app  # noqa: E402

LAO = ("<https://diplograph.org/id/state/LAO> a <https://diplograph.org/ontology#State> ; "
       "<http://www.w3.org/2000/01/rdf-schema#label> \"Laos\"@en .")


def _top(app, name: str) -> list[str]:
    r = app.test_client().post("/reconcile", data={"queries": json.dumps({"q": {"query": name}})})
    assert r.status_code == 200, r.data
    return [c["id"] for c in r.get_json()["q"]["result"]]


def test_each_app_reconciles_against_its_own_store(tmp_path: Path) -> None:
    other = tmp_path / "other"
    copy_fixture_store(other)
    store = ox.Store(str(other))
    store.load(LAO.encode(), format=ox.RdfFormat.TURTLE,
               to_graph=ox.NamedNode("https://diplograph.org/graph/registry"))
    store.flush()
    del store
    first = make_app(tmp_path / "first")
    second = make_app(other)
    try:
        assert first.extensions["diplograph"].generation == second.extensions["diplograph"].generation
        assert "state/LAO" not in _top(first, "Laos")
        assert "state/LAO" in _top(second, "Laos")
    finally:
        first.extensions["diplograph"].close()
        second.extensions["diplograph"].close()
