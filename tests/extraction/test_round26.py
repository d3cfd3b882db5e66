"""The twenty-sixth round of extraction (issue 16): readings of constructions that carry to new
writers' texts (a year-less dateline's year from the elapsed time the text states, ...), every
corpus part measured.

Every sentence here was written for these tests; none is taken from an article or the corpus.
"""

from __future__ import annotations

from diplograph.extraction.dates import find_dates, year_from_text
from diplograph.extraction.pipeline import extract_text


def _events(text: str, registry) -> list[tuple]:
    return [(c.data["event_type"], c.data.get("date"), c.data.get("start"), tuple(c.flags))
            for c in extract_text(text, None, registry).candidates if c.type == "event"]


# --- 1. a year-less dateline's year from the elapsed time the text states ----------------------
# (session 26, round 47: the years of these invented texts moved ten years back, so that the
# article's year is not after the present one: the lead's guard of 0d1d3efb skips such votes)

def test_elapsed_years_since_a_year_in_the_same_sentence() -> None:
    text = ("Lào và Campuchia ký hiệp định mới\n\nViêng Chăn, 14/3 (diplograph) - Sáng nay hai "
            "thủ tướng hội đàm. Đây là cuộc hội đàm đầu tiên sau 9 năm, kể từ năm 2011.")
    found = find_dates(text)
    line = found[0]
    assert (line.value, line.flags) == ("2020-03-14", ("year-from-text",))
    # "Sáng nay" is now the dateline's day
    assert any(d.value == "2020-03-14" and "relative" in d.flags for d in found)


def test_decades_in_words_and_a_year_two_sentences_later() -> None:
    text = ("OSLO, Feb 3 - Chile's president arrived in Norway on Monday, the first such visit "
            "in three decades. He was met by the king. The last one came in May 1991.")
    assert find_dates(text)[0].value == "2021-02-03"


def test_an_anniversary_of_relations_counted_from_their_year() -> None:
    text = ("SUVA, Nov 9 - The two leaders unveiled a plaque marking forty years of diplomatic "
            "relations, which the two states established in 1982.")
    assert find_dates(text)[0].value == "2022-11-09"


def test_guard_two_readings_that_disagree_give_no_year() -> None:
    text = ("SUVA, Nov 9 - The leaders marked forty years of relations established in 1982. "
            "It was the first visit in ten years, after one in 2005.")
    assert year_from_text(text, find_dates(text)) is None
    assert "year-from-text" not in find_dates(text)[0].flags


def test_guard_no_elapsed_time_no_year() -> None:
    # a year-less dateline and a year in the text, but nothing says how long ago it was
    text = "SUVA, Nov 9 - The two leaders met on Monday. Their states signed a treaty in 1992."
    found = find_dates(text)
    assert found[0].value is None and "unresolved" in found[0].flags


def test_guard_a_duration_with_several_years_in_its_sentence() -> None:
    text = ("SUVA, Nov 9 - It was his first visit in 12 years; the two states signed treaties "
            "in 1990 and 2004.")
    assert year_from_text(text, find_dates(text)) is None


def test_guard_a_dated_dateline_is_never_changed() -> None:
    text = "SUVA, Nov 9, 2027 - It was his first visit in 12 years, after one in 2001."
    assert find_dates(text)[0].value == "2027-11-09"


def test_a_meeting_of_a_yearless_dateline_is_dated(registry) -> None:
    text = ("Thủ tướng Lào hội đàm với Thủ tướng Campuchia\n\nPhnôm Pênh, 5/6 (diplograph) - "
            "Chiều nay, Thủ tướng Campuchia hội đàm với Thủ tướng Lào. Đây là chuyến thăm "
            "Campuchia đầu tiên của một Thủ tướng Lào sau 11 năm, kể từ năm 2010.")
    got = _events(text, registry)
    assert ("meeting", "2021-06-05") in [(t, d) for t, d, _, _ in got]


# --- 2. the clause reader: memberships by role, whatever the surface form ----------------------

