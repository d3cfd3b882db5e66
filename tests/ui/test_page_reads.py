"""An entity page reads only what its fact rows show (server/linked_data.py, #12 and #17).

The details of the facts a page lists are read without the properties no row shows (a fact's
``dg:involves`` links, its fact type, the latest day a start can mean, its own label), and
their types are written from the fact index instead of read again. Here, on the real fixture
store, every fact of every fixture page is shown the same both ways: from all of its triples
(as pages read them before) and as the page reads them now. Values write themselves as HTML
(``Value.__html__``) exactly as the template macro did.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator

import pyoxigraph as ox
import pytest
from flask import Flask
from markupsafe import Markup

from diplograph.server import linked_data as ld
from diplograph.server.i18n import translate
from diplograph.server.ui import construct

from .conftest import fixture_app_with

#: facts shaped as the reference-data loaders write them (docs/model.md), with every property
#: a page leaves out, beside the fixture's document facts
DATA = """PREFIX dg: <https://diplograph.org/ontology#>
PREFIX dgr: <https://diplograph.org/id/>
PREFIX dgc: <https://diplograph.org/id/concept/>
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
PREFIX qb: <http://purl.org/linked-data/cube#>
dgr:fact\\/t\\/m1 a dg:Fact, dg:Membership, org:Membership ; rdfs:label "MNG in the UN" ;
  dg:factType dgc:fact-type\\/membership ; org:member dgr:state\\/MNG ;
  org:organization dgr:org\\/UN ; dg:involves dgr:state\\/MNG, dgr:org\\/UN ;
  org:role dgc:role\\/full ; rdfs:comment "a spell" ;
  dg:startDate "1961"^^xsd:gYear ; dg:startDatePrecision dgc:precision\\/year ;
  dg:startDateEarliest "1961-01-01"^^xsd:date ; dg:startDateLatest "1961-12-31"^^xsd:date ;
  dg:endDate "1990s"^^xsd:string ; dg:endDatePrecision dgc:precision\\/decade ;
  dg:endDateEarliest "1990-01-01"^^xsd:date ; dg:endDateLatest "1999-12-31"^^xsd:date ;
  prov:wasDerivedFrom dgr:dataset\\/t, dgr:dataset\\/t\\/rows\\/7 ;
  <http://www.wikidata.org/prop/direct/P463> dgr:org\\/UN ;
  <http://www.wikidata.org/prop/P463> dgr:fact\\/t\\/m1\\/wd\\/P463 .
dgr:fact\\/t\\/e1 a dg:Fact, dg:DiplomaticEvent, dg:Agreement, qb:Observation ;
  dg:factType dgc:fact-type\\/event ; dg:involves dgr:state\\/MNG, dgr:state\\/VNM ;
  dg:party dgr:state\\/VNM, dgr:state\\/MNG ;
  dg:date "1954-05"^^xsd:gYearMonth ; dg:dateEarliest "1954-05-01"^^xsd:date ;
  dg:dateLatest "1954-05-31"^^xsd:date ; dg:datePrecision dgc:precision\\/month ;
  dg:signingDate "1954-05-07"^^xsd:date ; dg:signingDateLatest "1954-05-07"^^xsd:date ;
  dg:foundedDate "1954"^^xsd:gYear ; dg:foundedDateLatest "1954-12-31"^^xsd:date ;
  prov:wasDerivedFrom dgr:dataset\\/t .
dgr:fact\\/t\\/x1 a dg:Fact ; dg:involves dgr:state\\/MNG ; dg:party dgr:state\\/MNG ;
  dg:startDate "2001"^^xsd:gYear ; dg:startDateLatest "2001-12-31"^^xsd:date ;
  prov:wasDerivedFrom dgr:dataset\\/t\\/rows\\/7 .
