"""Run one SPARQL Update in a process of its own, so that a time limit can stop it.

pyoxigraph cannot cancel an update, and an update holds the store's write lock: the service
(:meth:`~diplograph.graph.executor.QueryService.update`) starts this module as a child
process, under the write lock, and kills it with SIGKILL when it overruns. pyoxigraph applies
an update in one transaction, so a killed update changes nothing.

Protocol: the parent writes one JSON object ``{"sparql": ..., "base_iri": ...}`` to stdin and
closes it; the child opens the live store read-write, applies the update, flushes, closes
the store and prints one JSON line: ``{"applied": true}``, or ``{"applied": bool, "error":
kind, "message": ...}``. ``applied`` says whether the change is in the store.
"""

from __future__ import annotations

import json
import sys
from typing import Any

import pyoxigraph as ox

from .sparql_errors import syntax_error


def apply(store_path: str, req: dict[str, Any]) -> dict[str, Any]:
    """Apply ``req`` to the store at ``store_path``; the outcome as sent to the parent."""
    try:
        store = ox.Store(store_path)
    except OSError as e:
        return {"applied": False, "error": "storage", "message": f"cannot open the store: {e}"}
    try:
        store.update(req["sparql"], base_iri=req.get("base_iri"))
    except SyntaxError as e:
        err = syntax_error(e, req["sparql"], prefixes={}, what="SPARQL Update")
        return {"applied": False, "error": "syntax", "message": str(err)}
    except OSError as e:
        return {"applied": False, "error": "storage", "message": f"the update failed: {e}"}
    except (ValueError, RuntimeError, TypeError) as e:
        return {"applied": False, "error": "bad-input", "message": f"the update failed: {e}"}
    try:
        store.flush()
    except OSError as e:
        return {"applied": True, "error": "storage",
                "message": f"the change was committed, but flushing the store failed: {e}"}
    return {"applied": True}


def main() -> int:
    req = json.loads(sys.stdin.buffer.read())
    outcome = apply(sys.argv[1], req)
    sys.stdout.write(json.dumps(outcome) + "\n")
    sys.stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
