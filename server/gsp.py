"""The SPARQL 1.1 Graph Store HTTP Protocol at ``/store``.

Graph identification:

* indirect: ``/store?graph=<absolute IRI>`` or ``/store?default`` (the store's real default
  graph, which the data model leaves empty; queries see the union of the named graphs);
* direct: ``/store/<path>`` is the graph whose IRI is that request URL (as the client wrote
  it: scheme, host and path, no query string). Graphs created by ``POST /store`` get such IRIs.

``GET /store`` (no parameter) streams the whole dataset (N-Quads, or TriG when asked),
within the size cap;
``POST /store`` creates a new graph and answers 201 with its ``Location``.
Writes need the update token (see ``protocol.check_write_token``).
"""

from __future__ import annotations

from urllib.parse import urlsplit

from flask import Blueprint, Response, current_app, request

from ..graph import conneg
from ..graph.errors import DiplographError
from ..graph.executor import QueryService
from .protocol import _url_params, _values, check_write_token, negotiated_type, no_content

__all__ = ["bp"]

bp = Blueprint("gsp", __name__)

GRAPH_OFFERS = (conneg.TURTLE, conneg.NTRIPLES, conneg.RDFXML, conneg.JSONLD)
METHODS = ["GET", "PUT", "POST", "DELETE"]


def _qs() -> QueryService:
    return current_app.extensions["diplograph"]  # type: ignore[no-any-return]


def _store_url() -> str:
    return request.host_url + "store"


def _indirect_target(params: list[tuple[str, str]]) -> tuple[bool, str | None]:
    """(identified?, graph IRI or None for the default graph)."""
    graphs = _values(params, "graph")
    has_default = any(k == "default" for k, _ in params)
    if len(graphs) > 1:
        raise DiplographError("bad-input", "the 'graph' parameter was given more than once")
    if graphs and has_default:
        raise DiplographError("bad-input", "give either ?graph=IRI or ?default, not both")
    if has_default:
        return True, None
    if graphs:
        iri = graphs[0]
        parts = urlsplit(iri)
        if not parts.scheme or not (parts.netloc or parts.path) or " " in iri:
            raise DiplographError("bad-input", f"?graph= needs an absolute IRI, not {iri!r}")
        return True, iri
    return False, None


def _payload_type() -> str:
    raw = request.headers.get("Content-Type")
    if raw is None or not raw.strip():
        # "Status Codes": guess from the content; RDF/XML is the fallback the spec names.
        head = request.get_data(cache=True)[:200].lstrip()
        if head.startswith((b"{", b"[")):
            return conneg.JSONLD
        if head.startswith(b"<?xml") or head.startswith(b"<rdf:RDF"):
            return conneg.RDFXML
        return conneg.TURTLE
    mt = conneg.base_type(raw)
    if mt == "multipart/form-data":
        raise DiplographError(
            "unsupported-media-type", "multipart/form-data is not supported: send one graph "
            f"as {', '.join(conneg.RDF_INPUT_TYPES)}")
    if mt not in conneg.RDF_INPUT_TYPES:
        raise DiplographError(
            "unsupported-media-type",
            f"cannot read {mt}: send one of {', '.join(conneg.RDF_INPUT_TYPES)}")
    return mt


def _graph_response(iri: str | None) -> Response:
    params = _url_params()
    mt = negotiated_type(GRAPH_OFFERS, params)
    body = _qs().get_graph(iri, mt)
    if body is None:
        raise DiplographError("not-found", f"there is no graph <{iri}>")
    resp = Response(body, status=200, content_type=mt)
    resp.headers["Vary"] = "Accept"
    return resp


def _operate(iri: str | None) -> Response:
    qs = _qs()
    if request.method in ("GET", "HEAD"):
        return _graph_response(iri)
    check_write_token()
    if request.method == "DELETE":
        if not qs.delete_graph(iri):
            raise DiplographError("not-found", f"there is no graph <{iri}>")
        return no_content(204)
    mt = _payload_type()
    data = request.get_data(cache=True)
    if request.method == "PUT":
        created = qs.put_graph(iri, data, mt)
    else:
        created = qs.post_graph(iri, data, mt)
    return no_content(201 if created else 204)


@bp.route("/store", methods=METHODS)
def store() -> Response:
    """Indirect identification (``?graph=``, ``?default``), or the store itself."""
    params = _url_params()
    identified, iri = _indirect_target(params)
    if identified:
        return _operate(iri)
    if request.method in ("GET", "HEAD"):
        mt = negotiated_type(conneg.DATASET_TYPES, params, frozenset())
        # streamed: memory stays flat; a store too large for the size cap is refused first
        resp = Response(_qs().stream_dataset(mt), status=200, content_type=mt)
        resp.headers["Vary"] = "Accept"
        return resp
    if request.method == "POST":
        check_write_token()
        mt = _payload_type()
        iri = _qs().new_graph_iri(_store_url())
        _qs().post_graph(iri, request.get_data(cache=True), mt)
        resp = no_content(201)
        resp.headers["Location"] = iri
        return resp
    raise DiplographError(
        "bad-input", f"{request.method} /store needs ?graph=IRI or ?default")


@bp.route("/store/<path:subpath>", methods=METHODS)
def store_graph(subpath: str) -> Response:
    """Direct identification: the request URL is the graph IRI."""
    identified, _ = _indirect_target(_url_params())
    if identified:
        raise DiplographError(
            "bad-input", "a graph URL under /store/ takes no ?graph= or ?default")
    return _operate(request.base_url)
