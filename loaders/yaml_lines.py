"""YAML parsing that remembers the line of every value, for ``file:line: field`` messages.

Only plain YAML is read: maps, lists and scalars. Anchors and aliases, explicit tags
(``!!int``, ``!!python/...``, ``!local``) and merge keys are refused when the parser meets
them, before anything is built, so an alias bomb costs nothing. Nesting deeper than
:data:`MAX_DEPTH` and more than :data:`MAX_NODES` values are refused too. Plain scalars
become ``None``, booleans, integers and floats as in YAML's core schema; what looks like a
date stays a string (the format checks dates itself, with their precision).

>>> data, lines = load_with_lines("a: 1\\nb:\\n  - x\\n  - {c: 2}\\n", "f.yaml")
>>> data
{'a': 1, 'b': ['x', {'c': 2}]}
>>> lines[("b", 1, "c")], lines[("a",)]
(4, 1)
>>> load_with_lines("d: 2020-02-31", "f.yaml")[0]
{'d': '2020-02-31'}
>>> load_with_lines("a: &x 1\\nb: *x\\n", "f.yaml")  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
diplograph.graph.errors.DiplographError: f.yaml: refused: ...
f.yaml:1: a: anchors and aliases (&name, *name) are not allowed: write the value out
"""

from __future__ import annotations

import re
from typing import Any, Protocol

import yaml

from ..graph.errors import DiplographError

Path_ = tuple[str | int, ...]

#: How deep maps and lists may nest (a facts file needs about 7 levels).
MAX_DEPTH = 32
#: How many values (scalars, maps, lists) one file may hold (the bundled ones hold ~1,500).
MAX_NODES = 200_000
#: The longest number literal read (longer ones are refused, not converted).
MAX_NUMBER_DIGITS = 40

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")
_Y = "tag:yaml.org,2002:"


class _Mark(Protocol):
    """A position in a YAML text (PyYAML's ``Mark``, or libyaml's)."""

    line: int


class _Refused(Exception):
    """A construct the facts format does not allow, at a YAML mark."""

    def __init__(self, mark: _Mark | None, message: str, path: Path_ = ()) -> None:
        super().__init__(message)
        self.mark = mark
        self.message = message
        self.path = path


try:
    from yaml._yaml import CParser as _EventParser  # libyaml's reader, scanner and parser
except ImportError:  # pragma: no cover - PyYAML built without libyaml

    class _EventParser(yaml.reader.Reader, yaml.scanner.Scanner, yaml.parser.Parser):  # type: ignore[no-redef]
        def __init__(self, stream: str) -> None:
            yaml.reader.Reader.__init__(self, stream)
            yaml.scanner.Scanner.__init__(self)
            yaml.parser.Parser.__init__(self)


def _composed(node: yaml.Node | None) -> yaml.Node:
    """A node the composer built (it returns None only at the end of the stream, which
    ``compose_node`` is never called at)."""
    if node is None:
        raise _Refused(None, "the YAML text ended inside a value")
    return node


class _PlainLoader(yaml.composer.Composer, _EventParser, yaml.constructor.SafeConstructor,
                   yaml.resolver.Resolver):
    """A safe loader whose composer refuses anchors, aliases, tags and deep or huge input.

    The checks run on each parser event before it becomes a node, so nothing refused is
    ever built (PyYAML would otherwise share one node per alias, and a walk over the result
    would expand it). Events come from libyaml when PyYAML has it (about ten times faster
    than PyYAML's own parser)."""

    def __init__(self, stream: str) -> None:
        _EventParser.__init__(self, stream)
        yaml.composer.Composer.__init__(self)
        yaml.constructor.SafeConstructor.__init__(self)
        yaml.resolver.Resolver.__init__(self)
        self._depth = 0
        self._nodes = 0
        self.path: list[str | int] = []  # where the node being composed sits

    def compose_node(self, parent: yaml.Node | None, index: Any) -> yaml.Node:  # noqa: D102
        if isinstance(parent, yaml.MappingNode):
            part = str(index.value) if isinstance(index, yaml.ScalarNode) else "(key)"
            self.path.append(part)
        elif parent is not None:
            self.path.append(int(index))
        try:
            return self._compose_checked(parent, index)
        finally:
            if parent is not None:
                self.path.pop()

    def _refused(self, event: yaml.Event | None, message: str) -> _Refused:
        return _Refused(event.start_mark if event is not None else None, message,
                        tuple(self.path))

    def _compose_checked(self, parent: yaml.Node | None, index: Any) -> yaml.Node:
        event = self.peek_event()
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None) is not None:
            raise self._refused(event, "anchors and aliases (&name, *name) are not allowed: "
                                       "write the value out")
        tag = getattr(event, "tag", None)
        if tag is not None and not (isinstance(event, yaml.ScalarEvent) and tag == "!"):
            shown = tag.replace(_Y, "!!")
            raise self._refused(event, f"the YAML tag {shown} is not allowed: write the value "
                                       "plainly (quote it to make it a string)")
        self._nodes += 1
        if self._nodes > MAX_NODES:
            raise self._refused(event, f"more than {MAX_NODES:,} values in one file: split it")
        if isinstance(event, yaml.CollectionStartEvent):
            self._depth += 1
            if self._depth > MAX_DEPTH:
                # named after the field written last before the nesting (not 32 levels of it)
                keys = [i for i, part in enumerate(self.path) if isinstance(part, str)]
                path = tuple(self.path[: min(keys[-1] + 1 if keys else 0, 8)])
                raise _Refused(event.start_mark,
                               f"maps and lists nested more than {MAX_DEPTH} deep", path)
            try:
                return _composed(super().compose_node(parent, index))
            finally:
                self._depth -= 1
        return _composed(super().compose_node(parent, index))


