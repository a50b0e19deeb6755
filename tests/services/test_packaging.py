"""What an install or the image carries: every data file the code reads, every package.

The app and the worker read JSON, the translations and the shipped word table at run time;
a `pip install .` (the image does one) keeps only what `package-data` names, and the image
holds only the folders the Dockerfile copies.
"""

from __future__ import annotations

import tomllib
from fnmatch import fnmatch
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SKIPPED_SUFFIXES = {".py", ".pyc", ".po"}  # code, and catalogues compiled into .mo files


def _pyproject() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def _packages() -> list[str]:
    return [
        pattern.rstrip("*")
        for pattern in _pyproject()["tool"]["setuptools"]["packages"]["find"]["include"]
    ]


def test_every_data_file_inside_a_package_is_installed_with_it():
    package_data = _pyproject()["tool"]["setuptools"]["package-data"]
    missing = []
    for package in _packages():
        for path in (ROOT / package).rglob("*"):
            if path.is_dir() or path.suffix in SKIPPED_SUFFIXES or "__pycache__" in path.parts:
                continue
            relative = path.relative_to(ROOT / package).as_posix()
            if not any(fnmatch(relative, glob) for glob in package_data.get(package, [])):
                missing.append(f"{package}/{relative}")
    assert missing == [], f"not in [tool.setuptools.package-data]: {missing}"


def test_the_image_copies_every_package():
    dockerfile = (ROOT / "Dockerfile").read_text(encoding="utf-8")
    copied = {line.split()[1] for line in dockerfile.splitlines() if line.startswith("COPY ")}
    assert {package for package in _packages() if package not in copied} == set()
