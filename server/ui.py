"""The browser side of the server: the query UI at ``/`` and helpers shared by the pages.

``/`` serves YASGUI when its files are vendored in ``server/static/vendor/yasgui/``
(``scripts/install_ui.sh``), and otherwise a small page of our own (a SPARQL text area, the
named queries with their parameters, a results table). ``/?ui=basic`` always serves the
small page. Nothing is loaded from another host.

The helpers here (running a query through the app's query service,
reading SPARQL JSON results, showing terms) are used by ``linked_data`` and ``named_api``.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyoxigraph as ox
from flask import Blueprint, current_app, render_template, request, url_for

from ..graph.errors import DiplographError
from ..graph.named_queries import list_queries
from .conneg import prefers_html

STATIC_DIR = Path(__file__).parent / "static"
VENDOR_DIR = STATIC_DIR / "vendor" / "yasgui"
DEFAULT_BASE = "https://diplograph.org/"

bp = Blueprint(
    "ui",
    __name__,
    template_folder="templates",
    static_folder="static",
    static_url_path="/assets",
)

def wants_html(rdf_offers: Sequence[str]) -> bool:
    """True when the request's ``Accept`` names HTML and prefers it to ``rdf_offers``."""
    return prefers_html(request.headers.get("Accept"), rdf_offers)


# --------------------------------------------------------------------------------------------
# Running queries through the app's query service (D1's QueryService)
# --------------------------------------------------------------------------------------------


def query_service() -> Any:
    """The app's query service (``current_app.extensions['diplograph']``)."""
    try:
        return current_app.extensions["diplograph"]
    except KeyError as e:  # pragma: no cover - create_app always sets it
        raise DiplographError("internal", "the query service is not configured") from e


def iri_term(iri: str) -> str:
    """An IRI as an N-Triples term, validated (for ``substitutions``).

    >>> iri_term("https://diplograph.org/id/state/MNG")
    '<https://diplograph.org/id/state/MNG>'
    >>> iri_term("https://x.org/a b")
    Traceback (most recent call last):
    ...
    diplograph.graph.errors.DiplographError: not a valid IRI: 'https://x.org/a b'
    """
    try:
        return str(ox.NamedNode(iri))
    except ValueError as e:
        raise DiplographError("not-found", f"not a valid IRI: {iri!r}") from e


def select(sparql: str, substitutions: Mapping[str, str] | None = None) -> list[dict[str, Term]]:
    """Run a SELECT through the query service; the rows as ``{var: Term}``."""
    return [{var: _term(t) for var, t in row.items()}
            for row in query_service().select(sparql, substitutions)]


def construct(sparql: str, substitutions: Mapping[str, str] | None = None) -> list[ox.Triple]:
    """Run a CONSTRUCT through the query service; the triples."""
    return query_service().construct(sparql, substitutions)  # type: ignore[no-any-return]


_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


def _term(t: ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple) -> Term:
    """A pyoxigraph term as the pages read it (as SPARQL JSON results would spell it).

    >>> _term(ox.Literal("Mông Cổ", language="vi"))
    Term(type='literal', value='Mông Cổ', lang='vi', datatype=None)
    >>> _term(ox.Literal("1961", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#gYear")))
    Term(type='literal', value='1961', lang=None, datatype='http://www.w3.org/2001/XMLSchema#gYear')
    """
    if isinstance(t, ox.NamedNode):
        return Term("uri", t.value)
    if isinstance(t, ox.BlankNode):
        return Term("bnode", t.value)
    if isinstance(t, ox.Literal):
        datatype = None if t.language or t.datatype.value == _XSD_STRING else t.datatype.value
        return Term("literal", t.value, t.language, datatype)
    return Term("triple", str(t))


@dataclass(frozen=True)
class Term:
    """One RDF term of a SPARQL JSON result (``type`` is uri, literal or bnode)."""

    type: str
    value: str
    lang: str | None = None
    datatype: str | None = None


def rows_from_json(body: bytes | str) -> list[dict[str, Term]]:
    """Read SPARQL 1.1 JSON results (SELECT) into rows of :class:`Term`.

    >>> rows_from_json('{"head":{"vars":["x"]},"results":{"bindings":[{"x":{"type":"literal",'
    ...                '"value":"Mông Cổ","xml:lang":"vi"}}]}}')
    [{'x': Term(type='literal', value='Mông Cổ', lang='vi', datatype=None)}]
    """
    data = json.loads(body)
    rows = []
    for binding in data.get("results", {}).get("bindings", []):
        rows.append(
            {
                var: Term(
                    "literal" if t["type"] == "typed-literal" else t["type"],
                    t["value"],
                    t.get("xml:lang"),
                    t.get("datatype"),
                )
                for var, t in binding.items()
            }
        )
    return rows


def base_iri() -> str:
    """The base of minted IRIs (``DIPLOGRAPH_BASE``), ending with ``/``."""
    base = current_app.config.get("DIPLOGRAPH_BASE") or DEFAULT_BASE
    return base if base.endswith("/") else base + "/"


def local_path(iri: str) -> str | None:
    """The ``/id/…`` path of ``iri`` on this server, or ``None`` if we did not mint it."""
    prefix = base_iri() + "id/"
    if iri.startswith(prefix) and len(iri) > len(prefix):
        return iri[len(prefix) :]
    return None


def href(iri: str) -> str:
    """Where a link to ``iri`` should go: its ``/id/`` URL here when we minted it."""
    path = local_path(iri)
    if path is not None:
        return url_for("linked_data.resolve", path=path)
    return iri


# --------------------------------------------------------------------------------------------
# The query UI
# --------------------------------------------------------------------------------------------


@bp.app_template_global("term_href")
def term_href(iri: str) -> str:
    """Template helper: :func:`href`."""
    return href(iri)


def yasgui_installed() -> bool:
    """True when ``scripts/install_ui.sh`` has vendored YASGUI."""
    return (VENDOR_DIR / "yasgui.min.js").is_file() and (VENDOR_DIR / "yasgui.min.css").is_file()


def queries_dir() -> Path | None:
    """``DIPLOGRAPH_QUERIES_DIR`` (the app's setting, then the environment); None: queries/."""
    directory = current_app.config.get("DIPLOGRAPH_QUERIES_DIR") or os.environ.get(
        "DIPLOGRAPH_QUERIES_DIR"
    )
    return Path(directory) if directory else None


def named_queries_for_ui() -> list[dict[str, object]]:
    """The named queries as the UI needs them (metadata, text, run URL)."""
    out = []
    for q in list_queries(queries_dir()):
        item = q.to_json()
        item["query"] = q.text
        item["url"] = url_for("named_api.run_query", name=q.name)
        out.append(item)
    return out


@bp.get("/")
def index() -> Any:
    """The query UI: YASGUI if vendored (unless ``?ui=basic``), else the basic page."""
    basic = request.args.get("ui") == "basic" or not yasgui_installed()
    return render_template(
        "index.html",
        basic=basic,
        yasgui_missing=not yasgui_installed(),
        queries=named_queries_for_ui(),
        endpoint=request.url_root + "sparql",
    )
