"""Issue 14, defect 8: the facts loader answers every malformed file with ``file:line: field:
message`` (never a traceback), refuses YAML anchors, aliases and tags, keeps ``file:`` inside
the sources folder, stays within bounded memory, and one bad file does not stop a build.

The corpus is ``fixtures/facts/*.facts.yaml``: each file says what it is on its first line
and, on its second, ``# expect: LINE: FIELD: FRAGMENT``, the error it must get.
"""

from __future__ import annotations

import os
import re
import resource
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pyoxigraph as ox
import pytest

from diplograph.graph.errors import DiplographError
from diplograph.loaders import facts
from diplograph.loaders.facts import load_facts_file, parse_facts_file

ROOT = Path(__file__).resolve().parents[2]
CORPUS = Path(__file__).resolve().parent / "fixtures" / "facts"
CASES = sorted(p.name for p in CORPUS.glob("*.facts.yaml"))
# an alias bomb is only ever parsed in a subprocess under a memory limit (before the fix, it
# grew past 19 GB in a test process)
BOMB = "billion-laughs.facts.yaml"
MEMORY_MB = 1024
EXPECT = re.compile(rb"# expect: (\d+): (.+?): (.+)\n")
MAX_FILE_BYTES = getattr(facts, "MAX_FILE_BYTES", 5 * 2**20)


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    """A copy of the corpus, with the symbolic link that leads out of it."""
    folder = tmp_path / "sources"
    shutil.copytree(CORPUS, folder)
    outside = tmp_path / "outside.txt"
    outside.write_text("relations since 17 November 1954", encoding="utf-8")
    (folder / "escape-link.txt").symlink_to(outside)
    return folder


def _expected(path: Path) -> tuple[int, str, str]:
    m = EXPECT.search(path.read_bytes())
    assert m, f"{path.name}: no '# expect:' line"
    return int(m[1]), m[2].decode(), m[3].decode()


def test_the_corpus_covers_the_reported_classes() -> None:
    names = set(CASES)
    for case in ("date-no-such-day", "tag-int", "nan", "infinity", "multiplier-huge", "type-list",
                 "occurrence-zero", "file-parent", "file-absolute", "file-symlink-escape",
                 "billion-laughs", "alias", "deep-nesting"):
        assert f"{case}.facts.yaml" in names
    assert len(names) >= 49


@pytest.mark.parametrize("name", [c for c in CASES if c != BOMB])
def test_each_malformed_file_gets_file_line_field_message(corpus: Path, name: str) -> None:
    path = corpus / name
    line, field, fragment = _expected(path)
    with pytest.raises(DiplographError) as info:
        parse_facts_file(path)
    e = info.value
    assert e.kind == "bad-input"
    assert "nothing was loaded" in e.message
    prefix = f"{path}:{line}: {field}: "
    hits = [d for d in e.details if d.startswith(prefix)]
    assert hits, f"no detail starts with {prefix!r}: {e.details}"
    assert any(fragment in d for d in hits), (fragment, hits)
    for d in e.details:  # every detail names the file and a line
        assert re.match(re.escape(str(path)) + r":\d+: \S", d), d


@pytest.mark.parametrize("name", ["alias.facts.yaml", "tag-python.facts.yaml",
                                  "multiplier-huge.facts.yaml", "date-no-such-day.facts.yaml"])
def test_a_refused_load_changes_nothing(corpus: Path, tmp_path: Path, name: str) -> None:
    store = ox.Store(str(tmp_path / "store"))
    good = corpus / "good.facts.yaml"  # the corpus' base file, with a valid date
    good.write_text((corpus / "date-no-such-day.facts.yaml").read_text(encoding="utf-8")
                    .replace("date: 2020-02-31", 'date: "1954-11-17"'), encoding="utf-8")
    load_facts_file(store, good)
    before = set(store)
    assert before
    with pytest.raises(DiplographError):
        load_facts_file(store, corpus / name)
    assert set(store) == before


def _memory_limit(mb: int = MEMORY_MB) -> None:
    resource.setrlimit(resource.RLIMIT_AS, (mb * 2**20, mb * 2**20))


def test_validate_never_prints_a_traceback(corpus: Path) -> None:
    files = [str(corpus / n) for n in CASES]
    proc = subprocess.run([sys.executable, "-m", "diplograph", "validate", "--no-shacl", *files],
                          capture_output=True, text=True, timeout=300, cwd=corpus,
                          preexec_fn=_memory_limit)
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr and "internal error" not in proc.stderr
    for f in files:
        assert re.search(re.escape(f) + r":\d+: ", proc.stderr), f"{f} is not named with a line"


def test_a_symlink_inside_the_folder_is_fine(corpus: Path) -> None:
    (corpus / "inner-link.txt").symlink_to(corpus / "mini.txt")
    mini = corpus / "mini.facts.yaml"
    mini.write_text(
        (corpus / "file-symlink-escape.facts.yaml").read_text(encoding="utf-8")
        .replace("file: escape-link.txt", "file: inner-link.txt"), encoding="utf-8")
    assert len(parse_facts_file(mini).facts) == 3


