"""diplograph: a knowledge graph of international relations.

The repository's root is the import package ``diplograph``; its folders are its sub-packages, so
a relative import names a file of the tree (``from ..graph.store import`` in ``server/app.py`` is
``graph/store.py``). Layers, from the ground up (a lower one never imports a higher one)::

    graph ← ontology ← loaders ← linking ← extraction ← server, cli

``tests/test_layers.py`` checks them.
"""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("diplograph")
except PackageNotFoundError:  # the tree itself, not installed
    __version__ = "0.0.0+unknown"
