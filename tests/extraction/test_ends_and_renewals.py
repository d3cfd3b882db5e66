"""Ends of memberships (withdrawal, suspension, expulsion, expiry; a return is a new start) and
renewals of agreements, in English and Vietnamese (issue 16), from the text to the graph.

Every sentence here was written for these tests; none is taken from an article or the corpus.
"""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from diplograph.extraction.evaluate import keys_of
from diplograph.extraction.pipeline import extract_text
from diplograph.graph.errors import DiplographError
from diplograph.loaders.facts import load_facts_file, parse_facts_file


def facts(text: str, registry, kind: str | None = None) -> list[dict]:
    return [dict(c.data, _type=c.type) for c in extract_text(text, None, registry).candidates
            if kind is None or c.type == kind]


def ends(text: str, registry) -> list[tuple]:
    """(member, organisation) as registry keys, then start, end and how it ended."""
    key = lambda n: registry.resolve(n).key  # noqa: E731
    return [(key(f["member"]), key(f["organization"]), f.get("start"), f.get("end"),
             f.get("end_reason")) for f in facts(text, registry, "membership")]


@pytest.mark.parametrize(("text", "expected"), [
    ("Qatar left OPEC on 1 January 2019.",
     [("QAT", "OPEC", None, "2019-01-01", "withdrawal")]),
    ("Egypt was suspended from the Arab League in 1979.",
     [("EGY", "Arab-League", None, "1979", "suspension")]),
    ("Russia was expelled from the Council of Europe on 16 March 2022.",
     [("RUS", "COE", None, "2022-03-16", "expulsion")]),
    ("Japan's term on the UN Security Council expired at the end of 2024.",
     [("JPN", "UNSC", None, "2024", "expiry")]),
    ("Sudan's membership of the African Union was suspended in June 2019.",
     [("SDN", "AU", None, "2019-06", "suspension")]),
    # a clause without subject shares the previous one; "it" is the same organisation
    ("Indonesia withdrew from the United Nations in January 1965 and rejoined it in "
     "September 1966.",
     [("IDN", "UN", None, "1965-01", "withdrawal"), ("IDN", "UN", "1966-09", None, None)]),
    # the active voice: the organisation suspends the member; each member has its own date
    ("The Arab League suspended Syria in November 2011 and readmitted it in May 2023.",
     [("SYR", "Arab-League", None, "2011-11", "suspension"), ("SYR", "Arab-League", "2023-05", None, None)]),
    ("Năm 2019, Qatar rút khỏi OPEC.",
     [("QAT", "OPEC", None, "2019", "withdrawal")]),
    ("Năm 1962, Cuba bị khai trừ khỏi OAS.", [("CUB", "OAS", None, "1962", "expulsion")]),
])
def test_ends_of_memberships(text: str, expected: list[tuple], registry) -> None:
    assert ends(text, registry) == expected


@pytest.mark.parametrize("text", [
    "The delegation left for Hanoi on Monday.",
    "The United States suspended aid to Niger in 2023.",
    "Thailand suspended direct flights to Yangon in 2021.",
    "Afghanistan has been an observer of the SCO since 2012, but its participation has been "
    "suspended since 2021.",
    "Vietnam has never left ASEAN.",
])
def test_what_is_not_an_end_of_membership(text: str, registry) -> None:
    assert [e for e in ends(text, registry) if e[3] is not None or e[4] is not None] == []


def test_an_announced_withdrawal_is_an_intention(registry) -> None:
    found = facts("Venezuela announced its withdrawal from the OAS in April 2017.", registry)
    assert [f["_type"] for f in found] == ["claim"]
    assert found[0]["modality"] == "intended" and found[0]["subjects"] == ["Venezuela"]


def test_renewals_with_their_date_term_and_signing_year(registry) -> None:
    found = facts("In June 2021 China and Russia extended the 2001 Treaty of "
                  "Good-Neighbourliness for another five years.", registry, "agreement")
    assert found == [{"_type": "agreement", "instrument": "treaty",
                      "title": {"en": "Treaty of Good-Neighbourliness"},
                      "parties": ["China", "Russia"], "signed": "2001", "renewed": "2021-06",
                      "renewed_for": "P5Y"}]
    vi = facts("Việt Nam và Lào gia hạn thêm 5 năm Hiệp định thương mại song phương ký năm "
               "2015 vào tháng 3/2020.", registry, "agreement")
    assert len(vi) == 1  # one agreement: the signing in the same words is the renewed one
    assert (vi[0]["instrument"], vi[0]["signed"], vi[0]["renewed"], vi[0]["renewed_for"]) == (
        "hiep-dinh", "2015", "2020-03", "P5Y")
    passive = facts("The fisheries agreement between Morocco and the European Union was "
                    "renewed in 2019.", registry, "agreement")
    assert [(f["parties"], f["renewed"]) for f in passive] == [
        (["Morocco", "European Union"], "2019")]


