"""The conventions and the classes of names the tenth linking round handles (docs/linking.md,
"Conventions every list follows" and "Tenth round"):

* (A) a three-letter code ISO 3166 gives to one state and the COW/Gleditsch-Ward abbreviations
  to another is ambiguous, the ISO state first, the set computed from the data; a code both
  systems give to the same state stays a match; the reconciliation properties
  ``iso3166Alpha3`` and ``cowAbbrev`` say which system is meant;
* (B) a monarchy's or an empire's form of a state that is no monarchy today names a former
  regime: no match unless the registry holds it;
* the Sino-Vietnamese readings of states' Chinese names, the names under which Taiwan is a
  member of international bodies, three initials of a state's long form, a COW abbreviation
  that is another state's initials, the Vietnamese words of regional bodies' names, a form's
  words in the long forms of two states of one name.

The names are of the development list (``names_test11.csv``, round 9's unseen list) or new
(each class is tried beyond the list)."""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path

import pytest
from name_checks import assert_ambiguous, assert_matches, assert_no_match, key_of

from diplograph.linking.code_systems import code_clashes, iso_codes

EVAL = Path(__file__).parent / "eval"


# -- (A) codes two code systems give to different states ---------------------------------------


def test_the_clashing_codes_come_from_the_data(registry):
    """ISO's codes against the COW and G-W abbreviations, each spell read through
    state-periods.csv: exactly the codes whose holders differ (nothing written by hand)."""
    clashes = code_clashes(registry)
    assert set(clashes) == {"AUS", "CZE", "KOR", "MNG", "SLV", "SWZ", "VNM", "YUG"}
    assert [e.key for e in clashes["AUS"].entities] == ["AUS", "AUT"]
    assert [e.key for e in clashes["MNG"].entities][:2] == ["MNG", "MNE"]
    assert "COW AUS (305 Austria)" in clashes["AUS"].evidence
    # a retired ISO 3166-3 code counts: YUG, ISO's Yugoslavia; COW 345 ends with Serbia
    assert iso_codes(registry)["YUG"].key == "YUG"
    assert [e.key for e in clashes["YUG"].entities][:2] == ["YUG", "SRB"]


@pytest.mark.parametrize(
    ("code", "keys"),
    [
        ("AUS", ["AUS", "AUT"]),  # Australia by ISO, Austria by COW
        ("SLV", ["SLV", "SVN"]),
        ("SWZ", ["SWZ", "CHE"]),
        ("KOR", ["KOR", "KOREAN-EMPIRE"]),
        ("CZE", ["CZE", "CSK"]),
        ("YUG", ["YUG", "SRB"]),
        ("MNG", ["MNG", "MNE"]),  # beyond the list: Montenegro is COW's and G-W's MNG
        ("VNM", ["VNM", "DAI-NAM"]),  # G-W's 815 (1816-1893)
        ("mng", ["MNG", "MNE"]),  # the same code in lower case
    ],
)
def test_a_code_of_two_systems_is_ambiguous_the_iso_state_first(matcher, code, keys):
    assert_ambiguous(matcher, code, keys)
    res = matcher.match(code)
    assert "iso3166Alpha3" in res.note and "cowAbbrev" in res.note


@pytest.mark.parametrize(
    ("code", "key"),
    # the same state in both systems (RUS: COW 365 holds Russia today; YEM: G-W's 678 ends
    # with unified Yemen), or a code of one system only
    [("RUS", "RUS"), ("YEM", "YEM"), ("JPN", "JPN"), ("USA", "USA"), ("DEU", "DEU"),
     ("NGA", "NGA"), ("AUT", "AUT")],
)
def test_a_code_both_systems_give_to_one_state_stays_a_match(matcher, code, key):
    assert key_of(matcher.match(code)) == key


def test_a_type_hint_that_leaves_one_state_matches_it(matcher):
    res = matcher.match("AUS", kind="organisation")
    assert res.best is None or res.best.entity.kind != "state"


@pytest.mark.parametrize(
    ("code", "keys"),
    # a COW abbreviation (no ISO code) that is another state's English initials
    [("DRV", ["VNM", "VDR"]), ("FRN", ["FRA", "NGA"])],
)
def test_a_cow_code_that_is_another_states_initials_is_ambiguous(matcher, code, keys):
    assert_ambiguous(matcher, code, keys)


@pytest.mark.parametrize(
    ("code", "keys"),
    # a state's COW abbreviation that a body holds as its acronym or key (as a state's ISO
    # code since round 9): ambiguous, the state first
    [("ALG", ["DZA", "LGA"]), ("BOS", ["BIH", "BOS"]), ("CEN", ["CAF", "CEN"]),
     ("BRU", ["BRN", "Union-State"])],
)
def test_a_cow_code_a_body_holds_is_ambiguous_the_state_first(matcher, code, keys):
    assert_ambiguous(matcher, code, keys)
    assert key_of(matcher.match(code, kind="state")) == keys[0]


