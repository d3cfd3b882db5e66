"""Round 54 (session 28): a side the page gives.

On a page about one state (its title says so: "Foreign relations of Uganda", "Quan hệ đối
ngoại của Bồ Đào Nha"), an office holder named with an office and a name but no state
("President Okello", "Thủ tướng Ca-ri Hôn-xen") holds that state's office, unless the post's
sentence or the one before names another state the office could be of. Never a name a
Vietnamese name could be, never on a page about Viet Nam, never on a page with no subject. A
fact with a side taken this way has a lower confidence.

Every sentence here was written for these tests (in no corpus part).
"""

from __future__ import annotations

from fact_checks import key, meetings, post_states  # (the registry: conftest.py)

from diplograph.extraction.pipeline import extract_text

_EN = ("Foreign relations of Uganda\n\n"
       "The ministry keeps embassies in many capitals. On 12 March 2019, President Tomas Okello "
       "held talks with the Chilean President Ana Bravo in Santiago.")


def test_a_holder_with_no_state_on_a_page_about_one_state(registry) -> None:  # noqa: ANN001
    uga, chl = key(registry, "Uganda"), key(registry, "Chile")
    assert post_states(_EN, registry)["President Tomas Okello"] == uga
    assert {(uga, "participant", "president"), (chl, "participant", "president")} \
        in meetings(_EN, registry)


def test_a_side_taken_from_the_page_is_less_sure(registry) -> None:  # noqa: ANN001
    ext = extract_text(_EN, "en", registry, verify=False)
    assert ext.context.by_page
    told = _EN.replace("President Tomas Okello", "Ugandan President Tomas Okello")
    ext2 = extract_text(told, "en", registry, verify=False)
    conf = {c.rule: c.confidence for c in ext.candidates if c.type == "event"}
    conf2 = {c.rule: c.confidence for c in ext2.candidates if c.type == "event"}
    assert conf and all(conf[r] < conf2[r] for r in conf if r in conf2)


def test_another_state_named_near_it_gives_nothing(registry) -> None:  # noqa: ANN001
    # (Kenya, named with no office of its own, may be the office's state)
    text = ("Foreign relations of Uganda\n\n"
            "Uganda keeps embassies in many capitals. Kenya sent a delegation in 2019. "
            "President Tomas Okello received it in Kampala.")
    assert post_states(text, registry)["President Tomas Okello"] is None


def test_a_name_a_vietnamese_name_could_be_gives_nothing(registry) -> None:  # noqa: ANN001
    text = ("Quan hệ đối ngoại của Bồ Đào Nha\n\n"
            "Ngày 4/3/2019, Thủ tướng Lê Văn Tâm tiếp các nhà đầu tư.\n\n"
            "Ngày 5/3/2019, Thủ tướng Ca-ri Hôn-xen đã hội đàm với Thủ tướng Phạm Minh Chính.")
    states = post_states(text, registry, "vi")
    assert states["Thủ tướng Ca-ri Hôn-xen"] == key(registry, "Portugal")
    assert states["Thủ tướng Lê Văn Tâm"] is None


def test_two_holders_with_no_state_give_nothing(registry) -> None:  # noqa: ANN001
    # (on a page about one of them, one of the two is the guest: whose is whose?)
    text = ("Foreign relations of Uganda\n\n"
            "[Photo] President Tomas Okello and Prime Minister Ana Bravo, March 2019.")
    states = post_states(text, registry)
    assert states["President Tomas Okello"] is None
    assert states["Prime Minister Ana Bravo"] is None


def test_no_subject_or_a_page_about_viet_nam_gives_nothing(registry) -> None:  # noqa: ANN001
    two = ("Uganda and Chile sign a trade pact\n\n"
           "On 12 March 2019, President Tomas Okello met ministers in Santiago.")
    assert post_states(two, registry)["President Tomas Okello"] is None
    vn = ("Foreign relations of Vietnam\n\n"
          "On 12 March 2019, President Tomas Okello met ministers in Hanoi.")
    assert post_states(vn, registry)["President Tomas Okello"] is None

