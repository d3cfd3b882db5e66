"""The search index (linking/search.py) on the real built graph: names in English and
Vietnamese, with and without diacritics, acronyms, codes and historical states."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from diplograph.graph.errors import DiplographError
from diplograph.linking.search import MAX_TEXT, SearchIndex, index_query, kinds

ID = "https://diplograph.org/id/"


@pytest.fixture(scope="module")
def index(built_store: ox.Store) -> SearchIndex:
    rows = [(r["s"].value, r["kind"].value, r["name"].value, r["tag"].value if r["tag"] else None)
            for r in built_store.query(index_query(), use_default_graph_as_union=True)]
    return SearchIndex.from_rows(rows)


def top(index: SearchIndex, text: str, **kw: object) -> str:
    hits = index.search(text, **kw).hits  # type: ignore[arg-type]
    assert hits, f"nothing found for {text!r}"
    return hits[0].iri


@pytest.mark.parametrize(("text", "iri"), [
    ("Mongolia", "state/MNG"), ("Mông Cổ", "state/MNG"), ("mong co", "state/MNG"),
    ("MNG", "state/MNG"), ("Việt Nam", "state/VNM"), ("viet nam", "state/VNM"),
    ("Liên Hợp Quốc", "org/UN"), ("lien hop quoc", "org/UN"), ("UN", "org/UN"),
    ("United Nations", "org/UN"), ("ASEAN", "org/ASEAN"),
    ("Ulaanbaatar", "place/ulaanbaatar"),
])
def test_names_find_their_entity(index: SearchIndex, text: str, iri: str) -> None:
    assert top(index, text) == ID + iri


@pytest.mark.parametrize("text", ["Ho Chi Minh", "Hồ Chí Minh"])
def test_a_person_is_found_by_name_with_or_without_diacritics(index: SearchIndex,
                                                              text: str) -> None:
    """The document's Ho Chi Minh and Archigos's leader record (the data sets are never merged
    with the documents: two entities) are both people named so, and both are found."""
    hits = [h for h in index.search(text, kinds={"person"}).hits if h.score >= 95]
    assert ID + "person/ho-chi-minh" in [h.iri for h in hits]
    assert all(h.kind == "person" and "Ho Chi Minh" in (h.label, h.matched) for h in hits)


@pytest.mark.parametrize("text", ["Liên Xô", "lien xo", "USSR", "Soviet Union"])
def test_historical_names_find_the_historical_state(index: SearchIndex, text: str) -> None:
    hit = index.search(text).hits[0]
    assert hit.kind == "state" and hit.label == "Soviet Union"


def test_a_word_start_ranks_above_a_substring(index: SearchIndex) -> None:
    hits = [h.iri for h in index.search("Việt", kinds={"state"}).hits]
    assert hits[0] == ID + "state/VNM"
    soviet = index.search("Soviet Union").hits[0].iri
    if soviet in hits:  # "So-viet" may match, but after the "Việt…" states
        assert hits.index(soviet) > hits.index(ID + "state/VNM")


def test_an_acronym_is_not_a_prefix_of_another(index: SearchIndex) -> None:
    """"UN" names the United Nations; UNESCO is not a match by its acronym."""
    hits = index.search("UN", limit=50).hits
    assert hits[0].iri == ID + "org/UN" and hits[0].score == 103
    assert all(h.matched.upper() != "UNESCO" for h in hits)


def test_facets_count_every_kind_and_filter(index: SearchIndex) -> None:
    everything = index.search("viet", limit=100)
    states = index.search("viet", kinds={"state"}, limit=100)
    assert everything.facets["state"] == states.total
    assert sum(everything.facets.values()) == everything.total
    assert all(h.kind == "state" for h in states.hits)


def test_paging_is_consistent(index: SearchIndex) -> None:
    whole = [h.iri for h in index.search("international", limit=40).hits]
    pages = [h.iri for o in (0, 20) for h in index.search("international", limit=20,
                                                           offset=o).hits]
    assert whole == pages and len(set(whole)) == len(whole)


def test_every_kind_of_the_registry_is_indexed(index: SearchIndex) -> None:
    counts = index.kind_counts()
    assert counts["state"] > 200 and counts["organisation"] > 500
    assert {"document", "agreement", "person", "place"} <= set(counts)
    assert set(counts) <= {k.kind for k in kinds()}


def test_bad_texts(index: SearchIndex) -> None:
    assert index.search("").total == 0 and index.search("   ").total == 0
    assert index.search("!!!").total == 0
    with pytest.raises(DiplographError) as e:
        index.search("x" * (MAX_TEXT + 1))
    assert e.value.kind == "bad-input" and str(MAX_TEXT) in e.value.message
    assert index.search("<script>alert(1)</script>").total == 0
