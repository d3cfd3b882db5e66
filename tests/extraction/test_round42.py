"""Round 42 (session 24): constructions that recur in several writers' parts, read in both
languages where the texts use both.

1. (Q) An elected term on a council told by "sat on", "has sat twice on", "served a two-year
   elected term on" or, on a scraped Vietnamese page, "là nước ủy viên không thường trực", is a
   membership of the council from the term's first year to its last, ended by expiry; a term
   told by its two years ("in 2005 and 2006") is one term only when the years follow each
   other, and terms joined by "and again in" / "và nhiệm kỳ" are one membership each.
2. (R) A leader of China named in pinyin with no office anywhere in the text ("Xi Jinping paid a
   state visit to ...") is a leader of China (``extraction/vocabulary.yaml``, "leaders", rows
   marked ``alone``), with no post, as the gold files write such a visitor; a name the text
   gives an office elsewhere, or an office right after it ("Hu Yaobang, then General
   Secretary ..."), keeps that office; "Xi Jinping Thought" names no one.
3. (T) A state named by its former name under the same record ("Dahomey", "Upper Volta",
   "Thượng Volta", "Tanganyika", "Ceylon", "Burma") is that state; "Lake Tanganyika" is a lake.
   "Security Council" alone is the UN's; the AU's "Peace and Security Council" and a "National
   Security Council" are not.
4. (S) Relations established told with the pair after the verb, as a joint communiqué's title
   and its caption write it ("ký Thông cáo chung về việc thiết lập quan hệ ngoại giao giữa hai
   nước", "… thiết lập quan hệ ngoại giao Việt Nam - Ca-mơ-run, Niu Oóc, ngày 5/3/2025"), are
   relations of that pair; "between the two countries" likewise.

Every sentence here was written for these tests (in no corpus part).
"""

from __future__ import annotations

import pytest

from diplograph.extraction.pipeline import extract_text
from diplograph.loaders.registry import load_registry


@pytest.fixture(scope="module")
def registry():  # noqa: ANN201
    return load_registry()


def _facts(text: str, registry, typ: str) -> list[dict]:  # noqa: ANN001
    ex = extract_text(text, None, registry, verify=False)
    return [c.data for c in ex.candidates if c.type == typ]


def _terms(text: str, registry) -> list[tuple]:  # noqa: ANN001
    return sorted((d["member"], d["organization"], d.get("start"), d.get("end"),
                   d.get("end_reason")) for d in _facts(text, registry, "membership")
                  if "Council" in d["organization"])


UNSC = "United Nations Security Council"


# --- 1. an elected term told by other verbs ---------------------------------------------------

@pytest.mark.parametrize(("text", "terms"), [
    ("Foreign relations of Namibia\n\nNamibia sat on the UN Security Council as a non-permanent "
     "member in 1999 and 2000.\n", [("Namibia", UNSC, "1999", "2000", "expiry")]),
    ("Foreign relations of Namibia\n\nNamibia achieved independence in 1990. It sat on the "
     "Security Council as a non-permanent member in 1999 and 2000.\n",
     [("Namibia", UNSC, "1999", "2000", "expiry")]),
    ("Foreign relations of Gabon\n\nGabon has sat three times on the United Nations Security "
     "Council, in 1978-1979, in 1998-1999 and again in 2010-2011.\n",
     [("Gabon", UNSC, "1978", "1979", "expiry"), ("Gabon", UNSC, "1998", "1999", "expiry"),
      ("Gabon", UNSC, "2010", "2011", "expiry")]),
    ("Foreign relations of Zambia\n\nZambia is a landlocked state. The country served a "
     "two-year elected term on the UN Security Council, in 1979 and 1980.\n",
     [("Zambia", UNSC, "1979", "1980", "expiry")]),
    ("Quan hệ đối ngoại của Gabon\n\nGabon là thành viên Liên hợp quốc.Gabon là nước ủy viên "
     "không thường trực Hội đồng Bảo an Liên hợp quốc nhiệm kỳ 2010-2011.\n",
     [("Gabon", UNSC, "2010", "2011", "expiry")]),
    ("Quan hệ đối ngoại của Gabon\n\nGabon hai lần là ủy viên không thường trực Hội đồng Bảo an "
     "Liên Hợp Quốc, nhiệm kỳ 1978-1979 và nhiệm kỳ 2010-2011.\n",
     [("Gabon", UNSC, "1978", "1979", "expiry"), ("Gabon", UNSC, "2010", "2011", "expiry")]),
])
def test_elected_term_told_by_other_verbs(registry, text, terms) -> None:  # noqa: ANN001
    assert _terms(text, registry) == terms


@pytest.mark.parametrize("text", [
    # two years far apart are two dates, not a term
    "Foreign relations of Namibia\n\nNamibia sat on the UN Security Council in 1999 and 2011.\n",
    # no term at all
    "Foreign relations of Namibia\n\nNamibia sat on the UN Security Council for two years.\n",
    # a seat at a table is no membership of a body
    "Foreign relations of Namibia\n\nIn 2005 and 2006 Namibia sat on the sidelines of the "
    "talks.\n",
])
def test_no_term_without_a_term(registry, text) -> None:  # noqa: ANN001
    assert _terms(text, registry) == []


# --- 2. a leader of China named alone ----------------------------------------------------------

def _visits(text: str, registry) -> list[tuple]:  # noqa: ANN001
    out = []
    for d in _facts(text, registry, "event"):
        if d.get("event_type") != "visit":
            continue
        who = {p["role"]: (p["actor"], (p.get("post") or {}).get("office")) for p in
               d["participants"]}
        out.append((who.get("visitor"), who.get("host"), d.get("date")))
    return sorted(out, key=str)