def test_a_planned_renewal_is_an_intention_and_other_extensions_are_nothing(registry) -> None:
    found = facts("Japan and Australia will renew the agreement next year.", registry)
    assert [(f["_type"], f.get("modality")) for f in found] == [("claim", "intended")]
    assert facts("The talks were extended by a day.", registry) == []


FACTS = """format: diplograph-facts/1
document: {id: ends-test, file: doc.txt, title: "t", language: en, kind: other}
facts:
  - {id: left, type: membership, quote: "Qatar left OPEC on 1 January 2019", member: Qatar,
     organization: OPEC, end: "2019-01-01", end_reason: %s}
  - {id: renewed, type: agreement, quote: "extended the treaty for five years in 2021",
     instrument: treaty, parties: [China, Russia], signed: "2001", renewed: "2021",
     renewed_for: P5Y}
  - {id: school, type: place, quote: "a school in Hanoi named after Chu Van An",
     place: Ulaanbaatar, located_in: Mongolia, capital_of: Mongolia}
"""
TEXT = ("Qatar left OPEC on 1 January 2019. China and Russia extended the treaty for five years "
        "in 2021. There is a school in Hanoi named after Chu Van An.")


def test_the_new_keys_load_into_the_graph(tmp_path: Path, registry) -> None:
    (tmp_path / "doc.txt").write_text(TEXT, encoding="utf-8")
    path = tmp_path / "doc.facts.yaml"
    path.write_text(FACTS % "withdrawal", encoding="utf-8")
    store = ox.Store(str(tmp_path / "store"))
    load_facts_file(store, path, registry)
    q = """PREFIX dg: <https://diplograph.org/ontology#>
        SELECT ?end ?date ?term ?cap WHERE {
          ?m dg:membershipEnd ?end . ?a dg:renewalDate ?date ; dg:renewalTerm ?term .
          ?p a dg:PlaceStatement ; dg:capitalOf ?cap }"""
    (row,) = list(store.query(q, use_default_graph_as_union=True))
    assert row["end"].value.endswith("/membership-end/withdrawal")
    assert (row["date"].value, row["term"].value) == ("2021", "P5Y")
    assert row["cap"].value == registry.resolve("Mongolia").iri


def test_an_unknown_end_reason_and_an_empty_place_fact_are_refused(tmp_path: Path) -> None:
    (tmp_path / "doc.txt").write_text(TEXT, encoding="utf-8")
    path = tmp_path / "doc.facts.yaml"
    path.write_text(FACTS % "retirement", encoding="utf-8")
    with pytest.raises(DiplographError, match="unknown membership-end code 'retirement'"):
        parse_facts_file(path)
    path.write_text((FACTS % "withdrawal").replace(
        "located_in: Mongolia, capital_of: Mongolia", "note: nothing"), encoding="utf-8")
    with pytest.raises(DiplographError, match="at least one of 'located_in'"):
        parse_facts_file(path)


def test_strict_evaluation_compares_the_end_reason_and_the_renewal(registry) -> None:
    from diplograph.extraction.evaluate import _Names

    name = _Names(registry)
    a = {"type": "membership", "member": "Qatar", "organization": "OPEC", "end": "2019",
         "end_reason": "withdrawal"}
    b = dict(a, end_reason="suspension")
    assert keys_of(a, name)[0] != keys_of(b, name)[0]
    assert keys_of(a, name)[1] == keys_of(b, name)[1]
    r1 = {"type": "agreement", "parties": ["China", "Russia"], "instrument": "treaty",
          "renewed": "2021"}
    assert keys_of(r1, name)[0] != keys_of(dict(r1, renewed="2021-06"), name)[0]


@pytest.mark.parametrize("text", [
    "Ulaanbaatar is the capital of Mongolia.",
    "The summit was held in Ulaanbaatar, the capital of Mongolia.",
    "Mongolia's capital Ulaanbaatar hosted the talks.",
    "The capital of Mongolia, Ulaanbaatar, hosted them.",
    "Ulaanbaatar, thủ đô của Mông Cổ, đón đoàn đại biểu.",
    "Mông Cổ mở một phòng trưng bày ở thủ đô Ulaanbaatar.",
])
def test_a_registry_place_called_a_states_capital_is_a_place_fact(text: str, registry) -> None:
    found = facts(text, registry, "place")
    assert [(f["place"], f["capital_of"]) for f in found] == [("Ulaanbaatar", "Mongolia")]


def test_no_place_fact_without_a_registry_place_or_a_single_state(registry) -> None:
    # Hanoi is read as Vietnam's government (the gazetteer's capitals), not a registry place
    assert facts("Hanoi, the capital of Vietnam, hosted the summit.", registry, "place") == []
    # two states in the sentence: whose capital it is stays unsaid
    assert facts("Việt Nam và Mông Cổ họp tại thủ đô Ulaanbaatar.", registry, "place") == []


