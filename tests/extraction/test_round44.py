"""Round 44 (session 25): the lead's convention of a double post, and constructions that recur
in several writers' parts.

1. (H) A double post joined by "kiêm" (concurrently: "Phó Tổng thống kiêm Bộ trưởng Ngoại giao",
   "Phó Thủ tướng kiêm Bộ trưởng Quốc phòng") is one post: the whole title its label, the
   office of its first post that has one (the corpus README's "A double post", the lead,
   session 25); a deputy prime minister who is also the foreign minister stays the foreign
   minister (round 38's vocabulary rows).
2. (I) The "Tên nước:" line of a scraped country page names the page's state when it is a
   bulleted line too ("- Tên nước: Cộng hòa …"), where the title names only the partner.
3. (J) Vietnamese names of organisations as the texts write them with the bracketed
   abbreviation ("Thị trường chung Đông và Nam Phi (COMESA)", "Cộng đồng Phát triển Nam Phi
   (SADC)"); a name holding a state's name ("Nam Phi") no longer names that state.
4. (K) A founding's date is not taken from a contrasting clause after the body ("…, song khối
   này tan rã vào năm 1977", "…, but it was dissolved in 1977"); the first East African
   Community is COW's EACM.
5. (L) "since the organisation came into being / was founded" is a membership from the first
   day (founding), as the Vietnamese "ngay từ khi tổ chức này ra đời" already is.
6. (M) The framework label's own sentence on a page whose lines the scrape ran together
   ("…: 21/8/1973.Khuôn khổ quan hệ: Đối tác toàn diện (11/2017).…").
7. (N) "played host to" / "was host to" a summit, as "hosted".
8. (O) "đặt quan hệ ngoại giao" establishes relations, as "lập quan hệ ngoại giao".
9. (P) Founders counted as "economies" ("one of the twelve economies that launched …"), or with
   no noun ("among the thirty-two that created …"): founding members.

Every sentence here was written for these tests (in no corpus part).
"""

from __future__ import annotations

import pytest

from diplograph.extraction.pipeline import extract_text
from diplograph.loaders.registry import load_registry


@pytest.fixture(scope="module")
def registry():  # noqa: ANN201
    return load_registry()


def _cands(text: str, registry, kind: str) -> list[dict]:  # noqa: ANN001
    ex = extract_text(text, None, registry, verify=False)
    return [c.data for c in ex.candidates if c.type == kind]


def _members(text: str, registry) -> list[tuple]:  # noqa: ANN001
    return sorted((c["member"], c["organization"], c.get("start"), tuple(c.get("roles", ())))
                  for c in _cands(text, registry, "membership"))


def _visitor_posts(text: str, registry) -> list[tuple]:  # noqa: ANN001
    out = []
    for e in _cands(text, registry, "event"):
        if e["event_type"] != "visit":
            continue
        for p in e["participants"]:
            if p["role"] == "visitor":
                post = p.get("post") or {}
                out.append((p["actor"], post.get("office"), (post.get("label") or {}).get("vi")))
    return sorted(out)


# --- 1. a double post -------------------------------------------------------------------------

_LIST = ("Trang chủ > Châu Âu > Na-uyNA-UY - THÔNG TIN CƠ BẢN\nTên nước: Vương quốc Na Uy\n"
         "III. QUAN HỆ VỚI VIỆT NAM\nCác chuyến thăm cấp cao: phía Na Uy có {item}.\n")


def test_a_vice_president_who_is_foreign_minister_holds_the_first_office(registry) -> None:  # noqa: ANN001
    text = _LIST.format(item="Phó Tổng thống kiêm Bộ trưởng Ngoại giao Ô-la Han-xen "
                             "(thăm chính thức, 2-4/3/2019)")
    assert _visitor_posts(text, registry) == [
        ("Norway", "vice-president", "Phó Tổng thống kiêm Bộ trưởng Ngoại giao")]


def test_a_deputy_prime_minister_who_is_defence_minister_holds_the_first_office(registry) -> None:  # noqa: ANN001
    text = ("Phó Thủ tướng kiêm Bộ trưởng Quốc phòng Na Uy Ô-la Han-xen thăm Việt Nam ngày "
            "5/3/2019.\n")
    assert _visitor_posts("Quan hệ Việt Nam - Na Uy\n\n" + text, registry) == [
        ("Norway", "deputy-prime-minister", "Phó Thủ tướng kiêm Bộ trưởng Quốc phòng")]


def test_a_deputy_prime_minister_who_is_foreign_minister_stays_foreign_minister(registry) -> None:  # noqa: ANN001
    text = ("Quan hệ Việt Nam - Na Uy\n\nPhó Thủ tướng kiêm Bộ trưởng Ngoại giao Na Uy Ô-la "
            "Han-xen thăm Việt Nam ngày 5/3/2019.\n")
    assert [p[1] for p in _visitor_posts(text, registry)] == ["minister-of-foreign-affairs"]


def test_two_posts_of_two_persons_stay_two(registry) -> None:  # noqa: ANN001
    text = ("Quan hệ Việt Nam - Na Uy\n\nThủ tướng Na Uy Ô-la Han-xen và Bộ trưởng Quốc phòng "
            "Na Uy Pe-tơ Len thăm Việt Nam ngày 5/3/2019.\n")
    offices = {p[1] for p in _visitor_posts(text, registry)}
    assert "minister-of-defence" not in offices or "prime-minister" in offices


# --- 2. a bulleted name line ------------------------------------------------------------------

