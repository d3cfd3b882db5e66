"""``diplograph link --verify-online``: compare our QIDs and labels with Wikidata's API.

Off by default and never used by the build. It calls ``wbgetentities`` (MediaWiki Action API,
``action=wbgetentities&ids=Q1|Q2&props=labels|aliases|info&languages=en|vi&format=json``, at most 50
ids per request) on ``--wikidata-api`` (default :data:`DEFAULT_API`), and reports, per entity:

* ``ok``: the item exists and its English label (or an alias) equals ours after folding;
* ``label-differs``: it exists but the English label is different (to review, not an error);
* ``redirect``: Wikidata redirects our QID to another item (our QID is outdated);
* ``missing``: the item does not exist (deleted or wrong);
* ``error``: the request failed (network, HTTP status, bad JSON).

The default selection is the seed entities (those read from ``reference/seed-entities-qids.csv``)
plus all weak links (single-source); ``--all`` checks every entity with a QID.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import requests

from ..graph.errors import DiplographError
from ..graph.registry import Entity, Registry
from .normalise import folded_form

DEFAULT_API = "https://www.wikidata.org/w/api.php"
BATCH = 50
USER_AGENT = "diplograph-link/0.1 (https://diplograph.org/; verify-online)"


@dataclass(frozen=True)
class Verification:
    """The outcome for one entity."""

    key: str
    qid: str
    confidence: str
    our_label: str
    wikidata_label: str | None
    status: str  # ok | label-differs | redirect | missing | error
    detail: str = ""


def select(registry: Registry, *, everything: bool = False) -> list[Entity]:
    """Entities to verify: seed entities and single-source links (or all with a QID)."""
    out = []
    for e in registry.entities:
        if not e.qid:
            continue
        if everything or "seed-qids" in e.sources or e.confidence == "single-source":
            out.append(e)
    return sorted(out, key=lambda e: e.key)


def _fetch(session: requests.Session, api: str, qids: list[str], timeout: float) -> dict:
    params = {
        "action": "wbgetentities",
        "ids": "|".join(qids),
        "props": "labels|aliases|info",
        "languages": "en|vi",
        "format": "json",
    }
    r = session.get(api, params=params, timeout=timeout, headers={"User-Agent": USER_AGENT})
    r.raise_for_status()
    data = r.json()
    if "error" in data:
        raise ValueError(f"API error: {data['error'].get('info') or data['error']}")
    return data.get("entities") or {}


def _names(ent: dict, lang: str = "en") -> list[str]:
    out = []
    label = (ent.get("labels") or {}).get(lang, {}).get("value")
    if label:
        out.append(label)
    out += [a.get("value", "") for a in (ent.get("aliases") or {}).get(lang, [])]
    return out


def verify(
    entities: Iterable[Entity],
    *,
    api: str = DEFAULT_API,
    timeout: float = 20.0,
    session: requests.Session | None = None,
) -> list[Verification]:
    """Check each entity's QID against ``api`` (one request per 50 entities)."""
    ents = [e for e in entities if e.qid]
    s = session or requests.Session()
    results: list[Verification] = []
    for i in range(0, len(ents), BATCH):
        chunk = ents[i : i + BATCH]
        try:
            data = _fetch(s, api, [e.qid for e in chunk if e.qid], timeout)
        except (requests.RequestException, ValueError) as err:
            results += [
                Verification(e.key, str(e.qid), e.confidence, e.label, None, "error", str(err))
                for e in chunk
            ]
            continue
        for e in chunk:
            qid = str(e.qid)
            ent = data.get(qid)
            if ent is None:
                # a redirected id comes back under its target, with "redirects": {"from", "to"}
                ent = next(
                    (v for v in data.values() if (v.get("redirects") or {}).get("from") == qid),
                    None,
                )
            if ent is None or "missing" in ent:
                results.append(
                    Verification(
                        e.key,
                        qid,
                        e.confidence,
                        e.label,
                        None,
                        "missing",
                        "wbgetentities: no such item",
                    )
                )
                continue
            names = _names(ent)
            wd_label = names[0] if names else None
            redirect = ent.get("redirects") or {}
            if redirect.get("from") == qid or ent.get("id", qid) != qid:
                results.append(
                    Verification(
                        e.key,
                        qid,
                        e.confidence,
                        e.label,
                        wd_label,
                        "redirect",
                        f"{qid} redirects to {redirect.get('to') or ent.get('id')}",
                    )
                )
                continue
            ours = {
                folded_form(t)
                for t in (e.label, *(a for a, lang in e.aliases if lang in ("en", None)))
            }
            if any(folded_form(n) in ours for n in names):
                results.append(Verification(e.key, qid, e.confidence, e.label, wd_label, "ok"))
            else:
                results.append(
                    Verification(
                        e.key,
                        qid,
                        e.confidence,
                        e.label,
                        wd_label,
                        "label-differs",
                        f"Wikidata: {wd_label!r}, ours: {e.label!r}",
                    )
                )
    return results


def render(results: list[Verification]) -> str:
    """A plain-text table of the results, problems first."""
    order = {"missing": 0, "redirect": 1, "error": 2, "label-differs": 3, "ok": 4}
    lines = []
    for r in sorted(results, key=lambda r: (order.get(r.status, 9), r.key)):
        lines.append(
            f"{r.status:<14} {r.key:<12} {r.qid:<11} {r.confidence:<13} "
            f"ours={r.our_label!r} wikidata={r.wikidata_label!r} {r.detail}".rstrip()
        )
    counts: dict[str, int] = {}
    for r in results:
        counts[r.status] = counts.get(r.status, 0) + 1
    lines.append("summary: " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())))
    return "\n".join(lines)


def check_api_url(url: str) -> str:
    """Refuse anything but an http(s) URL.

    >>> check_api_url("http://127.0.0.1:8000/w/api.php")
    'http://127.0.0.1:8000/w/api.php'
    """
    if not url.startswith(("http://", "https://")):
        raise DiplographError("bad-input", f"--wikidata-api must be an http(s) URL, not {url!r}")
    return url
