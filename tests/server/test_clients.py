"""Real SPARQL clients against the real server process, one test per client and format (issue 15).

SPARQLWrapper with every return format it offers and its default, for SELECT, ASK, CONSTRUCT
and DESCRIBE, by GET and POST; ``requests`` with the ``Accept`` headers Fuseki and Blazegraph
answer (``application/json``, ``application/xml``); rdflib's ``SPARQLStore``; Apache Jena's
``QueryExecutionHTTP`` and ``RDFConnection`` (Debian's ``libapache-jena-java``: skipped, with
the reason, when no JVM or Jena is installed, unless ``CI`` is set); curl with the media types
of the SPARQL 1.1 Protocol and the Graph Store Protocol, ``multipart/form-data`` included.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import warnings
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.error import HTTPError
from xml.dom.minidom import Document

import pyoxigraph as ox
import pytest
import requests
from rdflib import Graph
from rdflib.plugins.stores.sparqlstore import SPARQLStore
from server_support import AUTH, REGISTRY

pytestmark = pytest.mark.e2e

P = "PREFIX dg: <https://diplograph.org/ontology#>\n"
MNG = "https://diplograph.org/id/state/MNG"
VNM = "https://diplograph.org/id/state/VNM"
QUERIES = {
    "SELECT": P + "SELECT ?s WHERE { ?s a dg:State } ORDER BY ?s",
    "ASK": "ASK { ?s ?p ?o }",
    "CONSTRUCT": P + "CONSTRUCT WHERE { ?s a dg:State }",
    "DESCRIBE": f"DESCRIBE <{MNG}>",
}
#: The triples CONSTRUCT and DESCRIBE give on the fixture store (two states; MNG's type and
#: two labels).
GRAPH_SIZES = {"CONSTRUCT": 2, "DESCRIBE": 3}
RESULT_TYPES = {
    "json": "application/sparql-results+json", "xml": "application/sparql-results+xml",
    "csv": "text/csv", "tsv": "text/tab-separated-values",
}


def _graph_size(data: bytes, media_type: str) -> int:
    fmt = ox.RdfFormat.from_media_type(media_type)
    assert fmt is not None, media_type
    return len(list(ox.parse(data, format=fmt)))


# ------------------------------------------------------------------ SPARQLWrapper

# (return format or None for the default, the query forms it is meant for)
SW_FORMATS: list[tuple[str | None, set[str]]] = [
    (None, {"SELECT", "ASK", "CONSTRUCT", "DESCRIBE"}),  # SPARQLWrapper's default: XML
    ("json", {"SELECT", "ASK", "CONSTRUCT", "DESCRIBE"}),  # JSON-LD for graphs
    ("xml", {"SELECT", "ASK", "CONSTRUCT", "DESCRIBE"}),  # RDF/XML for graphs
    ("csv", {"SELECT", "ASK"}),
    ("tsv", {"SELECT", "ASK"}),
    ("turtle", {"CONSTRUCT", "DESCRIBE"}),
    ("n3", {"CONSTRUCT", "DESCRIBE"}),
    ("rdf", {"CONSTRUCT", "DESCRIBE"}),
    ("rdf+xml", {"CONSTRUCT", "DESCRIBE"}),
    ("json-ld", {"CONSTRUCT", "DESCRIBE"}),
]
SW_CASES = [(form, fmt, method) for fmt, forms in SW_FORMATS for form in QUERIES
            for method in ("GET", "POST") if form in forms]
SW_REFUSED = [(form, fmt) for fmt, forms in SW_FORMATS for form in QUERIES
              if form not in forms]


def _sparqlwrapper(url: str, form: str, fmt: str | None, method: str) -> Any:
    from SPARQLWrapper import SPARQLWrapper

    sw = SPARQLWrapper(url + "/sparql")
    sw.setQuery(QUERIES[form])
    sw.setMethod(method)
    if fmt is not None:
        sw.setReturnFormat(fmt)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)  # "Sending Accept header '*/*'"
        return sw.query()


@pytest.mark.parametrize("form,fmt,method", SW_CASES)
def test_sparqlwrapper(live_server, form: str, fmt: str | None, method: str) -> None:
    res = _sparqlwrapper(live_server.url, form, fmt, method)
    ctype = res.response.headers["Content-Type"]
    body = res.response.read()
    if form in GRAPH_SIZES:
        want = {None: "application/rdf+xml", "json": "application/ld+json",
                "xml": "application/rdf+xml", "rdf": "application/rdf+xml",
                "rdf+xml": "application/rdf+xml", "turtle": "text/turtle", "n3": "text/n3",
                "json-ld": "application/ld+json"}[fmt]
        assert ctype.split(";")[0] == want
        assert _graph_size(body, want) == GRAPH_SIZES[form]
        return
    want = RESULT_TYPES[fmt or "xml"]
    assert ctype.split(";")[0] == want
    text = body.decode()
    if form == "ASK":
        assert {"json": '"boolean":true', "xml": "<boolean>true</boolean>", "csv": "true",
                "tsv": "true"}[fmt or "xml"] in text.replace(" ", "")
    else:
        assert text.index(MNG) < text.index(VNM) and text.count("/id/state/") == 2


@pytest.mark.parametrize("form,fmt,method", [c for c in SW_CASES if c[2] == "GET"])
def test_sparqlwrapper_convert(live_server, form: str, fmt: str | None, method: str) -> None:
    """SPARQLWrapper's own ``convert()`` reads every answer."""
    res = _sparqlwrapper(live_server.url, form, fmt, method)
    with warnings.catch_warnings():
        warnings.simplefilter("error", RuntimeWarning)  # no "format requested was X, but Y"
        converted = res.convert()
    if isinstance(converted, Graph):
        assert len(converted) == GRAPH_SIZES[form]
    elif isinstance(converted, dict):
        assert converted.get("boolean") is True or len(converted["results"]["bindings"]) == 2
    elif isinstance(converted, Document):
        assert converted.getElementsByTagName("boolean") or \
            len(converted.getElementsByTagName("result")) == 2
    else:
        assert isinstance(converted, bytes) and converted


