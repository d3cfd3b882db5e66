"""Round 53 (session 28): a side named by a person's office and name, without the state.

An office holder the text introduced earlier with office, name and state ("Norwegian Prime
Minister Kari Holmsen", "Thủ tướng Na Uy Ca-ri Hôn-xen") and names again with an office but no
state ("Prime Minister Holmsen", "Thủ tướng Ca-ri Hôn-xen") holds that state: the event readers
take it as written instead of the page's pair. Guards: every word of the later name must be a
word of the earlier one; two earlier holders of different states with that name give nothing;
an introduction after the mention gives nothing.

Every sentence here was written for these tests (in no corpus part).
"""

from __future__ import annotations

from fact_checks import key, meetings, post_states  # (the registry: conftest.py)

_EN = ("Chile and Viet Nam sign a trade pact\n\n"
       "HANOI, March 5, 2019 - Chile and Viet Nam signed a trade pact on Tuesday. Norwegian "
       "Prime Minister Kari Holmsen, who was also in the region, called it a good sign.\n\n"
       "On March 6, 2019, Prime Minister Holmsen held talks with President Ana Bravo of Chile "
       "in Santiago.")

_VI = ("Chi-lê và Việt Nam ký hiệp định thương mại\n\n"
       "Hà Nội, 5/3/2019 - Thủ tướng Na Uy Ca-ri Hôn-xen cũng có mặt tại khu vực.\n\n"
       "Ngày 6/3/2019, Thủ tướng Ca-ri Hôn-xen đã hội đàm với Tổng thống Chi-lê A-na Bra-vô "
       "tại Xan-ti-a-gô.")


def test_a_holder_named_again_keeps_the_state_of_the_introduction(registry) -> None:  # noqa: ANN001
    nor, chl = key(registry, "Norway"), key(registry, "Chile")
    assert {(nor, "participant", "prime-minister"), (chl, "participant", "president")} \
        in meetings(_EN, registry)
    # (before: the page's pair, Viet Nam, for the office written without its state)
    assert not any(key(registry, "Vietnam") in {a for a, _, _ in m}
                   for m in meetings(_EN, registry))


def test_the_same_in_vietnamese(registry) -> None:  # noqa: ANN001
    nor, chl = key(registry, "Norway"), key(registry, "Chile")
    assert {(nor, "participant", "prime-minister"), (chl, "participant", "president")} \
        in meetings(_VI, registry)


def test_the_full_name_again_and_the_family_name_alone(registry) -> None:  # noqa: ANN001
    states = post_states(_EN, registry)
    assert states["Prime Minister Holmsen"] == key(registry, "Norway")
    text = _EN.replace("Prime Minister Holmsen", "Prime Minister Kari Holmsen")
    assert post_states(text, registry)["Prime Minister Kari Holmsen"] == key(registry, "Norway")


def test_a_name_two_states_share_resolves_to_nothing(registry) -> None:  # noqa: ANN001
    text = ("Norwegian Foreign Minister Per Lund and Danish Foreign Minister Ole Lund met in "
            "Oslo on 2 May 2019. On 3 May 2019, Foreign Minister Lund flew to Riga.")
    assert post_states(text, registry)["Foreign Minister Lund"] is None


def test_a_name_with_a_word_the_introduction_lacks_is_another_person(registry) -> None:  # noqa: ANN001
    text = ("Korean President Lee Jae-won opened the forum on 2 May 2019. Later that day, "
            "Prime Minister Lee Hsien Tan spoke.")
    assert post_states(text, registry)["Prime Minister Lee Hsien Tan"] is None


def test_an_introduction_after_the_mention_is_not_read(registry) -> None:  # noqa: ANN001
    text = ("Prime Minister Holmsen arrived on 2 May 2019. The visit of Norwegian Prime "
            "Minister Kari Holmsen was her first.")
    assert post_states(text, registry)["Prime Minister Holmsen"] is None


def test_an_honorific_alone_names_nobody(registry) -> None:  # noqa: ANN001
    text = ("Qatari Prime Minister Sheikh Hamad Fahad met the envoy on 2 May 2019. On 4 May "
            "2019, Foreign Minister Sheikh Saud received him.")
    assert post_states(text, registry)["Foreign Minister Sheikh Saud"] is None