dgr:dataset\\/t rdfs:label "a test data set"@en .
dgr:dataset\\/t\\/rows\\/7 rdfs:label "row seven of t" .
"""


@pytest.fixture(scope="module")
def rich(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Flask]:
    with fixture_app_with(tmp_path_factory.mktemp("reads") / "store", DATA,
                          "https://diplograph.org/graph/dataset/t") as app:
        yield app


#: every triple of the facts (no property left out), their nodes and their objects' labels
ALL_OF_THEM = """CONSTRUCT { ?f ?p ?o } WHERE { VALUES ?f { {facts} } ?f ?p ?o }"""


def _shown(f: ld.FactView, page: str) -> tuple[object, ...]:
    """What a fact table row, the timeline and a document's highlight show of a fact."""
    dates = [(d.prop, d.label, d.text, d.precision,
              d.latest if d.prop == "endDate" else d.earliest) for d in f.dates]
    return (f.iri, f.link, f.kind, f.kind_label, f.counterpart_rows(page), f.details(page),
            f.headline(page), dates, f.when, f.start, f.end, f.quote, f.document, f.comment,
            f.reference)


def _entities(app: Flask) -> list[str]:
    rows = app.extensions["diplograph"].select(
        "SELECT DISTINCT ?e WHERE { ?f a <https://diplograph.org/ontology#Fact> ; ?p ?e "
        "FILTER(isIRI(?e) && STRSTARTS(STR(?e), 'https://diplograph.org/id/')) }")
    return sorted(r["e"].value for r in rows)


def test_fact_rows_are_the_same_from_every_triple_and_as_the_page_reads_them(rich: Flask
                                                                              ) -> None:
    app = rich
    ld._VIEW_PROPS = frozenset()  # as after a start
    entities = _entities(app)
    assert len(entities) > 10  # states, organisations, documents, concepts, data sets
    compared = 0
    for iri in entities:
        with app.test_request_context("/"):
            index = ld.fact_index(str(ox.NamedNode(iri)))
            if not index:
                continue
            facts = [f.iri for f in index]
            values = " ".join(str(ox.NamedNode(f)) for f in facts)
            full = construct(ALL_OF_THEM.replace("{facts}", values))
            full += construct(ld.FACT_NODES.replace("{facts}", values))
            named = " ".join(sorted({str(o) for _, _, o in full if isinstance(o, ox.NamedNode)}))
            full += construct(ld.FACT_LABELS.replace("{iris}", named))
            read = ld.fact_details(facts, {f.iri: f.kind for f in index})
            assert len(set(read)) < len(set(full))  # fewer triples read …
            # the Wikidata-shaped view's properties are left out by name once met
            assert set(ld.fact_details(facts, {f.iri: f.kind for f in index})) == set(read)
            assert not any(t.predicate.value.startswith("http://www.wikidata.org/")
                           for t in read)
            before, now = ld.Graph(full), ld.Graph(read)
            page = ld._href(iri)
            for f in facts:  # … and every fact shown the same
                node = ox.NamedNode(f)
                assert _shown(ld.fact_view(now, node), page) == \
                    _shown(ld.fact_view(before, node), page), (iri, f)
                compared += 1
    assert compared > 20
    assert "http://www.wikidata.org/prop/direct/P463" in ld._VIEW_PROPS


@pytest.mark.parametrize("value", [
    ld.Value("Mông Cổ", lang="vi"),
    ld.Value("United Nations", "/id/org/UN"),
    ld.Value("Q711", "https://www.wikidata.org/wiki/Q711", note="exact match", external=True),
    ld.Value('<script>alert("x")</script> & co', "/id/x?a=1&b='2'", lang="en", note="<n>"),
    ld.Value("plain"),
    ld.Value("", ""),
])
def test_a_value_writes_itself_as_the_macro_did(app: Flask, value: ld.Value) -> None:
    macro = app.jinja_env.from_string(
        '{%- macro show(v) -%}'
        '{%- if v.link -%}<a href="{{ v.link }}"{% if v.external %} class="ext" '
        'rel="noopener"{% endif %}>{{ v.text }}</a>{%- else -%}<span{% if v.lang %} '
        'lang="{{ v.lang }}"{% endif %}>{{ v.text }}</span>{%- endif -%}\n'
        '{%- if v.lang %}<span class="lang">@{{ v.lang }}</span>{% endif -%}\n'
        '{%- if v.note %} <span class="note">({{ v.note }})</span>{% endif -%}\n'
        '{%- endmacro -%}{{ show(v) }}')
    with app.test_request_context("/"):
        assert app.jinja_env.from_string("{{ v }}").render(v=value) == macro.render(v=value)
        assert Markup(value.__html__()) == macro.render(v=value)


