"""The lead's approval queue: approve or reject pairings one by one or in bulk; the audit trail."""

from __future__ import annotations

from datetime import date

from flask import (
    Blueprint,
    Response,
    flash,
    redirect,
    render_template,
    request,
    stream_with_context,
    url_for,
)
from flask_babel import gettext, lazy_gettext
from flask_login import current_user

from mentorship.approvals import audit_labels
from mentorship.approvals.forms import DecisionForm
from mentorship.approvals.queue import (  # noqa: F401 (PER_PAGE: the page size)
    PER_PAGE,
    queue_html,
    with_kept,
    without_kept,
)
from mentorship.infrastructure.pagination import (
    Page,
    count,
    page_args,
    within,
)
from mentorship.main.fit_filter import minimum_fit
from mentorship.main.helpers import is_safe_next, role_required
from mentorship.main.ids import parse_id
from mentorship.main.programme_filter import programme_for_download, programme_for_page
from mentorship.models.matches import MATCH_KINDS
from mentorship.queries import audit_trail
from mentorship.services import approvals as decisions
from mentorship.services.errors import ServiceError
from mentorship.services.introductions import contact_details, introduction
from mentorship.services.programmes import all_programmes
from mentorship.vocab import SECTORS

approvals_bp = Blueprint("approvals", __name__, url_prefix="/lead")


AUDIT_PER_PAGE = 50
# Longer values (a bio) are cut in the table; the CSV and the export keep them whole.
AUDIT_VALUE_MAX = 80
MAX_BULK = 200
DONE_ONE = {
    "approve": lazy_gettext("%(pairing)s: approved."),
    "reject": lazy_gettext("%(pairing)s: rejected."),
}
DONE_MANY = {
    "approve": lazy_gettext("Approved %(count)d: %(pairings)s."),
    "reject": lazy_gettext("Rejected %(count)d: %(pairings)s."),
}


def _programme_id(*, download: bool = False) -> int | None:
    choose = programme_for_download if download else programme_for_page
    programme = choose(request.args.get("programme"))
    return programme.id if programme else None


def _queue_filters() -> dict:
    kind = request.args.get("kind", "")
    sector = request.args.get("sector", "")
    sort = request.args.get("sort", "score")
    return {
        "kind": kind if kind in MATCH_KINDS else "",
        "sector": sector if sector in SECTORS else "",
        "sort": sort if sort in decisions.SORTS else "score",
        # A percentage, as the queue shows scores; the service takes a fraction.
        "min_score": minimum_fit(request.args.get("min_score")),
        "programme": _programme_id(),
    }


@approvals_bp.route("/approvals")
@role_required("lead")
def index():
    filters = _queue_filters()
    form = DecisionForm()
    return render_template(
        "approvals/index.html",
        queue_html=queue_html(filters, form),
        filters=filters,
        sectors=SECTORS,
        kinds=MATCH_KINDS,
        form=form,
        programmes=all_programmes(),
    )


def _back() -> str:
    target = request.form.get("back", "")
    return (
        without_kept(target)
        if is_safe_next(target) and target.startswith("/lead/approvals")
        else url_for("approvals.index")
    )


def _problem(match_id: int, error: ServiceError) -> str:
    """Why a pairing could not be decided, naming the pairing as the queue shows it."""
    name = decisions.pairing_name(match_id)
    if name is None:
        return gettext("Match #%(id)d: %(problem)s", id=match_id, problem=error.message)
    return gettext("%(pairing)s: %(problem)s", pairing=name, problem=error.message)


def _form_problem(form: DecisionForm) -> None:
    for messages in form.errors.values():
        flash(" ".join(str(message) for message in messages), "error")


@approvals_bp.route("/approvals/<int:match_id>/decision", methods=["POST"])
@role_required("lead")
def decide(match_id: int):
    form = DecisionForm()
    if not form.validate_on_submit():
        _form_problem(form)
        return redirect(_back())
    try:
        match = decisions.decide_match(current_user, match_id, form.decision.data, form.note.data)
    except ServiceError as error:
        flash(_problem(match_id, error), "warning")
    else:
        pairing = match.pairing_name
        flash(DONE_ONE[form.decision.data] % {"pairing": pairing}, "success")
    return redirect(_back())


