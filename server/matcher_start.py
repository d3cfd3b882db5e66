"""Making the linking matcher of a store, as the reconciliation service and search use it.

One function, :func:`build_matcher`, shared by the workers (server/reconcile.py, when they
make it themselves) and by the search index's builder at a start (server/search_index.py),
which makes the matcher of generation 0 once and shares it with the workers.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..graph.registry import Registry
from ..linking.matcher import Matcher
from ..linking.normalise import folded_form
from ..linking.reference import MatcherReference

__all__ = ["build_matcher"]


def build_matcher(store: Any, warn: Callable[..., Any] | None = None
                  ) -> tuple[Matcher, list[tuple[str, str, str]]]:
    """The matcher over the registry and the reference tables the store holds (capitals,
    state lists, place names: never the files of ``data/``), and the folded names of its
    entities, sorted (the suggestions' prefixes: ``(folded, text, iri)``). ``warn`` reports
    missing reference tables."""
    reference = MatcherReference.from_store(store)
    if reference.missing() and warn is not None:
        warn("reconcile: the store has no %s for the name matcher (capitals in brackets, "
             "codes of two state systems, place names are not recognised): build them "
             "with `diplograph build`", ", ".join(reference.missing()))
    m = Matcher(Registry.from_store(store), reference=reference)
    names: list[tuple[str, str, str]] = []
    for e in m.registry.entities:
        texts = {*e.labels.values(), *(a for a, _ in e.aliases), *e.acronyms}
        for text in texts:
            f = folded_form(text)
            if f:
                names.append((f, text, e.iri))
    names.sort()
    return m, names
