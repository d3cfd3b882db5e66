"""``/dumps``: the releases of a releases folder (``serve --releases DIR``) and their files.

- ``GET /dumps``: the releases, newest first, with each file's size, SHA-256 and URL (HTML
  for browsers, JSON for ``Accept: application/json`` or ``?format=json``);
- ``GET /dumps/<release>/`` : one release (same forms);
- ``GET /dumps/<release>/<file>``: a file, with ``ETag``, ``Last-Modified``, conditional
  requests and HTTP range requests (``Range: bytes=…`` → 206), as Flask's ``send_file``
  does them. The dumps are gzip files and are sent as such (``application/gzip``); the
  others (catalogue, reports, checksums) are compressed on the way when the client accepts
  gzip (:mod:`.compression`).
- ``/dumps/latest/…`` redirects to the newest release.

Only files listed in a release's ``SHA256SUMS`` (and that file itself) are served: nothing
else under the folder is reachable. The releases are what :mod:`diplograph.graph.release`
writes; the listing is read from their manifests on each request (cheap: one small file per
release).
"""

from __future__ import annotations

import base64
import html
from pathlib import Path
from typing import Any
from urllib.parse import quote

from flask import Blueprint, Response, current_app, jsonify, redirect, request, send_file, url_for

from ..graph.errors import DiplographError
from ..graph.release import SUMS, Release, list_releases, media_type
from .conneg import negotiate

bp = Blueprint("dumps", __name__)


def releases_folder() -> Path | None:
    """The configured releases folder (``DIPLOGRAPH_RELEASES``), if any."""
    folder = current_app.config.get("DIPLOGRAPH_RELEASES")
    return Path(folder) if folder else None


def releases() -> list[Release]:
    """The complete releases of the configured folder, newest first."""
    folder = releases_folder()
    return list(reversed(list_releases(folder))) if folder else []


def _files(r: Release) -> list[dict[str, Any]]:
    """The files of a release: those of its manifest, then the catalogue, the manifest and
    the checksums file (their SHA-256 from ``SHA256SUMS``, which has no line for itself)."""
    files = list(r.files)
    listed = {f["name"] for f in files}
    sums: dict[str, str] = {}
    try:
        for line in (r.path / SUMS).read_text(encoding="ascii").splitlines():
            digest, _, name = line.partition("  ")
            sums[name] = digest
    except (OSError, UnicodeDecodeError):
        pass
    for name in ("catalog.ttl", "release.json", SUMS):
        p = r.path / name
        if name not in listed and p.is_file():
            files.append({"name": name, "bytes": p.stat().st_size, "media_type": media_type(name),
                          "compressed": False, "sha256": sums.get(name)})
    return files


def describe(r: Release) -> dict[str, Any]:
    """A release as the listing shows it: its manifest's facts and the files' URLs."""
    name = r.path.name
    return {
        "name": name, "version": r.version, "date": r.date,
        "software_version": r.software_version, "triples": r.triples, "previous": r.previous,
        "url": url_for("dumps.release_index", release=name, _external=True),
        "files": [{**f, "url": url_for("dumps.release_file", release=name, filename=f["name"],
                                       _external=True)} for f in _files(r)],
    }


def dump_links(folder: str | Path | None, root_url: str) -> list[tuple[str, str, str]]:
    """(URL, media type, version) of the whole-graph dumps of every release in ``folder``,
    newest release first, for a service at ``root_url`` (ending in ``/``): what VoID and the
    service description link (``void:dataDump``, ``dcat:downloadURL``)."""
    out = []
    for r in reversed(list_releases(folder)) if folder else []:
        for f in r.files:
            if f["name"].startswith("diplograph-") and f["name"].endswith(".gz"):
                out.append((f"{root_url}dumps/{quote(r.path.name)}/{quote(f['name'])}",
                            f["media_type"], r.version))
    return out


def _wants_json() -> bool:
    if request.args.get("format") == "json":
        return True
    best = negotiate(request.headers.get("Accept"), ["text/html", "application/json"])
    return best == "application/json"


