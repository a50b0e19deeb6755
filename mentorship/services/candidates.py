"""Turns database rows into the matching library's plain records, and keeps a per-process index in sync."""

from __future__ import annotations

import logging
import shutil
import threading
import uuid
from pathlib import Path

import joblib
import sqlalchemy as sa
from flask import current_app

from matching import ClusterRecord, IdeaRecord, MatchConfig, MatchIndex, MentorRecord, PartnerRecord
from mentorship.extensions import db
from mentorship.models import Cluster, Idea, Match, MentorProfile, Partner, Role, User
from mentorship.services.mentors import mentor_loads

log = logging.getLogger(__name__)
Key = tuple[str, int]
Record = MentorRecord | PartnerRecord | ClusterRecord
# Past this share of changed candidates a full refit is cheaper and keeps the vocabulary fresh.
REFIT_SHARE = 0.2


def idea_record(idea: Idea) -> IdeaRecord:
    """The idea as matching sees it.

    "Same region" is where the business is: the idea's own city, else the owner's profile city.
    An idea with an approved mentor no longer looks for mentors, so re-matching proposes none
    (and withdraws any left over) while partners and clusters are still matched.
    """
    profile = idea.owner.entrepreneur_profile if idea.owner else None
    needs = tuple(
        need for need in (idea.needs or ()) if not (need == "mentor" and idea.has_approved_mentor)
    )
    return IdeaRecord(
        id=idea.id,
        title=idea.title,
        description=idea.description,
        sector=idea.sector,
        stage=idea.stage,
        needs=needs,
        languages=tuple(profile.languages or ()) if profile else (),
        city=idea.city or (profile.city if profile else ""),
        country=profile.country if profile else "",
        offers=idea.offers or "",
        seeks=idea.seeks or "",
    )


def candidate_records() -> dict[Key, Record]:
    """Every candidate as the library sees it, capacity left included."""
    records: dict[Key, Record] = {}
    mentors = db.session.execute(
        sa.select(User, MentorProfile).join(MentorProfile).where(User.role == Role.MENTOR.value)
    ).all()
    loads = mentor_loads([user.id for user, _ in mentors])
    for user, profile in mentors:
        records[("mentor", user.id)] = MentorRecord(
            id=user.id,
            name=user.name,
            headline=profile.headline,
            bio=profile.bio,
            expertise=profile.expertise,
            sectors=tuple(profile.sectors or ()),
            languages=tuple(profile.languages or ()),
            city=profile.city,
            remaining_capacity=profile.capacity - loads.get(user.id, 0),
            active=profile.status == "active",
        )
    for partner in db.session.scalars(sa.select(Partner)):
        records[("partner", partner.id)] = PartnerRecord(
            id=partner.id,
            name=partner.name,
            description=partner.description,
            offers=partner.offers,
            seeks=partner.seeks,
            sector=partner.sector,
            city=partner.city,
            country=partner.country,
            export_oriented=partner.export_oriented,
        )
    for cluster in db.session.scalars(sa.select(Cluster)):
        records[("cluster", cluster.id)] = ClusterRecord(
            id=cluster.id,
            name=cluster.name,
            description=cluster.description,
            sector=cluster.sector,
            region=cluster.region,
        )
    return records


def directory_fingerprint() -> tuple:
    """A cheap summary that changes whenever any candidate or any mentor's load changes.

    Loading every candidate costs about half a second at 10k of them; this one query lets a
    worker skip that when nothing changed since its last sync.
    """
    approved = sa.and_(Match.kind == "mentor", Match.status == "approved")
    tables = [
        (MentorProfile, MentorProfile.updated_at, sa.true()),
        (User, User.updated_at, User.role == Role.MENTOR.value),
        (Partner, Partner.updated_at, sa.true()),
        (Cluster, Cluster.updated_at, sa.true()),
        (Match, Match.id, approved),
    ]
    columns = []
    for model, changed, condition in tables:
        key = sa.inspect(model).primary_key[0]
        for aggregate in (sa.func.count(), sa.func.max(changed), sa.func.sum(key)):
            columns.append(
                sa.select(aggregate).select_from(model).where(condition).scalar_subquery()
            )
    return tuple(str(value) for value in db.session.execute(sa.select(*columns)).one())


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
            if self.index is None or len(changed) + len(removed) > max(
                50, REFIT_SHARE * len(current)
            ):
                self._fit(current)
            else:
                for record in changed:
                    self.index.upsert(record)
                for kind, candidate_id in removed:
                    self.index.remove(kind, candidate_id)
                self.records = current
            self.fingerprint = fingerprint
            return self.index

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
            self.index.save(folder / "index.joblib")
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
            self.index = MatchIndex.load(folder / "index.joblib")
            self.records = joblib.load(folder / "records.joblib")
            self.generation = generation
        except Exception:
            log.warning("saved match index %s is unusable; refitting", folder)
            self.index, self.records = None, {}


holder = IndexHolder()
