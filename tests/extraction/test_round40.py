"""Round 40 (session 23): the second precision round, classes of wrong facts the rules make in
many writers' parts.

1. An ambassador's presentation of credentials whose place is a city the registry does not know
   ("tại Vin-hốc") or is not told is in the receiving state (the gold's practice: 30 of 32
   credentials facts, 13 parts); a presentation made online keeps no place.
2. A visit, a meeting, an agreement or a partnership told in the future or as expected ("will
   visit", "sẽ tới", "agreed to work towards raising …") is no fact of the act; the same act
   told in the past is kept.
3. An agreement signed during a visit told with its span of days in one month ("from 6 to 9
   February 2024; during the visit the two sides signed …") is dated by that month, as the
   gold dates it; a span across two months gives no date.

Every sentence here was written for these tests (in no corpus part); each class's wrong fact is
shown gone and the right fact kept.
"""

from __future__ import annotations

import pytest

from diplograph.extraction.pipeline import extract_text
from diplograph.loaders.registry import load_registry


@pytest.fixture(scope="module")
def registry():  # noqa: ANN201
    return load_registry()


def _of(text: str, registry, kind: str) -> list[dict]:  # noqa: ANN001
    ex = extract_text(text, None, registry, verify=False)
    return [c.data for c in ex.candidates if c.type == kind]


# --- 1. credentials are presented in the receiving state -------------------------------------

VI_NAMIBIA = ("Quan hệ đối ngoại của Namibia\n\nNamibia và Việt Nam thiết lập quan hệ ngoại giao "
              "ngày 23/3/1990. ")
EN_NAMIBIA = ("Foreign relations of Namibia\n\nNamibia and Viet Nam established diplomatic "
              "relations on 23 March 1990. ")


def _credentials(text: str, registry) -> list[dict]:  # noqa: ANN001
    return [d for d in _of(text, registry, "event")
            if any((p.get("post") or {}).get("office") == "ambassador"
                   for p in d["participants"])]


@pytest.mark.parametrize("text", [
    VI_NAMIBIA + "Ngày 14/2/2024, tại Vin-hốc, Đại sứ Trần Văn Minh trình Quốc thư lên Tổng "
                 "thống Namibia Nangolo Mbumba.",
    VI_NAMIBIA + "Đại sứ Trần Văn Minh trình Thư ủy nhiệm lên Tổng thống Nangolo Mbumba ngày "
                 "14/2/2024.",
    EN_NAMIBIA + "On 14 February 2024 Ambassador Tran Van Minh presented his credentials to "
                 "President Nangolo Mbumba.",
])
def test_credentials_in_the_receiving_state(registry, text: str) -> None:  # noqa: ANN001
    [d] = _credentials(text, registry)
    roles = {p["actor"]: p["role"] for p in d["participants"]}
    assert roles == {"Vietnam": "participant", "Namibia": "host"}
    assert d["place"] == "Namibia"
    assert d["date"] == "2024-02-14"


def test_credentials_with_a_place_keep_it(registry) -> None:  # noqa: ANN001
    text = (EN_NAMIBIA + "On 14 February 2024 Ambassador Tran Van Minh presented his "
            "credentials to President Nangolo Mbumba in Namibia.")
    [d] = _credentials(text, registry)
    assert d["place"] == "Namibia"


@pytest.mark.parametrize("text", [
    EN_NAMIBIA + "On 9 May 2021 Ambassador Tran Van Minh presented his credentials online to "
                 "President Hage Geingob.",
    VI_NAMIBIA + "Ngày 9/5/2021, Đại sứ Trần Văn Minh trình Quốc thư trực tuyến lên Tổng thống "
                 "Hage Geingob.",
])
def test_credentials_online_have_no_place(registry, text: str) -> None:  # noqa: ANN001
    [d] = _credentials(text, registry)
    assert "place" not in d
    assert d["date"] == "2021-05-09"


# --- 2. an act told in the future is no fact ---------------------------------------------------

