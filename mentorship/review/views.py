"""The mentor's queue of proposed ideas: read one, accept or decline it, see past answers."""

from __future__ import annotations

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_babel import lazy_gettext
from flask_login import current_user

from mentorship.main.helpers import role_required
from mentorship.models.matches import MATCH_STATUSES, MatchStatus
from mentorship.review.forms import ReviewForm
from mentorship.services import review as review_service
from mentorship.services.errors import ServiceError
from mentorship.services.pagination import page_args, paginate

review_bp = Blueprint("review", __name__, url_prefix="/reviews")

PER_PAGE = 10
DONE = {
    "accept": lazy_gettext(
        "You accepted “%(title)s”. The programme lead will confirm the pairing."
    ),
    "decline": lazy_gettext("You declined “%(title)s”. Thank you for letting us know."),
}


@review_bp.route("")
@role_required("mentor")
def index():
    status = request.args.get("status", MatchStatus.PROPOSED.value)
    status = status if status in MATCH_STATUSES else MatchStatus.PROPOSED.value
    page, per_page = page_args(request.args, PER_PAGE)
    result = paginate(review_service.mentor_matches(current_user, status), page, per_page)
    return render_template(
        "review/index.html",
        page=result,
        status=status,
        form=ReviewForm(),
        active=current_user.mentor_profile.is_active,
    )


@review_bp.route("/<int:match_id>")
@role_required("mentor")
def show(match_id: int):
    match = review_service.get_mentor_match(current_user, match_id)
    return render_template(
        "review/show.html",
        match=match,
        form=ReviewForm(),
        active=current_user.mentor_profile.is_active,
    )


@review_bp.route("/<int:match_id>", methods=["POST"])
@role_required("mentor")
def decide(match_id: int):
    match = review_service.get_mentor_match(current_user, match_id)
    form = ReviewForm()
    if not form.validate_on_submit():
        return render_template(
            "review/show.html", match=match, form=form, active=current_user.mentor_profile.is_active
        ), 422
    title = match.idea.title
    try:
        review_service.review_match(current_user, match_id, form.decision.data, form.note.data)
    except ServiceError as error:
        flash(error.message, "info")
    else:
        flash(DONE[form.decision.data] % {"title": title}, "success")
    return redirect(url_for("review.index"))
