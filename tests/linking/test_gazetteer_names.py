"""Extraction's gazetteer (``extraction.names.gazetteer``) reads the sourced name tables the
linking work keeps: adjectives of nationality from ``data/country-adjectives``, the CLDR names
of territories the registry does not hold as states, the registry's places (Hong Kong, the Cook
Islands) and its join of records of one body (``linking.names.same_bodies``)."""

from __future__ import annotations

import pytest

from diplograph.extraction.names import gazetteer


@pytest.fixture(scope="module")
def gaz():
    return gazetteer()


def _found(g, text):
    return [(m.surface, m.key, m.how) for m in g.mentions(text)]


def test_adjectives_of_nationality_come_from_the_sourced_table(gaz):
    text = "Peruvian, Chilean, Mexican, Ecuadorian, Azerbaijani, Kenyan and Ghanaian envoys"
    assert [(k, how) for _, k, how in _found(gaz, text)] == [
        (k, "demonym") for k in ("PER", "CHL", "MEX", "ECU", "AZE", "KEN", "GHA")
    ]


def test_an_adjective_several_states_share_names_none(gaz):
    # adjectivals.csv gives "congolese" to both Congos, "dominican" to Dominica and the
    # Dominican Republic: neither is a mention of one state
    assert _found(gaz, "Congolese and Dominican envoys") == []


def test_a_territory_name_keeps_its_adjective_from_naming_a_state(gaz):
    """"French Polynesia" (CLDR) is one run that names no entity: "French" in it is not France,
    while "French" on its own still is."""
    assert _found(gaz, "French Polynesia and New Caledonia") == []
    assert _found(gaz, "Polynesia thuộc Pháp") == []
    assert _found(gaz, "the French envoy") == [("French", "FRA", "demonym")]


def test_hong_kong_and_the_cook_islands_are_places_with_verified_qids(gaz, registry):
    assert _found(gaz, "Hong Kong and the Cook Islands") == [
        ("Hong Kong", "hong-kong", "name"), ("Cook Islands", "cook-islands", "name")
    ]
    hk, ck = registry.get("hong-kong"), registry.get("cook-islands")
    assert (hk.kind, hk.qid, hk.confidence) == ("place", "Q8646", "verified")
    assert (ck.kind, ck.qid, ck.confidence) == ("place", "Q26988", "verified")
    assert "owid-countries-regions gives Q8646" in hk.evidence
    assert "internacia gives Q8646" in hk.evidence


def test_an_acronym_and_a_name_of_one_body_held_twice_give_one_entity(gaz):
    (pif,) = gaz.mentions("PIF")
    (name,) = gaz.mentions("Pacific Islands Forum")
    assert pif.key == name.key == "Pacific-Islands-Forum"


def test_an_organisation_name_containing_a_state_name_is_the_organisation(gaz):
    """The longest run wins: the CPLP's Vietnamese name (a curated label of the registry record)
    is the organisation, not Portugal ("Bồ Đào Nha")."""
    assert _found(gaz, "Cộng đồng các nước nói tiếng Bồ Đào Nha (CPLP)") == [
        ("Cộng đồng các nước nói tiếng Bồ Đào Nha", "Community-of-Portuguese-Language-Countries",
         "name"),
        ("CPLP", "Community-of-Portuguese-Language-Countries", "acronym"),
    ]