@pytest.mark.parametrize(("text", "visit"), [
    ("Foreign relations of Kyrgyzstan\n\nXi Jinping paid a state visit to Bishkek in June 2019.\n",
     (("China", None), ("Kyrgyzstan", None), "2019-06")),
    ("Foreign relations of Nepal\n\nJiang Zemin paid a state visit to Nepal in December 1996.\n",
     (("China", None), ("Nepal", None), "1996-12")),
    ("Foreign relations of Nepal\n\nIn December 1996 Nepal received Jiang Zemin, who paid a state "
     "visit to Nepal.\n",
     (("China", None), ("Nepal", None), "1996-12")),
])
def test_a_leader_named_alone_is_a_leader_of_china(registry, text, visit) -> None:  # noqa: ANN001
    assert visit in _visits(text, registry)


def test_an_office_elsewhere_keeps_its_post(registry) -> None:  # noqa: ANN001
    text = ("Foreign relations of Kyrgyzstan\n\nChinese President Xi Jinping spoke at the summit "
            "in 2018. Xi Jinping paid a state visit to Bishkek in June 2019.\n")
    assert (("China", "president"), ("Kyrgyzstan", None), "2019-06") in _visits(text, registry)


def test_an_office_right_after_the_name_is_its_post(registry) -> None:  # noqa: ANN001
    text = ("Foreign relations of Nepal\n\nIn May 1984 Zhao Ziyang, then Premier of the State "
            "Council, paid an official visit to Nepal.\n")
    assert (("China", "prime-minister"), ("Nepal", None), "1984-05") in _visits(text, registry)


def test_a_doctrine_names_no_one(registry) -> None:  # noqa: ANN001
    text = ("Foreign relations of Nepal\n\nXi Jinping Thought was taught to visiting officials "
            "who came to Nepal in June 2019.\n")
    assert all(v[0] is None or v[0][0] != "China" for v in _visits(text, registry))


def test_a_stateless_post_with_a_pinyin_name_is_china(registry) -> None:  # noqa: ANN001
    text = ("Foreign relations of Nepal\n\nPremier Li Keqiang paid an official visit to Nepal in "
            "May 2016.\n")
    assert (("China", "prime-minister"), ("Nepal", None), "2016-05") in _visits(text, registry)


# --- 3. a state's former name ----------------------------------------------------------------

@pytest.mark.parametrize(("text", "member"), [
    ("Benin\n\nDahomey was admitted to the International Labour Organization in 1960.\n", "Benin"),
    ("Burkina Faso\n\nUpper Volta joined the Organisation of African Unity in 1963.\n",
     "Burkina Faso"),
    ("Buốc-ki-na Pha-xô\n\nNăm 1963, Thượng Volta gia nhập Tổ chức Thống nhất châu Phi.\n",
     "Burkina Faso"),
    ("Tanzania\n\nTanganyika joined the Commonwealth on independence in 1961.\n", "Tanzania"),
    ("Sri Lanka\n\nCeylon joined the Colombo Plan in 1950 as a founding member.\n", "Sri Lanka"),
    ("Myanmar\n\nBurma joined the Non-Aligned Movement in 1961.\n", "Myanmar"),
])
def test_a_former_name_is_the_state(registry, text, member) -> None:  # noqa: ANN001
    assert member in {d["member"] for d in _facts(text, registry, "membership")}


def test_lake_tanganyika_is_no_state(registry) -> None:  # noqa: ANN001
    text = "Burundi\n\nIn 2019 Burundi joined a commission on Lake Tanganyika.\n"
    assert "Tanzania" not in {d["member"] for d in _facts(text, registry, "membership")}


def test_security_councils_that_are_not_the_uns(registry) -> None:  # noqa: ANN001
    text = ("African Union\n\nThe African Union's Peace and Security Council suspended Mali on 1 "
            "June 2021. The National Security Council of Mali met on 2 June 2021.\n")
    assert all(d["organization"] != UNSC for d in _facts(text, registry, "membership"))


# --- 4. the pair after the verb ----------------------------------------------------------------

def _relations(text: str, registry) -> list[tuple]:  # noqa: ANN001
    return sorted((tuple(sorted(d["parties"])), d["status"], d.get("date"))
                  for d in _facts(text, registry, "relation"))


@pytest.mark.parametrize(("text", "rel"), [
    ("Việt Nam và Cameroon\n\nThông cáo chung về việc thiết lập quan hệ ngoại giao giữa hai nước "
     "được ký tại Niu Oóc ngày 5/3/2025.\n",
     (("Cameroon", "Vietnam"), "established", "2025-03-05")),
    ("Việt Nam và Cameroon\n\nẢnh: Hai Đại sứ trao Thông cáo chung thiết lập quan hệ ngoại giao "
     "Việt Nam - Cameroon, Niu Oóc, ngày 5/3/2025.\n",
     (("Cameroon", "Vietnam"), "established", "2025-03-05")),
    ("Vietnam and Cameroon\n\nOn 5 March 2025 in New York the two ambassadors signed a joint "
     "communique establishing diplomatic relations between the two countries.\n",
     (("Cameroon", "Vietnam"), "established", "2025-03-05")),
])
def test_the_pair_after_the_verb(registry, text, rel) -> None:  # noqa: ANN001
    assert rel in _relations(text, registry)


def test_the_pair_after_the_verb_not_a_third_state(registry) -> None:  # noqa: ANN001
    # a dash between two states after another verb is no pair of relations
    text = ("Việt Nam và Cameroon\n\nNgày 5/3/2025 hai bên ký hiệp định hợp tác Việt Nam - "
            "Cameroon tại Niu Oóc.\n")
    assert _relations(text, registry) == []
