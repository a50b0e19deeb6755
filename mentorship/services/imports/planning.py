"""The dry run: what each row of a file would do to the database, and why a row is refused."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from flask_babel import gettext, ngettext
from flask_babel import lazy_gettext as _l

from mentorship.models import Programme, User
from mentorship.services.imports.columns import KINDS, header_name
from mentorship.services.imports.handlers import HANDLERS, Context, RowRejected
from mentorship.services.imports.reading import FileProblem, Table
from mentorship.services.mentors import mentor_loads

ACTIONS = ("created", "updated", "unchanged", "rejected")


@dataclass
class RowPlan:
    row: int
    action: str
    key: str = ""
    reasons: list[str] = field(default_factory=list)
    changes: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    values: dict[str, Any] = field(default_factory=dict)
    target: Any = None

    def as_report(self) -> dict[str, Any]:
        """The row as stored in the job's report: compact, since a file can have 50,000 rows."""
        entry: dict[str, Any] = {"row": self.row, "action": self.action, "key": self.key}
        for name in ("reasons", "changes", "notes"):
            if getattr(self, name):
                entry[name] = getattr(self, name)
        return entry


@dataclass
class Plan:
    kind: str
    rows: list[RowPlan]
    context: Context

    @property
    def counts(self) -> dict[str, int]:
        counted = Counter(row.action for row in self.rows)
        return {action: counted.get(action, 0) for action in ACTIONS}

    @property
    def rejected(self) -> int:
        return self.counts["rejected"]


KIND_NAMES = {
    "mentors": _l("mentors"),
    "entrepreneurs": _l("entrepreneurs"),
    "partners": _l("partner companies"),
    "clusters": _l("startup clusters"),
    "ideas": _l("ideas"),
}


def check_header(kind: str, header: list[str]) -> list[str]:
    """The file's column names in our spelling; missing, unknown or repeated columns refuse the file."""
    spec = KINDS[kind]
    names = [header_name(cell) for cell in header]
    while names and not names[-1]:
        names.pop()
    problems = []
    missing = [name for name in spec.required if name not in names]
    unknown = [
        cell.strip() or f"(empty, column {i + 1})"
        for i, (cell, name) in enumerate(zip(header, names, strict=False))
        if name not in spec.names
    ]
    repeated = sorted({name for name in names if name and names.count(name) > 1})
    if missing:
        problems.append(
            ngettext(
                "missing required column: %(names)s",
                "missing required columns: %(names)s",
                len(missing),
                names=", ".join(missing),
            )
        )
    if unknown:
        problems.append(
            ngettext(
                "unknown column: %(names)s",
                "unknown columns: %(names)s",
                len(unknown),
                names=", ".join(unknown),
            )
        )
    if repeated:
        problems.append(
            ngettext(
                "repeated column: %(names)s",
                "repeated columns: %(names)s",
                len(repeated),
                names=", ".join(repeated),
            )
        )
    if problems:
        message = gettext(
            "The header row does not fit an import of %(kind)s: %(problems)s. "
            "Expected columns: %(expected)s (required: %(required)s).",
            kind=KIND_NAMES.get(kind, kind),
            problems="; ".join(problems),
            expected=", ".join(spec.names),
            required=", ".join(spec.required),
        )
        raise FileProblem(message, {"header": problems})
    return names


def plan_rows(kind: str, table: Table, programme: Programme | None) -> Plan:
    names = check_header(kind, table.header)
    handler = HANDLERS[kind]
    context = Context(programme=programme)
    parsed: list[tuple[RowPlan, dict[str, Any] | None]] = []
    for number, cells in table.rows:
        plan = RowPlan(row=number, action="rejected")
        extra = [cell for cell in cells[len(names) :] if cell.strip()]
        values = dict(zip(names, (cell.strip() for cell in cells), strict=False))
        plan.notes = [
            f"{name}: starts with “=”, kept as text (never calculated)"
            for name, value in values.items()
            if value.startswith("=")
        ]
        try:
            if extra:
                raise RowRejected([f"has {len(extra)} cell(s) beyond the last column"])
            cleaned = handler.clean(values, context)
            plan.key = handler.key_text(cleaned)
        except RowRejected as rejected:
            plan.reasons = rejected.reasons
            plan.key = handler.raw_key(values)
            parsed.append((plan, None))
            continue
        parsed.append((plan, cleaned))
    handler.load_existing([cleaned for _plan, cleaned in parsed if cleaned is not None], context)
    first_row: dict[Any, int] = {}
    for plan, cleaned in parsed:
        if cleaned is None:
            continue
        key = handler.key(cleaned)
        if key in first_row:
            plan.reasons = [f"duplicate of row {first_row[key]} (both match {KINDS[kind].key})"]
            continue
        first_row[key] = plan.row
        try:
            target, changes = handler.compare(cleaned, context)
            if kind == "mentors" and target is not None:
                _check_capacity(target, cleaned.get("capacity"))
        except RowRejected as rejected:
            plan.reasons = rejected.reasons
            continue
        plan.values, plan.target, plan.changes = cleaned, target, changes
        plan.action = "created" if target is None else ("updated" if changes else "unchanged")
    return Plan(kind, [plan for plan, _cleaned in parsed], context)


def _check_capacity(mentor: User, capacity: int | None) -> None:
    """A capacity below the entrepreneurs she mentors now is refused, as on her profile."""
    if capacity is None:
        return
    load = mentor_loads([mentor.id])[mentor.id]
    if capacity < load:
        raise RowRejected(
            [f"capacity: {capacity} is below the {load} entrepreneurs she mentors now"]
        )


def report(plan: Plan, table: Table) -> dict[str, Any]:
    return {
        "kind": plan.kind,
        "file_format": table.file_format,
        "encoding": table.encoding,
        "delimiter": table.delimiter,
        "counts": plan.counts,
        "rows": [row.as_report() for row in plan.rows],
    }