#: the loop of ``_value.html``'s ``fact_table`` as it was before rows wrote themselves
#: (:meth:`~diplograph.server.linked_data.FactView.table_row`, session 12)
ROW_LOOP = """{% for f in facts %}{% set key, counterpart = f.counterpart_rows(self_link) %}
  <tr id="fact-{{ f.iri.rsplit('/', 1)[1] }}" class="kind-{{ f.kind }}">
    <td>{% for c in counterpart %}{{ c }}{% if not loop.last %}; {% endif %}{% endfor %}</td>
    <td>{% for name, values in f.details(self_link) %}<span class="detail"><span class="muted">\
{{ name }}:</span> {% for x in values %}{{ x }}{% if not loop.last %}; {% endif %}{% endfor %}\
</span>{% endfor %}
        {% for d in f.dates if d.precision and d.precision != 'day' %}<span class="note">\
({{ d.label }}: {{ d.precision }} precision)</span>{% endfor %}</td>
    <td class="when"><a href="{{ f.link }}" title="fact page">{{ f.when or t('undated') }}</a></td>
    {% if show_doc %}<td>{% if f.document %}{{ f.document }}{% endif %}</td>{% endif %}
    <td>{% if f.quote %}<details><summary>{{ t("quote") }}</summary><blockquote class="quote"\
{% if f.quote.lang %} lang="{{ f.quote.lang }}"{% endif %}>“{{ f.quote.text }}”</blockquote>\
</details>{% elif f.comment %}<span class="note">{{ f.comment }}</span>{% endif %}</td>
  </tr>
  {% endfor %}"""


def test_a_table_row_writes_itself_as_the_template_loop_did(rich: Flask) -> None:
    """Every fact of every fixture page, with and without the source column, in both
    interface languages, with hostile text in its quote, comment and values."""
    loop = rich.jinja_env.from_string(ROW_LOOP)
    hostile = ld.FactView("https://diplograph.org/id/fact/x/<b>&", "/page/fact/x?a=1&b=2",
                          'K"ind', "kind", [("member", [ld.Value("<i>", "/x?a&b")]),
                                            ("role", [ld.Value("a & b", lang="vi")])],
                          ld.Value('<script>"q"</script>', lang='v"i'), ld.Value("doc"),
                          [ld.DateInfo("startDate", "<1990>", "year<", None, None)],
                          comment="<c>&")
    compared = 0
    for lang in ("en", "vi"):
        for iri in _entities(rich):
            with rich.test_request_context("/", headers={"Accept-Language": lang}):
                index = ld.fact_index(str(ox.NamedNode(iri)))
                facts = [f.iri for f in index]
                g = ld.Graph(ld.fact_details(facts, {f.iri: f.kind for f in index}))
                views = [ld.fact_view(g, ox.NamedNode(f)) for f in facts] + [hostile]
                views.append(dataclasses.replace(hostile, quote=None))  # its comment shown
                def t(text: str, lang: str = lang) -> str:
                    return translate(text, lang)

                page = ld._href(iri)
                for show_doc in (True, False):
                    expected = loop.render(facts=views, self_link=page, show_doc=show_doc, t=t)
                    assert "".join(f.table_row(page, show_doc, t) for f in views) == expected
                    compared += len(views)
    assert compared > 40
    assert "&lt;script&gt;" in expected and "<script>" not in expected


def test_links_are_quoted_as_werkzeug_quotes_them(app: Flask) -> None:
    from urllib.parse import quote

    with app.test_request_context("/"):
        for ch in map(chr, range(33, 0x250)):
            iri = f"https://diplograph.org/id/state/A{ch}B"
            try:
                ox.NamedNode(iri)
            except ValueError:
                continue  # not an IRI
            expected = "/id/state/" + quote(f"A{ch}B", safe="!$&'()*+,/:;=@")
            assert ld._link(iri) == (expected, False), ch


