"""Issue 16, point 5: the seeds complete. Three gaps that questions about the seed documents
found are closed, each fact with its document and quote:

- the Republic of China's veto threats before the 1961 UN admission are marked as repeated;
- the secondary school named after Ho Chi Minh in Ulaanbaatar, where the statue and the
  exhibition room stand, is a registry place, located in Ulaanbaatar and named after him;
- Ulaanbaatar is stated to be Mongolia's capital.

The facts files load into a real on-disk store with the real registry; the questions are SPARQL.
"""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from diplograph.graph.namespaces import PREFIXES
from diplograph.loaders.facts import load_facts_file
from diplograph.loaders.registry import load_registry

SOURCES = Path(__file__).resolve().parents[2] / "sources"
PREFIX = "\n".join(f"PREFIX {p}: <{iri}>" for p, iri in PREFIXES.items()) + "\n"
VN_DOC = "https://diplograph.org/id/source/vn-mn-relations-2023"
EN_DOC = "https://diplograph.org/id/source/wikipedia-foreign-relations-of-mongolia"


@pytest.fixture(scope="module")
def registry():
    return load_registry()


@pytest.fixture(scope="module")
def store(tmp_path_factory, registry) -> ox.Store:
    st = ox.Store(str(tmp_path_factory.mktemp("seeds-16")))
    for name in ("000_68460debbf1317d8.facts.yaml", "001_cf5b56e9778579b3.facts.yaml"):
        load_facts_file(st, SOURCES / name, registry)
    return st


def rows(store: ox.Store, query: str) -> list[dict[str, str]]:
    result = store.query(PREFIX + query, use_default_graph_as_union=True)
    names = [v.value for v in result.variables]
    return [{n: s[n].value for n in names if s[n] is not None} for s in result]


def test_the_veto_threats_are_repeated_with_their_quote(store) -> None:
    found = rows(store, """SELECT ?rec ?quote ?doc WHERE {
        ?f dg:eventType <https://diplograph.org/id/concept/event-type/veto-threat> ;
           dg:recurrence ?rec ; dg:quote ?quote ; dg:statedIn ?doc }""")
    assert [r["rec"] for r in found] == ["repeated"]
    assert found[0]["doc"] == EN_DOC and "veto" in found[0]["quote"]


def test_the_school_is_an_entity_located_in_ulaanbaatar_named_after_ho_chi_minh(
        store, registry) -> None:
    school = registry.resolve("ho-chi-minh-school-ulaanbaatar")
    assert school.kind == "place" and school.iri.startswith("https://diplograph.org/id/place/")
    found = rows(store, f"""SELECT ?in ?after ?quote ?doc WHERE {{
        ?f a dg:PlaceStatement ; dg:describedPlace <{school.iri}> ;
           dg:locatedIn ?in ; dg:namedAfter ?after ; dg:quote ?quote ; dg:statedIn ?doc ;
           prov:wasDerivedFrom ?doc }}""")
    assert found == [{
        "in": registry.resolve("Ulaanbaatar").iri,
        "after": registry.resolve("Ho Chi Minh").iri,
        "quote": "trường trung học mang tên Người ở thủ đô Ulaanbaatar",
        "doc": VN_DOC,
    }]
    # the statue and the exhibition room stand at the school
    events = rows(store, f"""SELECT ?t WHERE {{ ?e dg:place <{school.iri}> ; dg:eventType ?t }}""")
    assert sorted(r["t"].rsplit("/", 1)[-1] for r in events) == ["opening", "unveiling"]


def test_ulaanbaatar_is_stated_to_be_mongolias_capital(store, registry) -> None:
    found = rows(store, f"""SELECT ?quote ?doc ?start ?end WHERE {{
        ?f dg:describedPlace <{registry.resolve("Ulaanbaatar").iri}> ;
           dg:capitalOf <{registry.resolve("Mongolia").iri}> ;
           dg:quote ?quote ; dg:statedIn ?doc ; dg:quoteStart ?start ; dg:quoteEnd ?end }}""")
    assert len(found) == 1 and found[0]["doc"] == VN_DOC
    text = (SOURCES / "000_68460debbf1317d8.txt").read_text(encoding="utf-8")
    quote = text[int(found[0]["start"]) : int(found[0]["end"])]
    assert quote == found[0]["quote"] and "thủ đô Ulaanbaatar" in quote and "Mông Cổ" in quote
