"""The thirty-sixth round of extraction (issue 16): constructions that recur across writers,
read from the misses and wrong candidates of ``test52/``–``test57/`` (development parts this
round) and of all parts ``test20/``–``test57/`` pooled.

Every sentence here was written for these tests; none is taken from an article or the corpus.
"""

from __future__ import annotations

from fact_checks import facts, key
from fact_checks import meetings as _meetings


def _openings(text: str, registry, lang: str | None = None) -> list[tuple]:
    """(sender key, host key, date) of each embassy opening candidate."""
    out = []
    for d in facts(text, registry, "event", lang):
        if d["event_type"] != "embassy-opening":
            continue
        roles = {p["role"]: key(registry, p["actor"]) for p in d["participants"]}
        out.append((roles["sender"], roles["host"], d.get("date")))
    return out


# --- a mission named by its sender's adjective or name before it ----------------------------

def test_the_adjective_embassy_in_a_capital_was_opened_en(registry) -> None:
    text = "The Indian Embassy in Asmara was opened on 3 March 2009."
    assert _openings(text, registry) == [("IND", "ERI", "2009-03-03")]


def test_the_adjective_embassy_opened_lower_case_en(registry) -> None:
    text = "The Kenyan embassy in Hanoi opened on 5 June 2014."
    assert _openings(text, registry) == [("KEN", "VNM", "2014-06-05")]


def test_the_abbreviated_state_embassy_was_reopened_en(registry) -> None:
    text = "After the war the U.S. embassy in Kabul was reopened in January 2002."
    assert _openings(text, registry) == [("USA", "AFG", "2002-01")]


def test_the_date_before_the_mission_en(registry) -> None:
    text = "In 1992 the Indian embassy in Kyiv opened."
    assert _openings(text, registry) == [("IND", "UKR", "1992")]


def test_an_undated_opening_by_adjective_is_left_out_en(registry) -> None:
    # "soon after": no date the text gives; the form is left to the other rules
    text = "The Korean Embassy in Apia opened soon after the two states established relations."
    assert _openings(text, registry) == []


def test_own_embassy_reopened_only_en(registry) -> None:
    text = "Chile's own embassy in Canberra reopened only in 1990."
    assert _openings(text, registry) == [("CHL", "AUS", "1990")]


def test_dai_su_quan_duoc_mo_vi(registry) -> None:
    text = "Đại sứ quán Ghana tại Hà Nội được mở tháng 9/2011."
    assert _openings(text, registry, "vi") == [("GHA", "VNM", "2011-09")]


def test_dai_su_quan_mo_lai_vi(registry) -> None:
    text = "Đại sứ quán Chile tại Hà Nội được mở lại tháng 3/1990."
    assert _openings(text, registry, "vi") == [("CHL", "VNM", "1990-03")]


def test_mo_rong_is_no_opening_vi(registry) -> None:
    # "được mở rộng": the mission was enlarged, not opened
    text = "Đại sứ quán Ghana tại Hà Nội được mở rộng năm 2015."
    assert _openings(text, registry, "vi") == []


# --- "received STATE's (transitional) president": the possessive object ---------------------

def test_received_states_transitional_president_en(registry) -> None:
    text = ("ACCRA, March 6, 2026 - Ghana's President John Mahama received Togo's transitional "
            "president, General Eyadema Soglo, at Jubilee House on Friday.")
    assert frozenset({("GHA", "host", "president"), ("TGO", "participant", "president")}) \
        in _meetings(text, registry)


def test_received_states_president_with_a_city_en(registry) -> None:
    text = ("RABAT, March 6, 2026 - Morocco's King Mohammed VI received Senegal's President "
            "Bassirou Diomaye Faye at the Royal Palace in Casablanca on Friday.")
    got = [d for d in facts(text, registry, "event") if d["event_type"] == "meeting"]
    assert len(got) == 1 and got[0].get("place") == "Morocco" \
        and got[0].get("date") == "2026-03-06", got


