"""diplograph: a knowledge graph of international relations.

The import package ``diplograph`` maps to the repository's top-level folders:
``diplograph`` (this file, the CLI) → ``cli/``, ``diplograph.graph`` → ``graph/``,
``diplograph.loaders`` → ``loaders/``, ``diplograph.server`` → ``server/``,
``diplograph.ontology`` → ``ontology/``, ``diplograph.queries`` → ``queries/``,
``diplograph.linking`` → ``linking/``, ``diplograph.sources`` → ``sources/`` and
``diplograph.data`` → ``data/``.
"""

__version__ = "0.1.0"
