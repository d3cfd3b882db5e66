"""A name written as a word prefers the entity it names over one whose code it spells.

"Nga" is Russia's Vietnamese name and Nigeria's ISO 3166 alpha-3 code (NGA). Written
as a word it means Russia; written in capitals it is the code.
"""

from diplograph.graph.registry import Entity, Registry, entity_iri


def _registry() -> Registry:
    return Registry([
        Entity(key="RUS", iri=entity_iri("state", "RUS"), kind="state",
               labels={"en": "Russia", "vi": "Nga"}, iso3="RUS", iso2="RU"),
        Entity(key="NGA", iri=entity_iri("state", "NGA"), kind="state",
               labels={"en": "Nigeria", "vi": "Nigeria"}, iso3="NGA", iso2="NG"),
        Entity(key="MNG", iri=entity_iri("state", "MNG"), kind="state",
               labels={"en": "Mongolia", "vi": "Mông Cổ"}, iso3="MNG", iso2="MN"),
    ])


def test_a_word_means_the_entity_it_names() -> None:
    r = _registry()
    assert r.resolve("Nga").key == "RUS"
    assert r.resolve("nga").key == "RUS"


def test_capitals_mean_the_code() -> None:
    assert _registry().resolve("NGA").key == "NGA"


def test_a_code_in_lower_case_still_resolves_when_nothing_else_is_so_named() -> None:
    r = _registry()
    assert r.resolve("mng").key == "MNG"
    assert r.resolve("ng").key == "NGA"
