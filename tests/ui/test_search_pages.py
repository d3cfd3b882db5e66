"""Search, its autocompletion JSON, the index pages per kind and HTML error pages (Flask test
client on the fixture store)."""

from __future__ import annotations

from flask.testing import FlaskClient

HTML = {"Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"}


def test_search_page_lists_hits_with_facets(client: FlaskClient) -> None:
    r = client.get("/search?q=mong%20co", headers=HTML)
    text = r.get_data(as_text=True)
    assert r.status_code == 200 and r.mimetype == "text/html"
    assert 'id="facets"' in text and 'id="result-count"' in text
    first = text.index('<li class="hit">')
    assert text.index('href="/id/state/MNG"', first) == text.index('href="', first)


def test_search_json_for_autocompletion(client: FlaskClient) -> None:
    r = client.get("/search.json?q=Li%C3%AAn%20H%E1%BB%A3p&limit=5")
    body = r.get_json()
    assert r.status_code == 200
    assert body["results"][0]["iri"] == "https://diplograph.org/id/org/UN"
    assert body["results"][0]["url"] == "/id/org/UN"
    assert body["facets"] == {"organisation": 1}
    # Accept: application/json on /search gives the same
    same = client.get("/search?q=Li%C3%AAn%20H%E1%BB%A3p&limit=5",
                      headers={"Accept": "application/json"}).get_json()
    assert same == body


def test_a_verified_wikidata_match_is_found_by_its_qid(client: FlaskClient) -> None:
    """Search by QID (docs/ui.md): the QID of an entity's verified Wikidata match (stated as
    ``skos:exactMatch`` to a Wikidata entity; the QID on its link node alone is not an
    entity's code). Found by the session 10 audit: ``Q881`` found nothing on the full graph."""
    for text, iri in (("Q881", "state/VNM"), ("q711", "state/MNG")):
        body = client.get("/search.json", query_string={"q": text}).get_json()
        assert [h["iri"] for h in body["results"]] == ["https://diplograph.org/id/" + iri]
        assert body["results"][0]["matched"] == text.upper()
    assert client.get("/search.json?q=Q88").get_json()["results"] == []  # a code matches whole


def test_kind_filter_and_unknown_kind(client: FlaskClient) -> None:
    r = client.get("/search.json?q=m&kind=state").get_json()
    assert r["results"] and all(h["kind"] == "state" for h in r["results"])
    bad = client.get("/search.json?q=a&kind=planet")
    assert bad.status_code == 400 and "unknown kind 'planet'" in bad.get_json()["message"]


def test_index_page_per_kind(client: FlaskClient) -> None:
    r = client.get("/page/state/", headers=HTML)
    text = r.get_data(as_text=True)
    assert r.status_code == 200
    assert 'href="/id/state/MNG"' in text and 'href="/id/state/VNM"' in text
    assert 'id="entity-count"' in text
    filtered = client.get("/page/state/?q=viet", headers=HTML).get_data(as_text=True)
    assert 'href="/id/state/VNM"' in filtered and 'href="/id/state/MNG"' not in filtered
    orgs = client.get("/page/org/", headers=HTML).get_data(as_text=True)
    assert 'href="/id/org/UN"' in orgs


def test_bad_input_gets_a_clear_answer_never_a_500(client: FlaskClient) -> None:
    echoed = client.get("/search.json?q=%3Cscript%3Ealert(1)%3C/script%3E")
    assert echoed.status_code == 200 and echoed.get_json()["query"] == "<script>alert(1)</script>"
    assert b"<script" not in echoed.data  # the same JSON, "<" written \u003c
    long = client.get("/search.json?q=" + "x" * 10_000)
    assert long.status_code == 400 and "limit is 200" in long.get_json()["message"]
    empty = client.get("/search?q=", headers=HTML)
    assert empty.status_code == 200 and "Browse by kind" in empty.get_data(as_text=True)
    script = client.get("/search?q=%3Cscript%3Ealert(1)%3C/script%3E", headers=HTML)
    assert script.status_code == 200
    assert "<script>alert(1)" not in script.get_data(as_text=True)
    assert "&lt;script&gt;alert(1)" in script.get_data(as_text=True)
    for url in ("/page/state/?page=999", "/search?q=mong&page=999"):
        r = client.get(url, headers=HTML)
        assert r.status_code == 404 and 'id="error-message"' in r.get_data(as_text=True)
    for url in ("/page/state/?page=x", "/search.json?q=a&limit=0", "/search.json?q=a&limit=abc"):
        assert client.get(url).status_code == 400
    nothing = client.get("/page/planet/", headers=HTML)
    assert nothing.status_code == 404 and "/page/state/" in nothing.get_data(as_text=True)