@pytest.mark.parametrize(("code", "key"), [("RUM", "ROU"), ("HSD", "HSG")])
def test_a_gleditsch_ward_abbreviation_names_its_state(matcher, code, key):
    res = matcher.match(code)
    assert key_of(res) == key and "Gleditsch-Ward abbreviation" in res.best.evidence


# -- (B) former regimes -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "today"),
    [
        ("Empire of Japan", "JPN"),
        ("Empire of Brazil", "BRA"),
        ("Ethiopian Empire", "ETH"),
        ("Central African Empire", "CAF"),
        ("Đế quốc Trung Phi", "CAF"),
        ("Kingdom of Italy", "ITA"),
        ("Vương quốc Ý", "ITA"),
        ("Vuong quoc Nepal", "NPL"),
        ("Kingdom of Romania", "ROU"),  # beyond the list
        ("Kingdom of Greece", "GRC"),
        ("Kingdom of Hungary", "HUN"),
        ("Vương quốc Ai Cập", "EGY"),
        ("Italian Kingdom", "ITA"),
        ("Sạ Đắc Quốc Vương", "TCD"),  # a made-up kingdom of Chad, in the older order
    ],
)
def test_a_former_regime_the_registry_does_not_hold_is_no_match(matcher, name, today):
    res = matcher.match(name)
    assert res.best is None and not res.ambiguous, (name, res.note)
    assert today in res.note and "never today's" in res.note


@pytest.mark.parametrize(
    ("name", "key"),
    [
        # a monarchy today: its own long forms name one
        ("Kingdom of Norway", "NOR"),
        ("Vương quốc Campuchia", "KHM"),
        ("Sultanate of Oman", "OMN"),
        ("Sultanate of Brunei", "BRN"),
        ("Vương quốc Hồi giáo Brunei", "BRN"),
        ("Vương quốc Xiêm", "THA"),
        ("Kingdom of Thailand", "THA"),
        ("Principality of Monaco", "MCO"),
        ("Tiểu vương quốc Qatar", "QAT"),
        ("Emirate of Kuwait", "KWT"),
        # a former regime the registry holds is that record
        ("Kingdom of Serbia", "SER"),
        ("Empire of Austria", "AUSTRIAN-EMPIRE"),
        ("Weimar Republic", "GERMAN-REICH"),
    ],
)
def test_a_monarchy_today_or_a_held_regime_still_matches(matcher, name, key):
    assert key_of(matcher.match(name)) == key


# -- the classes of names_test11's errors -------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "key", "method"),
    [
        # Sino-Vietnamese readings of states' Chinese names (CLDR zh/zh_Hant, ISO zh_CN/zh_TW)
        ("Nghĩa Đại Lợi", "ITA", "sino-vietnamese"),  # 義大利
        ("Đức Ý Chí", "DEU", "sino-vietnamese"),  # 德意志 (聯邦共和國)
        ("Nghia Dai Loi", "ITA", "sino-vietnamese-folded"),
        ("Mặc Tây Ca", "MEX", "sino-vietnamese"),  # beyond the list: 墨西哥
        ("Tượng Nha Hải Ngạn", "CIV", "sino-vietnamese"),  # 象牙海岸, Côte d'Ivoire
        ("Nữu Tây Lan", "NZL", "sino-vietnamese"),  # 紐西蘭
        # the older names of a sourced table (the South's press before 1975)
        ("Nhật Nhĩ Man", "DEU", "common-name"),
        ("Phú Lang Sa", "FRA", "common-name"),
        ("Bỉ Lợi Thì", "BEL", "common-name"),
        # the names under which Taiwan is a member of international bodies
        ("Đài Bắc Trung Hoa", "TWN", "alias"),
        ("Taipei,China", "TWN", "alias"),
        ("Separate Customs Territory of Taiwan, Penghu, Kinmen and Matsu", "TWN", "alias"),
        # three initials of a state's English long form, two of them the name's own words
        ("RMI", "MHL", "initials"),
        ("RTT", "TTO", "initials"),  # beyond the list: Republic of Trinidad and Tobago
        ("VCS", "VAT", "initials"),  # Vatican City State
        # Vietnamese words of regional bodies' names (organs of organisations included)
        ("Ngân hàng Thương mại và Phát triển Biển Đen", "BSTDB", "calque-vi"),
        ("Nghị viện Toàn châu Phi", "PAP-org", "calque-vi"),
        ("Quốc hội Lập pháp Đông Phi", "EALA", "calque-vi"),
        ("Tổ chức Hợp tác Kinh tế Biển Đen", "BSEC", "calque-vi"),  # beyond the list
        ("Tổ chức Y tế Toàn châu Mỹ", "PAHO", "calque-vi"),
        ("Liên minh Địa Trung Hải", "UM", "calque-vi"),
    ],
)
def test_round10_classes_match_with_their_evidence(matcher, name, key, method):
    assert_matches(matcher, name, key, method)


