"""The in-app notification list, its unread count in the nav, and marking all as read."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext
from flask_login import current_user, login_required

from mentorship.infrastructure.pagination import page_args, paginate
from mentorship.main.helpers import ConfirmForm
from mentorship.services import notifications

notifications_bp = Blueprint("notifications", __name__, url_prefix="/notifications")

PER_PAGE = 20


@notifications_bp.app_context_processor
def unread_notifications() -> dict[str, Any]:
    def count() -> int:
        return notifications.unread_count(current_user) if current_user.is_authenticated else 0

    return {"unread_notifications": count}


@notifications_bp.route("")
@login_required
def index():
    page, per_page = page_args(request.args, PER_PAGE)
    result = paginate(notifications.user_notifications(current_user), page, per_page)
    return render_template("notifications/index.html", page=result, form=ConfirmForm())


@notifications_bp.route("/read", methods=["POST"])
@login_required
def mark_all_read():
    if not ConfirmForm().validate_on_submit():
        abort(400)
    notifications.mark_all_read(current_user)
    flash(gettext("All notifications are marked as read."), "success")
    return redirect(url_for("notifications.index"))
