"""The curation page: a document with its candidate facts highlighted; accept, edit, reject or
add facts, and save them to the document's facts file and into the running graph at once.

Behind the update token: the page is a shell that asks for the token; every call of its API
(``/curate/api/…``) needs ``Authorization: Bearer <token>``. The facts files are those of
``DIPLOGRAPH_CURATION_DIR`` (default: the bundled ``sources/``). The file work is done by
:mod:`diplograph.extraction.review` (the core); this module parses requests and serialises.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import Any

from flask import Blueprint, Response, current_app, jsonify, render_template, request

from ..graph.errors import DiplographError
from .protocol import check_write_token

bp = Blueprint("curation", __name__, template_folder="templates")

NAME_KEYS = ("member", "organization", "reporter", "partner", "investor", "recipient", "place",
             "about", "count_scope")
NAMES_KEYS = ("parties", "subjects", "objects")


def curation_dir() -> Path:
    configured = current_app.config.get("DIPLOGRAPH_CURATION_DIR") or os.environ.get(
        "DIPLOGRAPH_CURATION_DIR")
    if configured:
        return Path(configured)
    from ..loaders.build import sources_dir

    return sources_dir()


def _file(name: str) -> Path:
    """The facts file ``name`` of the curation folder (no path tricks)."""
    if "/" in name or "\\" in name or name.startswith(".") or not name.endswith(".facts.yaml"):
        raise DiplographError("bad-input", f"not a facts file name: {name!r}")
    path = curation_dir() / name
    if not path.is_file():
        raise DiplographError("not-found", f"no facts file {name!r} in the curation folder")
    return path


def _state(path: Path) -> dict[str, Any]:
    from ..extraction.review import FactsText

    ft = FactsText.read(path)
    text = ft.document_text()
    facts = []
    for f in ft.facts:
        if not isinstance(f, dict):
            continue
        off = f.get("offsets")
        quote = str(f.get("quote", ""))
        if not (isinstance(off, list) and len(off) == 2 and text[off[0]:off[1]] == quote):
            n = int(f.get("occurrence") or 1)
            start = -1
            for _ in range(n):
                start = text.find(quote, start + 1)
            off = [start, start + len(quote)] if start >= 0 and quote else None
        facts.append({**f, "offsets": off, "review": f.get("review", "accepted")})
    return {"name": path.name, "document": ft.data.get("document") or {}, "text": text,
            "facts": facts, "sha": hashlib.sha256(ft.text.encode("utf-8")).hexdigest()}


@bp.route("/curate/")
def page() -> Any:
    """The page shell (no data: the data comes from the token-protected API)."""
    if not current_app.config.get("DIPLOGRAPH_UPDATE_TOKEN"):
        raise DiplographError(
            "forbidden", "curation needs an update token: start the server with "
            "--update-token (or DIPLOGRAPH_UPDATE_TOKEN)")
    return render_template("curation.html")


@bp.route("/curate/api/documents")
def documents() -> Response:
    check_write_token()
    out = []
    for p in sorted(curation_dir().glob("*.facts.yaml")):
        try:
            st = _state(p)
        except DiplographError as e:
            out.append({"name": p.name, "error": e.message})
            continue
        counts: dict[str, int] = {}
        for f in st["facts"]:
            counts[f["review"]] = counts.get(f["review"], 0) + 1
        out.append({"name": p.name, "id": st["document"].get("id"), "counts": counts})
    return jsonify({"documents": out})


def _store_registry() -> Any:
    """The registry the store holds; a clear error when the store has none (an empty store, or
    one filled by ``diplograph load`` alone), instead of "unknown name" for every name."""
    from ..graph.registry import Registry

    registry = Registry.from_store(current_app.extensions["diplograph"].read_store())
    if not len(registry):
        raise DiplographError(
            "conflict", "this store holds no registry of states and organisations, so no "
            "name can be resolved: run `diplograph build` on it (or serve a built store)")
    return registry


@bp.route("/curate/api/documents/<name>", methods=["GET", "POST"])
def document(name: str) -> Response:
    check_write_token()
    path = _file(name)
    if request.method == "GET":
        return jsonify(_state(path))
    from ..extraction.review import apply_operations, load_document
    from .ui import query_service

    body = request.get_json(silent=True)
    if not isinstance(body, dict):
        raise DiplographError("bad-input", "send a JSON object {operations: [...]}")
    # names resolved with the store's registry (the server never rebuilds it from data/)
    registry = _store_registry()
    doc = apply_operations(path, body.get("operations"), resolve=registry.resolve)
    triples = query_service()._write(lambda store: load_document(store, doc))
    state = _state(path)
    state["saved"] = {"accepted": len(doc.facts), "triples": triples, "graph": doc.graph}
    return jsonify(state)


@bp.route("/curate/api/names")
def names() -> Response:
    """Autocomplete: registry entities whose names are closest to ``q``."""
    check_write_token()
    q = request.args.get("q", "").strip()
    if not q:
        return jsonify({"names": []})
    reg = _store_registry()
    out = [{"key": e.key, "label": e.label, "vi": e.labels.get("vi"), "kind": e.kind,
            "score": s} for e, s in reg.candidates(q)[:10]]
    return jsonify({"names": out})