@pytest.mark.parametrize("form,fmt", SW_REFUSED)
def test_sparqlwrapper_format_that_does_not_suit_the_form_is_406(live_server, form: str,
                                                                   fmt: str) -> None:
    with pytest.raises(HTTPError) as e:
        _sparqlwrapper(live_server.url, form, fmt, "GET")
    assert e.value.code == 406
    assert "available" in e.value.read().decode()


# ------------------------------------------------------------------ requests


@pytest.mark.parametrize("form,accept,want", [
    ("SELECT", "application/json", "application/sparql-results+json"),
    ("ASK", "application/json", "application/sparql-results+json"),
    ("CONSTRUCT", "application/json", "application/ld+json"),
    ("DESCRIBE", "application/json", "application/ld+json"),
    ("SELECT", "application/xml", "application/sparql-results+xml"),
    ("ASK", "application/xml", "application/sparql-results+xml"),
    ("CONSTRUCT", "application/xml", "application/rdf+xml"),
    ("DESCRIBE", "application/xml", "application/rdf+xml"),
    ("SELECT", "text/xml", "application/sparql-results+xml"),
    ("CONSTRUCT", "text/xml", "application/rdf+xml"),
])
def test_requests_accept(live_server, form: str, accept: str, want: str) -> None:
    """``Accept: application/json`` / ``application/xml``, as Fuseki and Blazegraph answer."""
    r = requests.get(live_server.url + "/sparql", params={"query": QUERIES[form]},
                     headers={"Accept": accept}, timeout=30)
    assert r.status_code == 200, r.text
    assert r.headers["Content-Type"] == want and "Accept" in r.headers["Vary"]
    if form in GRAPH_SIZES:
        assert _graph_size(r.content, want) == GRAPH_SIZES[form]
    elif want.endswith("json"):
        data = r.json()
        assert data.get("boolean") is True or len(data["results"]["bindings"]) == 2
    else:
        assert "<boolean>true</boolean>" in r.text or r.text.count("<result>") == 2