def test_received_states_interim_president_en(registry) -> None:
    text = ("Kenyan President William Ruto received Somalia's interim President Ali Hassan at "
            "State House in Nairobi on 4 March 2026.")
    assert frozenset({("KEN", "host", "president"), ("SOM", "participant", "president")}) \
        in _meetings(text, registry)


def test_received_states_delegation_is_no_meeting_en(registry) -> None:
    # a possessive with no office after it: no post to meet
    text = "Kenyan President William Ruto received Somalia's delegation in Nairobi on 4 March 2026."
    assert _meetings(text, registry) == []


def test_tong_thong_chuyen_tiep_caption_vi(registry) -> None:
    # "chuyển tiếp" (transitional) is part of the title: its "tiếp" is no reception
    text = ("Ảnh: Tổng thống Nga V. Pu-tin và Tổng thống chuyển tiếp Mali A. Gôi-ta tại Điện "
            "Kremlin, tháng 5/2025.")
    assert _meetings(text, registry) == [
        frozenset({("RUS", "participant", "president"), ("MLI", "participant", "president")})]


def test_tong_thong_lam_thoi_received_vi(registry) -> None:
    text = ("Ngày 6/3/2026, Tổng thống Ghana John Mahama tiếp Tổng thống lâm thời Togo Eyadema "
            "Soglo tại Accra.")
    assert frozenset({("GHA", "host", "president"), ("TGO", "participant", "president")}) \
        in _meetings(text, registry)


# --- relations with Taiwan in the quotation marks of China's embassy pages --------------------

def _relations(text: str, registry) -> list[tuple]:
    return [(frozenset(key(registry, p) for p in d["parties"]), d["status"], d.get("date"))
            for d in facts(text, registry, "relation")]


def test_established_so_called_quoted_relations_en(registry) -> None:
    text = ('On 6 May 1997 the government of Ghana established so-called "diplomatic '
            'relations" with the Taiwan authorities.')
    assert _relations(text, registry) == [(frozenset({"GHA", "TWN"}), "established",
                                           "1997-05-06")]


def test_resumed_quoted_relations_en(registry) -> None:
    text = 'In May 1968 Gabon resumed "diplomatic relations" with Taiwan.'
    assert _relations(text, registry) == [(frozenset({"GAB", "TWN"}), "restored", "1968-05")]


def test_broke_off_its_quoted_ties_en(registry) -> None:
    text = 'Gabon broke off its "ties" with Taiwan on 4 March 1970.'
    assert _relations(text, registry) == [(frozenset({"GAB", "TWN"}), "severed", "1970-03-04")]


def test_terminated_its_so_called_relations_en(registry) -> None:
    text = ('On 2 November 1998 Tonga terminated its so-called "diplomatic relations" with the '
            'Taiwan authorities.')
    assert _relations(text, registry) == [(frozenset({"TON", "TWN"}), "severed", "1998-11-02")]


# --- an organisation after "with" is the partner, not the city of signing after it -------------

def _agreement_parties(text: str, registry, lang: str | None = None) -> list[frozenset]:
    return [frozenset(key(registry, p) for p in d["parties"])
            for d in facts(text, registry, "agreement", lang)]


def test_agreement_with_the_union_in_a_capital_en(registry) -> None:
    text = ("Albania signed a Stabilisation and Association Agreement with the European Union in "
            "Luxembourg on 12 June 2006.")
    assert _agreement_parties(text, registry) == [frozenset({"ALB", "EU"})]


def test_agreement_with_the_eaeu_in_its_members_capital_en(registry) -> None:
    text = ("Egypt signed a free trade agreement with the Eurasian Economic Union in Moscow on "
            "3 March 2026.")
    assert _agreement_parties(text, registry) == [frozenset({"EGY", key(registry,
                                                                        "Eurasian Economic Union")})]


