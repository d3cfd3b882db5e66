"""Round 46 (session 26): lists whose items carry their own day, and three constructions left from
earlier rounds.

1. (A) A bracket holding a day and month alone ("(30/1)", "(ngày 21/9)") is a date of the year
   its sentence gives; an organisation of a joining list takes its own bracket's day, and the
   items with no bracket share the fronted year ("Năm 1992, nước này lần lượt gia nhập A (30/1),
   B (2/3), C và D"); "lần lượt" (one after another) between the pronoun and the verb.
2. (B) An ambassador or envoy withdrawn, in the passive, is no end of a membership.
3. (C) "They were resumed" after a severance that two readings found (one pair) restores it.
4. (D) ", signed by A, B and C on DATE": every state of the agent's list is a party, and the
   date after the list is the signing's.
5. (E) "China. Diplomatic relations: 6 January 1992." under a page about one state, whose title
   follows "Skip to main content | … | Home > …"; (F) counted documents in the passive; (G) the
   Organization of Turkic States' Vietnamese name; (H) lines labelled by organisations; (I)
   "opened relations" before a colon's dated names; (J) a second observer status; (K) "was
   accepted as … member".

Every sentence here was written for these tests (in no corpus part).
"""

from __future__ import annotations

import pytest
from fact_checks import facts as _facts  # (the registry: conftest.py)

from diplograph.extraction.dates import find_dates


@pytest.mark.parametrize("text, value", [
    ("Năm 2001, hai nước ký ba hiệp định (14/5), rồi thêm một bản ghi nhớ.", "2001-05-14"),
    ("Năm 2001, hai nước ký ba hiệp định (ngày 14/5).", "2001-05-14"),
])
def test_a_day_alone_in_a_bracket(text, value) -> None:  # noqa: ANN001
    assert value in [d.value for d in find_dates(text)]


def test_a_bracketed_day_takes_the_year_before_it() -> None:
    text = "Tháng 5/2022, Đại sứ trình Quốc thư (12/5) và mời đối tác dự hội chợ tháng 4/2023."
    assert "2022-05-12" in [d.value for d in find_dates(text)]


def test_a_fraction_or_a_number_is_no_day() -> None:
    # a day must be followed by the bracket's end: "(2/3 số phiếu)" is a share, not a date
    assert not [d for d in find_dates("Năm 2001, nghị quyết được thông qua (2/3 số phiếu).")
                if d.value not in ("2001",)]


def test_joining_list_with_days_of_a_fronted_year(registry) -> None:  # noqa: ANN001
    text = ("Quan hệ đối ngoại của Kyrgyzstan\n\nNăm 1992, nước này lần lượt gia nhập Tổ chức An "
            "ninh và Hợp tác châu Âu (30/1), Liên hợp quốc (2/3) và Tổ chức Hợp tác Hồi giáo.\n")
    got = {(m["organization"], m.get("start")) for m in _facts(text, registry, "membership")}
    assert got == {("Organization for Security and Cooperation in Europe", "1992-01-30"),
                   ("United Nations", "1992-03-02"),
                   ("Organization of the Islamic Conference", "1992")}


def test_a_bracket_of_another_year_is_not_shared(registry) -> None:  # noqa: ANN001
    # a full date in a bracket is the item's own; the item after it has no date of its own
    text = ("Quan hệ đối ngoại của Kyrgyzstan\n\nNăm 1992, nước này gia nhập Liên hợp quốc "
            "(2/3/1992) và Tổ chức Hợp tác Kinh tế (1992).\n")
    got = {(m["organization"], m.get("start")) for m in _facts(text, registry, "membership")}
    assert ("United Nations", "1992-03-02") in got


def test_an_ambassador_withdrawn_leaves_no_body(registry) -> None:  # noqa: ANN001
    # (the text's most named body was read as the one left, before round 46)
    text = ("Foreign relations of Norway\n\nNorway was a founding member of the United Nations in "
            "1945, and Norwegians have served the United Nations as secretaries-general.\n\n"
            "Iceland. Norway established relations with Iceland on the day of its independence, "
            "17 June 1944. Relations were strained for some years, and the Norwegian ambassador "
            "was withdrawn in 2017 after a fishing dispute; they have not been broken off.\n")
    assert not [m for m in _facts(text, registry, "membership") if m.get("end")]


