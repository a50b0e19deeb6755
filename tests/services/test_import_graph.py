"""The module graph of `mentorship`, `matching` and `worker`, read from the source, has no cycle
and no edge from the web to the worker.

Every import counts, including those inside functions: a lazy import still ties two modules
together (that is how a 48-module cycle once hid). Only `if TYPE_CHECKING:` blocks are left out:
they never run, they only name types for annotations. The graph is computed from the files on
disk, never from a list of them, and the checker is itself tested on a planted cycle.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("mentorship", "matching", "worker")


def module_name(root: Path, path: Path) -> str:
    parts = list(path.relative_to(root).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def source_files(root: Path, packages: tuple[str, ...]) -> dict[str, Path]:
    return {
        module_name(root, path): path
        for package in packages
        for path in sorted((root / package).rglob("*.py"))
    }


def imports_of(name: str, path: Path, known: set[str]) -> set[str]:
    """The modules of the tree that this file imports, anywhere in it; relative imports resolved."""
    is_package = path.name == "__init__.py"
    package = name if is_package else name.rpartition(".")[0]
    found: set[str] = set()
    for node in _runtime_nodes(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")
                anchor = anchor[: len(anchor) - (node.level - 1)]
                base = ".".join(part for part in (*anchor, base) if part)
            # `from a import b` imports module a.b when there is one, else a name of a.
            targets = [
                f"{base}.{alias.name}" if f"{base}.{alias.name}" in known else base
                for alias in node.names
            ]
        else:
            continue
        found.update(target for target in targets if target in known and target != name)
    return found


def _runtime_nodes(tree: ast.AST):
    """Every node, except the bodies of `if TYPE_CHECKING:` (or `typing.TYPE_CHECKING`)."""
    pending = [tree]
    while pending:
        node = pending.pop()
        yield node
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.If) and _is_type_checking(child.test):
                pending.extend(child.orelse)
            else:
                pending.append(child)


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def import_graph(root: Path, packages: tuple[str, ...] = PACKAGES) -> dict[str, set[str]]:
    files = source_files(root, packages)
    known = set(files)
    return {name: imports_of(name, path, known) for name, path in files.items()}


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One cycle as a path that ends where it starts, or None (iterative depth-first search)."""
    state: dict[str, int] = {}  # 1 = on the current path, 2 = finished
    for start in sorted(graph):
        if state.get(start):
            continue
        path, stack = [start], [iter(sorted(graph[start]))]
        state[start] = 1
        while stack:
            following = next(stack[-1], None)
            if following is None:
                state[path.pop()] = 2
                stack.pop()
            elif state.get(following) == 1:
                return path[path.index(following) :] + [following]
            elif not state.get(following):
                state[following] = 1
                path.append(following)
                stack.append(iter(sorted(graph.get(following, ()))))
    return None


def test_the_tree_has_no_import_cycle():
    graph = import_graph(ROOT)
    assert len(graph) > 100  # the whole tree was read, not a sample
    cycle = find_cycle(graph)
    assert cycle is None, "import cycle: " + " -> ".join(cycle)


def test_the_web_never_imports_the_worker():
    graph = import_graph(ROOT)
    offenders = {
        name: sorted(target for target in targets if target.split(".")[0] == "worker")
        for name, targets in graph.items()
        if name.split(".")[0] == "mentorship"
    }
    assert {name: found for name, found in offenders.items() if found} == {}


def test_the_matching_library_imports_only_itself():
    graph = import_graph(ROOT)
    assert {
        name: sorted(targets)
        for name, targets in graph.items()
        if name.split(".")[0] == "matching"
        and any(target.split(".")[0] != "matching" for target in targets)
    } == {}


def plant(root: Path, files: dict[str, str]) -> Path:
    for relative, text in files.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    return root


def test_the_checker_finds_a_cycle_hidden_in_a_function(tmp_path):
    root = plant(
        tmp_path,
        {
            "mentorship/__init__.py": "",
            "mentorship/infrastructure/__init__.py": "",
            "mentorship/infrastructure/background.py": (
                "def enqueue():\n    from worker.celery_app import celery_app\n"
            ),
            "matching/__init__.py": "",
            "worker/__init__.py": "",
            "worker/celery_app.py": "from celery import Celery\n",
            "mentorship/app.py": "from .infrastructure import background\n",
        },
    )
    assert find_cycle(import_graph(root)) is None
    # The worker builds the web app lazily: the cycle closes only through a function body.
    (root / "worker/celery_app.py").write_text("def flask_app():\n    import mentorship.app\n")
    cycle = find_cycle(import_graph(root))
    assert cycle is not None and cycle[0] == cycle[-1]
    assert set(cycle) == {
        "mentorship.app",
        "mentorship.infrastructure.background",
        "worker.celery_app",
    }


def test_the_checker_ignores_imports_made_only_for_type_checking(tmp_path):
    root = plant(
        tmp_path,
        {
            "matching/__init__.py": "",
            "matching/index.py": "def load():\n    from matching.persistence import load_index\n",
            "matching/persistence.py": (
                "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n"
                "    from matching.index import MatchIndex\n"
            ),
            "mentorship/__init__.py": "",
            "worker/__init__.py": "",
        },
    )
    assert find_cycle(import_graph(root)) is None
    (root / "matching/persistence.py").write_text("def load_index():\n    import matching.index\n")
    assert find_cycle(import_graph(root)) == [
        "matching.index",
        "matching.persistence",
        "matching.index",
    ]


def test_the_checker_resolves_relative_and_from_imports(tmp_path):
    root = plant(
        tmp_path,
        {
            "mentorship/__init__.py": "from mentorship.app import create_app\n",
            "mentorship/app.py": "",
            "mentorship/services/__init__.py": "from . import ideas\n",
            "mentorship/services/ideas.py": "from ..models import Idea\nfrom . import matching\n",
            "mentorship/services/matching.py": "",
            "mentorship/models.py": "",
            "matching/__init__.py": "",
            "worker/__init__.py": "",
        },
    )
    graph = import_graph(root)
    assert graph["mentorship"] == {"mentorship.app"}
    assert graph["mentorship.services"] == {"mentorship.services.ideas"}
    assert graph["mentorship.services.ideas"] == {
        "mentorship.models",
        "mentorship.services.matching",
    }
    assert find_cycle(graph) is None
    (root / "mentorship/services/matching.py").write_text("from mentorship.services import ideas\n")
    assert find_cycle(import_graph(root)) == [
        "mentorship.services.ideas",
        "mentorship.services.matching",
        "mentorship.services.ideas",
    ]
