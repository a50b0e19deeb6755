"""Training programmes: their modules, who is enrolled, and which ideas belong to them."""

from __future__ import annotations

from datetime import date
from typing import Any

import sqlalchemy as sa
from flask_babel import gettext as _
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import selectinload

from mentorship.extensions import db
from mentorship.models import Enrolment, Idea, Programme, ProgrammeModule, Role, User
from mentorship.search import contains_folded
from mentorship.services import audit
from mentorship.services.errors import (
    ConflictError,
    NotFoundError,
    PermissionDeniedError,
    ValidationFailedError,
)

PROGRAMME_FIELDS = ("name", "funder", "description", "starts_on", "ends_on")
MODULE_FIELDS = ("title", "starts_on", "ends_on", "venue", "address")


def _require_lead(actor: User) -> None:
    if not actor.is_lead:
        raise PermissionDeniedError(_("Only the programme lead manages programmes."))


def _check_dates(starts_on: date | None, ends_on: date | None) -> None:
    if starts_on and ends_on and ends_on < starts_on:
        raise ValidationFailedError(
            _("Some fields are not valid."),
            {"ends_on": [_("The end date is before the start date.")]},
        )


def list_programmes() -> sa.Select:
    return sa.select(Programme).order_by(Programme.starts_on.desc().nulls_last(), Programme.name)


def all_programmes() -> list[Programme]:
    return list(db.session.scalars(sa.select(Programme).order_by(Programme.name)))


def get_programme(programme_id: int) -> Programme:
    programme = db.session.get(Programme, programme_id)
    if programme is None:
        raise NotFoundError(_("Programme not found."))
    return programme


def get_module(programme: Programme, module_id: int) -> ProgrammeModule:
    module = db.session.get(ProgrammeModule, module_id)
    if module is None or module.programme_id != programme.id:
        raise NotFoundError(_("Module not found."))
    return module


def _name_taken(name: str, exclude_id: int | None = None) -> bool:
    statement = sa.select(Programme.id).where(sa.func.lower(Programme.name) == name.lower())
    if exclude_id is not None:
        statement = statement.where(Programme.id != exclude_id)
    return db.session.scalar(statement) is not None


def _conflict() -> ConflictError:
    message = _("A programme with this name already exists.")
    return ConflictError(message, {"name": [message]})


def save_programme(
    actor: User, data: dict[str, Any], programme: Programme | None = None
) -> Programme:
    """Create a programme, or change the one given."""
    _require_lead(actor)
    _check_dates(data.get("starts_on"), data.get("ends_on"))
    if _name_taken(data["name"], programme.id if programme else None):
        raise _conflict()
    created = programme is None
    if programme is None:
        programme = Programme()
        db.session.add(programme)
    for key in PROGRAMME_FIELDS:
        if key in data:
            setattr(programme, key, data[key] if data[key] is not None or "_on" in key else "")
    try:
        db.session.flush()
        audit.record(
            actor,
            "programme.create" if created else "programme.update",
            "programme",
            programme.id,
            details={"name": programme.name},
        )
        db.session.commit()
    except IntegrityError:
        db.session.rollback()
        raise _conflict() from None
    return programme


def save_module(
    actor: User, programme: Programme, data: dict[str, Any], module: ProgrammeModule | None = None
) -> ProgrammeModule:
    _require_lead(actor)
    _check_dates(data.get("starts_on"), data.get("ends_on"))
    created = module is None
    if module is None:
        module = ProgrammeModule(programme_id=programme.id)
        db.session.add(module)
    for key in MODULE_FIELDS:
        if key in data:
            setattr(module, key, data[key] if data[key] is not None or "_on" in key else "")
    db.session.flush()
    audit.record(
        actor,
        "module.create" if created else "module.update",
        "programme",
        programme.id,
        details={"module_id": module.id, "title": module.title},
    )
    db.session.commit()
    return module


def delete_module(actor: User, programme: Programme, module: ProgrammeModule) -> None:
    """Ideas nominated at the module keep their programme and lose only the module."""
    _require_lead(actor)
    audit.record(
        actor,
        "module.delete",
        "programme",
        programme.id,
        details={"module_id": module.id, "title": module.title},
    )
    db.session.execute(sa.update(Idea).where(Idea.module_id == module.id).values(module_id=None))
    db.session.delete(module)
    db.session.commit()


