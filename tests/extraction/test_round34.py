"""The thirty-fourth round of extraction (issue 16): the lead's welcome decision of session 18
read by the meeting rule, and constructions that recur across writers, read from the misses of
``test46/`` and ``test47/`` (development parts this round) and of all parts ``test20/``–
``test47/`` pooled, each in both languages where the construction has two.

Every sentence here was written for these tests; none is taken from an article or the corpus.
"""

from __future__ import annotations

from diplograph.extraction.pipeline import extract_text


def _cands(text: str, registry, kind: str) -> list[dict]:
    return [c.data for c in extract_text(text, None, registry).candidates if c.type == kind]


def _key(registry, name: str) -> str:
    """The registry key of a state or organisation (labels may change; keys do not)."""
    return registry.resolve(name).key


def _meetings(text: str, registry) -> list[frozenset]:
    """The frozenset of (state key, role, office) of each meeting candidate."""
    return [frozenset((_key(registry, p["actor"]), p["role"],
                       (p.get("post") or {}).get("office")) for p in d["participants"])
            for d in _cands(text, registry, "event") if d["event_type"] == "meeting"]


# --- a welcome by a named side is a meeting that side hosts ------------------------------------

def test_caption_welcomes_en(registry) -> None:
    text = ("Chile and Viet Nam\n\nPhoto: President Gabriel Boric welcomes Prime Minister Pham "
            "Minh Chinh at La Moneda Palace, Santiago, 3 March 2026.")
    assert frozenset({("CHL", "host", "president"), ("VNM", "participant", "prime-minister")}) \
        in _meetings(text, registry)


def test_welcome_presided_and_talks_one_fact_vi(registry) -> None:
    text = ("HÀ NỘI, 12/3/2026 - Sáng nay, Chủ tịch nước Lương Cường chủ trì lễ đón chính thức "
            "Tổng thống Chile Gabriel Boric và hội đàm với Tổng thống Boric tại Phủ Chủ tịch.")
    got = _meetings(text, registry)
    host = frozenset({("VNM", "host", "president"), ("CHL", "participant", "president")})
    assert host in got
    assert frozenset({("VNM", "participant", "president"),
                      ("CHL", "participant", "president")}) not in got  # one fact, not two


def test_welcome_by_passive_en(registry) -> None:
    text = ("Vietnamese Prime Minister Pham Minh Chinh was welcomed by Chilean President "
            "Gabriel Boric at La Moneda Palace on 3 March 2026.")
    assert frozenset({("CHL", "host", "president"), ("VNM", "participant", "prime-minister")}) \
        in _meetings(text, registry)


def test_at_the_welcome_ceremony_names_no_side_vi(registry) -> None:
    # guard: two sides "at the welcome ceremony", none named as presiding: both participant
    text = ("Ảnh: Chủ tịch nước Lương Cường và Tổng thống Gabriel Boric tại lễ đón chính thức "
            "ở Hà Nội ngày 12/3/2026.")
    for m in _meetings(text, registry):
        assert all(role == "participant" for _, role, _ in m)
