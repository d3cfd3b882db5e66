"""The YAML reader of the project's tables (`graph/yaml_text.py`): a key written twice in one
mapping is refused with both lines, and no table the project ships (nor a gold file of the
extraction corpus, read by the same reader) has one."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from diplograph.graph import yaml_text

ROOT = Path(__file__).resolve().parents[2]
#: folders whose YAML files are tables the code reads (tests' own bad-input fixtures are not)
TABLE_DIRS = ("linking", "extraction", "server", "queries", "ontology", "data", "sources",
              "graph", "loaders", "tests/extraction/corpus")


def test_a_key_written_twice_is_refused_with_both_lines() -> None:
    text = "glossary:\n  day bien: [seabed, sea bed]\n  lua mi: [wheat]\n  day bien: [seabed]\n"
    with pytest.raises(yaml.YAMLError) as err:
        yaml_text.load(text)
    message = str(err.value)
    assert "'day bien' a second time (first on line 2)" in message
    assert "line 4, column 3" in message


def test_a_key_twice_in_a_flow_mapping_is_refused() -> None:
    with pytest.raises(yaml.YAMLError, match="'c' a second time"):
        yaml_text.load("b: {c: 1, c: 2}")


def test_the_same_key_in_two_mappings_and_merge_keys_are_fine() -> None:
    assert yaml_text.load("a: {k: 1}\nb: {k: 2}") == {"a": {"k": 1}, "b": {"k": 2}}
    merged = yaml_text.load("x: &base {p: 1}\ny:\n  <<: *base\n  q: 2\n")
    assert merged["y"] == {"p": 1, "q": 2}


def test_the_names_file_reader_names_the_file_and_the_line(tmp_path: Path, monkeypatch) -> None:
    from diplograph.graph.errors import DiplographError
    from diplograph.linking import names

    (tmp_path / "twice.yaml").write_text("a: [x]\nb: [y]\na: [z]\n", encoding="utf-8")
    monkeypatch.setattr(names, "NAMES_DIR", tmp_path)
    names.read_yaml.cache_clear()
    try:
        with pytest.raises(DiplographError) as err:
            names.read_yaml("twice.yaml")
    finally:
        names.read_yaml.cache_clear()
    assert "twice.yaml" in str(err.value) and "line 3" in str(err.value)


def test_no_table_of_the_project_writes_a_key_twice() -> None:
    files = sorted(p for d in TABLE_DIRS for p in (ROOT / d).rglob("*.yaml"))
    assert len([p for p in files if "corpus" not in p.parts]) >= 15  # the tables
    assert len([p for p in files if p.name.endswith(".gold.facts.yaml")]) > 200  # the gold
    for path in files:
        yaml_text.load(path.read_text(encoding="utf-8"))  # raises on a key written twice
