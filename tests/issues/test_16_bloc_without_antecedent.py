"""Issue 16 (session 13): "the bloc" / "khối" with no organisation before it in its paragraph
named the text's most named organisation. In a Vietnamese article on Albania the Comecon,
whose Vietnamese name the gazetteer cannot read, became the EU of the article's other
paragraphs ("… nhưng thôi tham gia các hoạt động của khối"). An anaphor with no antecedent
now names nothing; one with an antecedent is read as before. Sentences written for this test."""

from __future__ import annotations

from diplograph.extraction.pipeline import extract_text


def _memberships(text: str) -> list[tuple[str, str, str | None]]:
    """(organisation key, quote, start) of every membership candidate."""
    ex = extract_text(text)
    reg = ex.context.gazetteer.registry
    return [(reg.resolve(c.data["organization"]).key, text[c.start:c.end], c.data.get("start"))
            for c in ex.candidates if c.type == "membership"]


def test_a_bloc_with_no_antecedent_in_its_paragraph_is_not_the_text_s_main_organisation() -> None:
    text = ("Quan hệ đối ngoại của Bulgaria\n\n"
            "Bulgaria gia nhập Liên minh châu Âu ngày 1/1/2007. Liên minh châu Âu là đối tác "
            "thương mại lớn nhất của Bulgaria.\n\n"
            "Bulgaria gia nhập Hội đồng Hợp tác Kinh tế Balkan (HBK) năm 1950 nhưng thôi tham "
            "gia các hoạt động của khối từ năm 1955.\n")
    found = _memberships(text)
    assert [(org, start) for org, _, start in found] == [("EU", "2007-01-01")], found


def test_a_bloc_named_before_in_its_paragraph_is_still_read() -> None:
    text = ("Foreign relations of Croatia\n\n"
            "Croatia applied to join the European Union in 2003. It became the bloc's 28th "
            "member on 1 July 2013.\n")
    found = _memberships(text)
    assert [(org, start) for org, _, start in found] == [("EU", "2013-07-01")], found


_EU_TEXT = ("Quan hệ đối ngoại của Hungary\n\n"
            "Hungary gia nhập Liên minh châu Âu ngày 1/5/2004. Liên minh châu Âu là đối tác "
            "thương mại lớn nhất của Hungary.\n\n")


def test_a_withdrawal_from_a_treaty_named_by_its_noun_is_not_from_the_main_organisation() -> None:
    """"rút khỏi Hiệp ước" (a pact named by its treaty's noun, which the gazetteer cannot
    read) was a withdrawal from the EU, the text's most named organisation."""
    text = _EU_TEXT + ("Hungary ký Hiệp ước Hữu nghị, Hợp tác và Tương trợ năm 1955 nhưng "
                       "chính thức rút khỏi Hiệp ước ngày 1/11/1956.\n")
    found = _memberships(text)
    assert [(org, start) for org, _, start in found] == [("EU", "2004-05-01")], found


def test_leaving_a_territory_is_no_withdrawal_from_the_main_organisation() -> None:
    text = _EU_TEXT + ("Ngày 3/2/2020, Hungary yêu cầu hai nhà ngoại giao nước ngoài rời khỏi "
                       "lãnh thổ trong 72 giờ.\n")
    found = _memberships(text)
    assert [(org, start) for org, _, start in found] == [("EU", "2004-05-01")], found


def test_a_withdrawal_from_the_bloc_with_a_date_is_still_read() -> None:
    text = ("Quan hệ đối ngoại của Malta\n\n"
            "Malta gia nhập Phong trào Không liên kết năm 1973. Malta rời khỏi phong trào "
            "này năm 2004.\n")
    ends = [(c.data["organization"], c.data.get("end"))
            for c in extract_text(text).candidates if c.type == "membership"
            and c.data.get("end")]
    assert ends and all(end == "2004" for _, end in ends), ends
