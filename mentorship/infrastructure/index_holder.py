"""One fitted match index per process, brought up to date with the database before each use."""

from __future__ import annotations

import logging
import shutil
import threading
import uuid
from pathlib import Path

import joblib
from flask import current_app

from matching import MatchConfig, MatchIndex, load_index, save_index
from matching.index import kind_of
from mentorship.infrastructure import embeddings
from mentorship.infrastructure.candidates import (
    Key,
    Record,
    candidate_records,
    directory_fingerprint,
)

log = logging.getLogger(__name__)
# Past this share of changed candidates a full refit is cheaper and keeps the vocabulary exact.
REFIT_SHARE = 0.2


class IndexHolder:
    """One fitted index per process, brought up to date with the database before each use."""

    def __init__(self) -> None:
        self.index: MatchIndex | None = None
        self.records: dict[Key, Record] = {}
        self.fingerprint: tuple | None = None
        self.generation: str | None = None
        self.lock = threading.Lock()

    def synced(self) -> MatchIndex:
        with self.lock:
            fingerprint = directory_fingerprint()
            saved = self._saved_generation()
            if (
                self.index is not None
                and fingerprint == self.fingerprint
                and saved == self.generation
            ):
                return self.index
            current = candidate_records()
            if saved is not None and saved != self.generation:
                self._load_saved(saved)
            changed = [record for key, record in current.items() if self.records.get(key) != record]
            removed = [key for key in self.records if key not in current]
            if self._stale_model() or len(changed) + len(removed) > max(
                50, REFIT_SHARE * len(current)
            ):
                self._fit(current)
            else:
                vectors = embeddings.candidate_vectors(
                    {(kind_of(record), int(record.id)): record for record in changed}
                )
                for record in changed:
                    self.index.upsert(record, vectors)
                for kind, candidate_id in removed:
                    self.index.remove(kind, candidate_id)
                self.records = current
            self.fingerprint = fingerprint
            return self.index

    def _stale_model(self) -> bool:
        """No index yet, or one fitted with another meaning model than this process has now."""
        if self.index is None:
            return True
        model = embeddings.embedder()
        return (model.version if model else None) != self.index.meaning_version

    def rebuild(self) -> MatchIndex:
        with self.lock:
            self.fingerprint = directory_fingerprint()
            self._fit(candidate_records())
            return self.index

    def reset(self) -> None:
        with self.lock:
            self.index, self.records, self.fingerprint, self.generation = None, {}, None, None

    def _fit(self, current: dict[Key, Record]) -> None:
        by_kind: dict[str, list[Record]] = {"mentor": [], "partner": [], "cluster": []}
        for (kind, _), record in sorted(current.items()):
            by_kind[kind].append(record)
        self.index = MatchIndex.fit(
            mentors=by_kind["mentor"],
            partners=by_kind["partner"],
            clusters=by_kind["cluster"],
            config=MatchConfig(),
            embedder=embeddings.embedder(),
            vectors=embeddings.candidate_vectors(current),
        )
        self.records = current
        self._save()

    def _path(self) -> Path:
        return Path(current_app.config["MATCH_INDEX_PATH"])

    def _save(self) -> None:
        """Persist a full fit as a new generation, so every worker process picks up the new vocabulary.

        Index and records go into a fresh folder; a one-line pointer file is then swapped in
        atomically, so a reader never sees an index from one fit with records from another.
        """
        try:
            pointer = self._path()
            generation = uuid.uuid4().hex
            folder = pointer.with_name(pointer.name + ".d") / generation
            folder.mkdir(parents=True, exist_ok=True)
            save_index(self.index, folder / "index.joblib")
            joblib.dump(self.records, folder / "records.joblib")
            tmp = pointer.with_name(pointer.name + ".tmp")
            tmp.write_text(generation)
            tmp.replace(pointer)
            self.generation = generation
            for old in folder.parent.iterdir():
                if old.name != generation:
                    shutil.rmtree(old, ignore_errors=True)
        except OSError:
            log.warning("could not save the match index; it will be refitted on the next start")

    def _saved_generation(self) -> str | None:
        try:
            return self._path().read_text().strip() or None
        except (OSError, UnicodeDecodeError):
            return None

    def _load_saved(self, generation: str) -> None:
        folder = self._path().with_name(self._path().name + ".d") / generation
        try:
            self.index = load_index(folder / "index.joblib")
            self.index.attach(embeddings.embedder())
            self.records = joblib.load(folder / "records.joblib")
            self.generation = generation
        except Exception:
            log.warning("saved match index %s is unusable; refitting", folder)
            self.index, self.records = None, {}


holder = IndexHolder()
