"""Round 50 (session 27): visits, meetings and calls as pages tell them.

1. (A) Office holders of other states that many writers' parts name ("Narendra Modi",
   "Vladimir Putin", "Joe Biden", …; ``extraction/vocabulary.yaml``, "leaders") give a post
   written with no state its state, on a page about one state where the other side was only a
   guess. The rows are not marked ``alone``: a name with no office beside it stays as before.
2. (B) A telephone call ("điện đàm với", "telephoned", "had spoken by telephone", "held a phone
   call with") is read by the meeting reader as the type ``high-level-contact``, with no place;
   talks stay a meeting.
3. (C, as the lead kept it) A visit or a meeting that no pass could date is proposed with the
   flag ``undated`` for the curator (the branch had left it out); a plan told in the past
   ("said he planned to visit") is no visit.

Every sentence here was written for these tests (in no corpus part).
"""

from __future__ import annotations

from fact_checks import facts as _facts  # (the registry: conftest.py)

from diplograph.extraction.pipeline import extract_text


def _events(text: str, registry, lang: str = "en") -> list[dict]:  # noqa: ANN001
    return _facts(text, registry, "event", lang)


def _sides(e: dict) -> dict[str, tuple[str, str | None]]:
    return {p["actor"]: (p["role"], (p.get("post") or {}).get("office"))
            for p in e["participants"]}


SWISS = ("Foreign relations of Switzerland\n\n"
         "Switzerland keeps a policy of neutrality. Prime Minister Narendra Modi paid an official "
         "visit to Switzerland on 5 June 2016.")

SEYCHELLES = ("Foreign relations of Seychelles\n\n"
              "Seychelles hosts many visitors. President Vladimir Putin received President James "
              "Michel in Moscow on 10 March 2014.")


def test_a_known_leader_gives_a_stateless_post_its_state(registry) -> None:  # noqa: ANN001
    [visit] = [e for e in _events(SWISS, registry) if e["event_type"] == "visit"]
    assert _sides(visit) == {"India": ("visitor", "prime-minister"),
                             "Switzerland": ("host", None)}
    assert visit["date"] == "2016-06-05"


def test_the_known_leader_is_the_host_of_a_reception(registry) -> None:  # noqa: ANN001
    # (without the row the page's state was taken for the receiving president's)
    [meeting] = [e for e in _events(SEYCHELLES, registry) if e["event_type"] == "meeting"]
    assert _sides(meeting) == {"Russia": ("host", "president"),
                               "Seychelles": ("participant", "president")}
    assert meeting["date"] == "2014-03-10"


def test_a_name_alone_is_not_a_leader(registry) -> None:  # noqa: ANN001
    # the rows are not marked `alone`: with no office anywhere, the name gives no participant
    text = ("Foreign relations of Switzerland\n\n"
            "Switzerland keeps a policy of neutrality. Narendra Modi visited Switzerland on "
            "5 June 2016.")
    assert not any("India" in _sides(e) for e in _events(text, registry))


CALL_VI = ("Hà Nội, 12/3 (TTXVN) - Ngày 12/3/2024, Bộ trưởng Ngoại giao Bùi Thanh Sơn đã điện đàm "
           "với Bộ trưởng Ngoại giao Chi-lê Alberto van Klaveren.\n\n"
           "Hai bên nhất trí tăng cường hợp tác.")


def test_a_telephone_call_in_vietnamese(registry) -> None:  # noqa: ANN001
    [call] = _events(CALL_VI, registry, "vi")
    assert call["event_type"] == "high-level-contact"
    assert _sides(call) == {"Vietnam": ("participant", "minister-of-foreign-affairs"),
                            "Chile": ("participant", "minister-of-foreign-affairs")}
    assert call["date"] == "2024-03-12"
    assert "place" not in call  # (each side speaks from its own; not the dateline's city)


def test_a_telephone_call_in_english(registry) -> None:  # noqa: ANN001
    text = ("SANTIAGO, Feb 5 - Chile's President Gabriel Boric and Argentina's President Javier "
            "Milei had spoken by telephone on 4 February 2024, the ministry said.")
    [call] = _events(text, registry)
    assert call["event_type"] == "high-level-contact"
    assert _sides(call) == {"Chile": ("participant", "president"),
                            "Argentina": ("participant", "president")}
    assert call["date"] == "2024-02-04"
    assert "place" not in call


def test_telephoned_and_a_phone_call_with(registry) -> None:  # noqa: ANN001
    for verb in ("telephoned", "held a phone call with"):
        text = (f"On 3 May 2023 Chile's President Gabriel Boric {verb} Argentina's President "
                f"Alberto Fernández.")
        [call] = _events(text, registry)
        assert call["event_type"] == "high-level-contact", verb
        assert set(_sides(call)) == {"Chile", "Argentina"}, verb


def test_talks_are_still_a_meeting(registry) -> None:  # noqa: ANN001
    text = ("SANTIAGO, Feb 5 - Chile's President Gabriel Boric held talks with Argentina's "
            "President Javier Milei in Santiago on 4 February 2024.")
    [meeting] = _events(text, registry)
    assert meeting["event_type"] == "meeting"
    assert set(_sides(meeting)) == {"Chile", "Argentina"}


def test_an_undated_meeting_is_proposed_flagged_for_the_curator(registry) -> None:  # noqa: ANN001
    text = ("Chile and Thailand signed a visa waiver on 12 May 2023.\n\nThailand's foreign "
            "minister also met President Gabriel Boric.")
    meetings = [c for c in extract_text(text, "en", registry).candidates
                if c.type == "event" and c.data["event_type"] == "meeting"]
    assert [c.data.get("date") for c in meetings] == [None]
    assert all("undated" in c.flags for c in meetings)


def test_a_dated_visit_has_no_undated_flag(registry) -> None:  # noqa: ANN001
    visits = [c for c in extract_text(SWISS, "en", registry).candidates
              if c.type == "event" and c.data["event_type"] == "visit"]
    assert visits and all(c.data.get("date") == "2016-06-05" for c in visits)
    assert not any("undated" in c.flags for c in visits)


def test_a_plan_told_in_the_past_is_no_visit(registry) -> None:  # noqa: ANN001
    text = ("Foreign relations of Kenya\n\nOn 3 March 2019 the Kenyan president said he planned "
            "to visit Japan in August.")
    assert not [e for e in _events(text, registry) if e["event_type"] == "visit"]
