"""Fixtures of the extraction tests."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from diplograph.loaders.registry import load_registry

sys.path.insert(0, str(Path(__file__).resolve().parent))  # fact_checks


@pytest.fixture(autouse=True)
def rules_alone(request, monkeypatch):
    """The rules' tests read the rules alone: the learned verifier (session 20), which may
    drop a candidate below its threshold and rescores every confidence, is turned off
    (``DIPLOGRAPH_VERIFIER=off``) but in ``test_learned.py``, which tests it."""
    if request.module.__name__.rsplit(".", 1)[-1] != "test_learned":
        monkeypatch.setenv("DIPLOGRAPH_VERIFIER", "off")


@pytest.fixture(scope="module")
def registry():
    """The bundled registry, the gazetteer extraction resolves names with."""
    return load_registry()
