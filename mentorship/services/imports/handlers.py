"""Per kind: how a row is cleaned, which record it names, what would change, and how it is written."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from pydantic import BaseModel

from mentorship.contract.accounts import EntrepreneurProfileInput, MentorProfileInput, MeUpdate
from mentorship.contract.directory import ClusterInput, PartnerInput
from mentorship.contract.ideas import IdeaInput
from mentorship.contract.parsing import InvalidInput, field_cleaner, parse
from mentorship.extensions import db
from mentorship.models import (
    Cluster,
    Enrolment,
    EntrepreneurProfile,
    Idea,
    IdeaStatus,
    MentorProfile,
    MentorStatus,
    Partner,
    Programme,
    User,
)
from mentorship.models.accounts import MENTOR_STATUSES
from mentorship.services.imports import columns as cells
from mentorship.services.imports.emails import ImportEmail

# Not a hash werkzeug can verify, so nobody logs in until the invitation sets a real password.
INVITED_PASSWORD_HASH = "!invited"
CHUNK = 500


class RowRejected(Exception):
    def __init__(self, reasons: list[str]) -> None:
        super().__init__("; ".join(reasons))
        self.reasons = reasons


@dataclass
class Context:
    programme: Programme | None = None
    existing: dict[Any, Any] = field(default_factory=dict)
    users: dict[str, User] = field(default_factory=dict)
    enrolled: set[int] = field(default_factory=set)
    to_enrol: list[User] = field(default_factory=list)
    invited: list[User] = field(default_factory=list)


def _chunks(values: list[Any]) -> list[list[Any]]:
    return [values[start : start + CHUNK] for start in range(0, len(values), CHUNK)]


def _users_by_email(emails: list[str]) -> dict[str, User]:
    found: dict[str, User] = {}
    for chunk in _chunks(sorted(set(emails))):
        for user in db.session.scalars(sa.select(User).where(User.email.in_(chunk))):
            found[user.email] = user
    return found


def _load_enrolled(context: Context) -> None:
    if context.programme is not None:
        context.enrolled = set(
            db.session.scalars(
                sa.select(Enrolment.user_id).where(Enrolment.programme_id == context.programme.id)
            )
        )


def _clean(
    values: dict[str, str],
    required: dict[str, Callable[[str], Any]],
    optional: dict[str, Callable],
    schema: type[BaseModel] | None,
) -> dict[str, Any]:
    """Required cells through their field spec, optional non-empty cells through a converter and the
    shared schema; every problem of the row is reported at once."""
    reasons: list[str] = []
    cleaned: dict[str, Any] = {}
    for name, spec in required.items():
        if not values.get(name):
            reasons.append(f"{name}: missing (required)")
            continue
        try:
            cleaned[name] = spec(values[name])
        except ValueError as problem:
            reasons.append(f"{name}: {problem}")
    present: dict[str, Any] = {}
    for name, convert in optional.items():
        if values.get(name):
            try:
                present[name] = convert(values[name])
            except cells.CellError as problem:
                reasons.append(f"{name}: {problem}")
    if schema is not None:
        try:
            present = parse(schema, present, partial=True)
        except InvalidInput as failed:
            reasons.extend(
                f"{name}: {message}"
                for name, messages in (failed.fields or {}).items()
                for message in messages
            )
    if reasons:
        raise RowRejected(reasons)
    return {**cleaned, **present}


def _changes(target: Any, values: dict[str, Any], names: tuple[str, ...]) -> list[str]:
    return [name for name in names if name in values and getattr(target, name) != values[name]]


def _mentor_status(text: str) -> str:
    status = cells.fold(text)
    if status not in MENTOR_STATUSES:
        raise cells.CellError(f"unknown status “{text}” (use pending, active or inactive)")
    return status


def _text(text: str) -> str:
    return text


class PeopleHandler:
    def __init__(
        self,
        role: str,
        profile_model: type,
        schema: type[BaseModel],
        converters: dict[str, Callable],
    ) -> None:
        self.role, self.profile_model, self.schema, self.converters = (
            role,
            profile_model,
            schema,
            converters,
        )
        self.profile_fields = tuple(converters)

    def clean(self, values: dict[str, str], context: Context) -> dict[str, Any]:
        cleaned = _clean(
            values,
            {"email": ImportEmail().clean, "name": field_cleaner(MeUpdate, "name")},
            {name: convert for name, convert in self.converters.items() if name != "status"},
            self.schema,
        )
        if self.role == "mentor" and values.get("status"):
            try:
                cleaned["status"] = _mentor_status(values["status"])
            except cells.CellError as problem:
                raise RowRejected([f"status: {problem}"]) from None
        return cleaned

    def key(self, cleaned: dict[str, Any]) -> str:
        return cleaned["email"]

    key_text = key

    def raw_key(self, values: dict[str, str]) -> str:
        return values.get("email", "")[:254]

    def load_existing(self, rows: list[dict[str, Any]], context: Context) -> None:
        context.users = _users_by_email([row["email"] for row in rows])
        _load_enrolled(context)

    def compare(self, cleaned: dict[str, Any], context: Context) -> tuple[User | None, list[str]]:
        user = context.users.get(cleaned["email"])
        if user is None:
            return None, []
        if user.role != self.role:
            raise RowRejected([f"email: this e-mail belongs to an existing {user.role} account"])
        changes = ["name"] if user.name != cleaned["name"] else []
        profile = user.profile
        fields = tuple(name for name in self.profile_fields if name in cleaned)
        changes += list(fields) if profile is None else _changes(profile, cleaned, fields)
        if self.role == "entrepreneur" and context.programme and user.id not in context.enrolled:
            changes.append("enrolment")
        return user, changes

    def apply(self, cleaned: dict[str, Any], user: User | None, context: Context) -> None:
        profile_values = {name: cleaned[name] for name in self.profile_fields if name in cleaned}
        if user is None:
            user = User(
                email=cleaned["email"],
                name=cleaned["name"],
                role=self.role,
                password_hash=INVITED_PASSWORD_HASH,
                email_notifications=True,
            )
            db.session.add(user)
            context.invited.append(user)
        user.name = cleaned["name"]
        profile = user.profile
        if profile is None:
            profile = self.profile_model()
            setattr(user, f"{self.role}_profile", profile)
        for name, value in profile_values.items():
            setattr(profile, name, value)
        if self.role == "mentor" and profile_values.get("status") == MentorStatus.ACTIVE.value:
            profile.activated_at = profile.activated_at or datetime.now(UTC)
        if self.role == "entrepreneur" and context.programme and user.id not in context.enrolled:
            context.to_enrol.append(user)


class OrganisationHandler:
    def __init__(
        self, model: type, schema: type[BaseModel], converters: dict[str, Callable]
    ) -> None:
        self.model, self.schema, self.converters = model, schema, converters
        self.fields = ("name", "description", *converters)

    def clean(self, values: dict[str, str], context: Context) -> dict[str, Any]:
        required = {
            "name": field_cleaner(self.schema, "name"),
            "description": field_cleaner(self.schema, "description"),
        }
        return _clean(values, required, self.converters, self.schema)

    def key(self, cleaned: dict[str, Any]) -> str:
        return cleaned["name"].lower()

    def key_text(self, cleaned: dict[str, Any]) -> str:
        return cleaned["name"]

    def raw_key(self, values: dict[str, str]) -> str:
        return values.get("name", "")[:200]

    def load_existing(self, rows: list[dict[str, Any]], context: Context) -> None:
        context.existing = {
            target.name.lower(): target for target in db.session.scalars(sa.select(self.model))
        }

    def compare(self, cleaned: dict[str, Any], context: Context) -> tuple[Any, list[str]]:
        target = context.existing.get(self.key(cleaned))
        return (None, []) if target is None else (target, _changes(target, cleaned, self.fields))

    def apply(self, cleaned: dict[str, Any], target: Any, context: Context) -> None:
        if target is None:
            target = self.model()
            db.session.add(target)
        for name in self.fields:
            if name in cleaned:
                setattr(target, name, cleaned[name])


class IdeaHandler:
    fields = (
        "title",
        "description",
        "sector",
        "stage",
        "needs",
        "offers",
        "seeks",
        "city",
        "module_id",
        "programme_id",
    )

    def clean(self, values: dict[str, str], context: Context) -> dict[str, Any]:
        required = {
            "owner_email": ImportEmail().clean,
            "title": field_cleaner(IdeaInput, "title"),
            "description": field_cleaner(IdeaInput, "description"),
        }
        optional = {
            "sector": cells.sector,
            "stage": cells.stage,
            "needs": lambda text: [part.lower() for part in cells.split_list(text)],
            "offers": _text,
            "seeks": _text,
            "city": _text,
        }
        cleaned = _clean(values, required, optional, IdeaInput)
        if context.programme is not None:
            cleaned["programme_id"] = context.programme.id
        if values.get("module"):
            cleaned["module_id"] = self._module_id(values["module"], context)
        return cleaned

    def _module_id(self, title: str, context: Context) -> int:
        if context.programme is None:
            raise RowRejected(
                ["module: choose the programme on the upload form to name its modules"]
            )
        for module in context.programme.modules:
            if cells.fold(module.title) == cells.fold(title):
                return module.id
        raise RowRejected([f"module: “{title}” is not a module of {context.programme.name}"])

    def key(self, cleaned: dict[str, Any]) -> tuple[str, str]:
        return cleaned["owner_email"], cleaned["title"].lower()

    def key_text(self, cleaned: dict[str, Any]) -> str:
        return f"{cleaned['owner_email']}: {cleaned['title']}"

    def raw_key(self, values: dict[str, str]) -> str:
        return f"{values.get('owner_email', '')[:254]}: {values.get('title', '')[:200]}"

    def load_existing(self, rows: list[dict[str, Any]], context: Context) -> None:
        context.users = _users_by_email([row["owner_email"] for row in rows])
        owner_ids = [user.id for user in context.users.values()]
        for chunk in _chunks(owner_ids):
            for idea in db.session.scalars(sa.select(Idea).where(Idea.owner_id.in_(chunk))):
                context.existing[(idea.owner_id, idea.title.lower())] = idea
        _load_enrolled(context)

    def compare(self, cleaned: dict[str, Any], context: Context) -> tuple[Idea | None, list[str]]:
        owner = context.users.get(cleaned["owner_email"])
        if owner is None:
            raise RowRejected(
                ["owner_email: no account with this e-mail (import the entrepreneurs first)"]
            )
        if not owner.is_entrepreneur:
            raise RowRejected(
                [f"owner_email: this e-mail belongs to a {owner.role}, not an entrepreneur"]
            )
        idea = context.existing.get((owner.id, cleaned["title"].lower()))
        return (None, []) if idea is None else (idea, _changes(idea, cleaned, self.fields))

    def apply(self, cleaned: dict[str, Any], idea: Idea | None, context: Context) -> None:
        owner = context.users[cleaned["owner_email"]]
        if idea is None:
            profile = owner.entrepreneur_profile
            idea = Idea(
                owner_id=owner.id,
                status=IdeaStatus.SUBMITTED.value,
                sector=profile.sector if profile else None,
                stage=profile.stage if profile else None,
                needs=["mentor", "partner", "cluster"],
            )
            db.session.add(idea)
        for name in self.fields:
            if name in cleaned:
                setattr(idea, name, cleaned[name])
        if context.programme and owner.id not in context.enrolled:
            context.enrolled.add(owner.id)
            context.to_enrol.append(owner)


HANDLERS: dict[str, Any] = {
    "mentors": PeopleHandler(
        "mentor",
        MentorProfile,
        MentorProfileInput,
        {
            "headline": _text,
            "bio": _text,
            "expertise": _text,
            "city": _text,
            "sectors": cells.sectors,
            "languages": cells.languages,
            "capacity": cells.whole_number,
            "status": _mentor_status,
        },
    ),
    "entrepreneurs": PeopleHandler(
        "entrepreneur",
        EntrepreneurProfile,
        EntrepreneurProfileInput,
        {
            "business_name": _text,
            "city": _text,
            "country": _text,
            "sector": cells.sector,
            "stage": cells.stage,
            "bio": _text,
            "languages": cells.languages,
        },
    ),
    "partners": OrganisationHandler(
        Partner,
        PartnerInput,
        {
            "sector": cells.sector,
            "city": _text,
            "country": _text,
            "offers": _text,
            "seeks": _text,
            "export_oriented": cells.boolean,
        },
    ),
    "clusters": OrganisationHandler(
        Cluster,
        ClusterInput,
        {
            "sector": cells.sector,
            "region": _text,
            "website": _text,
            "members": _text,
        },
    ),
}
HANDLERS["ideas"] = IdeaHandler()
