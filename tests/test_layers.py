"""The import graph read from the tree: layers that only point down, and no circles.

The repository's root is the package ``diplograph`` and each top-level folder one of its
sub-packages, so every relative import names a file (``from ..graph.store import`` in
``server/app.py`` is ``graph/store.py``). Layers, from the ground up::

    graph ← ontology ← loaders ← linking ← extraction ← server ← cli

A module may import its own folder and any folder below; never one above. Imports inside
functions count as much as those at the top: a lazy import is still an arrow. ``importlib``
registration, which hides arrows from every tool that reads the tree, is not used.
"""

from __future__ import annotations

import ast
import functools
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

#: the floors, ground first; the root package (``__version__``) and the data-only packages
#: (queries/, sources/, data/) are below them all
LAYERS = ("graph", "ontology", "loaders", "linking", "extraction", "server", "cli")
GROUND = ("", "queries", "sources", "data")


def _modules() -> dict[str, Path]:
    """Dotted module name (``graph.store``; ``""`` is the root) → file, for the package's code."""
    out = {"": ROOT / "__init__.py", "__main__": ROOT / "__main__.py"}
    for folder in LAYERS + GROUND[1:]:
        for path in sorted((ROOT / folder).rglob("*.py")):
            parts = list(path.relative_to(ROOT).with_suffix("").parts)
            if parts[-1] == "__init__":
                parts = parts[:-1]
            out[".".join(parts)] = path
    return out


def _package_of(name: str, path: Path) -> list[str]:
    parts = name.split(".") if name else []
    return parts if path.name == "__init__.py" else parts[:-1]


def _imports(name: str, path: Path, nodes: list[ast.Import | ast.ImportFrom],
             modules: dict[str, Path]) -> list[tuple[str, int]]:
    """The package modules that ``name`` (the file ``path``; ``nodes``: its import
    statements, at any depth) imports, with line numbers."""
    found = []
    for node in nodes:
        if isinstance(node, ast.ImportFrom):
            if node.level:
                package = _package_of(name, path)
                assert node.level - 1 <= len(package), f"{path}:{node.lineno} leaves the package"
                base = package[: len(package) - (node.level - 1)]
            elif (node.module or "").split(".")[0] == "diplograph":
                base = []
            else:
                continue
            mod = [p for p in (node.module or "").split(".") if p]
            if not node.level:
                mod = mod[1:]
            target = ".".join(base + mod)
            for alias in node.names:  # `from . import void` imports the module graph.void
                sub = f"{target}.{alias.name}" if target else alias.name
                found.append((sub if sub in modules else target, node.lineno))
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.split(".")[0] == "diplograph":
                    found.append((".".join(alias.name.split(".")[1:]), node.lineno))
    return [(t, line) for t, line in found if t in modules]


def _floor(module: str) -> int:
    top = module.split(".")[0]
    return -1 if top in GROUND or top == "__main__" else LAYERS.index(top)


def _walk(path: Path, tree: ast.Module) -> tuple[list[ast.Import | ast.ImportFrom], list[str]]:
    """The import statements of the file ``path`` (parsed: ``tree``), at any depth, and where
    it uses ``importlib`` registration: both from one walk of its tree (a walk for each cost
    about 0.25 s of CPU more for the package: docs/testing.md, "Session 18")."""
    imports: list[ast.Import | ast.ImportFrom] = []
    hidden: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import | ast.ImportFrom):
            imports.append(node)
        elif (isinstance(node, ast.Attribute) and node.attr == "import_module"
              or isinstance(node, ast.Name) and node.id == "__import__"):
            hidden.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    return imports, hidden


@functools.cache
def _read() -> tuple[dict[str, list[tuple[str, int]]], list[str]]:
    """Every module parsed once for the file: its imports (``_graph``) and its ``importlib``
    registrations (each test parsed the whole package again, four times a run; the results
    are kept, not the trees, which the garbage collector would walk again and again:
    docs/testing.md, "Session 15")."""
    modules = _modules()
    graph: dict[str, list[tuple[str, int]]] = {}
    hidden: list[str] = []
    for name, path in modules.items():
        imports, where = _walk(path, ast.parse(path.read_text(encoding="utf-8")))
        graph[name] = _imports(name, path, imports, modules)
        hidden += where
    return graph, hidden


def _graph() -> dict[str, list[tuple[str, int]]]:
    return _read()[0]


def test_no_import_runs_up_a_layer():
    upward = [
        f"{name.replace('.', '/')}.py:{line} imports {target} ({target.split('.')[0]} is above "
        f"{name.split('.')[0]})"
        for name, targets in _graph().items() if name != "__main__"
        for target, line in targets
        if _floor(target) > _floor(name)
    ]
    assert not upward, "\n".join(upward)


def test_no_import_circles():
    graph = {name: sorted({t for t, _ in targets}) for name, targets in _graph().items()}
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    circles: list[list[str]] = []

    def visit(v: str) -> None:  # Tarjan's strongly connected components
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in graph.get(v, []):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                circles.append(sorted(component))

    for v in graph:
        if v not in index:
            visit(v)
    assert not circles, "import circles: " + "; ".join(" ↔ ".join(c) for c in circles)


def test_no_importlib_registration():
    hidden = _read()[1]
    assert not hidden, "imports hidden from the tree at " + ", ".join(hidden)


def test_the_tree_is_the_package():
    """Every relative import resolves to a file of the tree (checked while reading them)."""
    import diplograph

    assert Path(diplograph.__file__).resolve() == ROOT / "__init__.py"
    assert diplograph.__version__
    graph = _graph()
    assert "graph.executor" in {t for t, _ in graph["server.app"]}
    assert {t.split(".")[0] for t, _ in graph["cli.main"]} >= {"graph", "loaders"}
