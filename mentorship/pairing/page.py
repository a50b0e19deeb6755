"""The pairing plan page's content, solved once for each state of its inputs.

Solving the plan (both objectives, the top-choice comparison) and rendering its rows is most of
the page's cost, and the inputs change far less often than the lead looks: the plan's figures
and its two tables are kept in the page cache under a fingerprint of the data they come from
(proposals, scores, decisions, ideas, mentors' capacities and names), with the programme, the
objective and the language. Any change to that data gives a new fingerprint and so a new
plan; a repeat view of unchanged data does not solve again. The CSRF field, the filters and
the rest of the layout are rendered on every request.
"""

from __future__ import annotations

from dataclasses import dataclass

from flask import current_app, render_template, request
from markupsafe import Markup

from mentorship.i18n import current_language
from mentorship.infrastructure import page_cache
from mentorship.queries.fingerprints import matching_data_fingerprint
from mentorship.services.pairing import PairingPlan, PlanTotals, plan_pairings


@dataclass(frozen=True)
class PlanPage:
    """What the page shows of one plan: its figures, and its two tables already rendered."""

    objective: str
    totals: dict[str, PlanTotals]
    top_matched: int
    top_total: float
    overfilled_mentors: int
    within_capacity_matched: int
    within_capacity_total: float
    row_count: int
    unpaired_count: int
    rows_html: Markup
    unpaired_html: Markup

    @property
    def matched(self) -> int:
        return self.totals[self.objective].matched

    @property
    def total(self) -> float:
        return self.totals[self.objective].total


def plan_page(programme_id: int | None, objective: str, **context) -> PlanPage:
    """The plan for the page, from the cache when its inputs have not changed since."""
    key = page_cache.cache_key(
        "pairing-plan",
        matching_data_fingerprint(),
        programme_id,
        objective,
        current_language(),
        current_app.config.get("BABEL_DEFAULT_TIMEZONE"),
        request.script_root,
    )
    cached = page_cache.get(key)
    if cached is None:
        cached = _to_json(plan_pairings(programme_id, objective), context)
        page_cache.put(key, cached)
    return _from_json(cached)


def _to_json(plan: PairingPlan, context: dict) -> dict:
    top = plan.top_choice
    return {
        "objective": plan.objective,
        "totals": {name: [t.matched, t.total] for name, t in plan.totals.items()},
        "top_matched": top.matched,
        "top_total": top.total,
        "overfilled_mentors": top.overfilled_mentors,
        "within_capacity_matched": top.within_capacity.matched,
        "within_capacity_total": top.within_capacity.total,
        "row_count": len(plan.rows),
        "unpaired_count": len(plan.unpaired),
        "rows_html": render_template("pairing/_plan_rows.html", plan=plan, **context),
        "unpaired_html": render_template("pairing/_plan_unpaired.html", plan=plan, **context),
    }


def _from_json(value: dict) -> PlanPage:
    return PlanPage(
        objective=value["objective"],
        totals={
            name: PlanTotals(name, matched, total)
            for name, (matched, total) in value["totals"].items()
        },
        top_matched=value["top_matched"],
        top_total=value["top_total"],
        overfilled_mentors=value["overfilled_mentors"],
        within_capacity_matched=value["within_capacity_matched"],
        within_capacity_total=value["within_capacity_total"],
        row_count=value["row_count"],
        unpaired_count=value["unpaired_count"],
        rows_html=Markup(value["rows_html"]),
        unpaired_html=Markup(value["unpaired_html"]),
    )
