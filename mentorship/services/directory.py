"""The lead's directory of supply-chain partners and startup clusters."""

from __future__ import annotations

from typing import Any, TypeVar

import sqlalchemy as sa
from flask_babel import gettext as _
from sqlalchemy.exc import IntegrityError

from mentorship import task_names
from mentorship.extensions import db
from mentorship.infrastructure.background import enqueue
from mentorship.models import Cluster, Partner, User
from mentorship.search import contains_folded
from mentorship.services import audit
from mentorship.services.errors import ConflictError, NotFoundError, PermissionDeniedError
from mentorship.services.notifications import send_pending_emails
from mentorship.services.pairing_endings import end_pairings_with

Organisation = TypeVar("Organisation", Partner, Cluster)


def _require_lead(actor: User) -> None:
    if not actor.is_lead:
        raise PermissionDeniedError(_("Only the programme lead manages the directory."))


def _kind(model: type) -> str:
    return "partner" if model is Partner else "cluster"


def get_organisation(model: type[Organisation], object_id: int) -> Organisation:
    found = db.session.get(model, object_id)
    if found is None:
        raise NotFoundError(
            _("Partner not found.") if model is Partner else _("Cluster not found.")
        )
    return found


def list_organisations(
    model: type[Organisation], search: str = "", sector: str | None = None
) -> sa.Select:
    statement = sa.select(model).order_by(model.name, model.id)
    if search.strip():
        extra = (model.city,) if model is Partner else (model.region, model.members)
        statement = statement.where(contains_folded(search, model.name, model.description, *extra))
    if sector:
        statement = statement.where(model.sector == sector)
    return statement


def _name_taken(model: type, name: str, exclude_id: int | None = None) -> bool:
    statement = sa.select(model.id).where(sa.func.lower(model.name) == name.lower())
    if exclude_id is not None:
        statement = statement.where(model.id != exclude_id)
    return db.session.scalar(statement) is not None


def _conflict(model: type) -> ConflictError:
    message = (
        _("A partner with this name already exists.")
        if model is Partner
        else _("A cluster with this name already exists.")
    )
    return ConflictError(message, {"name": [_("Already in the directory.")]})


def _apply(target: Any, data: dict[str, Any]) -> None:
    for key, value in data.items():
        setattr(target, key, "" if value is None and key not in {"sector"} else value)


def create_organisation(
    actor: User, model: type[Organisation], data: dict[str, Any]
) -> Organisation:
    _require_lead(actor)
    if _name_taken(model, data["name"]):
        raise _conflict(model)
    created = model()
    _apply(created, data)
    db.session.add(created)
    try:
        db.session.flush()
        audit.record(
            actor,
            f"{_kind(model)}.create",
            _kind(model),
            created.id,
            details={"name": created.name},
        )
        db.session.commit()
    except IntegrityError:
        db.session.rollback()
        raise _conflict(model) from None
    enqueue(task_names.CANDIDATE_CHANGED, _kind(model), created.id)
    return created


def update_organisation(actor: User, target: Organisation, data: dict[str, Any]) -> Organisation:
    _require_lead(actor)
    model = type(target)
    if "name" in data and _name_taken(model, data["name"], exclude_id=target.id):
        raise _conflict(model)
    _apply(target, data)
    try:
        audit.record(
            actor,
            f"{_kind(model)}.update",
            _kind(model),
            target.id,
            details={"fields": sorted(data)},
        )
        db.session.commit()
    except IntegrityError:
        db.session.rollback()
        raise _conflict(model) from None
    enqueue(task_names.CANDIDATE_CHANGED, _kind(model), target.id)
    return target


def delete_organisation(actor: User, target: Organisation) -> None:
    """Approved pairings with it end and are kept; its other matches go; the audit keeps its name."""
    _require_lead(actor)
    kind, target_id, name = _kind(type(target)), target.id, target.name
    ended = end_pairings_with(actor, kind, target_id)
    db.session.delete(target)
    audit.record(
        actor,
        f"{kind}.delete",
        kind,
        target_id,
        details={"name": name, "ended_pairings": [match.id for match in ended]},
    )
    db.session.commit()
    send_pending_emails()
    enqueue(task_names.CANDIDATE_CHANGED, kind, target_id)
