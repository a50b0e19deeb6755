"""Import boundaries of the architecture: views stay thin, the web never reaches into the worker."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
WEB = ROOT / "mentorship"
# The layer behind the views: use cases, read models and the infrastructure they share.
SERVICE_LAYER = {"services", "queries", "infrastructure"}


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
    return found


def calls_delay(path: Path) -> bool:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return any(
        isinstance(node, ast.Attribute) and node.attr in {"delay", "apply_async"}
        for node in ast.walk(tree)
    )


def web_modules_outside_services() -> list[Path]:
    return [
        path
        for path in WEB.rglob("*.py")
        if not SERVICE_LAYER.intersection(path.relative_to(WEB).parts)
    ]


MATCHING_ALLOWED = {
    "search.py",  # reuses the library's text folding for search terms
    "demo/records.py",  # the demo directory as the library's records, for benchmarks and tests
}


def test_only_services_use_the_matching_library():
    offenders = [
        str(path.relative_to(ROOT))
        for path in web_modules_outside_services()
        if any(
            name == "matching" or name.startswith("matching.") for name in imported_modules(path)
        )
        and str(path.relative_to(WEB)) not in MATCHING_ALLOWED
    ]
    assert offenders == []


def test_no_view_enqueues_tasks_itself():
    offenders = [
        str(path.relative_to(ROOT)) for path in web_modules_outside_services() if calls_delay(path)
    ]
    assert offenders == []


def test_services_enqueue_only_through_the_background_helper():
    background = WEB / "infrastructure" / "background.py"
    services = [
        path
        for folder in SERVICE_LAYER
        for path in (WEB / folder).rglob("*.py")
        if path != background
    ]
    assert [str(path.relative_to(ROOT)) for path in services if calls_delay(path)] == []


def test_worker_tasks_import_no_models():
    names = imported_modules(ROOT / "worker" / "tasks.py")
    assert not any(name.startswith("mentorship.models") for name in names)
