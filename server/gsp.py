"""The SPARQL 1.1 Graph Store HTTP Protocol at ``/store``.

Graph identification:

* indirect: ``/store?graph=<absolute IRI>`` or ``/store?default`` (the store's real default
  graph, which the data model leaves empty; queries see the union of the named graphs);
* direct: ``/store/<path>`` is the graph whose IRI is that request URL (as the client wrote
  it: scheme, host and path, no query string). Graphs created by ``POST /store`` get such IRIs.

``GET /store`` (no parameter) streams the whole dataset (N-Quads, or TriG when asked),
within the size cap;
``POST /store`` creates a new graph and answers 201 with its ``Location``.
A POST may carry several graphs as ``multipart/form-data`` ("Graph Management Operations",
HTTP POST): every part is read (its ``Content-Type``, else its file name's extension, else
its content says the format), and they are merged together, or nothing is if one part does
not parse.
A write that creates RDF graph content answers 201 (a new named graph, or content in the
empty default graph), else 204. A Turtle payload whose only fault is a missing final ``.``
is read as if it had it (``store_ops.parse_graph_payload``; the W3C tests send such payloads).
Writes need the update token (see ``protocol.check_write_token``).
"""

from __future__ import annotations

from urllib.parse import urlsplit

import pyoxigraph as ox
from flask import Blueprint, Response, current_app, request

from ..graph import formats
from ..graph.errors import DiplographError
from ..graph.executor import QueryService
from ..graph.rdfxml import refuse_doctype
from .protocol import _url_params, _values, check_write_token, negotiated_type, no_content
from .store_ops import parse_graph_payload

__all__ = ["bp"]

bp = Blueprint("gsp", __name__)

GRAPH_OFFERS = (formats.TURTLE, formats.NTRIPLES, formats.RDFXML, formats.JSONLD)
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


MULTIPART = "multipart/form-data"


def _guess_type(data: bytes) -> str:
    """"Status Codes": a payload without a type is guessed from its content."""
    head = data[:200].lstrip()
    if head.startswith((b"{", b"[")):
        return formats.JSONLD
    if head.startswith(b"<?xml") or head.startswith(b"<rdf:RDF"):
        return formats.RDFXML
    return formats.TURTLE


def _readable(raw: str, what: str) -> str:
    mt = formats.base_type(raw)
    if mt not in formats.RDF_INPUT_TYPES:
        raise DiplographError(
            "unsupported-media-type",
            f"cannot read {what} as {mt}: send one of {', '.join(formats.RDF_INPUT_TYPES)}"
            + (f" (or {MULTIPART} with parts of those types, to POST)" if what == "the payload"
               else ""))
    return mt


def _payload_type() -> str:
    raw = request.headers.get("Content-Type")
    if raw is None or not raw.strip():
        return _guess_type(request.get_data(cache=True))
    if formats.base_type(raw) == MULTIPART:
        raise DiplographError(
            "unsupported-media-type", f"{MULTIPART} is only accepted by POST (it merges its "
            f"parts); {request.method} takes one graph as one of "
            f"{', '.join(formats.RDF_INPUT_TYPES)}")
    return _readable(raw, "the payload")


def _part_type(name: str, filename: str | None, raw: str | None, data: bytes) -> str:
    """The format of one part: its ``Content-Type`` unless generic, else its file name's
    extension, else its content."""
    what = f"part {name!r}"
    mt = formats.base_type(raw or "")
    if mt and mt not in ("application/octet-stream", "text/plain"):
        return _readable(mt, what)
    ext = (filename or "").rpartition(".")[2].lower() if "." in (filename or "") else ""
    if ext:
        f = ox.RdfFormat.from_extension(ext)
        if f is None:
            raise DiplographError(
                "unsupported-media-type", f"cannot tell the format of {what} from the file "
                f"name {filename!r}: give the part a Content-Type, one of "
                f"{', '.join(formats.RDF_INPUT_TYPES)}")
        return _readable(f.media_type, what)
    return _guess_type(data)


def _multipart_as_ntriples(base_iri: str | None) -> bytes:
    """The graphs of a ``multipart/form-data`` POST, merged as N-Triples (each part keeps its
    own blank nodes). Nothing is returned unless every part parses."""
    parts = [(name, f.filename, f.content_type, f.read())
             for name, f in request.files.items(multi=True)]
    parts += [(name, None, None, value.encode()) for name, value in request.form.items(multi=True)]
    if not parts:
        raise DiplographError("bad-input", f"the {MULTIPART} POST has no parts")
    triples: list[ox.Triple] = []
    for name, filename, raw, data in parts:
        mt = _part_type(name, filename, raw, data)
        if mt == formats.RDFXML:
            refuse_doctype(data, f"part {name!r}")
        try:
            fmt = formats.pyoxigraph_format(mt)
            assert isinstance(fmt, ox.RdfFormat)  # _part_type only returns RDF media types
            triples += parse_graph_payload(data, fmt, base_iri)
        except (SyntaxError, ValueError, UnicodeDecodeError) as e:
            raise DiplographError(
                "bad-input", f"part {name!r} ({mt}) does not parse: {e}; nothing was "
                "changed") from e
    return ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b""


def _post_payload(iri: str | None) -> tuple[bytes, str]:
    """The body and media type of a POST: one graph, or the parts of a multipart POST."""
    raw = request.headers.get("Content-Type") or ""
    if formats.base_type(raw) == MULTIPART:
        return _multipart_as_ntriples(iri), formats.NTRIPLES
    return request.get_data(cache=True), _payload_type()


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
    if request.method == "PUT":
        created = qs.put_graph(iri, request.get_data(cache=True), _payload_type())
    else:
        data, mt = _post_payload(iri)
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
        mt = negotiated_type(formats.DATASET_TYPES, params, frozenset())
        # streamed: memory stays flat; a store too large for the size cap is refused first
        resp = Response(_qs().stream_dataset(mt), status=200, content_type=mt)
        resp.headers["Vary"] = "Accept"
        return resp
    if request.method == "POST":
        check_write_token()
        iri = _qs().new_graph_iri(_store_url())
        data, mt = _post_payload(iri)
        _qs().post_graph(iri, data, mt)
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
