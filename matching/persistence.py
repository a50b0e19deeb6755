"""Saving and loading a MatchIndex with joblib, guarded by a format version stamp."""

from __future__ import annotations

from os import PathLike

import joblib

from matching.errors import IndexVersionError
from matching.index import MatchIndex

FORMAT_NAME = "mentorship-match-index"
FORMAT_VERSION = 7  # 7: dense rows kept as 16-bit codes (`matching.packed`)


def save_index(index: MatchIndex, path: str | PathLike[str]) -> None:
    """Dump the index with its format name and version."""
    joblib.dump({"format": FORMAT_NAME, "version": FORMAT_VERSION, "index": index}, path)


def load_index(path: str | PathLike[str]) -> MatchIndex:
    """Load an index; IndexVersionError if it is not a current-version index file.

    The embedder is not saved: attach one with `MatchIndex.attach` to use the meaning view.
    """
    try:
        payload = joblib.load(path)
    except FileNotFoundError:
        raise
    except Exception as error:  # unpickling a stale layout fails in many ways
        raise IndexVersionError(f"cannot read match index {path}: {error}") from error
    if not isinstance(payload, dict) or payload.get("format") != FORMAT_NAME:
        raise IndexVersionError(f"{path} is not a saved match index")
    version = payload.get("version")
    if version != FORMAT_VERSION:
        raise IndexVersionError(
            f"{path} holds a match index of format version {version}; this library reads "
            f"version {FORMAT_VERSION}: rebuild it with MatchIndex.fit"
        )
    index = payload.get("index")
    if not isinstance(index, MatchIndex):
        raise IndexVersionError(f"{path} does not contain a MatchIndex")
    return index
