"""The lead's outcome question set per programme: rename, add a 1-5 question, reorder, remove
one nobody answered, or retire one (no longer asked, still reported).

A programme without rows asks the default areas (settings.json ``outcome_areas``); the first
change writes those rows, so the defaults keep their keys and every answer stays readable.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import UTC, datetime

import sqlalchemy as sa
from flask_babel import force_locale
from flask_babel import gettext as _

from mentorship.extensions import db
from mentorship.i18n import SUPPORTED_LOCALES
from mentorship.mentorships.labels import AREA_LABELS
from mentorship.models import Mentorship, OutcomeAnswers, OutcomeQuestion, Programme, User
from mentorship.models.outcome_questions import QUESTION_LABEL_MAX
from mentorship.services import audit
from mentorship.services.errors import ConflictError, NotFoundError, ValidationFailedError
from mentorship.services.mentorships.health import settings

MOVES = ("up", "down")
QUESTIONS_MAX = 30


@dataclass(frozen=True)
class Question:
    key: str
    label: str
    """The lead's wording; empty for a default area (shown in its translated name)."""
    retired: bool = False


def default_questions() -> list[Question]:
    return [Question(key, "") for key in settings()["outcome_areas"]]


def _rows(programme_id: int) -> list[OutcomeQuestion]:
    return list(
        db.session.scalars(
            sa.select(OutcomeQuestion)
            .where(OutcomeQuestion.programme_id == programme_id)
            .order_by(OutcomeQuestion.position, OutcomeQuestion.id)
        )
    )


def question_set(programme_id: int | None, *, include_retired: bool = True) -> list[Question]:
    """The programme's questions in order (the defaults without a programme or without rows)."""
    rows = _rows(programme_id) if programme_id else []
    if not rows:
        return default_questions()
    return [
        Question(row.key, row.label, row.retired_at is not None)
        for row in rows
        if include_retired or row.retired_at is None
    ]


@dataclass(frozen=True)
class CombinedQuestions:
    """The questions of several programmes grouped by key, for a report across them."""

    keys: list[str]
    labels: dict[str, str]
    """The wording every programme asking the question agrees on (absent: the default name)."""
    retired: set[str]
    """Retired in every programme that has the question."""
    wordings: dict[str, list[tuple[str, str]]]
    """Where programmes word a question differently: (programme name, wording) each; an empty
    wording is the default area's name, an empty programme name the mentorships without one."""


def combined_questions(programme_ids: list[int | None]) -> CombinedQuestions:
    """One list of questions for the all-programmes report: a funder reads each area once,
    under its shared wording, or under the default name with each programme's wording."""
    names = dict(db.session.execute(sa.select(Programme.id, Programme.name)).all())
    keys: list[str] = []
    seen: dict[str, list[tuple[str, Question]]] = {}
    for programme_id in programme_ids or [None]:
        for question in question_set(programme_id):
            if question.key not in seen:
                keys.append(question.key)
                seen[question.key] = []
            seen[question.key].append((names.get(programme_id, ""), question))
    labels, wordings = {}, {}
    for key, found in seen.items():
        distinct = {q.label.strip().casefold() for _name, q in found}
        if len(distinct) == 1:
            if found[0][1].label:
                labels[key] = found[0][1].label
        else:
            wordings[key] = [(name, q.label) for name, q in found]
    retired = {key for key, found in seen.items() if all(q.retired for _name, q in found)}
    return CombinedQuestions(keys, labels, retired, wordings)


def asked_keys(programme_id: int | None) -> list[str]:
    """The keys the baseline and endline forms ask now."""
    return [q.key for q in question_set(programme_id, include_retired=False)]


def answered_keys(programme_id: int) -> set[str]:
    """Question keys some entrepreneur of the programme has answered."""
    found: set[str] = set()
    for answers in db.session.scalars(
        sa.select(OutcomeAnswers.answers)
        .join(Mentorship, Mentorship.id == OutcomeAnswers.mentorship_id)
        .where(Mentorship.programme_id == programme_id)
    ):
        found.update((answers or {}).keys())
    return found


def _programme(programme_id: int) -> Programme:
    programme = db.session.get(Programme, programme_id)
    if programme is None:
        raise NotFoundError(_("Programme not found."))
    return programme


def _materialised(programme_id: int) -> list[OutcomeQuestion]:
    """The programme's rows, writing the defaults first if it has none (same transaction)."""
    # Lock the programme so two first edits do not both write the defaults.
    db.session.execute(
        sa.select(Programme.id).where(Programme.id == programme_id).with_for_update()
    )
    rows = _rows(programme_id)
    if rows:
        return rows
    for position, question in enumerate(default_questions()):
        db.session.add(
            OutcomeQuestion(programme_id=programme_id, key=question.key, position=position)
        )
    db.session.flush()
    return _rows(programme_id)


def _find(rows: list[OutcomeQuestion], key: str) -> OutcomeQuestion:
    for row in rows:
        if row.key == key:
            return row
    raise NotFoundError(_("Question not found."))


