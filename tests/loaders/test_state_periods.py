"""States across time: data/registry/state-periods.csv, its loader, and the attribution of the
data sets' spells to the state that existed then (compared with the data files' own rows)."""

from __future__ import annotations

import csv
import datetime as dt
import random
from pathlib import Path

import pyoxigraph as ox
import pytest

from diplograph.graph.errors import DiplographError
from diplograph.loaders.registry import default_data_dir, load_registry
from diplograph.loaders.state_periods import StatePeriods

DATA = default_data_dir()


@pytest.fixture(scope="module")
def periods() -> StatePeriods:
    return StatePeriods.load()


def _rows(rel: str) -> list[dict[str, str]]:
    with (DATA / rel).open(encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def test_every_entity_is_a_registry_state_with_en_and_vi_labels(periods) -> None:
    reg = load_registry()
    keys = {p.key for s in ("cow", "gw") for c in periods.codes(s) for p in periods.periods(s, c)}
    for key in keys:
        e = reg.get(key)
        assert e is not None and e.kind in ("state", "historical-state"), key
    for key in ("SUN", "RSFSR", "RUSSIAN-EMPIRE", "VDR", "RVN", "DDR", "GFR", "YUG", "SCG", "CSK",
                "YMD", "YAR", "OTTOMAN-EMPIRE", "GERMAN-REICH", "PRUSSIA"):
        e = reg.get(key)
        assert e.kind == "historical-state" and {"en", "vi"} <= set(e.labels), key
        assert e.succeeded_by is None or reg.get(e.succeeded_by) is not None, key


def test_successions_follow_the_codes(periods) -> None:
    """Where a code passes from one entity to the next, the first is succeeded by the second
    (or by a state that continues it)."""
    reg = load_registry()
    chains = [("cow", 365), ("gw", 816), ("cow", 345), ("gw", 678), ("cow", 640)]
    for system, code in chains:
        keys = [p.key for p in periods.periods(system, code)]
        for a, b in zip(keys, keys[1:], strict=False):
            assert reg.get(a).succeeded_by == b, (system, code, a, b)


@pytest.mark.parametrize(
    ("rel", "system", "columns"),
    [
        ("cow-igo-v3/state_igo_membership_spells.csv", "cow", ["ccode"]),
        ("cow-igo-v3/cow_states2016.csv", "cow", ["ccode"]),
        ("peace-science/gw_states.csv", "gw", ["gwcode"]),
        ("peace-science/archigos.csv", "gw", ["gwcode"]),
        ("peace-science/cow_capitals.csv", "cow", ["ccode"]),
        ("peace-science/cow_majors.csv", "cow", ["ccode"]),
        ("peace-science/atop_alliance.csv", "cow", ["ccode1", "ccode2"]),
        ("peace-science/cow_war_inter.csv", "cow", ["ccode1", "ccode2"]),
        ("peace-science/gml_part.csv", "cow", ["ccode"]),
        ("peace-science/td_rivalries.csv", "cow", ["ccode1", "ccode2"]),
    ],
)
def test_every_code_of_every_data_file_is_known(periods, rel, system, columns) -> None:
    codes = {int(r[c]) for r in _rows(rel) for c in columns if r[c]}
    assert codes and codes <= set(periods.codes(system)), sorted(codes - set(periods.codes(system)))


def test_lookups(periods) -> None:
    iri = "https://diplograph.org/id/state/"
    assert periods.entity("cow", 365, dt.date(1991, 12, 25)) == iri + "SUN"
    assert periods.entity("cow", 365, dt.date(1991, 12, 26)) == iri + "RUS"
    assert periods.entity("gw", 260, 1995) == iri + "DEU"
    assert periods.entity("cow", 260, 1995) is None
    assert periods.entity("gw", 817, 1965) == iri + "RVN"
    assert periods.entity("cow", 345, 2000) == iri + "SCG"
    assert periods.spans("cow", 816)[0][2] == iri + "VDR"
    with pytest.raises(DiplographError) as err:
        periods.entity("cow", 9999, 1990)
    assert err.value.kind == "bad-input" and "9999" in err.value.message


def test_a_bad_periods_file_names_line_and_column(tmp_path: Path) -> None:
    f = tmp_path / "p.csv"
    f.write_text("system,code,start,end,entity,note\ncow,365,,1917-03-15,X,\n"
                 "cow,365,1917-13-01,,Y,\n", encoding="utf-8")
    with pytest.raises(DiplographError) as err:
        StatePeriods.read(f)
    assert f"{f}:3: start: '1917-13-01' is not a YYYY-MM-DD date" in str(err.value)
    f.write_text("system,code,start,end,entity,note\ncow,365,,1920-01-01,X,\n"
                 "cow,365,1919-01-01,,Y,\n", encoding="utf-8")
    with pytest.raises(DiplographError) as err:
        StatePeriods.read(f)
    assert "overlaps line 2" in str(err.value)


def test_state_system_spells_are_attributed_by_their_dates(built_store: ox.Store, periods) -> None:
    """For G-W and COW state-list rows picked at random (fixed seed) and a random day of each
    spell: the graph's membership of that code covering that day names the entity of
    state-periods.csv for the day."""
    rng = random.Random(365)
    gw = [("gw", int(r["gwcode"]), dt.date.fromisoformat(r["startdate"]),
           dt.date.fromisoformat(r["enddate"])) for r in _rows("peace-science/gw_states.csv")]
    cow = [("cow", int(r["ccode"]),
            dt.date(int(r["styear"]), int(r["stmonth"]), int(r["stday"])),
            dt.date(int(r["endyear"]), int(r["endmonth"]), int(r["endday"])))
           for r in _rows("cow-igo-v3/cow_states2016.csv")]
    sample = rng.sample(gw, 25) + rng.sample(cow, 25)
    sample += [s for s in gw + cow if s[1] in (365, 255, 816, 345)]  # the codes that change
    q = """PREFIX dg: <https://diplograph.org/ontology#> PREFIX org: <http://www.w3.org/ns/org#>
    SELECT ?m ?sys ?code ?day WHERE { ?f a dg:SystemMembership ; org:member ?m ; org:organization ?sys ;
      dg:systemCode ?code ; dg:startDateEarliest ?lo .
      OPTIONAL { ?f dg:endDateLatest ?hi }
      FILTER(?lo <= ?day && (!BOUND(?hi) || ?hi >= ?day)) }"""
    checked = 0
    for system, code, start, end in sample:
        day = start + dt.timedelta(days=rng.randrange((end - start).days + 1))
        want = periods.entity(system, code, day)
        if want is None:
            continue
        got = {r["m"].value for r in built_store.query(q, substitutions={
            ox.Variable("sys"): ox.NamedNode(f"https://diplograph.org/id/system/{system}"),
            ox.Variable("code"): ox.Literal(str(code), datatype=ox.NamedNode(
                "http://www.w3.org/2001/XMLSchema#integer")),
            ox.Variable("day"): ox.Literal(day.isoformat(), datatype=ox.NamedNode(
                "http://www.w3.org/2001/XMLSchema#date")),
        }, use_default_graph_as_union=True)}
        assert got == {want}, (system, code, day, got)
        checked += 1
    assert checked >= 50