def test_a_state_that_withdrew_still_leaves(registry) -> None:  # noqa: ANN001
    text = "Foreign relations of Indonesia\n\nIndonesia withdrew from the United Nations in 1965.\n"
    assert [m.get("end") for m in _facts(text, registry, "membership")] == ["1965"]


def test_they_were_resumed_after_a_severance_read_twice(registry) -> None:  # noqa: ANN001
    text = ("Foreign relations of Uganda\n\nBritain cut its ties with Kampala in March 1977, after "
            "a dispute over its envoy; it was the first time London had severed relations with a "
            "fellow Commonwealth member. They were resumed in 1980, after a change of government.\n")
    got = {(r["status"], r.get("date")) for r in _facts(text, registry, "relation")}
    assert ("restored", "1980") in got


@pytest.mark.parametrize("text, parties, signed", [
    ("Foreign relations of Peru\n\nThe Treaty of Amity, signed by Chile, Peru and Bolivia on 3 May "
     "1990, entered into force in 1991.\n", {"Chile", "Peru", "Bolivia"}, "1990-05-03"),
    ("Foreign relations of Peru\n\nThe Andean Water Accord, signed by Peru and Ecuador on 9 "
     "June 2004, was ratified a year later.\n", {"Ecuador", "Peru"}, "2004-06-09"),
])
def test_signed_by_a_list(text, parties, signed, registry) -> None:  # noqa: ANN001
    got = _facts(text, registry, "agreement")
    assert got and got[0].get("signed") == signed
    if parties is not None:
        assert set(got[0]["parties"]) == parties


def test_relations_under_a_partners_heading(registry) -> None:  # noqa: ANN001
    # (E) a paragraph headed by a partner on a page about one state, the page's title after a
    # scraped accessibility link and the site's navigation
    text = ("Skip to main content | Ministry of Foreign Affairs of Kazakhstan | Home > Foreign "
            "policy > Partners\nPARTNERS OF KAZAKHSTAN\n\nSelected partners\nJapan. Diplomatic "
            "relations: 26 January 1992. Trade has grown since.\nRepublic of Korea. Diplomatic "
            "relations: 28 January 1992.\nPortugal and Spain. Diplomatic relations: 1992.\n")
    got = {(frozenset(r["parties"]), r.get("date")) for r in _facts(text, registry, "relation")}
    assert (frozenset({"Japan", "Kazakhstan"}), "1992-01-26") in got
    assert (frozenset({"South Korea", "Kazakhstan"}), "1992-01-28") in got
    assert not [p for p, _ in got if "Portugal" in p or "Spain" in p]


@pytest.mark.parametrize("text, signed, quantity", [
    # (F) a count of documents in the passive, dated by the talks the text told before
    ("ROME, March 3, 2019 - Italian Prime Minister Giuseppe Conte and Chinese President Xi "
     "Jinping held talks in Rome on Saturday.\n\nTwelve documents were signed after the two "
     "leaders had ended their meeting, officials said.\n", "2019-03-02", 12),
    ("Foreign relations of Italy\n\nDuring the visit of the Chinese president to Rome in March "
     "2019, seven documents were signed by the two governments.\n", "2019-03", 7),
])
def test_counted_documents_in_the_passive(text, signed, quantity, registry) -> None:  # noqa: ANN001
    got = [a for a in _facts(text, registry, "agreement") if a.get("quantity")]
    assert [(a.get("signed"), a["quantity"]) for a in got] == [(signed, quantity)]


def test_no_documents_signed(registry) -> None:  # noqa: ANN001
    text = ("Foreign relations of Italy\n\nThe Chinese president visited Rome in March 2019; no "
            "agreements were signed.\n")
    assert not [a for a in _facts(text, registry, "agreement") if a.get("quantity")]