def _memberships(text: str, registry) -> list[tuple]:
    return sorted([(c.data["member"], c.data["organization"], tuple(c.data.get("roles") or
                    ["full"]), c.data.get("start"), c.rule)
                   for c in extract_text(text, None, registry).candidates
                   if c.type == "membership"], key=str)


def test_coordinated_objects_each_with_its_own_date_after_a_pronoun(registry) -> None:
    got = _memberships("Laos signed a border treaty with Thailand in 2030. It joined the Council "
                       "of Europe on 2 May 2031 and the World Trade Organization on 3 June 2032.",
                       registry)
    assert ("Laos", "World Trade Organization", ("full",), "2032-06-03",
            "clause-membership") in got
    assert any(m == "Laos" and o == "Council of Europe" and s == "2031-05-02"
               for m, o, _, s, _ in got)


def test_an_apposition_with_gapped_objects_and_since_dates(registry) -> None:
    got = _memberships("For Japan, Laos, a member of OPEC since 2031 and of the Council of "
                       "Europe since 2033, is a partner in the region.", registry)
    pairs = {(m, o, s) for m, o, _, s, _ in got}
    assert ("Laos", "Organization of the Petroleum Exporting Countries", "2031") in pairs
    assert ("Laos", "Council of Europe", "2033") in pairs
    assert not any(m == "Japan" for m, *_ in got)


def test_a_fronted_date_shared_by_both_objects(registry) -> None:
    got = _memberships("Laos won its independence in 2029. Later in 2031 it entered both the "
                       "Council of Europe and the World Trade Organization.", registry)
    assert {(o, s) for m, o, _, s, r in got if r == "clause-membership"} >= {
        ("World Trade Organization", "2031")}
    assert all(s == "2031" for m, o, _, s, _ in got if m == "Laos")


def test_founders_by_role_in_an_english_clause(registry) -> None:
    got = _memberships("Laos won its independence in 2029. The following year it was among "
                       "the founding members of the Council of Europe.", registry)
    assert [(m, o, r, s) for m, o, r, s, _ in got] == [
        ("Laos", "Council of Europe", ("founding", "full"), "2030")]


def test_guard_an_application_is_no_membership(registry) -> None:
    for text in ("Laos applied to join the World Trade Organization in 2031.",
                 "Năm 2031, Lào nộp đơn xin gia nhập Tổ chức Thương mại Thế giới.",
                 "In 2031 the bloc invited Laos to join the World Trade Organization."):
        assert not [x for x in _memberships(text, registry) if x[0] == "Laos"], text


def test_guard_negated_and_planned_joins(registry) -> None:
    for text in ("Laos has not joined the Council of Europe.",
                 "Laos plans to join the Council of Europe in 2033.",
                 "Lào sẽ gia nhập Tổ chức Thương mại Thế giới năm 2033."):
        assert not [x for x in _memberships(text, registry) if x[4] == "clause-membership"], text


def test_guard_a_capital_is_no_member_and_a_possessive_no_object(registry) -> None:
    assert not [x for x in _memberships("BRUSSELS - Ten states joined the Council of Europe on "
                                        "1 May 2031.", registry) if x[0] == "Belgium"]
    assert not [x for x in _memberships("Laos joined NATO's naval exercises in 2031.", registry)
                if x[4] == "clause-membership"]


def test_guard_a_fact_a_rule_found_is_not_proposed_twice(registry) -> None:
    got = _memberships("Lào gia nhập Tổ chức Thương mại Thế giới ngày 2/2/2031.", registry)
    assert len(got) == 1 and got[0][3] == "2031-02-02"


# --- 3. the clause reader: relations whose noun stands before the verb -------------------------

def _relations(text: str, registry) -> list[tuple]:
    return sorted([(tuple(sorted(c.data["parties"])), c.data["status"], c.data.get("date"),
                    c.rule) for c in extract_text(text, None, registry).candidates
                   if c.type == "relation"], key=str)


def test_relations_as_the_antecedent_of_which(registry) -> None:
    got = _relations("The two leaders unveiled a plaque marking the diplomatic relations, which "
                     "Laos and Chile established in 2031, at the embassy.", registry)
    assert (("Chile", "Laos"), "established", "2031", "clause-relation") in got


