"""The thirty-fifth round of extraction (issue 16): constructions that recur across writers,
read from the misses and wrong candidates of ``test48/`` and ``test49/`` (development parts
this round) and of all parts ``test20/``–``test49/`` pooled, each in both languages where the
construction has two.

Every sentence here was written for these tests; none is taken from an article or the corpus.
"""

from __future__ import annotations

from fact_checks import meetings as _meetings

# --- a pronoun object takes the post of the person it stands for -------------------------------

def test_met_him_takes_the_visitors_post_en(registry) -> None:
    text = ("Peruvian Prime Minister Eduardo Arana paid an official visit to Chile in May 2026. "
            "Chilean President Gabriel Boric met him in Santiago on 14 May.")
    assert frozenset({("CHL", "participant", "president"),
                      ("PER", "participant", "prime-minister")}) in _meetings(text, registry)


def test_talks_with_him_takes_the_visitors_post_en(registry) -> None:
    text = ("Lesotho's King Letsie III paid a state visit to Chile in May 2026. Chilean President "
            "Gabriel Boric held talks with him at La Moneda Palace on 14 May.")
    got = _meetings(text, registry)
    assert any(("CHL", "participant", "president") in m and ("LSO", "participant", None) not in m
               and any(k == "LSO" and office for k, _, office in m) for m in got), got


def test_tiep_ong_takes_the_visitors_post_vi(registry) -> None:
    text = ("Thủ tướng Campuchia Hun Manet thăm chính thức Chile từ ngày 12 đến 15/5/2026. "
            "Ngày 14/5, Tổng thống Chile Gabriel Boric đã tiếp ông tại thủ đô Santiago.")
    assert frozenset({("CHL", "host", "president"), ("KHM", "participant", "prime-minister")}) \
        in _meetings(text, registry)


def test_hoi_kien_ong_takes_the_visitors_post_vi(registry) -> None:
    text = ("Thủ tướng Campuchia Hun Manet thăm chính thức Chile từ ngày 12 đến 15/5/2026. "
            "Chiều 14/5, Tổng thống Gabriel Boric đã hội kiến ông.")
    assert frozenset({("CHL", "participant", "president"),
                      ("KHM", "participant", "prime-minister")}) in _meetings(text, registry)


def test_tiep_ong_tai_phu_tong_thong_vi(registry) -> None:
    # the building after the pronoun ("tại Phủ Tổng thống") was read as the pronoun's post
    text = ("Thủ tướng Campuchia Hun Manet thăm chính thức Chile từ ngày 12 đến 15/5/2026. "
            "Ngày 14/5, Tổng thống Chile Gabriel Boric đã tiếp ông tại Phủ Tổng thống.")
    got = _meetings(text, registry)
    assert frozenset({("CHL", "host", "president"), ("KHM", "participant", "prime-minister")}) \
        in got, got
    assert not any(("KHM", "participant", "president") in m for m in got), got


# --- a building named after an office is no post ------------------------------------------------

def test_phu_tong_thong_is_no_post_vi(registry) -> None:
    # guard: the talks' second side is the one named after "với", never the building
    text = ("Ngày 14/5/2026, Tổng thống Chile Gabriel Boric hội đàm với Thủ tướng Campuchia Hun "
            "Manet tại Phủ Tổng thống ở Santiago.")
    got = _meetings(text, registry)
    assert frozenset({("CHL", "participant", "president"),
                      ("KHM", "participant", "prime-minister")}) in got, got


def test_phu_chu_tich_after_the_pronoun_vi(registry) -> None:
    text = ("Tổng thống Chile Gabriel Boric thăm cấp nhà nước Việt Nam từ ngày 12 đến 15/3/2026. "
            "Ngày 13/3, Tổng Bí thư Tô Lâm đã tiếp ông tại Phủ Chủ tịch.")
    got = _meetings(text, registry)
    assert any(("CHL", "participant", "president") in m
               and ("VNM", "host", "party-general-secretary") in m for m in got), got


# --- a greeting at the arrival is a welcome, the greeting side host (decision of session 19) ---

def test_greeted_him_on_the_tarmac_en(registry) -> None:
    text = ("APIA, 14 May 2026 - Peruvian President José Jerí arrived in Samoa on Thursday for a "
            "three-day state visit. Prime Minister Fiamē Naomi Mataʻafa greeted him on the tarmac "
            "of Faleolo International Airport.")
    got = _meetings(text, registry)
    assert frozenset({("WSM", "host", "prime-minister"), ("PER", "participant", "president")}) \
        in got, got


def test_greeted_before_talks_is_one_meeting_en(registry) -> None:
    text = ("WASHINGTON, 14 May 2026 - Chilean President Gabriel Boric arrived in the United "
            "States on Tuesday for a state visit. Biden greeted him on the South Lawn on "
            "Wednesday before the two men held talks in the Oval Office.")
    got = _meetings(text, registry)
    assert any(("USA", "host") in {(k, r) for k, r, _ in m} for m in got), got
    assert not any({r for _, r, _ in m} == {"participant"} for m in got), got  # one meeting


def test_chao_don_ong_tai_san_bay_vi(registry) -> None:
    text = ("Thủ tướng Campuchia Hun Manet thăm chính thức Chile ngày 14/5/2026. Tổng thống "
            "Chile Gabriel Boric đã chào đón ông tại sân bay quốc tế Santiago.")
    got = _meetings(text, registry)
    assert frozenset({("CHL", "host", "president"), ("KHM", "participant", "prime-minister")}) \
        in got, got


def test_greeted_by_a_name_alone_makes_nothing_en(registry) -> None:
    # guard: the one greeting named without a post and no meeting in the sentence: no fact
    text = ("APIA, 14 May 2026 - Peruvian President José Jerí arrived in Samoa on Thursday for a "
            "three-day state visit. Mataʻafa greeted him on the tarmac.")
    assert _meetings(text, registry) == []


# --- a call on a head of state in that state is received by that head of state (session 19) --

def test_called_on_the_president_at_home_en(registry) -> None:
    text = ("SANTIAGO, 14 May 2026 - Peruvian Prime Minister Eduardo Arana began a two-day visit "
            "to Chile on Thursday. Before the talks he called on President Gabriel Boric of "
            "Chile at La Moneda Palace in Santiago.")
    got = _meetings(text, registry)
    assert frozenset({("CHL", "host", "president"), ("PER", "participant", "prime-minister")}) \
        in got, got


def test_called_on_a_visiting_president_is_received_by_him_en(registry) -> None:
    # the lead's decision of session 20: the head of state called on receives the call also
    # as the visitor abroad (round 35 had left this participant / participant)
    text = ("LIMA, 14 May 2026 - Chilean President Gabriel Boric began a state visit to Peru on "
            "Thursday. Peruvian Foreign Minister Elmer Schialer called on President Boric in "
            "Lima on the evening of his arrival.")
    got = _meetings(text, registry)
    assert frozenset({("CHL", "host", "president"),
                      ("PER", "participant", "minister-of-foreign-affairs")}) in got, got