KENYA = "Kenya and Japan\n\nKenya and Japan established diplomatic relations in 1963. "


def _visits(text: str, registry) -> list[dict]:  # noqa: ANN001
    return [d for d in _of(text, registry, "event") if d["event_type"] == "visit"]


@pytest.mark.parametrize("text", [
    KENYA + "President William Ruto of Kenya will visit Japan in February 2024.",
    KENYA + "President William Ruto of Kenya is expected to visit Japan in February 2024.",
    "Kenya và Nhật Bản\n\nTổng thống Kenya William Ruto sẽ thăm Nhật Bản vào tháng 2/2024.",
    "Kenya và Nhật Bản\n\nTổng thống Kenya William Ruto dự kiến thăm Nhật Bản vào tháng 2/2024.",
])
def test_a_future_visit_is_none(registry, text: str) -> None:  # noqa: ANN001
    assert _visits(text, registry) == []


@pytest.mark.parametrize("text", [
    KENYA + "President William Ruto of Kenya visited Japan in February 2024.",
    "Kenya và Nhật Bản\n\nTổng thống Kenya William Ruto thăm Nhật Bản vào tháng 2/2024.",
    # told in the future and then in the past: the visit happened
    KENYA + "President William Ruto of Kenya said he would visit Japan, and visited Japan in "
            "February 2024.",
])
def test_a_past_visit_is_kept(registry, text: str) -> None:  # noqa: ANN001
    [d] = _visits(text, registry)
    roles = {p["actor"]: p["role"] for p in d["participants"]}
    assert roles == {"Kenya": "visitor", "Japan": "host"}
    assert d["date"] == "2024-02"


def test_an_intended_partnership_is_none(registry) -> None:  # noqa: ANN001
    text = (KENYA + "In Tokyo the two sides agreed to work towards raising their relationship "
            "to a strategic partnership.")
    assert _of(text, registry, "partnership") == []


def test_a_partnership_raised_is_kept(registry) -> None:  # noqa: ANN001
    text = KENYA + "In Tokyo the two sides raised their relationship to a strategic partnership in 2024."
    [d] = _of(text, registry, "partnership")
    assert set(d["parties"]) == {"Kenya", "Japan"}
    assert d["framework"] == "strategic-partnership"


def test_an_agreement_to_be_signed_is_none(registry) -> None:  # noqa: ANN001
    text = KENYA + "Kenya and Japan will sign an agreement on visas on 3 March 2022."
    assert _of(text, registry, "agreement") == []


def test_an_agreement_signed_is_kept(registry) -> None:  # noqa: ANN001
    text = KENYA + "Kenya and Japan signed an agreement on visas on 3 March 2022."
    [d] = _of(text, registry, "agreement")
    assert set(d["parties"]) == {"Kenya", "Japan"}
    assert d["signed"] == "2022-03-03"


# --- 3. an agreement signed during a visit's span: the span's month ----------------------------

@pytest.mark.parametrize("text", [
    "Kenya and Japan\n\nPresident William Ruto of Kenya visited Japan from 6 to 9 February 2024; "
    "during the visit the two sides signed a health cooperation agreement.",
    "Kenya và Nhật Bản\n\nTổng thống Kenya William Ruto thăm Nhật Bản từ ngày 6 đến 9/2/2024; "
    "hai bên ký một hiệp định hợp tác y tế.",
])
def test_an_agreement_in_a_span_takes_its_month(registry, text: str) -> None:  # noqa: ANN001
    [d] = _of(text, registry, "agreement")
    assert set(d["parties"]) == {"Kenya", "Japan"}
    assert d["signed"] == "2024-02"


def test_a_span_across_two_months_gives_no_date(registry) -> None:  # noqa: ANN001
    text = ("Kenya and Japan\n\nPresident William Ruto of Kenya visited Japan from 30 January to "
            "2 February 2024; during the visit the two sides signed a health cooperation "
            "agreement.")
    [d] = _of(text, registry, "agreement")
    assert "signed" not in d
