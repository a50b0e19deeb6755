"""The dashboard's reports: each a chart and the table of its numbers (also served as CSV)."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from dataclasses import dataclass

from flask_babel import format_decimal, lazy_gettext
from flask_babel import gettext as _

from mentorship.i18n import current_language
from mentorship.infrastructure.spreadsheets import neutralise
from mentorship.queries import reports as figures
from mentorship.reports import charts
from mentorship.templating import mentor_status_label
from mentorship.vocab import sector_label

IDEA_STATUS_LABELS = {
    "submitted": lazy_gettext("Waiting to be matched"),
    "matching": lazy_gettext("Looking for matches"),
    "matched": lazy_gettext("Matches found"),
    "failed": lazy_gettext("Matching did not finish"),
    "withdrawn": lazy_gettext("Withdrawn"),
}
IDEA_STATUS_TONES = {
    "submitted": "warn",
    "matching": "warn",
    "matched": "ok",
    "failed": "error",
    "withdrawn": "muted",
}
KIND_LABELS = {
    "mentor": lazy_gettext("Mentors"),
    "partner": lazy_gettext("Partner companies"),
    "cluster": lazy_gettext("Startup clusters"),
}
BUCKET_SHORT_LABELS = ("<1", "1–2", "3–7", "8–14", "15–30", "30+")
# Same order as the services' approval-time buckets.
BUCKET_LABELS = (
    lazy_gettext("Under 1 day"),
    lazy_gettext("1–2 days"),
    lazy_gettext("3–7 days"),
    lazy_gettext("8–14 days"),
    lazy_gettext("15–30 days"),
    lazy_gettext("Over 30 days"),
)
# Spreadsheets run cells starting with these as formulas; a leading apostrophe keeps them text.


@dataclass(frozen=True)
class Table:
    caption: str
    headers: list[str]
    rows: list[list[str | int]]
    note: str = ""


@dataclass(frozen=True)
class Report:
    slug: str
    title: str
    chart: charts.Chart
    table: Table
    summary: str = ""


def _days(value: float | None) -> str:
    return "—" if value is None else format_decimal(value, "0.0")


def sectors_report(programme_id: int | None) -> Report:
    counts = figures.ideas_by_sector(programme_id)
    labelled = [
        (sector_label(slug, current_language()) if slug else _("No sector given"), count)
        for slug, count in counts
    ]
    total = sum(count for _label, count in labelled)
    description = _(
        "Number of ideas in each sector: %(figures)s.",
        figures=(
            "; ".join(f"{label} {count}" for label, count in labelled)
            if labelled
            else _("no ideas yet")
        ),
    )
    chart = charts.bar_chart(
        "chart-sectors",
        _("Ideas by sector"),
        description,
        [(label, count, "primary") for label, count in labelled],
    )
    rows: list[list[str | int]] = [
        [label, count, _percent(count, total)] for label, count in labelled
    ]
    table = Table(
        _("Ideas by sector"),
        [_("Sector"), _("Ideas"), _("Share")],
        rows + [[_("Total"), total, "100%" if total else "—"]],
    )
    return Report("sectors", _("Ideas by sector"), chart, table)


def statuses_report(programme_id: int | None) -> Report:
    counts = figures.ideas_by_status(programme_id)
    description = _(
        "Number of ideas at each step of matching: %(figures)s.",
        figures="; ".join(f"{IDEA_STATUS_LABELS[status]} {count}" for status, count in counts),
    )
    chart = charts.bar_chart(
        "chart-statuses",
        _("Ideas by status"),
        description,
        [
            (str(IDEA_STATUS_LABELS[status]), count, IDEA_STATUS_TONES[status])
            for status, count in counts
        ],
    )
    total = sum(count for _status, count in counts)
    rows: list[list[str | int]] = [
        [str(IDEA_STATUS_LABELS[status]), count] for status, count in counts
    ]
    table = Table(_("Ideas by status"), [_("Status"), _("Ideas")], rows + [[_("Total"), total]])
    return Report("statuses", _("Ideas by status"), chart, table)


def funnel_report(programme_id: int | None) -> Report:
    funnel = figures.match_funnel(programme_id)
    groups = []
    sentences = []
    for row in funnel:
        steps: list[tuple[str, int | None]] = [
            (_("Proposed"), row.proposed),
            (_("Accepted"), row.accepted),
            (_("Approved"), row.approved),
        ]
        groups.append((str(KIND_LABELS[row.kind]), steps))
        if row.accepted is None:
            sentences.append(
                _(
                    "%(kind)s: %(proposed)s proposed, %(approved)s approved",
                    kind=KIND_LABELS[row.kind],
                    proposed=row.proposed,
                    approved=row.approved,
                )
            )
        else:
            sentences.append(
                _(
                    "%(kind)s: %(proposed)s proposed, %(accepted)s accepted by the "
                    "mentor, %(approved)s approved",
                    kind=KIND_LABELS[row.kind],
                    proposed=row.proposed,
                    accepted=row.accepted,
                    approved=row.approved,
                )
            )
    chart = charts.funnel_chart(
        "chart-funnel", _("Match funnel"), "; ".join(sentences) + ".", groups
    )
    rows: list[list[str | int]] = [
        [
            str(KIND_LABELS[row.kind]),
            row.proposed,
            "—" if row.accepted is None else row.accepted,
            row.approved,
            row.declined,
            row.rejected,
            row.waiting,
            row.ended,
        ]
        for row in funnel
    ]
    table = Table(
        _("Match funnel by kind"),
        [
            _("Kind"),
            _("Proposed"),
            _("Accepted"),
            _("Approved"),
            _("Declined"),
            _("Rejected"),
            _("Waiting"),
            _("Ended"),
        ],
        rows,
        note=_(
            "Proposed counts every match made; accepted (by the mentor) includes those approved "
            "since; declined by the mentor, rejected by the lead; waiting for a review or a "
            "decision; ended: approved pairings whose mentor, partner or cluster has left the "
            "programme since (they count as approved too). Partner and cluster matches go "
            "straight to the lead, without a review step."
        ),
    )
    return Report("funnel", _("Match funnel"), chart, table)


def mentor_load_report(_programme_id: int | None = None) -> Report:
    loads = figures.mentor_loads()
    full = sum(1 for row in loads if row.capacity and row.load >= row.capacity)
    description = _(
        "Entrepreneurs mentored against capacity for %(mentors)d mentors, fullest first; "
        "%(full)d are full. %(figures)s",
        mentors=len(loads),
        full=full,
        figures="; ".join(
            _(
                "%(name)s %(load)s of %(capacity)s",
                name=row.name,
                load=row.load,
                capacity=row.capacity,
            )
            for row in loads
        ),
    )
    chart = charts.slot_chart(
        "chart-mentor-load",
        _("Mentor load against capacity"),
        description,
        [(row.name, row.load, row.capacity) for row in loads],
    )
    rows: list[list[str | int]] = [
        [row.name, str(mentor_status_label(row.status)), row.load, row.capacity, row.free]
        for row in loads
    ]
    table = Table(
        _("Mentor load against capacity"),
        [_("Mentor"), _("Status"), _("Load"), _("Capacity"), _("Free")],
        rows,
        note=_(
            "Load is the number of entrepreneurs a mentor mentors (approved pairings, each "
            "entrepreneur counted once). Capacity covers all programmes, so load is counted "
            "across all programmes too."
        ),
    )
    summary = (
        _("%(full)d of %(mentors)d mentors are full.", full=full, mentors=len(loads))
        if loads
        else ""
    )
    return Report("mentor-load", _("Mentor load against capacity"), chart, table, summary)


def approval_time_report(programme_id: int | None) -> Report:
    times = figures.approval_times(programme_id)
    items = [
        (short, count)
        for short, (_label, count) in zip(BUCKET_SHORT_LABELS, times.buckets, strict=True)
    ]
    figures_text = "; ".join(
        f"{BUCKET_LABELS[index]} {count}" for index, (_label, count) in enumerate(times.buckets)
    )
    if times.count:
        description = _(
            "Days from an idea's submission to the approval of its matches, "
            "%(count)d approved matches, median %(median)s days: %(figures)s.",
            count=times.count,
            median=_days(times.median_days),
            figures=figures_text,
        )
    else:
        description = _(
            "Days from an idea's submission to the approval of its matches, "
            "%(count)d approved matches: %(figures)s.",
            count=times.count,
            figures=figures_text,
        )
    chart = charts.column_chart(
        "chart-approval-time",
        _("Time from submission to approval"),
        description,
        items,
        axis_label=_("days from submission to approval"),
    )
    rows: list[list[str | int]] = [
        [str(BUCKET_LABELS[index]), count, _percent(count, times.count)]
        for index, (_label, count) in enumerate(times.buckets)
    ]
    medians = ", ".join(
        f"{KIND_LABELS[kind].lower()} {_days(value)}"
        for kind, value in times.median_by_kind.items()
    )
    table = Table(
        _("Approved matches by days from submission to approval"),
        [_("Days"), _("Approved matches"), _("Share")],
        rows + [[_("Total"), times.count, "100%" if times.count else "—"]],
        note=_("Median days by kind: %(medians)s.", medians=medians),
    )
    summary = (
        _(
            "Median %(median)s days from submission to approval over %(count)d approved matches.",
            median=_days(times.median_days),
            count=times.count,
        )
        if times.count
        else _("No approved matches yet.")
    )
    return Report("approval-time", _("Time from submission to approval"), chart, table, summary)


def _percent(part: int, whole: int) -> str:
    return f"{round(100 * part / whole)}%" if whole else "—"


REPORTS: dict[str, Callable[[int | None], Report]] = {
    "sectors": sectors_report,
    "statuses": statuses_report,
    "funnel": funnel_report,
    "mentor-load": mentor_load_report,
    "approval-time": approval_time_report,
}


def all_reports(programme_id: int | None) -> list[Report]:
    return [build(programme_id) for build in REPORTS.values()]


def table_csv(table: Table) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(table.headers)
    for row in table.rows:
        writer.writerow([neutralise(cell) for cell in row])
    return buffer.getvalue()
