"""The SPARQL 1.1 Protocol: ``/sparql`` (query, service description) and ``/update``.

Views only parse the request, call the :class:`~diplograph.graph.executor.QueryService` and
choose the media type; every failure is a ``DiplographError`` turned into a status by
``server/errors.py``. A query, however it arrives (``GET /sparql`` through the WSGI front of
``server/front.py``, or a POST through Flask), is answered by :func:`answer_query`: one check
of the text, one negotiation, one run.
"""

from __future__ import annotations

import hmac
from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar
from urllib.parse import parse_qsl

from flask import Blueprint, Response, current_app, redirect, request

from ..graph import formats
from ..graph.errors import DiplographError
from ..graph.executor import QueryResult, QueryService
from ..graph.namespaces import QUERY_PREFIXES
from . import conneg
from .conneg import choose
from .protocol_rules import dataset, update_with_dataset

__all__ = ["answer_query", "bp", "choose_media_type", "negotiated_type", "read_params",
           "require_write_token", "result_headers"]

bp = Blueprint("protocol", __name__)

F = TypeVar("F", bound=Callable[..., Any])

FORM = "application/x-www-form-urlencoded"
SPARQL_QUERY = "application/sparql-query"
SPARQL_UPDATE = "application/sparql-update"


def _qs() -> QueryService:
    return current_app.extensions["diplograph"]  # type: ignore[no-any-return]


# ---------------------------------------------------------------- helpers shared with gsp.py


def require_write_token(view: F) -> F:
    """Refuse a write unless ``Authorization: Bearer <token>`` matches the configured token.

    No token configured: the service is read-only and every write gets 403.
    """

    @wraps(view)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        check_write_token()
        return view(*args, **kwargs)

    return wrapper  # type: ignore[return-value]


def check_write_token() -> None:
    """Raise 'unauthorized' (401) or 'forbidden' (403) unless the request may write."""
    token = current_app.config.get("DIPLOGRAPH_UPDATE_TOKEN")
    if not token:
        raise DiplographError(
            "forbidden", "this service is read-only: no update token is configured"
        )
    auth = request.headers.get("Authorization", "")
    scheme, _, given = auth.partition(" ")
    if scheme.lower() != "bearer" or not given.strip():
        raise DiplographError(
            "unauthorized", "writing needs an 'Authorization: Bearer <token>' header"
        )
    if not hmac.compare_digest(given.strip().encode(), token.encode()):
        raise DiplographError("forbidden", "the bearer token is not valid for writing")


def media_type_of_request() -> tuple[str, dict[str, str]]:
    """The request's base media type and its parameters (lower-cased names)."""
    raw = request.headers.get("Content-Type", "")
    base = formats.base_type(raw)
    params: dict[str, str] = {}
    for p in raw.split(";")[1:]:
        k, _, v = p.partition("=")
        params[k.strip().lower()] = v.strip().strip('"')
    return base, params


def _check_utf8_charset(params: dict[str, str]) -> None:
    cs = params.get("charset")
    if cs and cs.lower().replace("_", "-") not in ("utf-8", "utf8"):
        raise DiplographError(
            "unsupported-media-type", f"only UTF-8 is accepted, not charset={cs}"
        )


def _decode_utf8(data: bytes, what: str) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as e:
        raise DiplographError(
            "bad-input", f"the {what} is not valid UTF-8 (byte {e.start})"
        ) from None


def _parse_form(data: bytes) -> list[tuple[str, str]]:
    try:
        text = data.decode("ascii")
        return parse_qsl(text, keep_blank_values=True, encoding="utf-8", errors="strict")
    except UnicodeDecodeError:
        raise DiplographError(
            "bad-input", "the form body is not valid (UTF-8) URL encoding") from None


def _url_params() -> list[tuple[str, str]]:
    return _parse_form(request.query_string)


def read_params() -> list[tuple[str, str]]:
    """All parameters of the request: URL, plus the form body of a form POST."""
    params = _url_params()
    if request.method == "POST":
        mt, cparams = media_type_of_request()
        if mt == FORM:
            _check_utf8_charset(cparams)
            params += _parse_form(request.get_data(cache=True))
    return params


def _values(params: list[tuple[str, str]], name: str) -> list[str]:
    return [v for k, v in params if k == name]


def _one(params: list[tuple[str, str]], name: str) -> str | None:
    vals = _values(params, name)
    if len(vals) > 1:
        raise DiplographError("bad-input", f"the '{name}' parameter was given {len(vals)} times")
    return vals[0] if vals else None


def negotiated_type(offers: tuple[str, ...], params: list[tuple[str, str]],
                    explicit_only: frozenset[str] = formats.EXPLICIT_ONLY,
                    what: str = "this result") -> str:
    """The media type to answer in: ``format=`` (or Fuseki's ``output=``) if given, each time
    with the same meaning, else the Accept header (406 when nothing fits)."""
    return choose_media_type(offers, params, request.headers.get("Accept"), explicit_only, what)


