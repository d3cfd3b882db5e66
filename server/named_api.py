"""The named-query API: ``GET /queries`` and ``GET /queries/<name>?param=…``.

A named query is a ``queries/*.rq`` file (see :mod:`diplograph.graph.named_queries`). Request
parameters are checked and turned into RDF terms by ``bind()``, then passed to the query
service as ``substitutions``: a value is never pasted into the query text, so a hostile
value is just a literal that matches nothing.

The result format follows ``format=`` (``json``, ``xml``, ``csv``, ``tsv``, ``ttl``, ``nt``,
``jsonld``, ``rdfxml``) or else ``Accept``. Browsers asking for HTML get a page with a form
and a results table.

This blueprint also carries ``/health`` and ``/.well-known/void`` (:mod:`.void`).
"""

from __future__ import annotations

import json
from typing import Any

from flask import Blueprint, Response, current_app, jsonify, render_template, request, url_for

from ..graph.errors import DiplographError
from ..graph.formats import FORMAT_ALIASES, from_format_alias, offers_for_form
from ..graph.named_queries import NamedQuery, bind, get_query, list_queries
from ..graph.sparql_safety import query_form
from .conneg import negotiate, prefers_html
from .ui import queries_dir, rows_from_json, wants_html

bp = Blueprint("named_api", __name__, template_folder="templates")


def _links(q: NamedQuery) -> dict[str, str]:
    return {
        "self": url_for("named_api.run_query", name=q.name, _external=True),
        "json": url_for("named_api.run_query", name=q.name, format="json", _external=True),
        "csv": url_for("named_api.run_query", name=q.name, format="csv", _external=True),
        "ui": url_for("ui.index", _external=True) + "#" + q.name,
    }


@bp.get("/queries")
def list_named_queries() -> Any:
    """All named queries: JSON (default) or an HTML list for browsers."""
    queries = list_queries(queries_dir())
    if request.args.get("format") == "html" or (
        "format" not in request.args and wants_html(["application/json"])
    ):
        return render_template("queries.html", queries=queries)
    items = []
    for q in queries:
        item = q.to_json()
        item["form"] = query_form(q.text)
        item["links"] = _links(q)
        items.append(item)
    resp = jsonify({"queries": items})
    resp.vary.add("Accept")
    return resp


def _choose_media_type(form: str) -> str | None:
    """The result media type asked for (``format=`` first, then ``Accept``).

    ``text/html`` when a browser asks; ``None`` for no preference (the service's default).
    """
    fmt = request.args.get("format")
    if fmt:
        if fmt.lower() == "html":
            return "text/html"
        media = from_format_alias(fmt)
        if media is None:
            raise DiplographError(
                "bad-input",
                f"parameter 'format': unknown format {fmt!r}; use one of "
                + ", ".join(["html", *FORMAT_ALIASES]),
            )
        return media
    header = request.headers.get("Accept")
    offers = offers_for_form(form)
    if prefers_html(header, offers):
        return "text/html"
    if not header or not header.strip():
        return None
    chosen = negotiate(header, [*offers, "application/json"])
    if chosen is None:
        raise DiplographError(
            "not-acceptable",
            f"no acceptable format for a {form.upper()} query; offered: {', '.join(offers)}",
        )
    if chosen == "application/json":
        chosen = offers[0] if form in ("select", "ask") else "application/ld+json"
    return chosen


@bp.get("/queries/<name>")
def run_query(name: str) -> Any:
    """Run a named query with the request's parameters bound as RDF terms."""
    q = get_query(name, queries_dir())
    form = query_form(q.text)
    media = _choose_media_type(form)
    args = {k: v for k, v in request.args.items() if k != "format"}
    if media == "text/html":
        return _html_run(q, form, args)
    subs = bind(q, args)
    result = query_service_call(q, subs, media)
    resp = Response(result.body, mimetype=None, content_type=result.media_type)
    resp.vary.add("Accept")
    return resp


def query_service_call(q: NamedQuery, subs: dict[str, str], media: str | None) -> Any:
    """Run ``q`` with ``subs`` on the app's query service."""
    service = current_app.extensions["diplograph"]
    return service.query(q.text, media_type=media, substitutions=subs)


def _html_run(q: NamedQuery, form: str, args: dict[str, str]) -> Any:
    """The HTML page of a named query: its form, and the results when it could run."""
    error = None
    rows: list[dict[str, Any]] = []
    variables: list[str] = []
    boolean = None
    turtle = None
    status = 200
    missing = [p.name for p in q.parameters if p.required and not args.get(p.name)]
    ran = False
    if not missing or args:
        try:
            subs = bind(q, args)
            if form in ("select", "ask"):
                result = query_service_call(q, subs, "application/sparql-results+json")
                data = json.loads(result.body)
                if "boolean" in data:
                    boolean = bool(data["boolean"])
                else:
                    variables = data.get("head", {}).get("vars", [])
                    rows = rows_from_json(result.body)
            else:
                turtle = query_service_call(q, subs, "text/turtle").body.decode("utf-8")
            ran = True
        except DiplographError as e:
            error = e
            status = e.status
    html = render_template(
        "query_run.html",
        q=q,
        form=form,
        args=args,
        ran=ran,
        error=error,
        rows=rows,
        variables=variables,
        boolean=boolean,
        turtle=turtle,
        links=_links(q),
    )
    resp = Response(html, status=status, content_type="text/html; charset=utf-8")
    resp.vary.add("Accept")
    return resp
