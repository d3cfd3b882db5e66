"""The facts loader refuses bad input with file:line: field messages and changes nothing."""

from __future__ import annotations

import shutil
from pathlib import Path

import pyoxigraph as ox
import pytest

from diplograph.graph.errors import DiplographError
from diplograph.graph.namespaces import GRAPH
from diplograph.loaders.facts import load_facts_file, parse_facts_file

from ..conftest import SOURCES

VI = "000_68460debbf1317d8"


def _workdir(tmp_path: Path) -> Path:
    """A copy of the Vietnamese document and its facts file, to break on purpose."""
    shutil.copy(SOURCES / f"{VI}.txt", tmp_path / f"{VI}.txt")
    shutil.copy(SOURCES / f"{VI}.facts.yaml", tmp_path / f"{VI}.facts.yaml")
    return tmp_path / f"{VI}.facts.yaml"


GOOD = """format: diplograph-facts/1
document:
  id: mini
  file: mini.txt
  title: Mini
  language: en
  as_of: "2023"
facts:
  - id: rel
    type: relation
    quote: "relations since 17 November 1954"
    parties: [Mongolia, Vietnam]
    status: established
    date: "1954-11-17"
  - id: un
    type: membership
    quote: "joined the UN in 1961"
    member: Mongolia
    organization: UN
    start: "1961"
"""
TEXT = "Mongolia and Vietnam have had relations since 17 November 1954. Mongolia joined the UN in 1961."


def _mini(tmp_path: Path, yaml_text: str = GOOD) -> Path:
    (tmp_path / "mini.txt").write_text(TEXT, encoding="utf-8")
    p = tmp_path / "mini.facts.yaml"
    p.write_text(yaml_text, encoding="utf-8")
    return p


def _refused(path: Path) -> DiplographError:
    with pytest.raises(DiplographError) as info:
        parse_facts_file(path)
    assert info.value.kind == "bad-input"
    assert "nothing was loaded" in info.value.message
    return info.value


def test_good_file_loads_with_offsets(tmp_path: Path) -> None:
    store = ox.Store(str(tmp_path / "s"))
    report = load_facts_file(store, _mini(tmp_path))
    assert report.facts == 2 and not report.replaced
    rows = list(
        store.query(
            "PREFIX dg: <https://diplograph.org/ontology#> SELECT ?s ?e ?q WHERE "
            "{ ?f dg:factId 'un' ; dg:quoteStart ?s ; dg:quoteEnd ?e ; dg:quote ?q }",
            use_default_graph_as_union=True,
        )
    )
    start, end = int(rows[0]["s"].value), int(rows[0]["e"].value)
    assert TEXT[start:end] == rows[0]["q"].value == "joined the UN in 1961"


@pytest.mark.parametrize(
    ("old", "new", "line", "field", "why"),
    [
        ('date: "1954-11-17"', 'date: "1954-13-17"', 14, "facts[0].date", "not a date"),
        (
            "organization: UN",
            "organization: United Natoins Org",
            19,
            "facts[1].organization",
            "unknown name",
        ),
        (
            'quote: "joined the UN in 1961"',
            'quote: "joined the UN in 1962"',
            17,
            "facts[1].quote",
            "not found in the document",
        ),
        (
            "parties: [Mongolia, Vietnam]",
            "parties: Mongolia",
            12,
            "facts[0].parties",
            "must be a non-empty list",
        ),
        (
            "status: established",
            "status: befriended",
            13,
            "facts[0].status",
            "unknown relation-status code",
        ),
        (
            '    start: "1961"',
            '    start: "1961"\n    colour: blue',
            21,
            "facts[1].colour",
            "unknown key",
        ),
    ],
)
def test_bad_field_is_named_with_its_line(
    tmp_path: Path, old: str, new: str, line: int, field: str, why: str
) -> None:
    assert old in GOOD
    err = _refused(_mini(tmp_path, GOOD.replace(old, new)))
    expected = f"mini.facts.yaml:{line}: {field}: "
    assert any(expected in d and why in d for d in err.details), err.details


def test_unknown_name_lists_closest_matches(tmp_path: Path) -> None:
    err = _refused(_mini(tmp_path, GOOD.replace("member: Mongolia", "member: Mongolai")))
    assert any("Mongolia" in d and "closest" in d for d in err.details), err.details


def test_broken_yaml_names_the_line(tmp_path: Path) -> None:
    err = _refused(_mini(tmp_path, GOOD.replace("  - id: un", "  - id: [un")))
    assert any(
        ":15: YAML syntax" in d or ":16: YAML syntax" in d or "YAML syntax" in d
        for d in err.details
    ), err.details
    assert any(d.startswith(str(tmp_path / "mini.facts.yaml")) for d in err.details)


def test_duplicate_id_and_repeated_quote(tmp_path: Path) -> None:
    bad = GOOD.replace("  - id: un", "  - id: rel").replace(
        'quote: "joined the UN in 1961"', 'quote: "Mongolia"'
    )
    err = _refused(_mini(tmp_path, bad))
    text = "\n".join(err.details)
    assert "duplicate fact id 'rel'" in text
    assert "occurs 2 times" in text


def test_failing_file_leaves_store_exactly_as_it_was(tmp_path: Path) -> None:
    store = ox.Store(str(tmp_path / "s"))
    load_facts_file(store, _mini(tmp_path))
    before = sorted(str(q) for q in store)
    bad = _mini(tmp_path, GOOD.replace('"1961"', '"1961-02-30"'))
    with pytest.raises(DiplographError):
        load_facts_file(store, bad)
    assert sorted(str(q) for q in store) == before


def test_reload_replaces_the_graph_with_stable_iris(tmp_path: Path) -> None:
    store = ox.Store(str(tmp_path / "s"))
    path = _mini(tmp_path)
    load_facts_file(store, path)
    first = {
        q.subject.value
        for q in store.quads_for_pattern(None, None, None, ox.NamedNode(GRAPH("source/mini")))
    }
    path.write_text(GOOD.replace('start: "1961"', 'start: "1961-10"'), encoding="utf-8")
    report = load_facts_file(store, path)
    assert report.replaced
    second = {
        q.subject.value
        for q in store.quads_for_pattern(None, None, None, ox.NamedNode(GRAPH("source/mini")))
    }
    assert first == second
    years = [
        q.object.value
        for q in store.quads_for_pattern(
            None, ox.NamedNode("https://diplograph.org/ontology#startDate"), None
        )
    ]
    assert years == ["1961-10"]


def test_bundled_facts_files_are_valid() -> None:
    for path in sorted(SOURCES.glob("*.facts.yaml")):
        doc = parse_facts_file(path)
        assert doc.facts
        for f in doc.facts:
            assert doc.text[f.start : f.end] == f.quote
