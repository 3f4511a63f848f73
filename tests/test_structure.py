"""The package's shape: MkDocs stays in the adapter, and no module imports itself round a loop."""

from __future__ import annotations

import ast
from pathlib import Path

import kitfolio

PACKAGE = Path(kitfolio.__file__).parent
ENGINE = {"mkdocs", "material", "properdocs"}


def imports() -> dict[str, set[str]]:
    """Each module of the package and the modules it imports (absolute names)."""
    found: dict[str, set[str]] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        named: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                named |= {alias.name for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.module:
                named.add(node.module)
                named |= {f"{node.module}.{alias.name}" for alias in node.names}
        found[name] = named
    return found


def test_only_the_adapter_imports_the_engine() -> None:
    outside = {
        module: sorted(n for n in named if n.split(".")[0] in ENGINE)
        for module, named in imports().items()
        if not module.startswith("kitfolio.adapter")
    }
    assert {m: n for m, n in outside.items() if n} == {}


def test_no_import_cycles() -> None:
    found = imports()
    graph = {m: {n for n in named if n in found and n != m} for m, named in found.items()}
    # A package's __init__ is imported with each of its modules; it is not an edge back.
    graph = {m: {n for n in targets if not m.startswith(n + ".")} for m, targets in graph.items()}
    cycles: list[list[str]] = []
    state: dict[str, int] = {}

    def visit(module: str, path: list[str]) -> None:
        state[module] = 1
        for target in sorted(graph[module]):
            if state.get(target) == 1:
                cycles.append([*path[path.index(target) :], target])
            elif target not in state:
                visit(target, [*path, target])
        state[module] = 2

    for module in sorted(graph):
        if module not in state:
            visit(module, [module])
    assert cycles == []
