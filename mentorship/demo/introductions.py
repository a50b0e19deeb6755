"""Demo threads and signed agreements on the approved partner and cluster introductions, and one
outcome question the lead added to the demo programme (data/introductions.json); once."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime, time, timedelta
from pathlib import Path

import sqlalchemy as sa

from mentorship.extensions import db
from mentorship.models import (
    AuditEntry,
    IntroductionMessage,
    IntroductionReadMark,
    Match,
    MatchKind,
    MatchStatus,
    OutcomeQuestion,
    PartnerContact,
    PartnershipAgreement,
    Programme,
    Role,
    User,
)
from mentorship.services import audit
from mentorship.services.outcome_questions import default_questions
from mentorship.services.partnerships.threads import messages

DATA = Path(__file__).resolve().parent / "data" / "introductions.json"
MARKER = "demo.introductions"


def _moment(days_ago: int, hour: int = 9) -> datetime:
    day = datetime.now(UTC).date() - timedelta(days=days_ago)
    return datetime.combine(day, time(hour), UTC)


def _approved(kind: str) -> list[Match]:
    return list(
        db.session.scalars(
            sa.select(Match)
            .where(
                Match.kind == kind,
                Match.status == MatchStatus.APPROVED.value,
                Match.ended_at.is_(None),
            )
            .order_by(Match.id)
        )
    )


def _contact(match: Match, name: str, password_hash: str, email_of) -> User:
    found = db.session.scalar(
        sa.select(User)
        .join(PartnerContact, PartnerContact.user_id == User.id)
        .where(PartnerContact.partner_id == match.partner_id)
        .order_by(User.id)
        .limit(1)
    )
    if found is not None:
        return found
    user = db.session.scalar(sa.select(User).where(User.email == email_of(name)))
    if user is None:
        user = User(email=email_of(name), name=name, role=Role.PARTNER.value)
        user.password_hash = password_hash
        db.session.add(user)
        db.session.flush()
    db.session.add(PartnerContact(user_id=user.id, partner_id=match.partner_id))
    return user


def _thread(match: Match, rows: list[dict], senders: dict[str, int | None]) -> None:
    for row in rows:
        db.session.add(
            IntroductionMessage(
                match_id=match.id,
                sender_id=senders[row["from"]],
                body=row["text"],
                created_at=_moment(row["days_ago"]),
            )
        )


def _read_own_part(match: Match) -> None:
    """Each writer has read the thread up to and including her own last message (the read
    marks people get by opening it), so only what others wrote after it is new to her."""
    db.session.flush()
    last_own: dict[int, IntroductionMessage] = {}
    for message in messages(match):
        if message.sender_id is not None:
            last_own[message.sender_id] = message
    for user_id, message in last_own.items():
        db.session.add(
            IntroductionReadMark(
                match_id=match.id,
                user_id=user_id,
                last_read_message_id=message.id,
                read_at=message.created_at,
            )
        )


def _add_question(text: str) -> None:
    programme = db.session.scalar(sa.select(Programme).order_by(Programme.id).limit(1))
    if programme is None:
        return
    if not db.session.scalar(
        sa.select(OutcomeQuestion.id).where(OutcomeQuestion.programme_id == programme.id)
    ):
        for position, question in enumerate(default_questions()):
            db.session.add(
                OutcomeQuestion(programme_id=programme.id, key=question.key, position=position)
            )
    db.session.add(
        OutcomeQuestion(programme_id=programme.id, key="digital_sales", label=text, position=6)
    )


def add_demo_introductions(
    password_hash: str, lead_email: str, email_of: Callable[[str], str], path: Path = DATA
) -> str:
    if db.session.scalar(sa.select(AuditEntry.id).where(AuditEntry.action == MARKER).limit(1)):
        return "Demo introductions are already there."
    data = json.loads(path.read_text(encoding="utf-8"))
    lead = db.session.scalar(sa.select(User).where(User.email == lead_email))
    partners = _approved(MatchKind.PARTNER.value)
    threads = agreements = 0
    contacts: list[str] = []
    for match, script, name in zip(
        partners, data["partner_threads"], data["partner_contacts"], strict=False
    ):
        contact = _contact(match, name, password_hash, email_of)
        contacts.append(contact.email)
        _thread(
            match, script["messages"], {"entrepreneur": match.idea.owner_id, "partner": contact.id}
        )
        _read_own_part(match)
        threads += 1
        signed = script.get("agreement")
        if signed:
            db.session.add(
                PartnershipAgreement(
                    match_id=match.id,
                    signed_on=_moment(signed["days_ago"]).date(),
                    cooperation_type=signed["cooperation_type"],
                    recorded_by_id=match.idea.owner_id,
                    created_at=_moment(signed["days_ago"], 15),
                )
            )
            agreements += 1
    clusters = _approved(MatchKind.CLUSTER.value)
    if clusters and lead is not None:
        senders = {"entrepreneur": clusters[0].idea.owner_id, "lead": lead.id}
        _thread(clusters[0], data["cluster_thread"], senders)
        _read_own_part(clusters[0])
        threads += 1
    _add_question(data["added_question"])
    audit.record(
        None, MARKER, "match", None, details={"threads": threads, "agreements": agreements}
    )
    db.session.commit()
    return f"Demo introductions: {threads} threads, {agreements} signed partnership agreements" + (
        f" (partner contact login: {contacts[0]})." if contacts else "."
    )
