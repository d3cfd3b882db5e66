"""The catalogue of reference data sets: every data-set module of ``loaders/``, in build order.

Each module gives ``DATASET`` (a :class:`~diplograph.loaders.datasets.DatasetInfo`) and
``quads`` (``loaders/datasets.py`` says what they are); a new data set is one module here and
one line in :data:`DATASETS`.

>>> [d.name for d, _ in all_datasets()][:3]
['cow-igo-v3', 'state-systems', 'cow-majors']
"""

from __future__ import annotations

from types import ModuleType

from ..graph.errors import DiplographError
from . import (
    archigos,
    atop,
    capitals,
    cow_igo,
    cow_wars,
    majors,
    mid,
    places,
    rivalries,
    state_systems,
    ucdp,
)
from .datasets import DatasetInfo, QuadsFn
from .lookup_tables import TABLES, LookupTable

__all__ = ["DATASETS", "all_datasets", "dataset"]

#: the data-set modules, in build order, then the tables the server looks things up in
#: (``loaders/lookup_tables.py``: one data set each)
DATASETS: tuple[ModuleType | LookupTable, ...] = (
    cow_igo,
    state_systems,
    majors,
    capitals,
    places,
    archigos,
    atop,
    cow_wars,
    mid,
    rivalries,
    ucdp,
    *TABLES.values(),
)


def all_datasets() -> list[tuple[DatasetInfo, QuadsFn]]:
    """``[(DATASET, quads), ...]`` of every module in :data:`DATASETS`."""
    return [(m.DATASET, m.quads) for m in DATASETS]


def dataset(name: str) -> tuple[DatasetInfo, QuadsFn]:
    """One data set by name; ``DiplographError("not-found")`` lists the names."""
    found = {d.name: (d, fn) for d, fn in all_datasets()}
    if name not in found:
        raise DiplographError(
            "not-found", f"no data set {name!r}; the data sets are: {', '.join(found)}"
        )
    return found[name]
