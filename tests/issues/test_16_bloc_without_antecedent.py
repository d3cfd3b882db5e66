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
