"""Editing one's own account and profile."""

from __future__ import annotations

from flask import Blueprint, flash, redirect, render_template, url_for
from flask_babel import gettext
from flask_login import current_user, login_required

from mentorship.contract.accounts import ENTREPRENEUR_FIELDS, MENTOR_FIELDS
from mentorship.main.helpers import language_choices, show_service_error
from mentorship.profiles.forms import EntrepreneurProfileForm, MentorProfileForm, MessageEmailsForm
from mentorship.services import accounts
from mentorship.services.errors import ServiceError

profiles_bp = Blueprint("profiles", __name__)


def _message_emails(user) -> str:
    return "instant" if user.instant_emails else "daily"


def _form_for(user):
    """The role's form, filled from the stored profile on GET and from the request on POST."""
    profile = user.profile
    if user.is_entrepreneur:
        form = EntrepreneurProfileForm(
            obj=profile,
            name=user.name,
            email_notifications=user.email_notifications,
            message_emails=_message_emails(user),
        )
    elif user.is_mentor:
        form = MentorProfileForm(
            obj=profile,
            name=user.name,
            email_notifications=user.email_notifications,
            proposal_emails="instant" if user.instant_emails else "daily",
        )
    else:
        return MessageEmailsForm(obj=user, message_emails=_message_emails(user)), ()
    form.languages.choices = language_choices(profile.languages or [])
    fields = ENTREPRENEUR_FIELDS if user.is_entrepreneur else MENTOR_FIELDS
    return form, fields


def _instant_emails(form) -> bool | None:
    """Mentors choose for proposals and messages, everybody else for messages."""
    choice = getattr(form, "proposal_emails", None) or getattr(form, "message_emails", None)
    return choice.data == "instant" if choice is not None else None


@profiles_bp.route("/profile", methods=["GET", "POST"])
@login_required
def edit():
    form, fields = _form_for(current_user)
    if form.validate_on_submit():
        profile = {name: form[name].data for name in fields}
        for optional in ("sector", "stage"):
            if optional in profile:
                profile[optional] = profile[optional] or None
        try:
            accounts.update_account(
                current_user,
                name=form.name.data,
                profile=profile or None,
                email_notifications=form.email_notifications.data,
                instant_emails=_instant_emails(form),
            )
        except ServiceError as error:
            show_service_error(form, error)
        else:
            flash(gettext("Your profile is saved."), "success")
            return redirect(url_for("profiles.edit"))
    elif form.errors:
        flash(gettext("Please correct the marked fields."), "error")
    return render_template("profiles/edit.html", form=form)