def _page(title: str, items: list[dict[str, Any]]) -> str:
    esc = html.escape
    out = ["<!doctype html>", '<html lang="en"><head><meta charset="utf-8">',
           f"<title>{esc(title)}</title>",
           "<style>body{font-family:sans-serif;max-width:70em;margin:auto;padding:1em}"
           "td{padding:.15em .6em}td.n{text-align:right}code{font-size:85%}</style>",
           f"</head><body><h1>{esc(title)}</h1>"]
    if not items:
        out.append("<p>No release is published here.</p>")
    for d in items:
        out.append(f"<h2>Release {esc(d['version'])} ({esc(d['date'])})</h2>")
        out.append(f"<p>{d['triples']:,} quads; diplograph {esc(d['software_version'])}"
                   + (f"; previous release {esc(d['previous'])}" if d["previous"] else "")
                   + "</p><table>")
        for f in d["files"]:
            out.append(f"<tr><td><a href=\"{esc(f['url'])}\">{esc(f['name'])}</a></td>"
                       f"<td class=n>{f['bytes']:,} bytes</td>"
                       f"<td><code>{esc(f['sha256'] or '')}</code></td></tr>")
        out.append("</table>")
    out.append("</body></html>")
    return "\n".join(out)


@bp.get("/dumps")
@bp.get("/dumps/")
def index() -> Any:
    """The releases, newest first."""
    items = [describe(r) for r in releases()]
    if _wants_json():
        resp = jsonify({"releases": items})
    else:
        resp = Response(_page("diplograph releases", items),
                        content_type="text/html; charset=utf-8")
    resp.vary.add("Accept")
    return resp


def _release(name: str) -> Release:
    if name == "latest":
        found = releases()
        if found:
            return found[0]
    for r in releases():
        if r.path.name == name:
            return r
    raise DiplographError("not-found", f"no release {name!r} here (see /dumps)")


@bp.get("/dumps/<release>/")
def release_index(release: str) -> Any:
    """One release."""
    r = _release(release)
    if release == "latest":
        return redirect(url_for("dumps.release_index", release=r.path.name), 302)
    d = describe(r)
    if _wants_json():
        resp = jsonify(d)
    else:
        resp = Response(_page(f"diplograph release {r.version}", [d]),
                        content_type="text/html; charset=utf-8")
    resp.vary.add("Accept")
    return resp


@bp.get("/dumps/<release>")
def release_no_slash(release: str) -> Any:
    """``/dumps/NAME`` → ``/dumps/NAME/``."""
    return redirect(url_for("dumps.release_index", release=release), 308)


@bp.get("/dumps/<release>/<path:filename>")
def release_file(release: str, filename: str) -> Any:
    """A file of a release (conditional and range requests)."""
    r = _release(release)
    if release == "latest":
        return redirect(url_for("dumps.release_file", release=r.path.name,
                                filename=filename), 302)
    allowed = {f["name"] for f in _files(r)}
    if filename not in allowed:
        raise DiplographError("not-found", f"release {r.version} has no file {filename!r}")
    path = r.path / filename
    if filename.endswith(".gz"):
        mimetype = "application/gzip"
    else:
        mt = media_type(filename)
        mimetype = mt + ("; charset=utf-8" if mt.startswith("text/") or mt.endswith("json")
                         else "")
    resp = send_file(path, mimetype=mimetype, conditional=True, etag=True,
                     download_name=Path(filename).name, as_attachment=filename.endswith(".gz"),
                     max_age=3600)
    resp.headers["Accept-Ranges"] = "bytes"
    digest = next((f.get("sha256") for f in r.files if f["name"] == filename), None)
    if digest:  # RFC 3230: base64 of the digest (SHA256SUMS has it in hex)
        resp.headers["Digest"] = "sha-256=" + base64.b64encode(bytes.fromhex(digest)).decode()
    return resp