def test_the_collector_is_paused_while_pages_are_made_and_on_again_after() -> None:
    import gc
    import threading

    assert gc.isenabled()
    inside, release = threading.Event(), threading.Event()

    def other_page() -> None:
        with ld.collector_paused():
            inside.set()
            release.wait(10)

    t = threading.Thread(target=other_page)
    t.start()
    inside.wait(10)
    with ld.collector_paused():
        assert not gc.isenabled()
    assert not gc.isenabled()  # the other page is still being made
    release.set()
    t.join(10)
    assert gc.isenabled()
    gc.disable()  # a process that runs without the collector keeps it off
    try:
        with ld.collector_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


@pytest.mark.parametrize("order", [1, -1])
def test_a_reference_fact_names_its_data_set_not_its_rows(order: int) -> None:
    """A reference fact derives from its data set and from the node of its source rows; the
    page names the data set, in whichever order the store hands the two back."""
    data_set = ox.NamedNode("https://diplograph.org/id/dataset/atop")
    rows = ox.NamedNode("https://diplograph.org/id/dataset/atop/rows/atop/1161")
    assert ld._data_set([data_set, rows][::order]) == data_set
    assert ld._data_set([rows]) == rows  # no data set: the rows, as before
    assert ld._data_set([]) is None


def test_labels_are_read_for_what_rows_show_not_for_source_rows(rich: Flask) -> None:
    """A fact's source rows are not labelled when it names its data set (m1: the page asks
    no label for them), and are when they are all it derives from (x1: its source column
    shows the rows' own label, read as before)."""
    with rich.test_request_context("/"):
        index = {f.iri: f for f in ld.fact_index("<https://diplograph.org/id/state/MNG>")}
        rows = "https://diplograph.org/id/dataset/t/rows/7"
        m1, x1 = "https://diplograph.org/id/fact/t/m1", "https://diplograph.org/id/fact/t/x1"
        only_m1 = ld.fact_details([m1], {m1: index[m1].kind})
        assert not any(t.subject.value == rows for t in only_m1)
        assert ld.fact_view(ld.Graph(only_m1), ox.NamedNode(m1)).document == \
            ld.Value("a test data set", "/id/dataset/t")
        only_x1 = ld.fact_details([x1], {x1: index[x1].kind})
        shown = ld.fact_view(ld.Graph(only_x1), ox.NamedNode(x1)).document
        assert shown is not None and shown.text == "row seven of t"


def test_the_reference_summary_lists_data_sets(rich: Flask) -> None:
    page = rich.test_client().get("/page/state/MNG", headers={"Accept": "text/html"})
    assert page.status_code == 200
    text = page.get_data(as_text=True)
    summary = re.search(r'<p class="ref-summary"[^>]*>(.*?)</p>', text)
    assert summary and '<a href="/id/dataset/t">a test data set</a>' in summary.group(1)


def test_pages_that_keep_overlapping_still_collect_young_cycles(monkeypatch) -> None:
    """While another page is being made the collector stays off, but a page that ends
    collects the young generations at most every PAUSED_COLLECT_EVERY seconds, so cycles
    other requests leave do not pile up under pages that never stop overlapping."""
    import gc
    import threading
    import weakref

    monkeypatch.setattr(ld, "PAUSED_COLLECT_EVERY", 0.0)
    inside, release = threading.Event(), threading.Event()

    def other_page() -> None:
        with ld.collector_paused():
            inside.set()
            release.wait(10)

    class Node:
        pass

    t = threading.Thread(target=other_page)
    t.start()
    try:
        inside.wait(10)
        with ld.collector_paused():
            a, b = Node(), Node()
            a.other, b.other = b, a  # a cycle only the collector frees
            gone = weakref.ref(a)
            del a, b
        assert not gc.isenabled()  # the other page is still being made …
        assert gone() is None  # … and the cycle was collected all the same
    finally:
        release.set()
        t.join(10)
    assert gc.isenabled()
