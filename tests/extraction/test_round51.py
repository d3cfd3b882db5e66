"""Round 51 (session 27): founding memberships told by a signature, a counted group or a
delegation present at the founding.

1. A signatory of an instrument "which created" a body whose kind stands in lower case before its
   name ("which created the customs union X"), "was a signatory in 1994 of the convention that
   established X", "which set up X": a founding member from the signing.
2. "Together with A, B and C it signed the Treaty of …, which set up X": the fronted companions
   sign with the subject, each a founder.
3. "X was among the fifteen states that founded Y": the subject before a counted group of
   founders.
4. "Its delegation was in CITY when X was founded on DATE": the text's state a founder, from
   the founding's date; a delegation elsewhere, or no founding, gives nothing.

Every sentence here was written for these tests (in no corpus part).
"""

from __future__ import annotations

from fact_checks import memberships


def _of(text: str, registry, member: str, lang: str = "en") -> dict[str, tuple]:  # noqa: ANN001
    return {org: got for (m, org), got in memberships(text, registry, lang).items()
            if m == member}


_FOUNDER = ("founding", "full")


def test_a_signatory_of_a_treaty_that_created_a_body_of_a_kind(registry) -> None:  # noqa: ANN001
    text = ("Foreign relations of Chad\n\n"
            "Chad is a landlocked state. Soon after independence it was one of the signatories "
            "of the Ndjamena accord of 22 May 1964, which created the regional Lake Chad Basin "
            "Commission.")
    got = _of(text, registry, "Chad").get("Lake Chad Basin Commission")
    assert got is not None and set(got[0]) == set(_FOUNDER) and got[1] == "1964-05-22"


def test_a_signatory_in_a_year_of_a_convention_that_established_a_body(registry) -> None:  # noqa: ANN001
    text = ("Grenada was a signatory in 1994 of the convention that established the "
            "Association of Caribbean States.")
    got = _of(text, registry, "Grenada").get("Association of Caribbean States")
    assert got is not None and set(got[0]) == set(_FOUNDER) and got[1] == "1994"


def test_companions_fronted_before_a_signing_that_set_up_a_body(registry) -> None:  # noqa: ANN001
    text = ("Foreign relations of Luxembourg\n\n"
            "Luxembourg is a small state in Europe. Together with Belgium and the Netherlands it signed the Treaty of Paris on "
            "18 April 1951, which set up the European Coal and Steel Community.")
    got = memberships(text, registry)
    for state in ("Luxembourg", "Belgium", "Netherlands"):
        found = got.get((state, "European Coal and Steel Community"))
        assert found is not None and set(found[0]) == set(_FOUNDER) and found[1] == "1951-04-18"


def test_a_state_among_a_counted_group_that_founded_a_body(registry) -> None:  # noqa: ANN001
    text = ("Togo was also among the fifteen states that founded the Economic Community of "
            "West African States in Lagos in May 1975.")
    got = _of(text, registry, "Togo").get("Economic Community of West African States")
    assert got is not None and set(got[0]) == set(_FOUNDER) and got[1] == "1975-05"


def test_a_delegation_present_when_a_body_was_founded(registry) -> None:  # noqa: ANN001
    text = ("Foreign relations of Gabon\n\n"
            "Gabon became independent in 1960. Its delegation was in Addis Ababa when the "
            "Organisation of African Unity was founded on 25 May 1963.")
    got = _of(text, registry, "Gabon").get("Organization for African Unity")
    assert got is not None and set(got[0]) == set(_FOUNDER) and got[1] == "1963-05-25"


def test_a_named_states_delegation_present_at_a_founding(registry) -> None:  # noqa: ANN001
    text = ("Senegal's delegation was at Addis Ababa when the Organisation of African Unity "
            "was founded in May 1963.")
    got = _of(text, registry, "Senegal").get("Organization for African Unity")
    assert got is not None and set(got[0]) == set(_FOUNDER) and got[1] == "1963-05"


def test_a_delegation_at_a_meeting_that_founded_nothing(registry) -> None:  # noqa: ANN001
    text = ("Foreign relations of Gabon\n\n"
            "Gabon became independent in 1960. Its delegation was in Addis Ababa when the "
            "Organisation of African Unity met "
            "on 25 May 1973.")
    assert "Organization for African Unity" not in _of(text, registry, "Gabon")


def test_a_treaty_that_established_an_organ_of_a_body_founds_no_body(registry) -> None:  # noqa: ANN001
    text = ("Foreign relations of Mauritius\n\n"
            "Mauritius is an island state. It was one of the signatories of the treaty of 1984 which established the "
            "secretariat of the Indian Ocean Commission.")
    assert "Indian Ocean Commission" not in _of(text, registry, "Mauritius")


def test_one_of_a_counted_group_of_signatories_in_vietnamese(registry) -> None:  # noqa: ANN001
    text = ("Năm 1975, Togo là một trong 15 nước ký Hiệp ước Lagos thành lập Cộng đồng Kinh tế "
            "các quốc gia Tây Phi (ECOWAS).")
    got = _of(text, registry, "Togo", "vi").get("Economic Community of West African States")
    assert got is not None and set(got[0]) == set(_FOUNDER) and got[1] == "1975"


def test_a_delegation_present_at_a_founding_in_vietnamese(registry) -> None:  # noqa: ANN001
    text = ("Phái đoàn Gabon có mặt tại Addis Ababa khi Tổ chức Thống nhất châu Phi (OAU) được "
            "thành lập ngày 25/5/1963.")
    got = _of(text, registry, "Gabon", "vi").get("Organization for African Unity")
    assert got is not None and set(got[0]) == set(_FOUNDER) and got[1] == "1963-05-25"
