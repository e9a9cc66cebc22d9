"""The import graph of reader/: the core stands alone, storage sits on the core only, no cycles.

Every module is parsed with `ast` (nothing is imported), so imports inside functions and
under TYPE_CHECKING count as much as those at the top.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator, Mapping
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "reader"


def module_name(path: Path, root: Path = PACKAGE) -> str:
    """The dotted name of a module file of the package at `root`."""
    parts = path.relative_to(root.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported_names(tree: ast.Module, module: str, is_package: bool) -> Iterator[str]:
    """Every module name an `import` or `from ... import` anywhere in `tree` refers to."""
    package = module if is_package else module.rpartition(".")[0]
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - node.level + 1]
                source = ".".join([*base, node.module] if node.module else base)
            else:
                source = node.module or ""
            yield source
            # "from reader.core import notes" imports the module reader.core.notes.
            yield from (f"{source}.{alias.name}" for alias in node.names)


def import_graph(root: Path = PACKAGE) -> dict[str, set[str]]:
    """For each module of the package at `root`, the names of everything it imports."""
    graph: dict[str, set[str]] = {}
    for path in sorted(root.rglob("*.py")):
        name = module_name(path, root)
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        graph[name] = set(imported_names(tree, name, path.name == "__init__.py"))
    return graph


def internal_edges(graph: Mapping[str, set[str]]) -> dict[str, set[str]]:
    """The graph restricted to modules of the package (imports of names resolved to modules)."""
    return {
        module: {target for target in imports if target in graph and target != module}
        for module, imports in graph.items()
    }


def within(name: str, package: str) -> bool:
    """Whether module `name` is `package` or lies inside it."""
    return name == package or name.startswith(package + ".")


def violations(graph: Mapping[str, set[str]], layer: str, forbidden: tuple[str, ...]) -> list[str]:
    """ "a imports b" for each import of a module in `layer` from a `forbidden` package."""
    return sorted(
        f"{module} imports {target}"
        for module, imports in graph.items()
        if within(module, layer)
        for target in imports
        if any(within(target, bad) for bad in forbidden)
    )


def cycles(edges: Mapping[str, set[str]], modules: set[str]) -> list[list[str]]:
    """The strongly connected groups of more than one module among `modules` (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    counter = [0]

    def visit(node: str) -> None:
        index[node] = low[node] = counter[0]
        counter[0] += 1
        stack.append(node)
        on_stack.add(node)
        for target in sorted(edges.get(node, set()) & modules):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group: list[str] = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for module in sorted(modules):
        if module not in index:
            visit(module)
    return found


@pytest.fixture(scope="module")
def graph() -> dict[str, set[str]]:
    return import_graph()


def test_the_core_imports_no_storage_ui_commands_or_qt(graph: dict[str, set[str]]) -> None:
    forbidden = (
        "reader.storage",
        "reader.ui",
        "reader.cli",
        "reader.commands_exchange",
        "reader.commands_recover",
        "reader.commands_search",
        "reader.checks",
        "PySide6",
    )
    assert violations(graph, "reader.core", forbidden) == []


def test_storage_imports_only_the_core_and_the_standard_library(
    graph: dict[str, set[str]],
) -> None:
    outside = [
        f"{module} imports {target}"
        for module, imports in graph.items()
        if within(module, "reader.storage")
        for target in sorted(imports)
        if within(target, "reader")
        and not within(target, "reader.core")
        and not within(target, "reader.storage")
    ]
    third_party = [
        f"{module} imports {target}"
        for module, imports in graph.items()
        if within(module, "reader.storage")
        for target in sorted(imports)
        if not within(target, "reader") and target.partition(".")[0] not in _stdlib()
    ]
    assert outside == []
    assert third_party == []


def _stdlib() -> frozenset[str]:
    import sys

    return frozenset(sys.stdlib_module_names) | {"__future__"}


def test_no_cycles_among_core_and_storage(graph: dict[str, set[str]]) -> None:
    modules = {m for m in graph if within(m, "reader.core") or within(m, "reader.storage")}
    # A package's __init__ is imported by its modules' own import statements; it is not
    # a cycle for a package to re-export its modules.
    modules -= {"reader.core", "reader.storage"}
    assert cycles(internal_edges(graph), modules) == []


def test_no_cycles_in_the_ui(graph: dict[str, set[str]]) -> None:
    # Split-out pieces take a Protocol or a few callables, not the module they came from:
    # imports under TYPE_CHECKING count too, as they tie the modules just the same.
    modules = {m for m in graph if within(m, "reader.ui")} - {"reader.ui"}
    assert cycles(internal_edges(graph), modules) == []


def test_the_graph_sees_imports_inside_functions_and_type_checking(tmp_path: Path) -> None:
    package = tmp_path / "reader"
    (package / "core").mkdir(parents=True)
    (package / "__init__.py").write_text("")
    (package / "core" / "__init__.py").write_text("")
    (package / "core" / "a.py").write_text(
        "from typing import TYPE_CHECKING\n"
        "if TYPE_CHECKING:\n    from reader.storage import db\n"
        "def f():\n    from . import b\n    import PySide6.QtCore\n"
    )
    (package / "core" / "b.py").write_text("from reader.core.a import f\n")
    found = import_graph(package)
    assert violations(found, "reader.core", ("reader.storage", "PySide6")) == [
        "reader.core.a imports PySide6.QtCore",
        "reader.core.a imports reader.storage",
        "reader.core.a imports reader.storage.db",
    ]
    edges = internal_edges(found)
    assert cycles(edges, {"reader.core.a", "reader.core.b"}) == [["reader.core.a", "reader.core.b"]]