@approvals_bp.route("/approvals/bulk", methods=["POST"])
@role_required("lead")
def decide_many():
    form = DecisionForm()
    ids = [i for i in map(parse_id, request.form.getlist("match_ids")) if i is not None][:MAX_BULK]
    if not form.validate_on_submit():
        _form_problem(form)
        return redirect(_back())
    if not ids:
        flash(gettext("Tick at least one match first."), "info")
        return redirect(_back())
    if request.form.get("confirmed") != "yes":
        # A bulk decision is consequential: it is only taken from the confirmation page, so a
        # stray Enter in the queue (which submits the form) shows this page and decides nothing.
        return render_template(
            "approvals/confirm_bulk.html",
            form=form,
            matches=decisions.matches_to_confirm(ids),
            decision=form.decision.data,
            back=_back(),
            # Cancel goes back to the queue with the same matches ticked and the note kept.
            cancel=with_kept(_back(), ids, form.note.data or ""),
        )
    results = decisions.decide_matches(current_user, ids, form.decision.data, form.note.data)
    done = [r for r in results if r.ok]
    if done:
        pairings = "; ".join(r.match.pairing_name for r in done)
        flash(DONE_MANY[form.decision.data] % {"count": len(done), "pairings": pairings}, "success")
    for failed in (r for r in results if not r.ok):
        flash(_problem(failed.match_id, failed.error), "warning")
    return redirect(_back())


def _audit_filters() -> dict:
    def day(name: str) -> date | None:
        try:
            return date.fromisoformat(request.args.get(name, ""))
        except ValueError:
            return None

    actor = request.args.get("actor", "")
    return {
        "action": request.args.get("action", "")[:60],
        "actor": parse_id(actor),
        "since": day("since"),
        "until": day("until"),
        "programme": _programme_id(download=request.endpoint == "approvals.audit_csv"),
    }


def _audit_statement(filters: dict):
    return audit_trail.audit_query(
        filters["action"] or None,
        filters["actor"],
        filters["since"],
        filters["until"],
        programme_id=filters["programme"],
    )


@approvals_bp.route("/audit")
@role_required("lead")
def audit():
    filters = _audit_filters()
    page, per_page = page_args(request.args, AUDIT_PER_PAGE)
    statement = _audit_statement(filters)
    total = count(statement)
    shown = within(page, per_page, total)
    entries = list(audit_trail.audit_rows(statement.limit(per_page).offset((shown - 1) * per_page)))
    asked = page if shown != page else None
    result = Page(items=entries, page=shown, per_page=per_page, total=total, asked=asked)
    return render_template(
        "approvals/audit.html",
        page=result,
        lines=audit_labels.describe(entries),
        filters=filters,
        actions=audit_labels.action_choices(audit_trail.audit_actions()),
        actors=audit_trail.audit_actors(),
        programmes=all_programmes(),
    )


@approvals_bp.route("/audit.csv")
@role_required("lead")
def audit_csv():
    rows = audit_trail.audit_rows(_audit_statement(_audit_filters()))
    return Response(
        stream_with_context(audit_trail.audit_csv(rows, audit_labels.entry_labels)),
        mimetype="text/csv",
        headers={"Content-Disposition": "attachment; filename=audit-trail.csv"},
    )


@approvals_bp.app_template_filter()
def audit_value(value) -> str:
    """A before or after value of an audited change, short enough for a table cell."""
    if value is None or value == "" or value == []:
        return "—"
    if isinstance(value, bool):
        return gettext("yes") if value else gettext("no")
    if isinstance(value, list):
        value = ", ".join(str(item) for item in value)
    text = str(value)
    return text if len(text) <= AUDIT_VALUE_MAX else text[: AUDIT_VALUE_MAX - 1] + "…"


@approvals_bp.app_template_global()
def match_contact(match):
    """The other side's contact details for the idea page, only once approved."""
    return contact_details(match)


@approvals_bp.app_template_global()
def match_introduction(match):
    return introduction(match) if contact_details(match) else ""