@pytest.mark.parametrize("params,want", [
    ([("format", "tsv"), ("format", "text/tab-separated-values")], "text/tab-separated-values"),
    ([("format", "json"), ("output", "json"), ("results", "json")],
     "application/sparql-results+json"),
    ([("format", "csv"), ("format", "")], "text/csv"),
])
def test_requests_repeated_format_with_one_meaning(live_server, params, want) -> None:
    r = requests.get(live_server.url + "/sparql",
                     params=[("query", QUERIES["SELECT"]), *params], timeout=30)
    assert r.status_code == 200, r.text
    assert r.headers["Content-Type"].split(";")[0] == want


def test_requests_repeated_format_with_two_meanings_is_400(live_server) -> None:
    r = requests.get(live_server.url + "/sparql", params=[
        ("query", QUERIES["SELECT"]), ("format", "json"), ("format", "csv")], timeout=30)
    assert r.status_code == 400
    assert "'json'" in r.text and "'csv'" in r.text


# ------------------------------------------------------------------ rdflib


@pytest.mark.parametrize("method", ["GET", "POST", "POST_FORM"])
@pytest.mark.parametrize("return_format,forms", [
    ("xml", ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE")),  # rdflib's default
    ("json", ("SELECT", "ASK")),  # rdflib asks only for SPARQL JSON: graph queries 406
    ("csv", ("SELECT",)),  # rdflib's CSV and TSV readers have no ASK form
    ("tsv", ("SELECT",)),
])
def test_rdflib_sparqlstore(live_server, method: str, return_format: str,
                            forms: tuple[str, ...]) -> None:
    g = Graph(store=SPARQLStore(live_server.url + "/sparql", method=method,
                                returnFormat=return_format))
    for form in forms:
        res = g.query(QUERIES[form])
        if form == "SELECT":
            assert [str(row[0]) for row in res] == [MNG, VNM]  # type: ignore[index]
        elif form == "ASK":
            assert res.askAnswer is True
        else:
            assert res.graph is not None and len(res.graph) == GRAPH_SIZES[form]


def test_rdflib_sparqlstore_as_a_graph(live_server) -> None:
    """The store behind an rdflib Graph: triple patterns and counts become queries."""
    from rdflib import RDF, URIRef

    g = Graph(store=SPARQLStore(live_server.url + "/sparql"))
    state = URIRef("https://diplograph.org/ontology#State")
    assert sorted(str(s) for s in g.subjects(RDF.type, state)) == [MNG, VNM]
    assert (URIRef(MNG), RDF.type, state) in g


# ------------------------------------------------------------------ Apache Jena

JENA_JARS = [
    "jena-arq", "jena-base", "jena-core", "jena-iri", "jena-rdfconnection", "commons-cli",
    "commons-codec", "commons-compress", "commons-csv", "commons-io", "commons-lang3",
    "dexx.collection", "gson", "guava", "httpclient", "httpcore", "jackson-core",
    "jackson-databind", "jackson-annotations", "jsonld-java", "jakarta.json-api", "protobuf",
    "thrift", "titanium-json-ld", "slf4j-api", "slf4j-nop",
]
JAVA_DIR = Path("/usr/share/java")


def _jena_missing() -> str | None:
    if shutil.which("java") is None:
        return "no JVM (apt-get install default-jre-headless)"
    missing = [j for j in JENA_JARS if not (JAVA_DIR / f"{j}.jar").exists()]
    if missing:
        return f"Apache Jena is not installed (apt-get install libapache-jena-java): {missing}"
    return None


@pytest.fixture(scope="module")
def jena_classpath(tmp_path_factory: pytest.TempPathFactory) -> str:
    why = _jena_missing()
    if why:
        if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
            pytest.fail(f"CI is set but Jena cannot run: {why}")
        pytest.skip(why)
    # Debian's jena-core 4.5.0-2 ships a second, unrelocated copy of Xerces (package
    # ``xerces``) without its regex messages, and Jena's start-up then fails with "internal
    # error"; the relocated copy's messages, put where the other copy looks, mend it.
    extra = tmp_path_factory.mktemp("jena-resources")
    with zipfile.ZipFile(JAVA_DIR / "jena-core.jar") as jar:
        for name in jar.namelist():
            prefix = "org/apache/jena/ext/xerces/impl/"
            if name.startswith(prefix) and name.endswith(".properties"):
                dest = extra / "xerces" / "impl" / name[len(prefix):]
                dest.parent.mkdir(parents=True, exist_ok=True)
                dest.write_bytes(jar.read(name))
    return os.pathsep.join([str(extra), *(str(JAVA_DIR / f"{j}.jar") for j in JENA_JARS)])


@pytest.fixture(scope="module")
def jena_output(live_server, jena_classpath: str) -> dict[str, str]:
    source = Path(__file__).parent / "jena" / "JenaClient.java"
    proc = subprocess.run(
        ["java", "-cp", jena_classpath, str(source), live_server.url, REGISTRY],
        capture_output=True, text=True, timeout=180, check=False)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return dict(line.split(" ", 1) for line in proc.stdout.splitlines() if " " in line)


@pytest.mark.parametrize("operation,check", [
    ("select", lambda out: out.split() == [MNG, VNM]),
    ("ask", lambda out: out == "true"),
    ("construct", lambda out: int(out) == GRAPH_SIZES["CONSTRUCT"]),
    ("describe", lambda out: int(out) == GRAPH_SIZES["DESCRIBE"]),
    ("connection-select", lambda out: int(out) == 2),
    ("fetch", lambda out: int(out) == 7),  # the registry graph by the Graph Store Protocol
])
def test_jena(jena_output: dict[str, str], operation: str, check: Callable[[str], bool]) -> None:
    """Jena's QueryExecutionHTTP (its default Accept headers for each form) and
    RDFConnectionRemote (query by POST, Graph Store GET)."""
    assert operation in jena_output, jena_output
    assert check(jena_output[operation]), jena_output[operation]


# ------------------------------------------------------------------ curl

needs_curl = pytest.mark.skipif(shutil.which("curl") is None, reason="curl is not installed")


def _curl(*args: str) -> tuple[int, str, bytes]:
    """Run curl; (status, Content-Type, body)."""
    proc = subprocess.run(["curl", "-sS", "-o", "-", "-w", "\n%{http_code} %{content_type}",
                           *args], capture_output=True, timeout=60, check=True)
    body, _, tail = proc.stdout.rpartition(b"\n")
    code, _, ctype = tail.decode().partition(" ")
    return int(code), ctype, body


@needs_curl
@pytest.mark.parametrize("form,accept", [
    ("SELECT", "application/sparql-results+json"),
    ("SELECT", "application/sparql-results+xml"),
    ("SELECT", "text/csv"),
    ("SELECT", "text/tab-separated-values"),
    ("ASK", "application/sparql-results+json"),
    ("ASK", "application/sparql-results+xml"),
    ("CONSTRUCT", "text/turtle"),
    ("CONSTRUCT", "application/n-triples"),
    ("CONSTRUCT", "application/rdf+xml"),
    ("CONSTRUCT", "application/ld+json"),
    ("CONSTRUCT", "application/n-quads"),
    ("CONSTRUCT", "application/trig"),
    ("DESCRIBE", "text/turtle"),
    ("DESCRIBE", "application/ld+json"),
])
@pytest.mark.parametrize("how", ["get", "form", "direct"])
def test_curl_protocol(live_server, form: str, accept: str, how: str) -> None:
    url = live_server.url + "/sparql"
    args = {"get": ["-G", "--data-urlencode", f"query={QUERIES[form]}", url],
            "form": ["--data-urlencode", f"query={QUERIES[form]}", url],
            "direct": ["-H", "Content-Type: application/sparql-query",
                       "--data-binary", QUERIES[form], url]}[how]
    code, ctype, body = _curl("-H", f"Accept: {accept}", *args)
    assert code == 200, body
    assert ctype.split(";")[0] == accept
    if form in GRAPH_SIZES:
        assert _graph_size(body, accept) == GRAPH_SIZES[form]
    elif form == "ASK":
        assert b"true" in body
    else:
        assert body.count(b"/id/state/") == 2


@needs_curl
def test_curl_update_and_graph_store(live_server) -> None:
    url = live_server.url
    auth = f"Authorization: {AUTH['Authorization']}"
    graph = "http://example.org/graph/curl"
    code, _, body = _curl("-H", auth, "-H", "Content-Type: application/sparql-update",
                          "--data-binary",
                          f"INSERT DATA {{ GRAPH <{graph}> {{ <http://a/> <http://b/> 1 }} }}",
                          url + "/update")
    assert code == 204, body
    code, _, body = _curl("-X", "PUT", "-H", auth, "-H", "Content-Type: text/turtle",
                          "--data-binary", "<http://a/> <http://b/> 2 .",
                          f"{url}/store?graph={graph}-2")
    assert code == 201, body
    code, ctype, body = _curl("-H", "Accept: application/n-triples",
                              f"{url}/store?graph={graph}-2")
    assert code == 200 and ctype == "application/n-triples"
    assert body.strip() == b'<http://a/> <http://b/> "2"^^<http://www.w3.org/2001/XMLSchema#integer> .'


@needs_curl
def test_curl_graph_store_multipart_post(live_server, tmp_path: Path) -> None:
    """``curl -F``: several files in one POST are merged into the graph, each read in the
    format its type or file name says."""
    url = live_server.url
    graph = "http://example.org/graph/curl-multipart"
    (tmp_path / "a.ttl").write_text("<http://a/> <http://b/> 1 .\n")
    (tmp_path / "b.nt").write_text("<http://a/> <http://b/> \"two\" .\n")
    (tmp_path / "c.jsonld").write_text(json.dumps(
        {"@id": "http://a/", "http://b/": {"@value": "three"}}))
    code, _, body = _curl(
        "-H", f"Authorization: {AUTH['Authorization']}",
        "-F", f"one=@{tmp_path / 'a.ttl'};type=text/turtle",
        "-F", f"two=@{tmp_path / 'b.nt'}",  # type from the extension
        "-F", f"three=@{tmp_path / 'c.jsonld'};type=application/ld+json",
        f"{url}/store?graph={graph}")
    assert code == 201, body
    r = requests.get(url + "/store", params={"graph": graph},
                     headers={"Accept": "application/n-triples"}, timeout=30)
    assert sorted(str(t.object.value) for t in ox.parse(r.content,
                  format=ox.RdfFormat.N_TRIPLES)) == ["1", "three", "two"]


def test_requests_multipart_post_with_a_bad_part_changes_nothing(live_server) -> None:
    url = live_server.url + "/store"
    graph = "http://example.org/graph/multipart-bad"
    files = {"good": ("good.ttl", b"<http://a/> <http://b/> 1 .", "text/turtle"),
             "bad": ("bad.ttl", b"<http://a/> <http://b/> .", "text/turtle")}
    r = requests.post(url, params={"graph": graph}, files=files, headers=AUTH, timeout=30)
    assert r.status_code == 400
    assert "part 'bad'" in r.text and "nothing was changed" in r.text
    assert requests.get(url, params={"graph": graph}, timeout=30).status_code == 404
    r = requests.put(url, params={"graph": graph}, files=files, headers=AUTH, timeout=30)
    assert r.status_code == 415 and "only accepted by POST" in r.text
