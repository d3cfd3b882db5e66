"""The one error handler: ``DiplographError.kind`` -> HTTP status (``graph.errors.STATUS``, the
one map), and a pinned body shape.

The body is JSON ``{"error": kind, "status": code, "message": ..., "details": [...]}`` when the
client prefers JSON, an HTML page when a browser asks for a page (``Accept`` prefers HTML on a
GET of anything but the SPARQL protocol URLs), plain text (the message, then the details, one per
line) otherwise.
"""

from __future__ import annotations

import json
import logging
from typing import Any

from flask import Flask, Response, render_template, request
from werkzeug.exceptions import HTTPException

from ..graph import formats
from ..graph.errors import STATUS, DiplographError, status_for
from . import conneg

__all__ = ["STATUS", "status_for", "error_response", "register_error_handlers"]

log = logging.getLogger(__name__)

_KIND_OF_STATUS = {v: k for k, v in reversed(list(STATUS.items()))}


def _wants_json() -> bool:
    if request.path.endswith(".json"):  # a JSON resource answers its errors in JSON too
        return True
    ranges = conneg.parse_accept(request.headers.get("Accept"))
    j = max(conneg.quality(ranges, "application/json", explicit_only=True),
            conneg.quality(ranges, formats.JSON, explicit_only=True))
    return j > conneg.quality(ranges, "text/plain")


#: URLs whose errors are always data (plain text or JSON), never pages: SPARQL clients ask
#: for HTML by accident (``Accept: */*`` with a browser-like order) and must get the message.
_DATA_PATHS = ("/sparql", "/update", "/store", "/reconcile")


def _wants_page() -> bool:
    if request.method not in ("GET", "HEAD") or request.path.startswith(_DATA_PATHS):
        return False
    return conneg.prefers_html(request.headers.get("Accept"), ["text/plain"])


def error_response(kind: str, message: str, details: list[str] | None = None,
                   status: int | None = None, headers: Any = None) -> Response:
    """Build the error response for the current request."""
    code = status or status_for(kind)
    details = details or []
    if _wants_json():
        resp = Response(
            json.dumps(
                {"error": kind, "status": code, "message": message, "details": details},
                ensure_ascii=False),
            status=code, mimetype="application/json")
    elif _wants_page():
        try:
            html = render_template("error.html", code=code, kind=kind, message=message,
                                   details=details)
        except Exception:  # noqa: BLE001 - a broken page must not hide the error itself
            log.exception("could not render the error page")
            html = None
        if html is None:
            resp = Response(message + "\n", status=code,
                            content_type="text/plain; charset=utf-8")
        else:
            resp = Response(html, status=code, content_type="text/html; charset=utf-8")
    else:
        text = "\n".join([message, *details]) + "\n"
        resp = Response(text, status=code, content_type="text/plain; charset=utf-8")
    if code == 401:
        resp.headers["WWW-Authenticate"] = 'Bearer realm="diplograph"'
    if code == 503:
        resp.headers["Retry-After"] = "5"
    for k, v in (headers or []):
        if k.lower() not in ("content-type", "content-length"):
            resp.headers[k] = v
    return resp


def _handle_diplograph(e: DiplographError) -> Response:
    code = status_for(e.kind)
    if code >= 500 and e.kind not in ("timeout", "unavailable"):
        log.error("server error %s: %s", e.kind, e)
    return error_response(e.kind, e.message, list(e.details), code)


def _handle_http(e: HTTPException) -> Response:
    code = e.code or 500
    kind = _KIND_OF_STATUS.get(code, "bad-input" if code < 500 else "internal")
    message = e.description or e.name
    return error_response(kind, f"{e.name}: {message}", status=code,
                          headers=e.get_headers())


def _handle_other(e: Exception) -> Response:
    log.exception("unexpected error")
    return error_response("internal", "internal server error (logged)", status=500)


def register_error_handlers(app: Flask) -> None:
    """Install the handlers on ``app``."""
    app.register_error_handler(DiplographError, _handle_diplograph)
    app.register_error_handler(HTTPException, _handle_http)
    app.register_error_handler(Exception, _handle_other)