def test_hiep_dinh_voi_lien_minh_chau_au_tai_vi(registry) -> None:
    text = ("Albania ký Hiệp định Ổn định và Liên kết với Liên minh châu Âu tại Luxembourg ngày "
            "12/6/2006.")
    assert _agreement_parties(text, registry, "vi") == [frozenset({"ALB", "EU"})]


def test_agreement_with_a_state_in_its_capital_unchanged_en(registry) -> None:
    text = "Albania signed a trade agreement with Italy in Rome on 12 June 2006."
    assert _agreement_parties(text, registry) == [frozenset({"ALB", "ITA"})]


# --- elected seats: every term of a list, and a count of terms after the pronoun --------------

def _seats(text: str, registry, lang: str | None = None) -> list[tuple]:
    return sorted((key(registry, d["member"]), d["start"], d["end"])
                  for d in facts(text, registry, "membership", lang)
                  if d.get("end_reason") == "expiry")


def test_two_terms_joined_by_va_vi(registry) -> None:
    text = ("Ghana hai lần giữ ghế ủy viên không thường trực Hội đồng Bảo an Liên Hợp Quốc, "
            "nhiệm kỳ 1986-1987 và 2022-2023.")
    assert _seats(text, registry, "vi") == [("GHA", "1986", "1987"), ("GHA", "2022", "2023")]


def test_three_terms_listed_en(registry) -> None:
    text = ("Ghana was a non-permanent member of the UN Security Council in 1962-1963, "
            "1986-1987 and 2022-2023.")
    assert _seats(text, registry) == [("GHA", "1962", "1963"), ("GHA", "1986", "1987"),
                                      ("GHA", "2022", "2023")]


def test_a_count_of_terms_after_nuoc_nay_vi(registry) -> None:
    text = ("Quan hệ đối ngoại của Ghana\n\nGhana là thành viên Liên Hợp Quốc. Nước này từng hai "
            "lần là ủy viên không thường trực Hội đồng Bảo an, trong các nhiệm kỳ 1986-1987 và "
            "2022-2023.")
    assert ("GHA", "1986", "1987") in _seats(text, registry, "vi")


def test_a_later_year_range_is_no_second_term_en(registry) -> None:
    # the years after a verb of another clause are no term of the seat
    text = ("Ghana was a non-permanent member of the UN Security Council in 1986-1987, and its "
            "economy grew in 1990-1995.")
    assert _seats(text, registry) == [("GHA", "1986", "1987")]


# --- organisations listed with "(ACRONYM, YEAR)" after each ----------------------------------

def _members(text: str, registry, lang: str | None = None) -> dict[str, str | None]:
    return {key(registry, d["organization"]): d.get("start")
            for d in facts(text, registry, "membership", lang)}


def test_acronym_and_year_brackets_joined_by_va_vi(registry) -> None:
    text = ("Kenya cũng là thành viên Thị trường chung Đông và Nam Phi (COMESA, 1994) và Tổ chức "
            "Thương mại Thế giới (WTO, 1995).")
    got = _members(text, registry, "vi")
    assert got.get(key(registry, "World Trade Organization")) == "1995", got


def test_brackets_joined_by_cung_nhu_vi(registry) -> None:
    text = ("Ghana là thành viên sáng lập Cộng đồng Kinh tế các quốc gia Tây Phi (ECOWAS, 1975) "
            "cũng như Tổ chức Thương mại Thế giới (1995).")
    got = _members(text, registry, "vi")
    assert got.get(key(registry, "World Trade Organization")) == "1995", got


def test_acronym_and_year_brackets_joined_by_and_en(registry) -> None:
    # (main's clause reader already reads this one; a guard that the list keeps it)
    text = ("Kenya is a member of the Common Market for Eastern and Southern Africa (COMESA, 1994) "
            "and the World Trade Organization (WTO, 1995).")
    got = _members(text, registry)
    assert got.get(key(registry, "World Trade Organization")) == "1995", got
