"""The scheduler is a pure library: it imports no web, database or queue code."""

from __future__ import annotations

import ast
from pathlib import Path

import scheduling

FORBIDDEN = ("flask", "sqlalchemy", "celery", "mentorship", "worker", "redis")


def test_scheduling_imports_no_framework():
    root = Path(scheduling.__file__).parent
    for path in root.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            for name in names:
                assert name.split(".")[0] not in FORBIDDEN, f"{path.name} imports {name}"
