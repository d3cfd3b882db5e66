"""The server's name matcher read part of its data from ``data/`` although it was built from
the store: the COW capitals ("Yemen (Aden)"), the COW and G-W state lists behind the ambiguous
three-letter codes ("MNG": Mongolia by ISO, Montenegro by COW) and OWID's place names ("Guam"
is a territory, not the acronym GUAM) came from the package's files, so a store built from
other data was answered with the files' capitals and codes (and a server without ``data/``
could not answer them). Now the server passes ``MatcherReference.from_store``: a store built
from edited copies of those files is answered with its own."""

from __future__ import annotations

import csv
import json
import shutil
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest

from diplograph.graph.registry import Registry
from diplograph.linking.matcher import Matcher
from diplograph.linking.reference import MatcherReference
from diplograph.loaders.build import build
from diplograph.loaders.registry import default_data_dir

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "server"))
from server_support import make_app  # noqa: E402


def _edit(path: Path, fix) -> None:
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        fields, rows = reader.fieldnames, [fix(dict(r)) for r in reader]
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=fields, lineterminator="\n")
        w.writeheader()
        w.writerows(rows)


@pytest.fixture(scope="module")
def other_store(tmp_path_factory) -> Path:
    """A store built from a copy of data/ where South Yemen's capital is called "Crater",
    Montenegro's state-list abbreviation is "MTG" and Guam is "Guam Island"."""
    tmp = tmp_path_factory.mktemp("other-data")
    data = tmp / "data"
    shutil.copytree(default_data_dir(), data)

    def capital(r: dict) -> dict:
        return {**r, "capital": "Crater"} if r["capital"] == "Aden" else r

    def abbrev(r: dict) -> dict:
        return {**r, "stateabb": "MTG"} if r["stateabb"] == "MNG" else r

    def place(r: dict) -> dict:
        return {**r, "name": "Guam Island"} if r["iso_alpha3"] == "GUM" else r

    _edit(data / "peace-science" / "cow_capitals.csv", capital)
    _edit(data / "cow-igo-v3" / "cow_states2016.csv", abbrev)
    _edit(data / "peace-science" / "gw_states.csv", abbrev)
    _edit(data / "owid-countries-regions" / "countries_regions.csv", place)
    path = tmp / "store"
    store = ox.Store(str(path))
    report = build(store, data_dir=data,
                   datasets=["cow-capitals", "state-systems", "owid-countries-regions"])
    assert not report.failures, report.failures
    store.flush()
    del store
    return path


def test_the_matcher_of_the_store_answers_with_its_data(other_store: Path) -> None:
    store = ox.Store.read_only(str(other_store))
    reg = Registry.from_store(store)
    ref = MatcherReference.from_store(store)
    assert ref.place_names.get("guamisland") == "Guam Island (GUM)" and "guam" not in ref.place_names
    m = Matcher(reg, reference=ref)
    assert m.match("Yemen (Crater)").best.entity.key == "YMD"
    assert m.match("MNG").best.entity.key == "MNG"  # no list gives Montenegro MNG here
    assert "Guam (GUM)" not in m.match("Guam").note
    # the files of data/ say otherwise
    files = Matcher(reg)
    assert files.match("Yemen (Crater)").best.entity.key == "YEM"  # Crater: no capital here
    assert files.match("MNG").best is None
    assert "Guam (GUM)" in files.match("Guam").note


def _reconcile(app, name: str) -> dict:
    r = app.test_client().post("/reconcile",
                               data={"queries": json.dumps({"q": {"query": name}})})
    assert r.status_code == 200, r.data
    return r.get_json()["q"]


def test_the_server_answers_with_the_store_not_the_files(other_store: Path) -> None:
    app = make_app(other_store)
    try:
        yemen = _reconcile(app, "Yemen (Crater)")["result"]
        assert yemen[0]["id"] == "state/YMD" and yemen[0]["match"] is True
        mng = _reconcile(app, "MNG")["result"]
        assert mng[0]["id"] == "state/MNG" and mng[0]["match"] is True
        assert "Guam (GUM)" not in _reconcile(app, "Guam").get("note", "")
    finally:
        app.extensions["diplograph"].close()