def test_a_bulleted_name_line_names_the_page_state(registry) -> None:  # noqa: ANN001
    text = ("Trang chủ > Châu Phi > Ga-naGA-NA - THÔNG TIN CƠ BẢN VÀ QUAN HỆ VỚI VIỆT NAM\n"
            "Cập nhật: 3/2026\n\nI. THÔNG TIN CƠ BẢN\n- Tên nước: Cộng hòa Ga-na (Republic of "
            "Ghana)\n- Thủ đô: A-cra\n\nII. CHÍNH SÁCH ĐỐI NGOẠI\nNước này là thành viên sáng lập "
            "Liên minh châu Phi (AU) năm 2002.\n")
    assert _members(text, registry) == [("Ghana", "African Union", "2002", ("founding", "full"))]


# --- 3. Vietnamese names of organisations -----------------------------------------------------

def test_an_organisation_holding_a_state_name_is_not_that_state(registry) -> None:  # noqa: ANN001
    text = ("Quan hệ đối ngoại của Ma-la-uy\n\nMa-la-uy gia nhập Thị trường chung Đông và Nam Phi "
            "năm 1994 và Cộng đồng Phát triển Nam Phi năm 1992.\n")
    got = _members(text, registry)
    assert {m[1] for m in got} == {"Common Market for Eastern and Southern Africa",
                                   "Southern African Development Community"}
    assert all(m[0] == "Malawi" for m in got)


def test_the_east_african_community(registry) -> None:  # noqa: ANN001
    text = "Quan hệ đối ngoại của Bu-run-đi\n\nBu-run-đi gia nhập Cộng đồng Đông Phi năm 2007.\n"
    assert _members(text, registry) == [("Burundi", "East African Community", "2007", ())]


# --- 4. a contrasting clause after a founding -------------------------------------------------

def test_a_founding_is_not_dated_by_the_clause_of_its_end(registry) -> None:  # noqa: ANN001
    text = ("Quan hệ đối ngoại của Kenya\n\nNăm 1967, Kenya cùng Uganda lập ra Cộng đồng Đông Phi "
            "đầu tiên, song khối này tan rã vào năm 1977.\n")
    got = _members(text, registry)
    assert {m[2] for m in got} == {"1967"}
    assert {m[1] for m in got} == {"East African Common Market"}


# --- 5. a member since the organisation came into being --------------------------------------

def test_a_member_since_the_organisation_came_into_being_is_a_founder(registry) -> None:  # noqa: ANN001
    text = ("Foreign relations of Norway\n\nNorway has belonged to the OECD since the organisation "
            "came into being in 1961.\n")
    assert _members(text, registry) == [
        ("Norway", "Organization for Economic Cooperation and Development", "1961",
         ("founding", "full"))]


def test_a_member_since_a_year_is_not_a_founder(registry) -> None:  # noqa: ANN001
    text = "Foreign relations of Norway\n\nNorway has belonged to the OECD since 1961.\n"
    assert [m[3] for m in _members(text, registry)] == [()]


# --- 6. a framework label run into the line before -------------------------------------------

def test_a_framework_label_in_a_run_together_line(registry) -> None:  # noqa: ANN001
    text = ("Trang chủ > Châu Âu > Na-uyNA-UY - THÔNG TIN CƠ BẢN\nTên nước: Vương quốc Na Uy\n"
            "III. QUAN HỆ VỚI VIỆT NAM\nNgày thiết lập quan hệ ngoại giao: 25/11/1971.Khuôn khổ "
            "quan hệ: Đối tác toàn diện (4/2019).Việt Nam mở Đại sứ quán tại Ô-xlô năm 2000.\n")
    got = [(sorted(p["parties"]), p["framework"], p["date"])
           for p in _cands(text, registry, "partnership")]
    assert got == [(["Norway", "Vietnam"], "comprehensive-partnership", "2019-04")]


# --- 7. played host to ------------------------------------------------------------------------

def test_played_host_to_a_summit(registry) -> None:  # noqa: ANN001
    text = ("Foreign relations of Ghana\n\nIn March 2027 Accra played host to the fifteenth "
            "summit of the African Union.\n")
    got = [(e["participants"], e.get("date"), e.get("ordinal"))
           for e in _cands(text, registry, "event") if e["event_type"] == "meeting"]
    assert got == [([{"actor": "Ghana", "role": "host"}], "2027-03", 15)]


# --- 8. đặt quan hệ ngoại giao ----------------------------------------------------------------

def test_relations_set_up_by_dat(registry) -> None:  # noqa: ANN001
    text = ("Quan hệ đối ngoại của Ga-na\n\nGa-na và Ấn Độ chính thức đặt quan hệ ngoại giao "
            "ngày 2/3/1957.\n")
    got = [(sorted(r["parties"]), r["status"], r.get("date"))
           for r in _cands(text, registry, "relation")]
    assert got == [(["Ghana", "India"], "established", "1957-03-02")]


# --- 9. founders counted as economies ---------------------------------------------------------

def test_one_of_the_economies_that_launched(registry) -> None:  # noqa: ANN001
    text = ("Foreign relations of Brunei\n\nBrunei was among the twelve economies that launched "
            "Asia-Pacific Economic Cooperation at a ministerial meeting in 1989.\n")
    assert _members(text, registry) == [
        ("Brunei", "Asia-Pacific Economic Cooperation", "1989", ("founding", "full"))]


def test_among_the_thirty_two_that_created(registry) -> None:  # noqa: ANN001
    text = ("Foreign relations of Ghana\n\nGhana was among the thirty-two that created the "
            "Organisation of African Unity at a conference in May 1963.\n")
    assert _members(text, registry) == [
        ("Ghana", "Organization for African Unity", "1963-05", ("founding", "full"))]
