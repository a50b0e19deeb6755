"""A partner company's contact person registers herself (for a company of the directory, or
one she names); like a new mentor she waits for the lead, who approves or rejects her. Once
approved she sees her company's introductions and the events."""

from __future__ import annotations

import sqlalchemy as sa
from flask_babel import gettext as _
from flask_babel import lazy_gettext
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import selectinload

from mentorship import task_names
from mentorship.contract.fields import NAME_MAX
from mentorship.extensions import db
from mentorship.infrastructure.background import enqueue
from mentorship.models import (
    ContactStatus,
    Match,
    MatchKind,
    MatchStatus,
    Partner,
    PartnerContact,
    Role,
    User,
)
from mentorship.models.base import utcnow
from mentorship.services import audit
from mentorship.services.accounts import find_user_by_email
from mentorship.services.errors import (
    ConflictError,
    NotFoundError,
    PermissionDeniedError,
    ValidationFailedError,
)
from mentorship.services.notifications import notify, send_pending_emails

DUPLICATE = lazy_gettext("An account with this e-mail already exists.")


def _partner_named(name: str) -> Partner | None:
    return db.session.scalar(sa.select(Partner).where(sa.func.lower(Partner.name) == name.lower()))


def register_contact(
    email: str,
    password: str,
    name: str,
    partner_id: int | None,
    company_name: str = "",
    locale: str | None = None,
) -> User:
    """A contact person's account, waiting for the lead's approval. She chooses her company
    from the directory (``partner_id``) or names a new one (``company_name``)."""
    email = email.strip().lower()
    company_name = " ".join((company_name or "").split())
    if partner_id and company_name:
        both = _("Choose your company from the list or name it, not both.")
        raise ValidationFailedError(both, {"partner_id": [both], "company_name": [both]})
    partner = db.session.get(Partner, partner_id) if partner_id else None
    if partner_id and partner is None:
        raise ValidationFailedError(
            _("Choose your company from the list."), {"partner_id": [_("Unknown company.")]}
        )
    if partner is None:
        if not company_name or len(company_name) > NAME_MAX:
            raise ValidationFailedError(
                _("Choose your company from the list, or name it if it is not there."),
                {"company_name": [_("Give your company's name.")]},
            )
        partner = _partner_named(company_name)  # already in the directory after all
    if find_user_by_email(email) is not None:
        raise ConflictError(str(DUPLICATE), {"email": [_("Already registered.")]})
    user = User(email=email, name=name.strip(), role=Role.PARTNER.value, locale=locale)
    user.set_password(password)
    db.session.add(user)
    try:
        db.session.flush()
        db.session.add(
            PartnerContact(
                user_id=user.id,
                partner_id=partner.id if partner else None,
                company_name="" if partner else company_name,
                status=ContactStatus.PENDING.value,
            )
        )
        db.session.flush()
        audit.record(
            user,
            "account.register",
            "user",
            user.id,
            after=ContactStatus.PENDING.value,
            details={
                "role": Role.PARTNER.value,
                "company": partner.name if partner else company_name,
            },
        )
        db.session.commit()
    except IntegrityError:
        db.session.rollback()
        raise ConflictError(str(DUPLICATE), {"email": [_("Already registered.")]}) from None
    for lead in db.session.scalars(sa.select(User).where(User.role == Role.LEAD.value)):
        notify(
            lead,
            "partner_contact_registered",
            lazy_gettext("%(name)s registered as a contact person", name=user.name),
            lazy_gettext("Approve or reject her on the mentors' page."),
            "/lead/mentors",
        )
    db.session.commit()
    send_pending_emails()
    return user


def contacts_query(status: str | None = None) -> sa.Select:
    """Contact people of partner companies, oldest first (the lead's queue order); ``status``
    keeps one of CONTACT_STATUSES."""
    statement = (
        sa.select(PartnerContact)
        .options(selectinload(PartnerContact.user), selectinload(PartnerContact.partner))
        .order_by(PartnerContact.created_at, PartnerContact.user_id)
    )
    if status:
        statement = statement.where(PartnerContact.status == status)
    return statement


def pending_contacts() -> list[PartnerContact]:
    return list(db.session.scalars(contacts_query(ContactStatus.PENDING.value)))


def decide(actor: User, user_id: int, approve: bool) -> PartnerContact:
    """Approve (adding a newly named company to the directory) or reject a waiting contact."""
    if not actor.is_lead:
        raise PermissionDeniedError(_("Only the programme lead approves accounts."))
    contact = db.session.get(PartnerContact, user_id, with_for_update=True)
    if contact is None:
        raise NotFoundError(_("Contact person not found."))
    if contact.status != ContactStatus.PENDING:
        raise ConflictError(_("%(name)s is already decided on.", name=contact.user.name))
    created = None
    if approve and contact.partner_id is None:
        partner = _partner_named(contact.company_name)
        if partner is None:
            partner = created = Partner(name=contact.company_name, description="")
            db.session.add(partner)
            db.session.flush()
            audit.record(
                actor, "partner.create", "partner", partner.id, details={"name": partner.name}
            )
        contact.partner = partner
        contact.company_name = ""
    contact.status = (ContactStatus.ACTIVE if approve else ContactStatus.REJECTED).value
    contact.decided_at = utcnow()
    audit.record(
        actor,
        "partner_contact.approve" if approve else "partner_contact.reject",
        "user",
        contact.user_id,
        before=ContactStatus.PENDING.value,
        after=contact.status,
    )
    subject = (
        lazy_gettext("Your account for %(company)s is approved", company=contact.company)
        if approve
        else lazy_gettext("Your account for %(company)s is not approved", company=contact.company)
    )
    body = (
        lazy_gettext("You can now see your company's introductions and take part in events.")
        if approve
        else lazy_gettext("Please write to the programme team if you think this is a mistake.")
    )
    notify(contact.user, "partner_contact_decision", subject, body, "/")
    db.session.commit()
    if created is not None:
        enqueue(task_names.CANDIDATE_CHANGED, "partner", created.id)
    send_pending_emails()
    return contact


def is_approved(user: User) -> bool:
    """Not a contact person, or one the lead approved (or invited)."""
    if not user.is_partner_contact:
        return True
    contact = db.session.get(PartnerContact, user.id)
    return contact is not None and contact.is_active and contact.partner_id is not None


def introductions(user: User) -> list[Match]:
    """The approved, running pairings of ideas with the contact person's company."""
    contact = db.session.get(PartnerContact, user.id)
    if contact is None or not contact.is_active or contact.partner_id is None:
        return []
    return list(
        db.session.scalars(
            sa.select(Match)
            .where(
                Match.kind == MatchKind.PARTNER.value,
                Match.partner_id == contact.partner_id,
                Match.status == MatchStatus.APPROVED.value,
                Match.ended_at.is_(None),
            )
            .order_by(Match.id.desc())
        )
    )