def test_a_nominal_subject_with_a_passive_verb_in_vietnamese(registry) -> None:
    got = _relations("Quan hệ đối ngoại của Lào\n\nLào là một quốc gia ở Đông Nam Á.\n\nQuan hệ "
                     "với Chile đã bị cắt từ tháng 3/2031 và đến nay chưa được nối lại.", registry)
    assert (("Chile", "Laos"), "severed", "2031-03", "clause-relation") in got
    assert not [x for x in got if x[1] == "restored"]  # "chưa được nối lại": not restored


def test_a_nominal_subject_in_english_is_read_once(registry) -> None:
    # a rule reads this one ("relation-restored-passive"): the clause reader adds no second
    got = _relations("Foreign relations of Laos\n\nLaos is a state in South-East Asia.\n\n"
                     "Relations with Chile were restored in May 2032.", registry)
    assert [x[:3] for x in got] == [(("Chile", "Laos"), "restored", "2032-05")]


def test_guard_negated_or_planned_relations_give_no_clause_relation(registry) -> None:
    for text in ("Foreign relations of Laos\n\nRelations with Chile have not been restored.",
                 "Laos plans to restore relations with Chile in 2033.",
                 "The ties, which Laos and Chile never established, are a matter of debate."):
        assert not [x for x in _relations(text, registry) if x[3] == "clause-relation"], text


def test_a_coordinated_clause_after_a_pronoun_with_its_own_date(registry) -> None:
    got = _memberships("Lào giành độc lập năm 2029. Nước này gia nhập Liên hợp quốc ngày 2/3/2030 "
                       "và năm 2031 là một trong sáu nước thành lập Hội đồng châu Âu.", registry)
    assert ("Laos", "Council of Europe", ("founding", "full"), "2031",
            "clause-membership") in got


# --- 4. names: the ministry's transliterations of state names (data, extraction/gazetteer.yaml) -

def test_transliterated_state_names_are_states(registry) -> None:
    got = _relations("Ru-ma-ni và Bun-ga-ri thiết lập quan hệ ngoại giao ngày 2/3/2031. Liban cắt "
                     "đứt quan hệ ngoại giao với Xy-ri năm 2032.", registry)
    assert [x[:3] for x in got] == [(("Bulgaria", "Romania"), "established", "2031-03-02"),
                                    (("Lebanon", "Syria"), "severed", "2032")]


def test_founders_written_in_transliteration_share_the_fronted_date(registry) -> None:
    got = _memberships("Tháng 5/2031, Ca-dắc-xtan cùng I-ran, Cô-oét và Vê-nê-xu-ê-la thành lập "
                       "Hội đồng châu Âu tại Bát-đa.", registry)
    assert {(m, s) for m, _, r, s, _ in got if "founding" in r} == {
        ("Kazakhstan", "2031-05"), ("Iran", "2031-05"), ("Kuwait", "2031-05"),
        ("Venezuela", "2031-05")}


# --- 5. dates shared across coordinated objects, mended -----------------------------------------

def test_an_object_keeps_its_own_relative_date_not_the_next_objects(registry) -> None:
    got = _memberships("Laos joined OPEC in 2031. It joined the Council of Europe in the same "
                       "year and the World Trade Organization in 2033.", registry)
    dates = {o: s for m, o, _, s, _ in got if m == "Laos"}
    assert dates["Council of Europe"] == "2031"
    assert dates["World Trade Organization"] == "2033"


# --- 6. one signatory of a charter that founds a body ------------------------------------------

def test_one_signatory_of_a_founding_charter_is_a_founder(registry) -> None:
    got = _memberships("Khi còn là một vương quốc, Lào đã ký Hiến chương thành lập Hội đồng châu "
                       "Âu tại Viêng Chăn ngày 2/3/2031, một năm trước khi độc lập.", registry)
    assert [(m, o, r, s) for m, o, r, s, _ in got] == [
        ("Laos", "Council of Europe", ("founding", "full"), "2031-03-02")]