def test_the_organization_of_turkic_states_in_vietnamese(registry) -> None:  # noqa: ANN001
    from diplograph.extraction.names import gazetteer

    # (G) a gazetteer name of the registry's organisation
    got = [(m.surface, m.key) for m in gazetteer(registry).mentions(
        "Uzbekistan gia nhập Tổ chức các quốc gia Turk năm 2019")]
    assert ("Tổ chức các quốc gia Turk", "Organization-of-Turkic-States") in got


def test_lines_labelled_by_organisations(registry) -> None:  # noqa: ANN001
    # (H) a page of one state's memberships: each line's label names organisations only
    text = ("KAZAKHSTAN AND MULTILATERAL DIPLOMACY\n\nKazakhstan in international organizations\n"
            "- United Nations: member since 2 March 1992\n"
            "- Organisation of Islamic Cooperation, Shanghai Cooperation Organization: 1995\n"
            "- World Trade Organization: observer status granted in 1996; accession talks "
            "followed\n- Non-Aligned Movement: observer\n")
    got = {(m["organization"], m.get("start"), tuple(m.get("roles", ["full"])))
           for m in _facts(text, registry, "membership")}
    assert ("United Nations", "1992-03-02", ("full",)) in got
    assert ("Organisation of Islamic Cooperation", "1995", ("full",)) in got
    assert ("Shanghai Cooperation Organisation", "1995", ("full",)) in got
    assert ("World Trade Organization", "1996", ("observer",)) in got
    assert not [g for g in got if g[0] == "Non-Aligned Movement" and g[1]]


def test_a_labelled_joining_with_the_bodys_acronym(registry) -> None:  # noqa: ANN001
    text = ("Thông tin cơ bản về Ê-ri-tơ-rê-a\n\nTên nước: Nhà nước Ê-ri-tơ-rê-a\n"
            "Gia nhập Cộng đồng Đông Phi (EAC): tháng 3/2001\n")
    got = [(m["organization"], m.get("start")) for m in _facts(text, registry, "membership")]
    assert got == [("East African Community", "2001-03")]


def test_states_that_opened_relations_after_a_colon(registry) -> None:  # noqa: ANN001
    # (I) round 20's run of dated names after a clause of relations, "opened relations" too
    text = ("Foreign relations of Fiji\n\nTwo more states opened relations in 1975: Chile (4 "
            "April) and Egypt (19 November).\n")
    got = {(frozenset(r["parties"]), r.get("date")) for r in _facts(text, registry, "relation")}
    assert (frozenset({"Chile", "Fiji"}), "1975-04-04") in got
    assert (frozenset({"Egypt", "Fiji"}), "1975-11-19") in got


@pytest.mark.parametrize("text", [
    # (J) a second predicate of observer status, with its own date and body
    "Tháng 3/2018, Uzbekistan trở thành quan sát viên của Tổ chức Thương mại Thế giới (WTO), và "
    "tháng 9/2019 được nhận làm quan sát viên của Liên minh Kinh tế Á - Âu.",
    "In March 2018, Uzbekistan became an observer of the World Trade Organization, and in "
    "September 2019 it was admitted as an observer of the Eurasian Economic Union.",
])
def test_a_second_observer_status(text, registry) -> None:  # noqa: ANN001
    got = {(m["organization"], m.get("start"), tuple(m.get("roles", [])))
           for m in _facts("Foreign relations of Uzbekistan\n\n" + text + "\n", registry,
                           "membership")}
    assert ("World Trade Organization", "2018-03", ("observer",)) in got
    assert [g for g in got if g[0] != "World Trade Organization"] == [
        ("Eurasian Economic Union", "2019-09", ("observer",))]


@pytest.mark.parametrize("text, org, start", [
    # (K) "was accepted as … member": a joining
    ("GENEVA, June 5, 2019 - Samoa was accepted on Wednesday as the fortieth member of the World "
     "Trade Organization.\n", "World Trade Organization", "2019-06-05"),
    ("Foreign relations of Rwanda\n\nRwanda was admitted to the Commonwealth as an observer in "
     "2005 and was accepted as a full member in 2009.\n", "Commonwealth of Nations", "2009"),
])
def test_accepted_as_a_member(text, org, start, registry) -> None:  # noqa: ANN001
    got = {(m["organization"], m.get("start")) for m in _facts(text, registry, "membership")}
    assert (org, start) in got
