"""The embedded, on-disk pyoxigraph store.

The store lives in a directory. It is, in order of precedence, the ``--store DIR`` option,
the ``DIPLOGRAPH_STORE`` environment variable, or ``$XDG_DATA_HOME/diplograph/store``
(``~/.local/share/diplograph/store``).
"""

from __future__ import annotations

import os
from pathlib import Path

import pyoxigraph as ox

from .errors import DiplographError

ENV_STORE = "DIPLOGRAPH_STORE"


def default_store_path() -> Path:
    """The store directory used when no ``--store`` is given."""
    env = os.environ.get(ENV_STORE)
    if env:
        return Path(env)
    data_home = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(data_home) / "diplograph" / "store"


def open_store(path: str | os.PathLike[str] | None = None, *, read_only: bool = False) -> ox.Store:
    """Open (creating if needed) the store at ``path`` (default :func:`default_store_path`).

    A read-only store is a snapshot, and it can be opened beside a writer. Reopen it to see
    later writes.
    """
    p = Path(path) if path is not None else default_store_path()
    try:
        if read_only:
            if not p.exists():
                raise DiplographError("not-found", f"no store at {p}: run `diplograph build` first")
            return ox.Store.read_only(str(p))
        from .checkpoints import check_not_served

        check_not_served(p)
        p.mkdir(parents=True, exist_ok=True)
        return ox.Store(str(p))
    except OSError as e:
        raise DiplographError("storage", f"cannot open the store at {p}: {e}") from e
