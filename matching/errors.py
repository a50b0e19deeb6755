"""Domain exceptions raised by the matching library."""

from __future__ import annotations


class MatchingError(Exception):
    """Base class of every error the matching library raises on purpose."""


class IndexNotFittedError(MatchingError):
    """The index was used before `MatchIndex.fit` built its vocabulary."""


class IndexVersionError(MatchingError):
    """A saved index was written by an incompatible version of the library."""


class UnknownKindError(MatchingError, ValueError):
    """A candidate kind other than mentor, partner or cluster was requested."""


class UnsupportedRecordError(MatchingError, TypeError):
    """An object that is not a mentor, partner or cluster record was given."""


class EmbeddingUnavailableError(MatchingError):
    """The sentence-embedding model cannot run here; ranking falls back to TF-IDF alone."""