def test_pronouns_nouns_and_durations(registry) -> None:
    # "it" is the sentence's one state; the notice is an intention, the departure an end
    found = facts("Nicaragua was next: it notified its withdrawal on 19 November 2021 and "
                  "left the OAS in November 2023.", registry)
    assert sorted((f["_type"], f.get("end") or "") for f in found) == [
        ("claim", ""), ("membership", "2023-11")]
    # a noun end counts once it took effect, with a date relative to the previous one
    found = facts("Venezuela announced its withdrawal from the OAS in April 2017, and its exit "
                  "took effect two years later.", registry, "membership")
    assert [(f["end"], f["end_reason"]) for f in found] == [("2019", "withdrawal")]
    # "after 47 years as a member" is a duration, not a start
    assert facts("Anh rời Liên minh châu Âu ngày 31/1/2020, sau 47 năm là thành viên.",
                 registry, "membership") == [{
        "_type": "membership", "member": "United Kingdom", "organization": "European Union",
        "end": "2020-01-31", "end_reason": "withdrawal"}]


def test_an_announced_termination_of_an_agreement_is_an_intention(registry) -> None:
    found = facts("Ngày 2/3/2030, Thái Lan tuyên bố chấm dứt hiệp định với Lào.", registry)
    assert [(f["_type"], f.get("modality"), f.get("subjects")) for f in found] == [
        ("claim", "intended", ["Thailand"])]


def test_the_month_may_is_not_a_modal(registry) -> None:
    found = facts("In May 2004 Malta joined the European Union.", registry, "membership")
    assert [(f["member"], f["start"]) for f in found] == [("Malta", "2004-05")]
    assert facts("Vietnam may join the group.", registry, "membership") == []


def test_vietnamese_agent_passive_and_restored_membership(registry) -> None:
    assert ends("Năm 1979, Ai Cập bị Liên đoàn Ả Rập đình chỉ tư cách thành viên.", registry) == [
        ("EGY", "Arab-League", None, "1979", "suspension")]
    assert ends("Năm 1989, Liên đoàn Ả Rập khôi phục tư cách thành viên của Ai Cập.",
                registry) == [("EGY", "Arab-League", "1989", None, None)]
    # a headline's undated return is dropped when the text dates the same return
    assert ends("Ai Cập trở lại Liên đoàn Ả Rập\n\nNăm 1989, Liên đoàn Ả Rập khôi phục tư cách "
                "thành viên của Ai Cập.", registry) == [("EGY", "Arab-League", "1989", None, None)]


def test_candidates_sharing_a_value_are_written_without_yaml_aliases(tmp_path: Path,
                                                                       registry) -> None:
    """Two dialogue partners share one list of roles in memory; the file must spell it out
    twice (the loader refuses anchors and aliases), and every accepted candidate loads."""
    from diplograph.extraction.output import facts_yaml

    doc = tmp_path / "doc.txt"
    doc.write_text("Dialogue partners include Cambodia and Nepal (2015) of the SCO. Qatar left OPEC on "
                   "1 January 2019. In June 2021 China and Russia extended the 2001 Treaty of "
                   "Good-Neighbourliness for another five years.", encoding="utf-8")
    ex = extract_text(doc.read_text(encoding="utf-8"), None, registry)
    body = facts_yaml(doc, ex, registry, "doc", "doc.txt")
    assert "&id" not in body and "*id" not in body
    out = tmp_path / "doc.facts.yaml"
    out.write_text(body.replace("review: candidate", "review: accepted"), encoding="utf-8")
    parsed = parse_facts_file(out, registry.resolve)
    assert sorted(f.type for f in parsed.facts) == ["agreement", "membership", "membership",
                                                    "membership"]
    assert [f.data.get("roles") for f in parsed.facts if f.type == "membership"].count(
        ["participant"]) == 2


def test_an_accepted_candidate_with_offsets_and_occurrence_loads(tmp_path: Path,
                                                                  registry) -> None:
    """`diplograph extract` writes `occurrence` with `offsets` when a quote occurs twice; an
    accepted candidate must load, and offsets that disagree with the occurrence are refused."""
    (tmp_path / "doc.txt").write_text("Qatar left OPEC on 1 January 2019. Qatar left OPEC.",
                                      encoding="utf-8")
    fact = ("format: diplograph-facts/1\ndocument: {id: d, file: doc.txt, title: t, language: "
            "en, kind: other}\nfacts:\n  - {id: m, type: membership, review: accepted, quote: "
            "Qatar left OPEC, offsets: [%d, %d], occurrence: %d, member: Qatar, "
            "organization: OPEC}\n")
    path = tmp_path / "doc.facts.yaml"
    path.write_text(fact % (35, 50, 2), encoding="utf-8")
    assert parse_facts_file(path, registry.resolve).facts[0].start == 35
    path.write_text(fact % (0, 15, 2), encoding="utf-8")
    with pytest.raises(DiplographError, match="not where the quote stands"):
        parse_facts_file(path, registry.resolve)
