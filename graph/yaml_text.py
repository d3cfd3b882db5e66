"""YAML text read with libyaml's safe parser when PyYAML has it.

The project's tables (names, glossaries, lexicons, labels, named-query headers) are YAML files
read by every process at start: PyYAML's pure-Python ``safe_load`` costs about 8x the CPU of
its libyaml parser for the same objects (0.40 s against 0.05 s for the linking tables), so every
reader goes through :func:`load`. Both loaders are safe (no arbitrary objects) and raise
:class:`yaml.YAMLError` with the line and column of a fault.

A key written twice in one mapping is such a fault. YAML forbids it, and PyYAML would keep the
last value without a word: a curator who adds a row under a key that is already there (a
glossary entry, an alias) would lose the first one unseen.

>>> load("a: [1, 2]\\nb: on")
{'a': [1, 2], 'b': True}
>>> load("a: 1\\nb: 2\\na: 3")
Traceback (most recent call last):
...
yaml.constructor.ConstructorError: while constructing a mapping
  in "<unicode string>", line 1, column 1
found the key 'a' a second time (first on line 1)
  in "<unicode string>", line 3, column 1
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from .errors import DiplographError

#: libyaml's safe parser where PyYAML was built with it, else the pure-Python one
_BASE: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

_MERGE = "tag:yaml.org,2002:merge"


class SAFE_LOADER(_BASE):  # noqa: N801 - the name callers already use
    """The safe loader that refuses a key written twice in one mapping."""

    def construct_mapping(self, node: Any, deep: bool = False) -> Any:
        if isinstance(node, yaml.MappingNode):
            first: dict[tuple[str, str], int] = {}
            for key, _ in node.value:
                if not isinstance(key, yaml.ScalarNode) or key.tag == _MERGE:
                    continue
                line = first.get((key.tag, key.value))
                if line is None:
                    first[(key.tag, key.value)] = key.start_mark.line
                else:
                    raise yaml.constructor.ConstructorError(
                        "while constructing a mapping", node.start_mark,
                        f"found the key {key.value!r} a second time (first on line {line + 1})",
                        key.start_mark)
        return super().construct_mapping(node, deep)


def load(text: str) -> Any:
    """The objects of one YAML document ``text``, read by a safe loader."""
    return yaml.load(text, Loader=SAFE_LOADER)  # noqa: S506 - a safe loader


def load_mapping(path: Path) -> dict[str, Any]:
    """The mapping of sections of the YAML file ``path`` (a data table of the project); a file
    that is not YAML, or whose document is not a mapping, is refused with its path and the
    parser's line and column (``DiplographError("bad-input")``).

    >>> import tempfile
    >>> p = Path(tempfile.mkdtemp()) / "t.yaml"
    >>> _ = p.write_text("- a list", encoding="utf-8")
    >>> try:
    ...     load_mapping(p)
    ... except DiplographError as e:
    ...     print(e.kind, e.message.split(": ", 1)[1])
    bad-input a mapping of sections is needed
    """
    try:
        data = load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as e:
        raise DiplographError("bad-input", f"{path}: not YAML: {e}") from e
    if not isinstance(data, dict):
        raise DiplographError("bad-input", f"{path}: a mapping of sections is needed")
    return data