def _label(value: object, *, required: bool) -> str:
    text = value.strip() if isinstance(value, str) else ""
    if required and not text:
        raise ValidationFailedError(
            _("Some fields are not valid."), {"label": [_("Write the question.")]}
        )
    if len(text) > QUESTION_LABEL_MAX:
        raise ValidationFailedError(
            _("Some fields are not valid."),
            {"label": [_("At most %(max)d characters.", max=QUESTION_LABEL_MAX)]},
        )
    return text


def _same_text(text: str) -> str:
    """A label as compared: case folded, with its spaces trimmed and collapsed."""
    return " ".join(text.split()).casefold()


def _shown_names(question: Question) -> set[str]:
    """How the question reads to a lead: her wording, else the default name in every language
    of the app (a lead writing in English must not add the Serbian name of a default area)."""
    if question.label:
        return {_same_text(question.label)}
    default = AREA_LABELS.get(question.key)
    if default is None:
        return set()
    names = {_same_text(str(default))}
    for locale in SUPPORTED_LOCALES:
        with force_locale(locale):
            names.add(_same_text(str(default)))
    return names


def _require_unique(programme_id: int, text: str, *, except_key: str | None = None) -> None:
    """Two questions of one programme that read the same would make answers and reports
    ambiguous; compared case-insensitively with spaces trimmed and collapsed, against the
    default areas' names in every language, retired questions included."""
    wanted = _same_text(text)
    for question in question_set(programme_id):
        if question.key != except_key and wanted in _shown_names(question):
            raise ValidationFailedError(
                _("Some fields are not valid."),
                {"label": [_("This programme already has a question “%(label)s”.", label=text)]},
            )


def _commit(lead: User, action: str, programme_id: int, details: dict) -> None:
    audit.record(lead, action, "programme", programme_id, details=details)
    db.session.commit()


def rename_question(lead: User, programme_id: int, key: str, label: object) -> OutcomeQuestion:
    text = _label(label, required=True)
    _programme(programme_id)
    _require_unique(programme_id, text, except_key=key)
    row = _find(_materialised(programme_id), key)
    before, row.label = row.label, text
    _commit(lead, "outcome_question.renamed", programme_id, {"key": key, "from": before})
    return row


def add_question(lead: User, programme_id: int, label: object) -> OutcomeQuestion:
    text = _label(label, required=True)
    _programme(programme_id)
    _require_unique(programme_id, text)
    rows = _materialised(programme_id)
    if len(rows) >= QUESTIONS_MAX:
        raise ConflictError(_("A programme asks at most %(max)d questions.", max=QUESTIONS_MAX))
    taken = {row.key for row in rows}
    key = f"q_{secrets.token_hex(4)}"
    while key in taken:  # pragma: no cover - 32 random bits
        key = f"q_{secrets.token_hex(4)}"
    row = OutcomeQuestion(
        programme_id=programme_id,
        key=key,
        label=text,
        position=max((r.position for r in rows), default=-1) + 1,
    )
    db.session.add(row)
    _commit(lead, "outcome_question.added", programme_id, {"key": key})
    return row


def move_question(lead: User, programme_id: int, key: str, direction: str) -> None:
    if direction not in MOVES:
        raise ValidationFailedError(
            _("Some fields are not valid."), {"direction": [_("Choose up or down.")]}
        )
    _programme(programme_id)
    rows = _materialised(programme_id)
    index = rows.index(_find(rows, key))
    other = index - 1 if direction == "up" else index + 1
    if not 0 <= other < len(rows):
        db.session.rollback()
        raise ConflictError(
            _("That question is already first: nothing changed.")
            if direction == "up"
            else _("That question is already last: nothing changed.")
        )
    rows[index], rows[other] = rows[other], rows[index]
    for position, row in enumerate(rows):
        row.position = position
    _commit(lead, "outcome_question.moved", programme_id, {"key": key, "direction": direction})


def remove_question(lead: User, programme_id: int, key: str) -> None:
    """Only a question nobody answered; an answered one is retired instead (409 here)."""
    _programme(programme_id)
    rows = _materialised(programme_id)
    row = _find(rows, key)
    if key in answered_keys(programme_id):
        db.session.rollback()
        raise ConflictError(
            _(
                "Entrepreneurs have already answered this question, so it cannot be removed. "
                "Retire it instead: it is no longer asked and stays in the reports."
            )
        )
    if len([r for r in rows if r.retired_at is None and r is not row]) == 0:
        db.session.rollback()
        raise ConflictError(_("A programme asks at least one question."))
    db.session.delete(row)
    _commit(lead, "outcome_question.removed", programme_id, {"key": key})


def retire_question(lead: User, programme_id: int, key: str, retired: bool) -> OutcomeQuestion:
    _programme(programme_id)
    rows = _materialised(programme_id)
    row = _find(rows, key)
    if retired and not any(r.retired_at is None for r in rows if r is not row):
        db.session.rollback()
        raise ConflictError(_("A programme asks at least one question."))
    row.retired_at = datetime.now(UTC) if retired else None
    action = "outcome_question.retired" if retired else "outcome_question.restored"
    _commit(lead, action, programme_id, {"key": key})
    return row
