"""Run the docstring examples of every module of the diplograph package.

pytest's --doctest-modules cannot import modules by file path here (the folders map onto
``diplograph.*``), so the modules are imported by name and checked with doctest.
"""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import diplograph

PACKAGES = ["diplograph", "diplograph.graph", "diplograph.loaders", "diplograph.ontology",
            "diplograph.linking", "diplograph.linking.readings", "diplograph.server",
            "diplograph.extraction"]


def _modules() -> list[str]:
    names = []
    for pkg_name in PACKAGES:
        pkg = importlib.import_module(pkg_name)
        names.append(pkg_name)
        for info in pkgutil.iter_modules(pkg.__path__):
            if pkg_name == "diplograph" and info.name == "__main__":
                continue
            names.append(f"{pkg_name}.{info.name}")
    return sorted(set(names))


@pytest.mark.parametrize("name", _modules())
def test_docstring_examples(name: str) -> None:
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert result.failed == 0, f"{result.failed} doctest(s) failed in {name}"


def test_there_are_examples() -> None:
    total = 0
    for name in _modules():
        finder = doctest.DocTestFinder()
        total += sum(len(t.examples) for t in finder.find(importlib.import_module(name)))
    assert total >= 30
    assert diplograph.__version__
