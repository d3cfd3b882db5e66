"""Fixtures of the extraction tests."""

from __future__ import annotations

import pytest

from diplograph.loaders.registry import load_registry


@pytest.fixture(scope="module")
def registry():
    """The bundled registry, the gazetteer extraction resolves names with."""
    return load_registry()
