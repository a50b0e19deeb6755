"""What each side is told about a decided match, and the contact details an approval opens up."""

from __future__ import annotations

from typing import Any

from flask_babel import LazyString, lazy_gettext
from flask_babel import gettext as _

from mentorship.models import Match, MatchKind, MatchStatus
from mentorship.services.notifications import notify


def _idea_link(match: Match) -> str:
    return f"/ideas/{match.idea_id}"


def introduction(match: Match) -> str:
    """A short message that introduces the entrepreneur to whom she was paired with."""
    idea = match.idea
    if match.kind == MatchKind.MENTOR.value:
        mentor = match.mentor
        headline = mentor.mentor_profile.headline if mentor.mentor_profile else ""
        name = f"{mentor.name} ({headline})" if headline else mentor.name
        return _(
            "Meet %(name)s, your mentor for “%(title)s”. Write to %(email)s to arrange a "
            "first conversation.",
            name=name,
            title=idea.title,
            email=mentor.email,
        )
    if match.kind == MatchKind.PARTNER.value:
        partner = match.partner
        place = ", ".join(part for part in (partner.city, partner.country) if part)
        if place:
            return _(
                "The programme introduces you to %(name)s in %(place)s as a supply-chain "
                "partner for “%(title)s”. The programme team will put you in touch.",
                name=partner.name,
                place=place,
                title=idea.title,
            )
        return _(
            "The programme introduces you to %(name)s as a supply-chain partner for "
            "“%(title)s”. The programme team will put you in touch.",
            name=partner.name,
            title=idea.title,
        )
    cluster = match.cluster
    text = _(
        "The programme recommends %(name)s as the startup cluster for “%(title)s”.",
        name=cluster.name,
        title=idea.title,
    )
    if cluster.website:
        text += " " + _("See %(website)s.", website=cluster.website)
    return text


def contact_details(match: Match) -> dict[str, Any] | None:
    """The other side's details, shown to the entrepreneur only once the lead approved."""
    if match.status != MatchStatus.APPROVED.value or match.ended_at is not None:
        return None
    if match.kind == MatchKind.MENTOR.value and match.mentor is not None:
        mentor = match.mentor
        profile = mentor.mentor_profile
        return {
            "name": mentor.name,
            "email": mentor.email,
            "headline": profile.headline if profile else "",
        }
    if match.kind == MatchKind.PARTNER.value and match.partner is not None:
        partner = match.partner
        return {
            "name": partner.name,
            "city": partner.city,
            "country": partner.country,
            "description": partner.description,
        }
    if match.kind == MatchKind.CLUSTER.value and match.cluster is not None:
        return {"name": match.cluster.name, "website": match.cluster.website}
    return None


def tell_about_approval(match: Match) -> None:
    idea = match.idea
    notify(
        idea.owner,
        "match.approved",
        lazy_gettext("You have a new pairing for “%(title)s”", title=idea.title),
        LazyString(introduction, match),
        _idea_link(match),
    )
    if match.kind == MatchKind.MENTOR.value and match.mentor is not None:
        owner = idea.owner
        business = owner.entrepreneur_profile.business_name if owner.entrepreneur_profile else ""
        name = owner.name + (f" ({business})" if business else "")
        notify(
            match.mentor,
            "match.approved",
            lazy_gettext("Your pairing for “%(title)s” is approved", title=idea.title),
            lazy_gettext(
                "The programme lead approved your pairing with %(name)s for “%(title)s”. "
                "You can write to her at %(email)s.",
                name=name,
                title=idea.title,
                email=owner.email,
            ),
            "/reviews?status=approved",
        )


def tell_about_rejection(match: Match, before: str) -> None:
    """Only a mentor who had said yes is waiting to hear; proposals nobody acted on stay quiet."""
    if match.kind == MatchKind.MENTOR.value and before == MatchStatus.ACCEPTED.value:
        notify(
            match.mentor,
            "match.rejected",
            lazy_gettext("“%(title)s” was paired differently", title=match.idea.title),
            lazy_gettext(
                "Thank you for accepting “%(title)s”. The programme lead chose another "
                "pairing this time.",
                title=match.idea.title,
            ),
            "/reviews?status=rejected",
        )
