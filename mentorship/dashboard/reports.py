"""The dashboard's reports: each a chart and the table of its numbers (also served as CSV)."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from dataclasses import dataclass

from mentorship.dashboard import charts
from mentorship.services import dashboard as figures
from mentorship.vocab import sector_label

IDEA_STATUS_LABELS = {
    "submitted": "Waiting to be matched",
    "matching": "Looking for matches",
    "matched": "Matches found",
    "failed": "Matching did not finish",
}
IDEA_STATUS_TONES = {"submitted": "warn", "matching": "warn", "matched": "ok", "failed": "error"}
KIND_LABELS = {"mentor": "Mentors", "partner": "Partner companies", "cluster": "Startup clusters"}
BUCKET_SHORT_LABELS = ("<1", "1–2", "3–7", "8–14", "15–30", "30+")
# Spreadsheets run cells starting with these as formulas; a leading apostrophe keeps them text.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


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
    return "—" if value is None else f"{value:.1f}"


def sectors_report(programme_id: int | None) -> Report:
    counts = figures.ideas_by_sector(programme_id)
    labelled = [
        (sector_label(slug) if slug else "No sector given", count) for slug, count in counts
    ]
    total = sum(count for _label, count in labelled)
    description = (
        "Number of ideas in each sector: "
        + (
            "; ".join(f"{label} {count}" for label, count in labelled)
            if labelled
            else "no ideas yet"
        )
        + "."
    )
    chart = charts.bar_chart(
        "chart-sectors",
        "Ideas by sector",
        description,
        [(label, count, "primary") for label, count in labelled],
    )
    rows: list[list[str | int]] = [
        [label, count, _percent(count, total)] for label, count in labelled
    ]
    table = Table(
        "Ideas by sector",
        ["Sector", "Ideas", "Share"],
        rows + [["Total", total, "100%" if total else "—"]],
    )
    return Report("sectors", "Ideas by sector", chart, table)


def statuses_report(programme_id: int | None) -> Report:
    counts = figures.ideas_by_status(programme_id)
    description = (
        "Number of ideas at each step of matching: "
        + "; ".join(f"{IDEA_STATUS_LABELS[status]} {count}" for status, count in counts)
        + "."
    )
    chart = charts.bar_chart(
        "chart-statuses",
        "Ideas by status",
        description,
        [
            (IDEA_STATUS_LABELS[status], count, IDEA_STATUS_TONES[status])
            for status, count in counts
        ],
    )
    total = sum(count for _status, count in counts)
    rows: list[list[str | int]] = [[IDEA_STATUS_LABELS[status], count] for status, count in counts]
    table = Table("Ideas by status", ["Status", "Ideas"], rows + [["Total", total]])
    return Report("statuses", "Ideas by status", chart, table)


def funnel_report(programme_id: int | None) -> Report:
    funnel = figures.match_funnel(programme_id)
    groups = []
    sentences = []
    for row in funnel:
        steps: list[tuple[str, int | None]] = [
            ("Proposed", row.proposed),
            ("Accepted", row.accepted),
            ("Approved", row.approved),
        ]
        groups.append((KIND_LABELS[row.kind], steps))
        accepted = "" if row.accepted is None else f", {row.accepted} accepted by the mentor"
        sentences.append(
            f"{KIND_LABELS[row.kind]}: {row.proposed} proposed{accepted}, {row.approved} approved"
        )
    chart = charts.funnel_chart("chart-funnel", "Match funnel", "; ".join(sentences) + ".", groups)
    rows: list[list[str | int]] = [
        [
            KIND_LABELS[row.kind],
            row.proposed,
            "—" if row.accepted is None else row.accepted,
            row.approved,
            row.declined,
            row.rejected,
            row.waiting,
        ]
        for row in funnel
    ]
    table = Table(
        "Match funnel by kind",
        ["Kind", "Proposed", "Accepted", "Approved", "Declined", "Rejected", "Waiting"],
        rows,
        note="Proposed counts every match made; accepted (by the mentor) includes those "
        "approved since; "
        "declined by the mentor, rejected by the lead; waiting for a review or a decision. "
        "Partner and "
        "cluster matches go straight to the lead, without a review step.",
    )
    return Report("funnel", "Match funnel", chart, table)


def mentor_load_report(_programme_id: int | None = None) -> Report:
    loads = figures.mentor_loads()
    full = sum(1 for row in loads if row.capacity and row.load >= row.capacity)
    description = (
        f"Approved pairings against capacity for {len(loads)} mentors, fullest first; "
        f"{full} are full. "
        + "; ".join(f"{row.name} {row.load} of {row.capacity}" for row in loads)
    )
    chart = charts.slot_chart(
        "chart-mentor-load",
        "Mentor load against capacity",
        description,
        [(row.name, row.load, row.capacity) for row in loads],
    )
    rows: list[list[str | int]] = [
        [row.name, row.status, row.load, row.capacity, row.free] for row in loads
    ]
    table = Table(
        "Mentor load against capacity",
        ["Mentor", "Status", "Load", "Capacity", "Free"],
        rows,
        note="Load is the number of approved pairings. Capacity covers all programmes, so load is "
        "counted across all programmes too.",
    )
    summary = f"{full} of {len(loads)} mentors are full." if loads else ""
    return Report("mentor-load", "Mentor load against capacity", chart, table, summary)


def approval_time_report(programme_id: int | None) -> Report:
    times = figures.approval_times(programme_id)
    items = [
        (short, count)
        for short, (_label, count) in zip(BUCKET_SHORT_LABELS, times.buckets, strict=True)
    ]
    description = (
        f"Days from an idea's submission to the approval of its matches, "
        f"{times.count} approved matches"
        + (f", median {_days(times.median_days)} days: " if times.count else ": ")
        + "; ".join(f"{label} {count}" for label, count in times.buckets)
        + "."
    )
    chart = charts.column_chart(
        "chart-approval-time",
        "Time from submission to approval",
        description,
        items,
        axis_label="days from submission to approval",
    )
    rows: list[list[str | int]] = [
        [label, count, _percent(count, times.count)] for label, count in times.buckets
    ]
    medians = ", ".join(
        f"{KIND_LABELS[kind].lower()} {_days(value)}"
        for kind, value in times.median_by_kind.items()
    )
    table = Table(
        "Approved matches by days from submission to approval",
        ["Days", "Approved matches", "Share"],
        rows + [["Total", times.count, "100%" if times.count else "—"]],
        note=f"Median days by kind: {medians}.",
    )
    summary = (
        f"Median {_days(times.median_days)} days from submission to approval "
        f"over {times.count} approved matches."
        if times.count
        else "No approved matches yet."
    )
    return Report("approval-time", "Time from submission to approval", chart, table, summary)


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
        writer.writerow([_safe_cell(cell) for cell in row])
    return buffer.getvalue()


def _safe_cell(cell: str | int) -> str | int:
    if isinstance(cell, str) and cell.startswith(FORMULA_STARTS):
        return "'" + cell
    return cell
