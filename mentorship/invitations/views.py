"""The page behind an invitation link: an imported person chooses her password."""

from __future__ import annotations

from flask import Blueprint, flash, redirect, render_template, url_for
from flask_babel import gettext
from flask_babel import lazy_gettext as _l
from flask_login import current_user, logout_user
from flask_wtf import FlaskForm

from mentorship.auth.password_fields import new_password_field, repeat_password_field
from mentorship.services import invitations
from mentorship.services.invitations import InvitationError

invitations_bp = Blueprint("invitations", __name__)


class SetPasswordForm(FlaskForm):
    password = new_password_field(_l("Choose a password"), _l("Please choose a password."))
    confirm = repeat_password_field(
        _l("Type it again"),
        _l("Please type the password again."),
        _l("The two passwords are not the same."),
    )


@invitations_bp.route("/invite/<token>", methods=["GET", "POST"])
def accept(token: str):
    try:
        found = invitations.token_for(token[:200])
    except InvitationError as error:
        return render_template("invitations/invalid.html", message=error.message), 404
    form = SetPasswordForm()
    if form.validate_on_submit():
        invitations.accept(token, form.password.data)
        if current_user.is_authenticated:
            logout_user()
        flash(
            gettext("Your password is set. Log in with your e-mail address and the new password."),
            "success",
        )
        return redirect(url_for("auth.login"))
    return render_template(
        "invitations/accept.html", form=form, token=token, name=invitations.invited_user(found).name
    )
