"""One's own data: download a copy of everything held, or delete the account."""

from __future__ import annotations

import json
from datetime import datetime, timezone

from flask import Blueprint, Response, flash, redirect, render_template, url_for
from flask_babel import gettext
from flask_login import current_user, login_required, logout_user

from mentorship.account.data_forms import DeleteAccountForm
from mentorship.main.helpers import show_service_error
from mentorship.services import account as account_service
from mentorship.services.errors import ServiceError
from mentorship.services.pairing_endings import approved_pairings_count

account_data_bp = Blueprint("account_data", __name__, url_prefix="/account")


@account_data_bp.route("/data")
@login_required
def download():
    data = account_service.export_user_data(current_user)
    filename = f"mentorship-match-my-data-{datetime.now(timezone.utc):%Y-%m-%d}.json"
    return Response(
        json.dumps(data, ensure_ascii=False, indent=2),
        mimetype="application/json",
        headers={
            "Content-Disposition": f'attachment; filename="{filename}"',
            "Cache-Control": "no-store",
        },
    )


@account_data_bp.route("/delete", methods=["GET", "POST"])
@login_required
def delete():
    form = DeleteAccountForm()
    if form.validate_on_submit():
        try:
            account_service.delete_account(current_user, form.password.data)
        except ServiceError as error:
            show_service_error(form, error)
        else:
            logout_user()
            flash(
                gettext(
                    "Your account and everything in it are deleted. Thank you for taking part."
                ),
                "info",
            )
            return redirect(url_for("main.home"))
    ending = approved_pairings_count("mentor", current_user.id) if current_user.is_mentor else 0
    return render_template("account/delete_account.html", form=form, ending=ending)
