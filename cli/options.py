"""Options shared by the commands of every package (``diplograph``, ``serve``, ``link``)."""

from __future__ import annotations

from pathlib import Path

import click

from ..graph.store import ENV_STORE, default_store_path

#: ``--store DIR`` (or ``DIPLOGRAPH_STORE``), passed as ``store_path`` (None: the default)
store_option = click.option(
    "--store",
    "store_path",
    type=click.Path(file_okay=False, path_type=Path),
    envvar=ENV_STORE,
    default=None,
    help=f"Store directory [env {ENV_STORE}; default {default_store_path()}].",
)
