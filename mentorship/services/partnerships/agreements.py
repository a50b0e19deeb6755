"""“Partnership agreement signed”: the date and the kind of cooperation, recorded on a partner
introduction by the entrepreneur or the partner's contact person (either may correct it)."""

from __future__ import annotations

from datetime import date

import sqlalchemy as sa
from flask_babel import gettext as _
from flask_babel import lazy_gettext

from mentorship.extensions import db
from mentorship.models import Match, MatchKind, PartnershipAgreement, User
from mentorship.models.introductions import COOPERATION_TYPES
from mentorship.services import audit
from mentorship.services.errors import ConflictError, ValidationFailedError
from mentorship.services.mentorships.access import today
from mentorship.services.notifications import notify
from mentorship.services.partnerships.access import ensure_open, get_introduction, other_side
from mentorship.services.partnerships.threads import link


def agreement_of(match: Match) -> PartnershipAgreement | None:
    return db.session.scalar(
        sa.select(PartnershipAgreement).where(PartnershipAgreement.match_id == match.id)
    )


def _signed_on(value: object, errors: dict) -> date | None:
    if isinstance(value, date):
        signed = value
    else:
        try:
            signed = date.fromisoformat(value) if isinstance(value, str) else None
        except ValueError:
            signed = None
    if signed is None:
        errors["signed_on"] = [_("Give the date as YYYY-MM-DD.")]
    elif signed > today():
        errors["signed_on"] = [_("The date cannot be in the future.")]
    return signed


def record_agreement(user: User, match_id: int, data: dict) -> PartnershipAgreement:
    """Create or correct the introduction's agreement; the other side is told."""
    errors: dict[str, list[str]] = {}
    signed_on = _signed_on(data.get("signed_on"), errors)
    cooperation = data.get("cooperation_type")
    if cooperation not in COOPERATION_TYPES:
        errors["cooperation_type"] = [_("Choose a type of cooperation.")]
    if errors:
        raise ValidationFailedError(_("Some fields are not valid."), errors)
    match = get_introduction(user, match_id)
    if match.kind != MatchKind.PARTNER.value:
        raise ConflictError(_("Agreements are recorded on partner introductions."))
    ensure_open(match)
    agreement = agreement_of(match)
    details: dict[str, str] = {"signed_on": signed_on.isoformat(), "type": cooperation}
    if agreement is None:
        agreement = PartnershipAgreement(match_id=match.id)
        db.session.add(agreement)
    else:
        details["was"] = f"{agreement.signed_on.isoformat()} {agreement.cooperation_type}"
    agreement.signed_on = signed_on
    agreement.cooperation_type = cooperation
    agreement.recorded_by_id = user.id
    audit.record(
        user,
        "partnership_agreement.recorded",
        "match",
        match.id,
        details=details,
    )
    for recipient in other_side(match, user):
        notify(
            recipient,
            "introduction.agreement",
            lazy_gettext("Partnership agreement for “%(title)s”", title=match.idea.title),
            lazy_gettext(
                "%(name)s recorded a signed partnership agreement for “%(title)s”.",
                name=user.name,
                title=match.idea.title,
            ),
            link(match),
        )
    db.session.commit()
    return agreement
