"""Size limits of the house rules, read from the source: no module over 400 lines, no class over 150."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("mentorship", "matching", "worker")
MODULE_LINES = 400
CLASS_LINES = 150


def python_modules(root: Path = ROOT) -> list[Path]:
    return sorted(path for package in PACKAGES for path in (root / package).rglob("*.py"))


def oversized(root: Path = ROOT) -> dict[str, int]:
    """Every module over the module limit and every class over the class limit, with its length."""
    found: dict[str, int] = {}
    for path in python_modules(root):
        text = path.read_text(encoding="utf-8")
        name = str(path.relative_to(root))
        lines = len(text.splitlines())
        if lines > MODULE_LINES:
            found[name] = lines
        for node in ast.walk(ast.parse(text, filename=name)):
            if isinstance(node, ast.ClassDef):
                start = min([node.lineno, *(d.lineno for d in node.decorator_list)])
                length = node.end_lineno - start + 1
                if length > CLASS_LINES:
                    found[f"{name}::{node.name}"] = length
    return found


def test_no_module_or_class_is_over_its_size_limit():
    assert oversized() == {}


def test_the_checker_finds_a_long_module_and_a_long_class(tmp_path):
    package = tmp_path / "worker"
    package.mkdir()
    (package / "short.py").write_text("class Small:\n    pass\n")
    assert oversized(tmp_path) == {}
    body = "".join(f"    field_{number} = {number}\n" for number in range(CLASS_LINES))
    (package / "long.py").write_text("class Large:\n" + body + "\n" * (MODULE_LINES - CLASS_LINES))
    assert oversized(tmp_path) == {
        "worker/long.py": MODULE_LINES + 1,
        "worker/long.py::Large": CLASS_LINES + 1,
    }
