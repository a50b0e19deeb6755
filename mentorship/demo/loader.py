"""Loads the demo programme into the database: organisations, people and ideas, each only once."""

from __future__ import annotations

import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any

import sqlalchemy as sa

from mentorship.demo.content import (
    CLUSTERS,
    ENTREPRENEURS,
    MENTORS,
    PARTNERS,
    PROGRAMME_DESCRIPTION,
    PROGRAMME_FUNDER,
    PROGRAMME_NAME,
    DemoEntrepreneur,
    modules,
    programme_year,
)
from mentorship.demo.ideas import build_ideas
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
    ProgrammeModule,
    Role,
    User,
)

DEMO_DOMAIN = "demo.mentorship.rs"
# Published in the README and printed by the command: for demo databases only.
DEMO_PASSWORD = "demo-password"
LEAD_EMAIL = f"lead@{DEMO_DOMAIN}"
LEAD_NAME = "Programme lead (demo)"
# Spread the ideas' submission times over the weeks before the load, newest last.
IDEA_SPACING = timedelta(hours=3)
_ASCII_LETTERS = str.maketrans({"đ": "dj", "Đ": "Dj"})


@dataclass
class LoadReport:
    created: Counter[str] = field(default_factory=Counter)
    existing: Counter[str] = field(default_factory=Counter)
    logins: list[tuple[str, str]] = field(default_factory=list)

    @property
    def created_anything(self) -> bool:
        return sum(self.created.values()) > 0


def demo_email(name: str) -> str:
    """`Milica Đorđević` -> `milica.djordjevic@demo.mentorship.rs`."""
    decomposed = unicodedata.normalize("NFKD", name.translate(_ASCII_LETTERS))
    ascii_name = decomposed.encode("ascii", "ignore").decode().lower()
    return ".".join(ascii_name.split()) + f"@{DEMO_DOMAIN}"


def _password_hash() -> str:
    """Hashing once and sharing the hash keeps the load fast with a slow production hash method."""
    probe = User()
    probe.set_password(DEMO_PASSWORD)
    return probe.password_hash


def _add_organisations(
    model: type[Cluster | Partner], rows: tuple[dict[str, Any], ...], report: LoadReport
) -> None:
    kind = "clusters" if model is Cluster else "partners"
    taken = {name.lower() for name in db.session.scalars(sa.select(model.name))}
    for row in rows:
        if row["name"].lower() in taken:
            report.existing[kind] += 1
            continue
        db.session.add(model(**row))
        report.created[kind] += 1


def _existing_users(emails: list[str]) -> dict[str, User]:
    found = db.session.scalars(sa.select(User).where(User.email.in_(emails)))
    return {user.email: user for user in found}


def _add_lead(password_hash: str, report: LoadReport) -> None:
    if _existing_users([LEAD_EMAIL]):
        report.existing["lead accounts"] += 1
        return
    db.session.add(
        User(email=LEAD_EMAIL, name=LEAD_NAME, role=Role.LEAD.value, password_hash=password_hash)
    )
    report.created["lead accounts"] += 1


def _add_mentors(password_hash: str, now: datetime, report: LoadReport) -> None:
    existing = _existing_users([demo_email(row["name"]) for row in MENTORS])
    for row in MENTORS:
        email = demo_email(row["name"])
        if email in existing:
            report.existing["mentors"] += 1
            continue
        profile = {key: value for key, value in row.items() if key != "name"}
        user = User(
            email=email, name=row["name"], role=Role.MENTOR.value, password_hash=password_hash
        )
        user.mentor_profile = MentorProfile(
            **profile, activated_at=now if row["status"] == MentorStatus.ACTIVE.value else None
        )
        db.session.add(user)
        report.created["mentors"] += 1


def _add_entrepreneurs(password_hash: str, report: LoadReport) -> dict[str, User]:
    """Every demo entrepreneur's account, whether made now or by an earlier load."""
    existing = _existing_users([demo_email(person.name) for person in ENTREPRENEURS])
    accounts: dict[str, User] = {}
    for person in ENTREPRENEURS:
        email = demo_email(person.name)
        if email in existing:
            report.existing["entrepreneurs"] += 1
            accounts[person.name] = existing[email]
            continue
        user = User(
            email=email, name=person.name, role=Role.ENTREPRENEUR.value, password_hash=password_hash
        )
        user.entrepreneur_profile = EntrepreneurProfile(
            business_name=person.business_name,
            city=person.city,
            country="RS",
            sector=person.sector,
            stage=person.stage,
            bio=person.bio,
            languages=list(person.languages),
        )
        db.session.add(user)
        accounts[person.name] = user
        report.created["entrepreneurs"] += 1
    db.session.flush()
    return accounts


def _add_ideas(accounts: dict[str, User], now: datetime, report: LoadReport) -> None:
    owners = [account for account in accounts.values() if account.role == Role.ENTREPRENEUR.value]
    rows = db.session.execute(
        sa.select(Idea.owner_id, Idea.title).where(
            Idea.owner_id.in_([owner.id for owner in owners])
        )
    )
    taken = {(owner_id, title) for owner_id, title in rows}
    ideas = build_ideas(ENTREPRENEURS)
    for position, idea in enumerate(ideas):
        owner = accounts[idea.owner.name]
        if owner.role != Role.ENTREPRENEUR.value:
            report.existing["skipped ideas"] += 1
            continue
        if (owner.id, idea.title) in taken:
            report.existing["ideas"] += 1
            continue
        submitted_at = now - IDEA_SPACING * (len(ideas) - position)
        db.session.add(
            Idea(
                owner_id=owner.id,
                title=idea.title,
                description=idea.description,
                sector=idea.sector,
                stage=idea.stage,
                needs=list(idea.needs),
                status=IdeaStatus.SUBMITTED.value,
                created_at=submitted_at,
                updated_at=submitted_at,
            )
        )
        report.created["ideas"] += 1


