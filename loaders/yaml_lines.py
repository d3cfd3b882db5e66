"""YAML parsing that remembers the line of every value, for ``file:line: field`` messages.

>>> data, lines = load_with_lines("a: 1\\nb:\\n  - x\\n  - {c: 2}\\n", "f.yaml")
>>> data
{'a': 1, 'b': ['x', {'c': 2}]}
>>> lines[("b", 1, "c")], lines[("a",)]
(4, 1)
"""

from __future__ import annotations

from typing import Any

import yaml

from ..graph.errors import DiplographError

Path_ = tuple[str | int, ...]


def load_with_lines(text: str, filename: str) -> tuple[Any, dict[Path_, int]]:
    """Parse YAML ``text``; return the data and a map from key path to 1-based line.

    Duplicate keys, anchors/aliases and YAML syntax errors raise ``DiplographError``
    naming the file and line.
    """
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        line = mark.line + 1 if mark is not None else 0
        problem = getattr(e, "problem", None) or str(e)
        raise DiplographError(
            "bad-input",
            f"{filename}: refused: not valid YAML; nothing was loaded",
            [f"{filename}:{line}: YAML syntax: {problem}"],
        ) from e
    lines: dict[Path_, int] = {}
    if node is None:
        return None, lines
    constructor = yaml.SafeLoader("")

    def walk(n: yaml.Node, path: Path_) -> Any:
        lines[path] = n.start_mark.line + 1
        if isinstance(n, yaml.MappingNode):
            out: dict[Any, Any] = {}
            for k, v in n.value:
                key = constructor.construct_object(k) if isinstance(k, yaml.ScalarNode) else None
                if not isinstance(key, str | int):
                    raise DiplographError(
                        "bad-input",
                        f"{filename}: refused; nothing was loaded",
                        [f"{filename}:{k.start_mark.line + 1}: keys must be plain strings"],
                    )
                key = str(key)
                if key in out:
                    raise DiplographError(
                        "bad-input",
                        f"{filename}: refused; nothing was loaded",
                        [f"{filename}:{k.start_mark.line + 1}: {key}: duplicate key"],
                    )
                out[key] = walk(v, (*path, key))
                lines[(*path, key)] = k.start_mark.line + 1
            return out
        if isinstance(n, yaml.SequenceNode):
            return [walk(v, (*path, i)) for i, v in enumerate(n.value)]
        return constructor.construct_object(n)

    return walk(node, ()), lines
