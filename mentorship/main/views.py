"""The home page: what the product is, or for a signed-in user a dashboard of next steps."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, current_app, redirect, render_template, url_for
from flask_login import current_user

from mentorship.extensions import db
from mentorship.infrastructure.pagination import counts, paginate_in_one_query
from mentorship.main.helpers import ConfirmForm
from mentorship.models import Cluster, ContactStatus, MentorStatus, Partner, PartnerContact
from mentorship.queries import reports as figures
from mentorship.services import directory, mentors, partner_contacts
from mentorship.services import ideas as idea_service
from mentorship.services.events.setup import list_events

main_bp = Blueprint("main", __name__)

RECENT_IDEAS = 5


@main_bp.app_context_processor
def navigation_helpers() -> dict[str, Any]:
    """The log-out form on every page, and a way to show nav links only once their page exists."""

    def has_endpoint(endpoint: str) -> bool:
        return endpoint in current_app.view_functions

    return {"logout_form": ConfirmForm(), "has_endpoint": has_endpoint}


def _entrepreneur_dashboard() -> dict[str, Any]:
    profile = current_user.entrepreneur_profile
    ideas = paginate_in_one_query(idea_service.visible_ideas(current_user), 1, RECENT_IDEAS)
    profile_complete = bool(profile and profile.business_name and profile.sector and profile.city)
    return {"ideas": ideas, "profile_complete": profile_complete}


def _mentor_dashboard() -> dict[str, Any]:
    profile = current_user.mentor_profile
    load = mentors.mentor_loads([current_user.id])[current_user.id]
    profile_complete = bool(profile and profile.headline and profile.expertise and profile.sectors)
    return {"load": load, "profile_complete": profile_complete}


def _lead_dashboard() -> dict[str, Any]:
    all_ideas = idea_service.visible_ideas(current_user)
    ideas_by_status = dict(figures.ideas_by_status())
    # Every figure in one query, and the recent ideas with their total in another.
    pending_mentors, active_mentors, partners, clusters, pending_contacts = counts(
        mentors.mentors_query(MentorStatus.PENDING.value),
        mentors.mentors_query(MentorStatus.ACTIVE.value),
        directory.list_organisations(Partner),
        directory.list_organisations(Cluster),
        partner_contacts.contacts_query(ContactStatus.PENDING.value),
    )
    return {
        "pending_mentors": pending_mentors,
        "pending_contacts": pending_contacts,
        "active_mentors": active_mentors,
        "ideas_by_status": ideas_by_status,
        "recent_ideas": paginate_in_one_query(all_ideas, 1, RECENT_IDEAS),
        "partners": partners,
        "clusters": clusters,
    }


@main_bp.route("/")
def home():
    if not current_user.is_authenticated:
        return render_template("main/home.html")
    if current_user.is_lead:
        return render_template("main/dashboard_lead.html", **_lead_dashboard())
    if current_user.is_mentor:
        return render_template("main/dashboard_mentor.html", **_mentor_dashboard())
    if current_user.is_partner_contact:
        return _partner_dashboard()
    return render_template("main/dashboard_entrepreneur.html", **_entrepreneur_dashboard())


def _partner_dashboard():
    """A contact person's home: her company's introductions and the events, once approved."""
    contact = db.session.get(PartnerContact, current_user.id)
    approved = partner_contacts.is_approved(current_user)
    return render_template(
        "main/dashboard_partner.html",
        contact=contact,
        approved=approved,
        introductions=partner_contacts.introductions(current_user) if approved else [],
        events=list(db.session.scalars(list_events(current_user).limit(10))) if approved else [],
    )


@main_bp.route("/favicon.ico")
def favicon():
    """Browsers ask for this path before reading the page's <link rel="icon">."""
    return redirect(url_for("static", filename="favicon.svg"), code=301)