def _add_programme(now: datetime, report: LoadReport) -> Programme:
    programme = db.session.scalar(sa.select(Programme).where(Programme.name == PROGRAMME_NAME))
    if programme is not None:
        report.existing["programmes"] += 1
        return programme
    year = programme_year(now.date())
    programme = Programme(
        name=PROGRAMME_NAME,
        funder=PROGRAMME_FUNDER,
        description=PROGRAMME_DESCRIPTION,
        starts_on=date(year, 3, 6),
        ends_on=date(year, 3, 18),
    )
    programme.modules = [ProgrammeModule(**module) for module in modules(year)]
    db.session.add(programme)
    db.session.flush()
    report.created["programmes"] += 1
    return programme


def _enrol_and_tag(programme: Programme, accounts: dict[str, User], report: LoadReport) -> None:
    """Every demo entrepreneur is enrolled; her ideas alternate between the two modules."""
    owners = [a for a in accounts.values() if a.role == Role.ENTREPRENEUR.value]
    enrolled = set(
        db.session.scalars(
            sa.select(Enrolment.user_id).where(Enrolment.programme_id == programme.id)
        )
    )
    for owner in owners:
        if owner.id not in enrolled:
            db.session.add(Enrolment(programme_id=programme.id, user_id=owner.id))
            report.created["enrolments"] += 1
    db.session.flush()
    module_ids = [module.id for module in sorted(programme.modules, key=lambda m: m.starts_on)]
    untagged = db.session.scalars(
        sa.select(Idea)
        .where(Idea.owner_id.in_([o.id for o in owners]), Idea.programme_id.is_(None))
        .order_by(Idea.created_at, Idea.id)
    )
    for position, idea in enumerate(untagged):
        idea.programme_id = programme.id
        idea.module_id = module_ids[position % len(module_ids)]


def _demo_logins(entrepreneurs: tuple[DemoEntrepreneur, ...]) -> list[tuple[str, str]]:
    mentor = next(row for row in MENTORS if row["status"] == MentorStatus.ACTIVE.value)
    return [
        ("lead", LEAD_EMAIL),
        ("mentor", demo_email(mentor["name"])),
        ("entrepreneur", demo_email(entrepreneurs[0].name)),
    ]


def load_demo() -> LoadReport:
    """Add whatever demo rows are missing, in one transaction; rows already there are left alone."""
    report = LoadReport()
    now = datetime.now(UTC)
    try:
        password_hash = _password_hash()
        _add_organisations(Cluster, CLUSTERS, report)
        _add_organisations(Partner, PARTNERS, report)
        _add_lead(password_hash, report)
        _add_mentors(password_hash, now, report)
        accounts = _add_entrepreneurs(password_hash, report)
        _add_ideas(accounts, now, report)
        db.session.flush()
        _enrol_and_tag(_add_programme(now, report), accounts, report)
        db.session.commit()
    except Exception:
        db.session.rollback()
        raise
    report.logins = _demo_logins(ENTREPRENEURS)
    return report


def match_open_ideas() -> str:
    """One batch rematch after the load, instead of one task per idea; says what happened."""
    try:
        from mentorship.services.matching import rematch_open_ideas

        matched = rematch_open_ideas()
    except Exception as error:  # noqa: BLE001 -- matching may be missing or not ready; the load stands
        db.session.rollback()
        return (
            f"Matching did not run ({type(error).__name__}: {error}). The ideas stay submitted; "
            "they are matched once matching is available (the periodic sweep picks them up)."
        )
    return f"Matching ran for {matched} open ideas."


def advance_to_halfway() -> str:
    """Mentors' answers and the lead's decisions from the data file, once; says what happened."""
    from mentorship.demo.halfway import apply_halfway
    from mentorship.demo.mentorships import apply_mentorship_stages

    done = apply_halfway()
    stages = apply_mentorship_stages() if "waiting for matching" not in done else Counter()
    return (
        "Half-way through the programme: "
        + ", ".join(f"{count} {what}" for what, count in sorted(done.items()))
        + ". Mentorships: "
        + (", ".join(f"{count} {what}" for what, count in sorted(stages.items())) or "none")
        + "."
    )


def load_demo_event() -> str:
    """The finished B2B matchmaking day (mentorship.demo.events), once; says what happened."""
    from mentorship.demo.cooperation import add_demo_cooperation
    from mentorship.demo.events import add_demo_event

    password_hash = _password_hash()
    done = add_demo_event(password_hash, LEAD_EMAIL, demo_email)
    return f"{done}\n{add_demo_cooperation(password_hash, demo_email)}"


def load_demo_introductions() -> str:
    """Threads and agreements on the approved introductions (mentorship.demo.introductions)."""
    from mentorship.demo.introductions import add_demo_introductions

    return add_demo_introductions(_password_hash(), LEAD_EMAIL, demo_email)
