"""What changed between two releases or stores: facts by graph and type, with quotes and rows."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest

from diplograph.graph.diff import diff_nquads, diff_paths, render_html, render_markdown
from diplograph.graph.errors import DiplographError
from diplograph.graph.release import make_release
from diplograph.graph.release_files import write_sorted_nquads

from ..conftest import ROOT

DOC = "https://diplograph.org/graph/source/vn-mn-relations-2023"
WIKI = "https://diplograph.org/graph/source/wikipedia-foreign-relations-of-mongolia"
COW = "https://diplograph.org/graph/dataset/cow-igo-v3"
REG = "https://diplograph.org/graph/registry"
FACT = "https://diplograph.org/id/fact/"

CHANGES = f"""
PREFIX dg: <https://diplograph.org/ontology#>
DELETE {{ GRAPH ?g {{ ?x ?p ?o }} }} WHERE {{ GRAPH ?g {{ ?x ?p ?o
  FILTER(STRSTARTS(STR(?x), "{FACT}vn-mn-relations-2023/traditional-friends")) }} }} ;
DELETE {{ GRAPH ?g {{ ?f dg:quote ?q }} }} INSERT {{ GRAPH ?g {{ ?f dg:quote "a new quote"@en }} }}
WHERE {{ GRAPH ?g {{ ?f dg:quote ?q FILTER(?f = <{FACT}wikipedia-foreign-relations-of-mongolia/relations-with-all-un-states>) }} }} ;
INSERT DATA {{
  GRAPH <{COW}> {{ <{FACT}cow-igo-v3/999-NEW-2020> a dg:Fact, dg:Membership ; dg:sourceRow 99999 ;
      <http://www.w3.org/ns/prov#wasDerivedFrom> <https://diplograph.org/id/dataset/cow-igo-v3> }}
  GRAPH <{REG}> {{ <https://diplograph.org/id/state/MNG> <http://example.org/p> "new" }}
}}
"""


def _small(built: ox.Store) -> ox.Store:
    s = ox.Store()
    for g in (DOC, WIKI):
        s.extend(built.quads_for_pattern(None, None, None, ox.NamedNode(g)))
    return s


def _sorted_file(store: ox.Store, path: Path) -> Path:
    with open(path, "wb") as f:
        write_sorted_nquads(store, f, tmp_dir=path.parent / "sort", sort_bytes=4096)
    return path


@pytest.fixture()
def report(built_store: ox.Store, tmp_path: Path) -> dict:
    old = _small(built_store)
    new = _small(built_store)
    new.update(CHANGES)
    return diff_nquads(_sorted_file(old, tmp_path / "old.nq"), _sorted_file(new, tmp_path / "new.nq"))


def _facts(report: dict, graph: str, status: str) -> list[dict]:
    g = next(g for g in report["graphs"] if g["graph"] == graph)
    return [f for t in g["types"] for f in t[status]]


def test_added_removed_changed_by_graph_with_quotes_and_rows(report: dict) -> None:
    s = report["summary"]
    assert (s["facts_added"], s["facts_removed"], s["facts_changed"]) == (1, 1, 1)
    assert s["other_subjects_changed"] == 1
    removed = _facts(report, DOC, "removed")
    assert [f["fact"] for f in removed] == [f"{FACT}vn-mn-relations-2023/traditional-friends"]
    assert removed[0]["quote"] == "Việt Nam và Mông Cổ là bạn bè truyền thống"
    assert removed[0]["type"] == "Claim"
    assert removed[0]["document"] == "https://diplograph.org/id/source/vn-mn-relations-2023"
    added = _facts(report, COW, "added")
    assert added[0]["rows"] == "99999" and added[0]["type"] == "Membership"
    assert added[0]["derived_from"] == ["https://diplograph.org/id/dataset/cow-igo-v3"]
    changed = _facts(report, WIKI, "changed")
    assert changed[0]["quote"] == "a new quote"
    assert any("a new quote" in t for t in changed[0]["added"])
    assert any("192 UN states" in t for t in changed[0]["removed"])
    reg = next(g for g in report["graphs"] if g["graph"] == REG)
    assert reg["other"][0]["subject"] == "https://diplograph.org/id/state/MNG"


def test_reports_for_people(report: dict) -> None:
    md = render_markdown(report)
    assert "### Claim: 1 removed" in md and "### Membership: 1 added" in md
    assert "rows 99999" in md and "“Việt Nam và Mông Cổ là bạn bè truyền thống”" in md
    page = render_html(report)
    assert "<q>Việt Nam và Mông Cổ là bạn bè truyền thống</q>" in page
    report["graphs"][0]["graph"] = "<script>x</script>"
    assert "<script>x" not in render_html(report)


def test_identical_sides_have_no_difference(built_store: ox.Store, tmp_path: Path) -> None:
    a = _sorted_file(_small(built_store), tmp_path / "a.nq")
    r = diff_nquads(a, a)
    assert r["graphs"] == [] and "No difference." in render_markdown(r)


def test_unsorted_input_is_refused(tmp_path: Path) -> None:
    p = tmp_path / "x.nq"
    p.write_text("<http://b> <http://p> <http://o> <http://g> .\n"
                 "<http://a> <http://p> <http://o> <http://g> .\n")
    with pytest.raises(DiplographError, match=r"x.nq:2: the N-Quads are not sorted"):
        diff_nquads(p, p)


def test_diff_of_two_releases_and_of_two_stores_agree(built_store: ox.Store, tmp_path: Path) -> None:
    old, new = _small(built_store), _small(built_store)
    new.update(CHANGES)
    make_release(old, tmp_path / "rel" / "a", version="a", date=dt.date(2026, 1, 1))
    make_release(new, tmp_path / "rel" / "b", version="b", date=dt.date(2026, 1, 2))
    for name, s in (("sa", old), ("sb", new)):  # the same data as on-disk stores
        disk = ox.Store(str(tmp_path / name))
        disk.extend(s)
        disk.flush()
        del disk
    by_release = diff_paths(tmp_path / "rel" / "a", tmp_path / "rel" / "b")
    by_store = diff_paths(tmp_path / "sa", tmp_path / "sb")
    assert by_release["summary"] == by_store["summary"]
    assert by_release["graphs"] == by_store["graphs"]
    p = subprocess.run([sys.executable, "-m", "diplograph", "diff", str(tmp_path / "rel" / "a"),
                        str(tmp_path / "rel" / "b"), "--format", "json"],
                       capture_output=True, text=True, cwd=ROOT, check=True)
    assert json.loads(p.stdout)["summary"] == by_release["summary"]
    assert "1 facts added, 1 removed, 1 changed" in p.stderr
    bad = subprocess.run([sys.executable, "-m", "diplograph", "diff", str(tmp_path / "rel" / "a"),
                          str(tmp_path / "nope")], capture_output=True, text=True, cwd=ROOT)
    assert bad.returncode == 2 and "nope" in bad.stderr


def test_diff_and_release_share_a_lower_module_not_an_import_circle() -> None:
    """diff and release both read release_files; release_files imports neither, and diff
    does not import release (release imports diff to carry its changes)."""
    import ast

    def imports(module: str) -> set[str]:
        tree = ast.parse((ROOT / "graph" / f"{module}.py").read_text(encoding="utf-8"))
        return {n.module or "" for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)}

    assert "release_files" in imports("diff") and "release_files" in imports("release")
    assert "release" not in imports("diff")
    assert not {"release", "diff", "release_dumps"} & imports("release_files")
    assert "release" not in imports("release_dumps") and "diff" not in imports("release_dumps")


def test_gzip_sides_of_several_members_read_whole_and_a_truncated_one_is_named(
    tmp_path: Path,
) -> None:
    import gzip

    lines = [f"<http://e/s{i:04d}> <http://e/p> \"{i}\" <http://e/g> .\n".encode()
             for i in range(3000)]
    plain = tmp_path / "plain.nq"
    plain.write_bytes(b"".join(lines))
    parts = tmp_path / "parts.nq.gz"  # as `cat a.gz b.gz`: two gzip members
    parts.write_bytes(gzip.compress(b"".join(lines[:1234])) + gzip.compress(b"".join(lines[1234:])))
    assert diff_nquads(plain, parts)["summary"]["triples_added"] == 0
    assert diff_nquads(parts, plain)["summary"]["triples_removed"] == 0
    cut = tmp_path / "cut.nq.gz"
    cut.write_bytes(gzip.compress(b"".join(lines))[:-100])
    with pytest.raises(DiplographError, match=r"cut.nq.gz: not a complete gzip file"):
        diff_nquads(plain, cut)


def test_changed_facts_own_lines_are_taken_from_the_merge_across_lists() -> None:
    """The details of a changed fact come from its own lines (``<fact> …``), taken as the
    merge passes, also when they lie in the list before, in a later list, or across two."""
    import random

    from diplograph.graph.diff import _fact_key, _FactRuns, diff_sorted

    rng = random.Random(18)
    side: dict[str, list[bytes]] = {"old": [], "new": []}
    for i in range(400):
        fact = f"<{FACT}doc/f{i}"
        own = [f"{fact}> <http://e/p{k}> \"{k}\" <http://e/g> .\n".encode()
               for k in range(rng.randint(1, 5))]
        sub = [f"{fact}/annotation> <http://e/q> \"{k}\" <http://e/g> .\n".encode()
               for k in range(rng.randint(0, 3))]
        for name in side:
            keep = [x for x in own + sub if rng.random() > 0.05]
            side[name].extend(keep)
    for name in side:
        side[name].sort()

    def lists(lines: list[bytes]) -> list[list[bytes]]:
        out, i = [], 0
        while i < len(lines):
            n = rng.randint(10, 40)
            out.append(lines[i:i + n])
            i += n
        return out

    runs = {name: _FactRuns() for name in side}
    wanted: set[bytes] = set()

    def seen(changed: list[bytes]) -> None:
        for line in changed:
            key = _fact_key(line)
            assert key is not None
            wanted.add(key)
            for r in runs.values():
                r.want(key)

    removed, added = diff_sorted(runs["old"].blocks(lists(side["old"])),
                                 runs["new"].blocks(lists(side["new"])), seen)
    assert set(removed) == set(side["old"]) - set(side["new"])
    assert set(added) == set(side["new"]) - set(side["old"])
    assert wanted
    for name, r in runs.items():
        for key in wanted:
            assert r.runs[key] == [x for x in side[name] if x.startswith(key)], (name, key)
