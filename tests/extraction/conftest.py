"""Fixtures of the extraction tests."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from diplograph.loaders.registry import load_registry

sys.path.insert(0, str(Path(__file__).resolve().parent))  # fact_checks


@pytest.fixture(scope="module")
def registry():
    """The bundled registry, the gazetteer extraction resolves names with."""
    return load_registry()