def _refuse(filename: str, line: int, where: str, message: str) -> DiplographError:
    return DiplographError(
        "bad-input",
        f"{filename}: refused: not plain YAML; nothing was loaded",
        [f"{filename}:{line}: {where}: {message}"],
    )


def _where(path: Path_) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "(file)"


def _scalar(loader: _PlainLoader, n: yaml.ScalarNode) -> Any:
    """The value of a scalar node: str, None, bool, int or float (dates stay strings)."""
    value = n.value
    if _SURROGATE.search(value):
        raise ValueError("contains a lone surrogate (an escape such as \\ud800): not text")
    if _CONTROL.search(value):
        c = _CONTROL.search(value)[0]  # type: ignore[index]
        raise ValueError(f"contains the control character U+{ord(c):04X}")
    if n.style or n.tag == "!":  # quoted, block or '!': always a string
        return value
    tag = loader.resolve(yaml.ScalarNode, value, (True, False))
    if tag == _Y + "null":
        return None
    if tag == _Y + "bool":
        return loader.construct_yaml_bool(n)
    if tag in (_Y + "int", _Y + "float"):
        digits = sum(ch.isdigit() for ch in value)
        if digits > MAX_NUMBER_DIGITS:
            raise ValueError(f"a number of {digits} digits (at most {MAX_NUMBER_DIGITS})")
        if tag == _Y + "int":
            return loader.construct_yaml_int(n)
        return loader.construct_yaml_float(n)
    return value  # str, timestamp, and YAML 1.1's merge '<<' and value '=' scalars


def load_with_lines(text: str, filename: str) -> tuple[Any, dict[Path_, int]]:
    """Parse YAML ``text``; return the data and a map from key path to 1-based line.

    Anything but plain YAML (see the module docstring), duplicate keys and YAML syntax
    errors raise ``DiplographError`` naming the file and line. No other exception escapes.
    """
    loader: _PlainLoader | None = None
    try:
        loader = _PlainLoader(text)  # the reader checks every character here
        node = loader.get_single_node()
    except _Refused as e:
        line = e.mark.line + 1 if e.mark is not None else 0
        raise _refuse(filename, line, _where(e.path), e.message) from None
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        problem = getattr(e, "problem", None) or str(e)
        if mark is not None:
            line = mark.line + 1
        elif isinstance(e, yaml.reader.ReaderError):
            line = text.count("\n", 0, e.position) + 1
            char = ord(e.character) if isinstance(e.character, str) else e.character
            problem = (f"the character U+{char:04X} is not allowed in YAML"
                       if isinstance(char, int) else e.reason)
        else:
            line = 0
        raise DiplographError(
            "bad-input",
            f"{filename}: refused: not valid YAML; nothing was loaded",
            [f"{filename}:{line}: YAML syntax: {problem}"],
        ) from None
    except RecursionError:  # pragma: no cover - MAX_DEPTH stops nesting long before
        raise _refuse(filename, 0, "(file)", "nested too deep") from None
    finally:
        if loader is not None:
            loader.dispose()
    lines: dict[Path_, int] = {}
    if node is None:
        return None, lines

    def walk(n: yaml.Node, path: Path_) -> Any:
        lines[path] = n.start_mark.line + 1
        if isinstance(n, yaml.MappingNode):
            out: dict[Any, Any] = {}
            for k, v in n.value:
                kline = k.start_mark.line + 1
                key = _value_of(k, path) if isinstance(k, yaml.ScalarNode) else None
                if not isinstance(key, str | int) or isinstance(key, bool):
                    raise _refuse(filename, kline, _where(path),
                                  "keys must be plain strings")
                key = str(key)
                if key == "<<" and not k.style:
                    raise _refuse(filename, kline, _where((*path, key)),
                                  "merge keys (<<) are not allowed: write the keys out")
                if key in out:
                    raise DiplographError(
                        "bad-input",
                        f"{filename}: refused; nothing was loaded",
                        [f"{filename}:{kline}: {_where((*path, key))}: duplicate key"],
                    )
                out[key] = walk(v, (*path, key))
                lines[(*path, key)] = kline
            return out
        if isinstance(n, yaml.SequenceNode):
            return [walk(v, (*path, i)) for i, v in enumerate(n.value)]
        assert isinstance(n, yaml.ScalarNode)  # a node is a mapping, a sequence or a scalar
        return _value_of(n, path)

    def _value_of(n: yaml.ScalarNode, path: Path_) -> Any:
        try:
            return _scalar(loader, n)
        except (ValueError, OverflowError, yaml.YAMLError) as e:
            raise _refuse(filename, n.start_mark.line + 1, _where(path),
                          str(getattr(e, "problem", None) or e)) from None

    return walk(node, ()), lines