@pytest.mark.parametrize(
    ("name", "keys"),
    [
        # a form's words in the long forms of two states of one name
        ("Liên bang Nam Tư", ["YUG", "SCG"]),
        ("Cộng hòa Đức", {"DEU", "DDR"}),
    ],
)
def test_round10_ambiguous_names(matcher, name, keys):
    assert_ambiguous(matcher, name, keys)


@pytest.mark.parametrize("name", ["IRA", "URT", "SAR", "Vương quốc Wakanda"])
def test_round10_no_match(matcher, name):
    """Three initials with one name word are too little evidence (IRA), also when another
    state's have two (SAR: the Syrian Arab Republic's, the South African Republic's); a made-up
    name."""
    assert_no_match(matcher, name)


@pytest.mark.parametrize(
    ("name", "key"),
    [("Cộng hòa Liên bang Nam Tư", "SCG"), ("Liên bang Đức", "DEU"), ("Anh Quốc", "GBR"),
     ("Tân Tây Lan", "NZL"), ("Nam Hàn", "KOR"), ("CAR", "CAF"), ("KSA", "SAU"),
     ("PRC", "CHN"), ("GDR", "DDR"), ("FRG", "GFR"), ("RSA", "ZAF"),
     ("Quốc Vương Nam Tư", "YUG")],
)
def test_round10_rules_leave_other_names_alone(matcher, name, key):
    res = matcher.match(name)
    assert key_of(res) == key, (name, res.note)


def test_names_test11_after_reading_its_errors(evaluations):
    """round 10's development list (its unseen run at the end of round 9 was 0.939 / 0.919 /
    1 of 9; 0.924 / 0.931 / 1 of 9 re-scored under the conventions): the targets hold; the two
    names left (Hồi Quốc, Sát) have no sourced table yet."""
    ev = evaluations("names_test11.csv")  # the shared matcher on the whole list, once per run
    assert len(ev.outcomes) == 170
    assert ev.precision >= 0.98 and ev.recall >= 0.95
    assert ev.ambiguous_reported == ev.ambiguous_total == 9
    assert {o.row.name for o in ev.failures()} <= {"Hồi Quốc", "Sát"}


def test_every_corrected_gold_row_says_why():
    """A row whose gold was corrected to the conventions carries a note naming the round and
    the convention (round 10's, a decision of the lead's in round 24, or the lead's
    conventions D and E of session 17, F and I applied by the lead in session 24, or H as
    session 25 extended it; F for a UN agency's office, session 26, and for a body's organ or
    post, session 27)."""
    for path in sorted(EVAL.glob("*.csv")):
        with path.open(encoding="utf-8", newline="") as f:
            rows = list(csv.reader(f))[1:]
        for row in rows:
            rest = ",".join(row[1:])  # not the name itself ("the biodiversity convention …")
            if "convention" in rest:
                assert ("round 10, convention " in rest
                        or "round 24, lead's decision " in rest
                        or "session 17 (convention D)" in rest
                        or "session 17 (convention F)" in rest
                        or "session 17, after the list's unseen runs (convention E)" in rest
                        or "session 24 (convention F)" in rest
                        or "session 24 (convention I)" in rest
                        or "session 25 (convention H)" in rest
                        or "session 26 (convention F: a UN agency's country office)" in rest
                        or "session 27 (convention F: a body's organ or post)" in rest
                        ), (path.name, row)


# -- the reconciliation service says which system a code is in ---------------------------------


@pytest.fixture(scope="module")
def client(store_dir, tmp_path_factory):
    from diplograph.server.app import create_app
    from diplograph.server.reconcile import bp

    d = tmp_path_factory.mktemp("reconcile10") / "store"
    shutil.copytree(store_dir, d)
    app = create_app({"DIPLOGRAPH_STORE": str(d), "DIPLOGRAPH_CORS": False,
                      "DIPLOGRAPH_ISOLATION": "thread"})
    if "reconcile" not in app.blueprints:
        app.register_blueprint(bp)
    yield app.test_client()
    app.extensions["diplograph"].close()


def test_the_code_system_property_picks_the_state(client):
    queries = {
        "iso": {"query": "AUS", "properties": [{"pid": "iso3166Alpha3", "v": "AUS"}]},
        "cow": {"query": "AUS", "properties": [{"pid": "cowAbbrev", "v": "AUS"}]},
        "bare": {"query": "AUS"},
        "mng": {"query": "MNG", "type": "State",
                "properties": [{"pid": "iso3166Alpha3", "v": "MNG"}]},
    }
    r = client.post("/reconcile", data={"queries": json.dumps(queries)})
    assert r.status_code == 200
    out = r.get_json()
    assert out["iso"]["result"][0]["id"] == "state/AUS" and out["iso"]["result"][0]["match"]
    assert out["cow"]["result"][0]["id"] == "state/AUT" and out["cow"]["result"][0]["match"]
    assert not any(x["match"] for x in out["bare"]["result"])
    assert [x["id"] for x in out["bare"]["result"][:2]] == ["state/AUS", "state/AUT"]
    assert out["mng"]["result"][0]["id"] == "state/MNG" and out["mng"]["result"][0]["match"]
