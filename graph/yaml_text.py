"""YAML text read with libyaml's safe parser when PyYAML has it.

The project's tables (names, glossaries, lexicons, labels, named-query headers) are YAML files
read by every process at start: PyYAML's pure-Python ``safe_load`` costs about 8x the CPU of
its libyaml parser for the same objects (0.40 s against 0.05 s for the linking tables), so every
reader goes through :func:`load`. Both loaders are safe (no arbitrary objects) and raise
:class:`yaml.YAMLError` with the line and column of a fault.

>>> load("a: [1, 2]\\nb: on")
{'a': [1, 2], 'b': True}
"""

from __future__ import annotations

from typing import Any

import yaml

#: libyaml's safe loader where PyYAML was built with it, else the pure-Python one
SAFE_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load(text: str) -> Any:
    """The objects of one YAML document ``text``, read by a safe loader."""
    return yaml.load(text, Loader=SAFE_LOADER)  # noqa: S506 - a safe loader
