"""The mentor's queue of proposed ideas: read one, accept or decline it, see past answers."""

from __future__ import annotations

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_babel import lazy_gettext
from flask_login import current_user

from mentorship.main.fit_filter import minimum_fit
from mentorship.main.helpers import role_required
from mentorship.main.programme_filter import programme_for_page
from mentorship.models.matches import MATCH_STATUSES, MatchStatus
from mentorship.review.forms import ReviewForm
from mentorship.review.queue import review_list
from mentorship.services import review as review_service
from mentorship.services.errors import ServiceError
from mentorship.vocab import SECTORS

review_bp = Blueprint("review", __name__, url_prefix="/reviews")

DONE = {
    "accept": lazy_gettext(
        "You accepted “%(title)s”. The programme lead will confirm the pairing."
    ),
    "decline": lazy_gettext("You declined “%(title)s”. Thank you for letting us know."),
}
PROPOSED_AGAIN = lazy_gettext(
    "Matching has proposed this idea to you again since you opened the page: please answer here."
)


def _programme_id() -> int | None:
    programme = programme_for_page(request.args.get("programme"))
    return programme.id if programme else None


def _queue_filters() -> review_service.QueueFilters:
    """From the query string; anything unknown falls back to showing everything, best fit first."""
    sort = request.args.get("sort", "fit")
    sector = request.args.get("sector", "")
    # `min_fit` is the form's name; `min_score` is the approval queue's, for a link written so.
    min_fit = minimum_fit(request.args.get("min_fit", request.args.get("min_score")))
    return review_service.QueueFilters(
        sort=sort if sort in review_service.QUEUE_SORTS else "fit",
        sector=sector if sector in SECTORS else None,
        programme_id=_programme_id(),
        min_score=min_fit / 100 if min_fit else None,
    )


@review_bp.route("")
@role_required("mentor")
def index():
    status = request.args.get("status", MatchStatus.PROPOSED.value)
    status = status if status in MATCH_STATUSES else MatchStatus.PROPOSED.value
    filters = _queue_filters()
    form = ReviewForm()
    found = review_list(current_user, status, filters, form)
    return render_template(
        "review/index.html",
        review_list=found.html,
        status=status,
        filters=filters,
        sorts=review_service.QUEUE_SORTS,
        sectors=SECTORS,
        programmes=found.programmes,
    )


@review_bp.route("/<int:match_id>")
@role_required("mentor")
def show(match_id: int):
    try:
        match = review_service.get_mentor_match(current_user, match_id)
    except review_service.ProposalWithdrawnError as withdrawn:
        return _no_longer_proposed(withdrawn)
    return render_template(
        "review/show.html",
        match=match,
        form=ReviewForm(),
        active=current_user.mentor_profile.is_active,
    )


@review_bp.route("/<int:match_id>", methods=["POST"])
@role_required("mentor")
def decide(match_id: int):
    try:
        match = review_service.get_mentor_match(current_user, match_id)
    except review_service.ProposalWithdrawnError as withdrawn:
        return _no_longer_proposed(withdrawn)
    form = ReviewForm()
    if not form.validate_on_submit():
        return render_template(
            "review/show.html", match=match, form=form, active=current_user.mentor_profile.is_active
        ), 422
    title = match.idea.title
    try:
        review_service.review_match(current_user, match_id, form.decision.data, form.note.data)
    except review_service.ProposalWithdrawnError as withdrawn:
        return _no_longer_proposed(withdrawn)
    except ServiceError as error:
        flash(error.message, "info")
    else:
        flash(DONE[form.decision.data] % {"title": title}, "success")
    return redirect(url_for("review.index"))


def _no_longer_proposed(withdrawn: review_service.ProposalWithdrawnError):
    """Her old link: the idea proposed to her again, or a page saying it no longer is (410)."""
    if withdrawn.current_match_id is not None:
        if request.method == "POST":
            flash(PROPOSED_AGAIN, "info")
        return redirect(url_for("review.show", match_id=withdrawn.current_match_id), 303)
    return render_template(
        "review/withdrawn.html", title=withdrawn.title, reason=withdrawn.reason
    ), 410
