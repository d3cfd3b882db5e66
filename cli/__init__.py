"""The ``diplograph`` command line: every click command lives in this folder.

``main`` is the group (``cli/main.py``); ``serve``, ``link``, ``extract``, ``evaluate``,
``review``, ``push`` and ``engine-query`` come from the modules beside it, each calling the core.
"""

from .main import main

__all__ = ["main"]