def test_404_is_a_page_for_browsers_and_text_for_clients(client: FlaskClient) -> None:
    page = client.get("/page/state/XXX", headers=HTML)
    assert page.status_code == 404 and page.mimetype == "text/html"
    assert 'role="search"' in page.get_data(as_text=True)  # the search box, to go on
    plain = client.get("/page/state/XXX")
    assert plain.status_code == 404 and plain.mimetype == "text/plain"
    sparql = client.get("/sparql?query=SELEC", headers=HTML)
    assert sparql.status_code == 400 and sparql.mimetype != "text/html"


def test_entity_page_contents_filters_and_tables(client: FlaskClient) -> None:
    text = client.get("/page/state/MNG", headers=HTML).get_data(as_text=True)
    assert 'id="contents"' in text and 'href="#memberships"' in text
    assert 'class="facts-table"' in text and 'class="tl"' in text
    docs_only = client.get("/page/state/MNG?source=documents&kind=memberships",
                           headers=HTML).get_data(as_text=True)
    assert 'id="memberships"' in docs_only and 'id="events"' not in docs_only
    assert "facts hidden" in docs_only
    bad = client.get("/page/state/MNG?from=19x", headers=HTML)
    assert bad.status_code == 400 and "must be a year" in bad.get_data(as_text=True)
    assert client.get("/page/state/MNG?kind=planets").status_code == 400
    assert client.get("/page/state/MNG?page-memberships=99").status_code == 404


def test_document_page_shows_the_text_with_its_quotes(built_store_path, tmp_path) -> None:  # noqa: ANN001
    """On the real build: the document's text in full, every quote highlighted in place and
    linked to its fact's row; the highlighted pieces put together give the text back."""
    import html
    import re
    import shutil

    from diplograph.server.app import create_app

    store = tmp_path / "store"
    shutil.copytree(built_store_path, store, ignore=shutil.ignore_patterns("LOCK"))
    app = create_app({"DIPLOGRAPH_STORE": str(store), "DIPLOGRAPH_QUERY_WORKERS": 1,
                      "DIPLOGRAPH_ISOLATION": "thread", "TESTING": True})
    try:
        client = app.test_client()
        r = client.get("/page/source/vn-mn-relations-2023", headers=HTML)
        page = r.get_data(as_text=True)
        assert r.status_code == 200 and 'class="doc-text"' in page
        body = page[page.index('class="doc-text"'):]
        body = body[body.index(">") + 1: body.index("</div>")]
        links = re.findall(r'<a class="q q\d" href="#fact-([^"]+)"', body)
        rows = set(re.findall(r'<tr id="fact-([^"]+)"', page))
        assert links and set(links) <= rows  # every highlight leads to a fact on the page
        from pathlib import Path

        text = (Path(__file__).resolve().parents[2] / "sources"
                / "000_68460debbf1317d8.txt").read_text(encoding="utf-8")
        assert html.unescape(re.sub(r"<[^>]+>", "", body)) == text
        assert "hai nước thiết lập quan hệ ngoại giao ngày 17/11/1954" in html.unescape(body)
    finally:
        app.extensions["diplograph"].close()


def test_interface_in_vietnamese(client: FlaskClient) -> None:
    """``?lang=vi`` (remembered in a cookie) or ``Accept-Language: vi``: the pages' words and the
    labels are Vietnamese, English where a label has no Vietnamese form."""
    r = client.get("/page/state/MNG?lang=vi", headers=HTML)
    text = r.get_data(as_text=True)
    assert '<html lang="vi">' in text and "Mục lục" in text and "Tư cách thành viên" in text
    assert '<h1 id="title">Mông Cổ</h1>' in text
    assert "lang=vi" in r.headers.get("Set-Cookie", "")
    again = client.get("/page/state/VNM", headers=HTML).get_data(as_text=True)  # the cookie
    assert '<h1 id="title">Việt Nam</h1>' in again
    client.delete_cookie("lang")
    by_header = client.get("/page/state/MNG", headers={**HTML, "Accept-Language": "vi,en;q=0.5"})
    assert "Mục lục" in by_header.get_data(as_text=True)
    english = client.get("/page/state/MNG", headers={**HTML, "Accept-Language": "en"})
    assert '<h1 id="title">Mongolia</h1>' in english.get_data(as_text=True)
    assert "Accept-Language" in english.headers.get("Vary", "")


def test_named_query_page_shows_labels_not_raw_iris(client: FlaskClient) -> None:
    r = client.get("/queries/memberships?state=https://diplograph.org/id/state/MNG",
                   headers=HTML)
    text = r.get_data(as_text=True)
    assert r.status_code == 200
    assert '>United Nations</a>' in text  # the organisation's label, linked
    assert 'title="https://diplograph.org/id/org/UN"' in text  # the IRI on hover
    assert ">https://diplograph.org/id/org/UN<" not in text