def choose_media_type(offers: tuple[str, ...], params: list[tuple[str, str]],
                      accept: str | None,
                      explicit_only: frozenset[str] = formats.EXPLICIT_ONLY,
                      what: str = "this result") -> str:
    """:func:`negotiated_type` for a request known by its parameters and Accept header."""
    return choose([*_values(params, "format"), *_values(params, "output")], accept, offers,
                  explicit_only, what)


def no_content(status: int = 204) -> Response:
    """An empty response without a (misleading) Content-Type."""
    resp = Response(status=status)
    resp.headers.remove("Content-Type")
    return resp


def _posted_operation(name: str, direct_type: str) -> tuple[list[tuple[str, str]], str | None]:
    """The parameters and the ``name`` operation (query or update) of a POST: a form POST
    carries it as a parameter; a direct POST of ``direct_type`` as its UTF-8 body, with the
    other parameters in the URL. Any other Content-Type is refused (415)."""
    mt, cparams = media_type_of_request()
    if mt == FORM:
        params = read_params()
        return params, _one(params, name)
    if mt == direct_type:
        _check_utf8_charset(cparams)
        params = _url_params()
        if _values(params, name):
            raise DiplographError(
                "bad-input", f"a direct POST carries the {name} in the body, not in the URL")
        return params, _decode_utf8(request.get_data(cache=True), name)
    raise DiplographError(
        "unsupported-media-type",
        f"cannot take a{'n' if name == 'update' else ''} {name} as {mt or 'no Content-Type'}: "
        f"use {FORM} or {direct_type}")


def _endpoint_base() -> str:
    return request.base_url


def answer_query(qs: QueryService, query: str, params: list[tuple[str, str]],
                 accept: str | None, base_iri: str) -> QueryResult:
    """Answer one SPARQL Protocol query: check the text (413/400, SERVICE/LOAD), choose the
    media type (``format=`` or Accept; 406), read the dataset parameters, run it."""
    checked = qs.check(query, base_iri)
    media_type = choose_media_type(formats.offers_for_form(checked.form), params, accept,
                                   what=f"a {checked.form.upper()} result")
    return qs.query(checked, media_type=media_type, dataset=dataset(params), base_iri=base_iri)


def result_headers(result: QueryResult) -> list[tuple[str, str]]:
    """The headers of a query answer (CORS and the like are added by the app)."""
    headers = [("Content-Type", result.media_type), ("Content-Length", str(len(result.body))),
               ("Vary", "Accept")]
    if result.rows is not None:
        headers.append(("X-Diplograph-Rows", str(result.rows)))
    return headers


# ---------------------------------------------------------------- /sparql


@bp.route("/sparql", methods=["GET", "POST"])
def sparql() -> Response:
    """A query (GET, form POST, direct POST), or the service description (bare GET)."""
    params: list[tuple[str, str]]
    if request.method in ("GET", "HEAD"):
        params = _url_params()
        query = _one(params, "query")
        if _values(params, "update"):
            raise DiplographError(
                "bad-input", "updates are only accepted by POST to /update"
                + (" (this request gave both 'query' and 'update')" if query is not None else ""))
        if query is None:
            if any(k not in ("format", "output") for k, _ in params):
                raise DiplographError("bad-input", "the 'query' parameter is missing")
            return _service_description(params)
    else:
        params, query = _posted_operation("query", SPARQL_QUERY)
        if _values(params, "update"):
            raise DiplographError("bad-input", "updates are only accepted by POST to /update")
        if query is None:
            raise DiplographError("bad-input", "the 'query' parameter is missing")

    result = answer_query(_qs(), query, params, request.headers.get("Accept"),
                          _endpoint_base())
    resp = Response(result.body, status=200)
    for name, value in result_headers(result):
        resp.headers[name] = value
    return resp


def _service_description(params: list[tuple[str, str]]) -> Response:
    from .service_description import service_description

    accept = request.headers.get("Accept")
    if (not _values(params, "format") and "ui" in current_app.blueprints
            and conneg.prefers_html(accept)):
        resp = redirect("/", code=303)
        resp.headers["Vary"] = "Accept"
        return resp
    offers = tuple(t for t in formats.GRAPH_TYPES)
    mt = negotiated_type(offers, params)
    body = service_description(current_app, request.url_root, mt)
    resp = Response(body, status=200, content_type=mt)
    resp.headers["Vary"] = "Accept"
    return resp


# ---------------------------------------------------------------- /update


@bp.route("/update", methods=["POST"])
@require_write_token
def update() -> Response:
    """A SPARQL Update by form POST or direct POST; 204 on success."""
    params, text = _posted_operation("update", SPARQL_UPDATE)
    if _values(params, "query"):
        raise DiplographError("bad-input", "queries go to /sparql, not /update")
    if text is None:
        raise DiplographError("bad-input", "the 'update' parameter is missing")
    text = update_with_dataset(text, _values(params, "using-graph-uri"),
                               _values(params, "using-named-graph-uri"))
    _qs().update(text, base_iri=_endpoint_base())
    return no_content(204)


@bp.app_template_global("sparql_prefixes")
def sparql_prefixes() -> dict[str, str]:
    """The prefixes this endpoint predefines (queries may use them without ``PREFIX``): for
    the query editor, which must not mark them as undeclared."""
    return dict(QUERY_PREFIXES)
