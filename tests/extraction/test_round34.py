"""The thirty-fourth round of extraction (issue 16): the lead's welcome decision of session 18
read by the meeting rule, and constructions that recur across writers, read from the misses of
``test46/`` and ``test47/`` (development parts this round) and of all parts ``test20/``–
``test47/`` pooled, each in both languages where the construction has two.

Every sentence here was written for these tests; none is taken from an article or the corpus.
"""

from __future__ import annotations

from fact_checks import facts as _cands
from fact_checks import key as _key
from fact_checks import meetings as _meetings

from diplograph.extraction.pipeline import extract_text

# --- a welcome by a named side is a meeting that side hosts ------------------------------------

def test_caption_welcomes_en(registry) -> None:
    text = ("Chile and Viet Nam\n\nPhoto: President Gabriel Boric welcomes Prime Minister Pham "
            "Minh Chinh at La Moneda Palace, Santiago, 3 March 2026.")
    assert frozenset({("CHL", "host", "president"), ("VNM", "participant", "prime-minister")}) \
        in _meetings(text, registry)


def test_welcome_presided_and_talks_one_fact_vi(registry) -> None:
    text = ("HÀ NỘI, 12/3/2026 - Sáng nay, Chủ tịch nước Lương Cường chủ trì lễ đón chính thức "
            "Tổng thống Chile Gabriel Boric và hội đàm với Tổng thống Boric tại Phủ Chủ tịch.")
    got = _meetings(text, registry)
    host = frozenset({("VNM", "host", "president"), ("CHL", "participant", "president")})
    assert host in got
    assert frozenset({("VNM", "participant", "president"),
                      ("CHL", "participant", "president")}) not in got  # one fact, not two


def test_welcome_by_passive_en(registry) -> None:
    text = ("Vietnamese Prime Minister Pham Minh Chinh was welcomed by Chilean President "
            "Gabriel Boric at La Moneda Palace on 3 March 2026.")
    assert frozenset({("CHL", "host", "president"), ("VNM", "participant", "prime-minister")}) \
        in _meetings(text, registry)


def test_at_the_welcome_ceremony_names_no_side_vi(registry) -> None:
    # guard: two sides "at the welcome ceremony", none named as presiding: both participant
    text = ("Ảnh: Chủ tịch nước Lương Cường và Tổng thống Gabriel Boric tại lễ đón chính thức "
            "ở Hà Nội ngày 12/3/2026.")
    for m in _meetings(text, registry):
        assert all(role == "participant" for _, role, _ in m)


# --- relations set up on the day of independence take the text's independence day -----------

def _relations(text: str, registry) -> set[tuple]:
    return {(frozenset(_key(registry, x) for x in d["parties"]), d["status"], d.get("date"))
            for d in _cands(text, registry, "relation")}


def test_relations_on_the_day_of_independence_en(registry) -> None:
    text = ("Foreign relations of Vanuatu\n\nVanuatu became independent from France and the "
            "United Kingdom on 30 July 1980. Australia and New Zealand established diplomatic "
            "relations with Port Vila on the day of independence.")
    got = _relations(text, registry)
    assert (frozenset({"AUS", "VUT"}), "established", "1980-07-30") in got
    assert (frozenset({"NZL", "VUT"}), "established", "1980-07-30") in got


def test_relations_on_the_day_of_independence_vi(registry) -> None:
    text = ("Quan hệ đối ngoại của Namibia\n\nNamibia tuyên bố độc lập ngày 21/3/1990. Đức và "
            "Pháp đều thiết lập quan hệ ngoại giao với Namibia ngay trong ngày độc lập.")
    got = _relations(text, registry)
    assert (frozenset({"DEU", "NAM"}), "established", "1990-03-21") in got
    assert (frozenset({"FRA", "NAM"}), "established", "1990-03-21") in got


def test_independence_day_not_taken_from_two_days(registry) -> None:
    # guard: a text giving two independence days gives the relation none of them
    text = ("Foreign relations of Vanuatu\n\nVanuatu became independent on 30 July 1980; the "
            "north became independent on 2 August 1980. Australia established diplomatic "
            "relations with Vanuatu on the day of independence.")
    assert all(date is None for parties, _, date in _relations(text, registry)
               if parties == frozenset({"AUS", "VUT"}))


# --- an airport welcome by a named side of the visitor just told --------------------------------

def test_airport_welcome_of_the_visitor_en(registry) -> None:
    text = ("On 4 May 2026 Kenyan President William Ruto made a state visit to Ghana, where "
            "Ghanaian President John Mahama welcomed him at Kotoka International Airport.")
    got = _meetings(text, registry)
    assert frozenset({("GHA", "host", "president"), ("KEN", "participant", "president")}) in got


def test_airport_welcome_of_the_visitor_vi(registry) -> None:
    text = ("Ngày 4/5/2026, Tổng thống Kenya William Ruto bắt đầu chuyến thăm cấp nhà nước tới "
            "Ghana. Tổng thống Ghana John Mahama đã ra tận sân bay đón ông.")
    got = _meetings(text, registry)
    assert frozenset({("GHA", "host", "president"), ("KEN", "participant", "president")}) in got


def test_airport_welcome_after_another_state_is_left(registry) -> None:
    # guard: the visit read is to Togo, but the sentence goes on to Ghana, whose visit may be
    # the one meant: no airport welcome is made
    text = ("On 2 May 2026 Kenyan President William Ruto made a state visit to Togo before "
            "flying on to Ghana, where Ghanaian President John Mahama welcomed him at Kotoka "
            "International Airport.")
    assert not [c for c in extract_text(text, None, registry).candidates
                if c.rule == "event-airport-welcome"]


# --- "với A và B đình chỉ quan hệ": B opens the other side's clause, of the same date ----------

def test_other_side_answers_after_and_vi(registry) -> None:
    text = ("Quan hệ đối ngoại của Senegal\n\nSenegal thiết lập quan hệ ngoại giao với Trung "
            "Quốc năm 1971. Tháng 1/1996, chính phủ của Tổng thống Abdou Diouf nối lại quan hệ "
            "với Đài Loan và Bắc Kinh đình chỉ quan hệ với Dakar.")
    got = _relations(text, registry)
    assert (frozenset({"SEN", "TWN"}), "restored", "1996-01") in got
    assert (frozenset({"SEN", "CHN"}), "suspended", "1996-01") in got
    assert not any(parties == frozenset({"TWN", "CHN"}) for parties, _, _ in got)


def test_other_side_answers_after_and_en(registry) -> None:
    text = ("Foreign relations of Grenada\n\nGrenada established relations with China in 1985. "
            "In July 1989 the government of Herbert Blaize restored relations with Taipei and "
            "Beijing suspended relations with St. George's.")
    got = _relations(text, registry)
    assert (frozenset({"GRD", "TWN"}), "restored", "1989-07") in got
    assert not any(parties == frozenset({"TWN", "CHN"}) for parties, _, _ in got)


def test_partners_joined_by_and_stay_a_list(registry) -> None:
    # guard: "với A và B" with no verb after B is one list of partners
    text = ("Quan hệ đối ngoại của Senegal\n\nNăm 1971, Senegal thiết lập quan hệ ngoại giao "
            "với Trung Quốc và Ấn Độ.")
    got = _relations(text, registry)
    assert (frozenset({"SEN", "CHN"}), "established", "1971") in got
    assert (frozenset({"SEN", "IND"}), "established", "1971") in got