def test_a_file_over_the_size_limit_is_refused_before_parsing(corpus: Path) -> None:
    big = corpus / "big.facts.yaml"
    with open(big, "wb") as f:
        f.write(b"format: diplograph-facts/1\nnote: '")
        f.write(b"x" * (MAX_FILE_BYTES + 10))
        f.write(b"'\n")
    with pytest.raises(DiplographError) as info:
        parse_facts_file(big)
    assert re.match(re.escape(str(big)) + r":0: \(file\): larger than 5 MB", info.value.details[0])


# ------------------------------------------------------------------ bounded memory

_UNDER_LIMIT = textwrap.dedent("""
    import resource, sys
    limit = int(sys.argv[2]) * 2**20
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    from diplograph.graph.errors import DiplographError
    from diplograph.loaders.facts import parse_facts_file
    try:
        parse_facts_file(sys.argv[1], resolve=lambda name: None)
    except DiplographError as e:
        print(e.details[0] if e.details else e.message)
        sys.exit(3)
    sys.exit(0)
""")


def _parse_under_memory_limit(path: Path, mb: int = MEMORY_MB) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", _UNDER_LIMIT, str(path), str(mb)],
                          capture_output=True, text=True, timeout=120)


def _assert_refused_under_limit(path: Path, fragment: str) -> None:
    proc = _parse_under_memory_limit(path)
    assert proc.returncode == 3, proc.stderr[-2000:]
    assert f"{path}:" in proc.stdout and fragment in proc.stdout, proc.stdout


def test_billion_laughs_is_refused_within_a_memory_limit(tmp_path: Path) -> None:
    # nine levels of nine aliases: 387 million strings if expanded
    path = tmp_path / "laughs.facts.yaml"
    shutil.copy(CORPUS / "billion-laughs.facts.yaml", path)
    _assert_refused_under_limit(path, "anchors and aliases")


@pytest.mark.parametrize("opening,closing", [("[", "]"), ("{a: ", "}")])
def test_deep_nesting_is_refused_within_a_memory_limit(
        tmp_path: Path, opening: str, closing: str) -> None:
    path = tmp_path / "deep.facts.yaml"
    path.write_text("format: diplograph-facts/1\nnote: " + opening * 200_000 + closing * 200_000
                    + "\n", encoding="utf-8")
    _assert_refused_under_limit(path, "nest")  # ours, or libyaml's own limit


def test_many_values_are_refused_within_a_memory_limit(tmp_path: Path) -> None:
    path = tmp_path / "wide.facts.yaml"
    path.write_text("format: diplograph-facts/1\nnote: [" + "1," * 2_000_000 + "1]\n",
                    encoding="utf-8")
    _assert_refused_under_limit(path, "values in one file")


# ------------------------------------------------------------------ the build goes on


def test_a_bad_file_does_not_stop_the_build(tmp_path: Path) -> None:
    sources = tmp_path / "sources"
    sources.mkdir()
    for name in ("000_68460debbf1317d8", "001_cf5b56e9778579b3"):
        shutil.copy(ROOT / "sources" / f"{name}.txt", sources / f"{name}.txt")
    # the bad file sorts first; the good one after it must still be built
    bad = (ROOT / "sources" / "000_68460debbf1317d8.facts.yaml").read_text(encoding="utf-8")
    bad = bad.replace('date: "1954-11-17"', "date: 2020-02-31", 1)
    assert "2020-02-31" in bad
    (sources / "000_68460debbf1317d8.facts.yaml").write_text(bad, encoding="utf-8")
    shutil.copy(ROOT / "sources" / "001_cf5b56e9778579b3.facts.yaml", sources)
    env = {**os.environ, "DIPLOGRAPH_STORE": str(tmp_path / "store")}
    proc = subprocess.run(
        [sys.executable, "-m", "diplograph", "build", "--no-datasets", "--sources", str(sources)],
        capture_output=True, text=True, env=env, timeout=600)
    assert proc.returncode == 1, proc.stderr[-3000:]
    assert "Traceback" not in proc.stderr
    assert re.search(r"000_68460debbf1317d8\.facts\.yaml:\d+: facts\[\d+\]\.date: no such day",
                     proc.stderr), proc.stderr[-3000:]
    assert re.search(r"facts 001_cf5b56e9778579b3\.facts\.yaml: [\d,]+ triples", proc.stderr)
    assert "1 step(s) failed" in proc.stderr
    tail = proc.stderr.split("step(s) failed", 1)[1]
    assert "000_68460debbf1317d8.facts.yaml" in tail  # the closing summary lists the failure
    store = ox.Store.read_only(str(tmp_path / "store"))
    graphs = {g.value for g in store.named_graphs()}
    assert "https://diplograph.org/graph/source/wikipedia-foreign-relations-of-mongolia" in graphs
    assert "https://diplograph.org/graph/wikidata-view" in graphs
