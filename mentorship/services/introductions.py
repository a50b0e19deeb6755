"""What each side is told about a decided match, and the contact details an approval opens up."""

from __future__ import annotations

from typing import Any

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
        return (f"Meet {mentor.name}{f' ({headline})' if headline else ''}, your mentor for "
                f"“{idea.title}”. Write to {mentor.email} to arrange a first conversation.")
    if match.kind == MatchKind.PARTNER.value:
        partner = match.partner
        place = ", ".join(part for part in (partner.city, partner.country) if part)
        return (f"The programme introduces you to {partner.name}{f' in {place}' if place else ''} "
                f"as a supply-chain partner for “{idea.title}”. The programme team will put you in touch.")
    cluster = match.cluster
    website = f" See {cluster.website}." if cluster.website else ""
    return (f"The programme recommends {cluster.name} as the startup cluster for "
            f"“{idea.title}”.{website}")


def contact_details(match: Match) -> dict[str, Any] | None:
    """The other side's details, shown to the entrepreneur only once the lead approved."""
    if match.status != MatchStatus.APPROVED.value:
        return None
    if match.kind == MatchKind.MENTOR.value and match.mentor is not None:
        mentor = match.mentor
        profile = mentor.mentor_profile
        return {"name": mentor.name, "email": mentor.email,
                "headline": profile.headline if profile else ""}
    if match.kind == MatchKind.PARTNER.value and match.partner is not None:
        partner = match.partner
        return {"name": partner.name, "city": partner.city, "country": partner.country,
                "description": partner.description}
    if match.kind == MatchKind.CLUSTER.value and match.cluster is not None:
        return {"name": match.cluster.name, "website": match.cluster.website}
    return None


def tell_about_approval(match: Match) -> None:
    idea = match.idea
    notify(idea.owner, "match.approved", f"You have a new pairing for “{idea.title}”",
           introduction(match), _idea_link(match))
    if match.kind == MatchKind.MENTOR.value and match.mentor is not None:
        owner = idea.owner
        business = owner.entrepreneur_profile.business_name if owner.entrepreneur_profile else ""
        notify(match.mentor, "match.approved", f"Your pairing for “{idea.title}” is approved",
               f"The programme lead approved your pairing with {owner.name}"
               f"{f' ({business})' if business else ''} for “{idea.title}”. "
               f"You can write to her at {owner.email}.", "/reviews?status=approved")


def tell_about_rejection(match: Match, before: str) -> None:
    """Only a mentor who had said yes is waiting to hear; proposals nobody acted on stay quiet."""
    if match.kind == MatchKind.MENTOR.value and before == MatchStatus.ACCEPTED.value:
        notify(match.mentor, "match.rejected", f"“{match.idea.title}” was paired differently",
               f"Thank you for accepting “{match.idea.title}”. The programme lead chose another "
               "pairing this time.", "/reviews?status=rejected")
