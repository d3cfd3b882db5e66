"""The eighteenth round of extraction (issue 16): general mechanisms behind the classes of
error that recur on the unseen parts (`corpus/test15/` … `corpus/test19/`), with `test19/` as
the development part.

Every sentence here was written for these tests; none is taken from an article or the corpus.
"""

from __future__ import annotations

from fact_checks import facts, memberships


def events(text: str, registry, lang: str = "en") -> list[dict]:
    return facts(text, registry, "event", lang)


def visits(text: str, registry, lang: str = "en") -> set[tuple]:
    """(visitor, office, host, date or (start, end)) of the text's visits."""
    out = set()
    for e in events(text, registry, lang):
        if e["event_type"] != "visit":
            continue
        who = next(p for p in e["participants"] if p["role"] == "visitor")
        host = next(p for p in e["participants"] if p["role"] == "host")
        when = e.get("date") or (e.get("start"), e.get("end"))
        out.add((who["actor"], who.get("post", {}).get("office"), host["actor"], when))
    return out


# --- words that name no fact of the relationship --------------------------------------------

def test_a_sectoral_partnership_is_no_framework(registry) -> None:
    text = ("Năm 2016, Việt Nam và Đan Mạch thiết lập quan hệ Đối tác chiến lược về tăng trưởng "
            "xanh. Năm 2013, Việt Nam và Đan Mạch thiết lập quan hệ Đối tác toàn diện.")
    got = facts(text, registry, "partnership", "vi")
    assert [(p["framework"], p.get("date")) for p in got] == [
        ("comprehensive-partnership", "2013")]
    en = ("Denmark and Vietnam set up a strategic partnership on green growth in 2011. Denmark "
          "and Vietnam upgraded their ties to a comprehensive partnership on 21 March 2013.")
    assert [(p["framework"], p.get("date")) for p in facts(en, registry, "partnership")] == [
        ("comprehensive-partnership", "2013-03-21")]


def test_a_speaker_of_parliament_is_no_president(registry) -> None:
    text = ("Hà Nội, 5/6/2022 – Chủ tịch Quốc hội Trần Văn A thăm chính thức Chile từ ngày 1 "
            "đến 3/6/2022.")
    assert visits(text, registry, "vi") == {
        ("Vietnam", "speaker-of-parliament", "Chile", ("2022-06-01", "2022-06-03"))}


def test_a_withdrawn_signature_ends_no_membership(registry) -> None:
    text = ("Foreign relations of Latvia\n\nLatvia joined NATO on 29 March 2004. A border "
            "treaty was signed in 2005, but Russia withdrew its signature soon after.")
    assert not [m for m in facts(text, registry, "membership") if m["member"] == "Russia"]


def test_concluded_negotiations_are_no_signed_agreement(registry) -> None:
    text = ("BRASILIA, May 3, 2021 - Canada and Mercosur concluded negotiations on a free trade "
            "agreement on Friday, ending talks that began in 2018.")
    assert facts(text, registry, "agreement") == []


def test_vietnamese_names_of_maghreb_states_and_the_oas(registry) -> None:
    text = ("Quan hệ đối ngoại của Tunisia\n\nNăm 1963, Tunisia thiết lập quan hệ ngoại giao "
            "với Mauritanie.")
    rel = facts(text, registry, "relation", "vi")
    assert [sorted(r["parties"]) for r in rel] == [["Mauritania", "Tunisia"]]
    # "châu Mỹ" in the OAS's name is no United States
    text = ("Quan hệ đối ngoại của Chile\n\nChile là thành viên sáng lập Tổ chức các Nước châu "
            "Mỹ năm 1948.")
    got = memberships(text, registry, "vi")
    assert all(m == "Chile" for m, _ in got) and len(got) == 1