def test_guard_a_charter_signed_later_founds_nothing(registry) -> None:
    # no founding word: the charter of a body that already exists
    got = _memberships("Laos signed the Charter of the Council of Europe in 2031.", registry)
    assert not [x for x in got if "founding" in x[2]]


# --- 7. an exit that took effect ----------------------------------------------------------------

def _ends(text: str, registry) -> list[tuple]:
    return [(c.data["member"], c.data["organization"], c.data.get("end"), c.data.get("end_reason"))
            for c in extract_text(text, None, registry).candidates
            if c.type == "membership" and "end" in c.data]


def test_a_vietnamese_exit_dated_by_its_taking_effect(registry) -> None:
    got = _ends("Quan hệ đối ngoại của Lào\n\nLào là một quốc gia ở Đông Nam Á.\n\nLào gia nhập "
                "OPEC năm 2020. Ngày 3/5/2031, chính phủ Lào tuyên bố rời tổ chức này; việc rút "
                "khỏi OPEC có hiệu lực từ ngày 1/1/2032.", registry)
    assert ("Laos", "Organization of the Petroleum Exporting Countries", "2032-01-01",
            "withdrawal") in got


def test_an_english_exit_with_its_member_named_before(registry) -> None:
    got = _ends("Laos was the first state to leave the Council of Europe: its withdrawal took "
                "effect on 3 May 2032.", registry)
    assert ("Laos", "Council of Europe", "2032-05-03", "withdrawal") in got


def test_guard_an_exit_still_to_take_effect_is_no_end(registry) -> None:
    got = _ends("Quan hệ đối ngoại của Lào\n\nLào là một quốc gia ở Đông Nam Á.\n\nLào tuyên bố "
                "rời OPEC; việc rút khỏi OPEC sẽ có hiệu lực từ ngày 1/1/2032.", registry)
    assert not [x for x in got if x[2] == "2032-01-01"]


def test_guard_an_organisation_as_a_modifier_is_no_object(registry) -> None:
    for text in ("Laos won independence in 2029. Later in 2031 it entered the NATO summit hall.",
                 "Laos won independence in 2029. In 2031 it joined Council of Europe leaders in "
                 "calling for a ceasefire."):
        assert not [x for x in _memberships(text, registry) if x[4] == "clause-membership"], text


def test_a_broken_lexicon_is_refused_with_file_section_and_entry(tmp_path, monkeypatch) -> None:
    import pytest

    from diplograph.extraction import clauses
    from diplograph.graph.errors import DiplographError

    bad = tmp_path / "clauses.yaml"
    text = clauses.LEXICON_FILE.read_text(encoding="utf-8").replace("'joined'", "'joined('", 1)
    bad.write_text(text, encoding="utf-8")
    monkeypatch.setattr(clauses, "LEXICON_FILE", bad)
    clauses._data.cache_clear()
    try:
        with pytest.raises(DiplographError, match=r"clauses\.yaml: membership\[0\]\.words\[0\]"):
            clauses._data()
    finally:
        clauses._data.cache_clear()


def test_guard_an_anniversary_still_to_come_gives_no_year() -> None:
    text = ("Hà Nội, 4/9 (diplograph) - Lào và Chile thiết lập quan hệ ngoại giao ngày 2/1/1990; "
            "hai nước đang chuẩn bị kỷ niệm 50 năm quan hệ vào năm tới.")
    assert year_from_text(text, find_dates(text)) is None
    text = ("SUVA, Nov 9 - Laos and Chile, which established relations in 1990, will mark fifty "
            "years of relations next year.")
    assert year_from_text(text, find_dates(text)) is None


def test_more_transliterations_name_their_states(registry) -> None:
    got = _relations("Niu Di-lân và Xri Lan-ca thiết lập quan hệ ngoại giao ngày 2/3/2031; "
                     "Goa-tê-ma-la và Hôn-đu-rát nối lại quan hệ ngoại giao năm 2032.", registry)
    assert {x[:2] for x in got} == {(("New Zealand", "Sri Lanka"), "established"),
                                    (("Guatemala", "Honduras"), "restored")}