def enrolled_users(programme: Programme) -> sa.Select:
    return (
        sa.select(User)
        .join(Enrolment, Enrolment.user_id == User.id)
        .options(selectinload(User.entrepreneur_profile))
        .where(Enrolment.programme_id == programme.id)
        .order_by(User.name, User.id)
    )


def enrolment_candidates(programme: Programme, search: str = "") -> sa.Select:
    """Entrepreneurs not yet enrolled, optionally narrowed by name, e-mail or business name."""
    enrolled = sa.select(Enrolment.user_id).where(Enrolment.programme_id == programme.id)
    statement = (
        sa.select(User)
        .where(User.role == Role.ENTREPRENEUR.value, User.id.not_in(enrolled))
        .options(selectinload(User.entrepreneur_profile))
        .order_by(User.name, User.id)
    )
    if search:
        from mentorship.models import EntrepreneurProfile

        statement = statement.outerjoin(EntrepreneurProfile).where(
            contains_folded(
                search,
                User.name,
                User.email,
                EntrepreneurProfile.business_name,
                EntrepreneurProfile.city,
            )
        )
    return statement


def enrol(actor: User, programme: Programme, user_ids: list[int]) -> int:
    """Enrol entrepreneurs; ids of other roles, unknown ids and those already enrolled are skipped."""
    _require_lead(actor)
    if not user_ids:
        return 0
    already = set(
        db.session.scalars(
            sa.select(Enrolment.user_id).where(Enrolment.programme_id == programme.id)
        )
    )
    eligible = db.session.scalars(
        sa.select(User.id).where(User.id.in_(user_ids), User.role == Role.ENTREPRENEUR.value)
    )
    added = [user_id for user_id in eligible if user_id not in already]
    for user_id in added:
        db.session.add(Enrolment(programme_id=programme.id, user_id=user_id))
    if added:
        audit.record(
            actor, "programme.enrol", "programme", programme.id, details={"user_ids": added}
        )
    db.session.commit()
    return len(added)


def unenrol(actor: User, programme: Programme, user_id: int) -> None:
    _require_lead(actor)
    enrolment = db.session.get(Enrolment, (programme.id, user_id))
    if enrolment is None:
        raise NotFoundError(_("This person is not enrolled."))
    db.session.delete(enrolment)
    audit.record(
        actor, "programme.unenrol", "programme", programme.id, details={"user_id": user_id}
    )
    db.session.commit()


def enrolled_count(programme: Programme) -> int:
    return (
        db.session.scalar(
            sa.select(sa.func.count())
            .select_from(Enrolment)
            .where(Enrolment.programme_id == programme.id)
        )
        or 0
    )


def programme_ideas(programme: Programme, module_id: int | None = None) -> sa.Select:
    statement = (
        sa.select(Idea)
        .where(Idea.programme_id == programme.id)
        .options(selectinload(Idea.owner), selectinload(Idea.module))
        .order_by(Idea.created_at.desc(), Idea.id.desc())
    )
    if module_id is not None:
        statement = statement.where(Idea.module_id == module_id)
    return statement


def programmes_of(user: User) -> list[Programme]:
    """The programmes an entrepreneur is enrolled in, with their modules."""
    return list(
        db.session.scalars(
            sa.select(Programme)
            .join(Enrolment, Enrolment.programme_id == Programme.id)
            .where(Enrolment.user_id == user.id)
            .options(selectinload(Programme.modules))
            .order_by(Programme.name)
        )
    )


def check_idea_programme(owner: User, programme_id: int | None, module_id: int | None) -> None:
    """An idea may name a programme its owner is enrolled in, and a module of that programme."""
    if programme_id is None:
        if module_id is not None:
            raise ValidationFailedError(
                _("Some fields are not valid."),
                {"module_id": [_("Choose the programme of this module too.")]},
            )
        return
    programme = db.session.get(Programme, programme_id)
    if programme is None:
        raise ValidationFailedError(
            _("Some fields are not valid."), {"programme_id": [_("No such programme.")]}
        )
    if db.session.get(Enrolment, (programme_id, owner.id)) is None:
        raise ValidationFailedError(
            _("Some fields are not valid."),
            {"programme_id": [_("You are not enrolled in this programme.")]},
        )
    if module_id is not None:
        module = db.session.get(ProgrammeModule, module_id)
        if module is None or module.programme_id != programme_id:
            raise ValidationFailedError(
                _("Some fields are not valid."),
                {"module_id": [_("No such module in this programme.")]},
            )
