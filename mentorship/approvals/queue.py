"""The approval queue's list, rendered once for each state of its data.

The list (matches, ideas, entrepreneurs, mentors' loads and places, partners and clusters) is
kept in the page cache under a fingerprint of those tables, the filters, the page, the
request's path and the language, so a repeat view of unchanged data neither loads nor renders
it again; any decision, proposal or profile change gives a new fingerprint. The CSRF token is
each session's own: the kept HTML holds a slot where the request's token is put back.
"""

from __future__ import annotations

from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import sqlalchemy as sa
from flask import render_template, request
from flask_wtf import FlaskForm
from markupsafe import Markup

from mentorship.contract.fields import NOTE_MAX
from mentorship.infrastructure import page_cache
from mentorship.infrastructure.pagination import page_args, paginate_in_one_query
from mentorship.main.ids import parse_id
from mentorship.models import Idea, Match
from mentorship.queries.fingerprints import DIRECTORY_TABLES, matching_data_fingerprint
from mentorship.queries.match_reasons import remember_places_left
from mentorship.services import approvals as decisions
from mentorship.services.mentors import loads_and_mentored

PER_PAGE = 20
# What a cancelled bulk confirmation hands back to the queue: the ticked matches and the note.
KEPT = ("ticked", "note")


def without_kept(path: str) -> str:
    """The queue's path without the ticks and note a cancelled confirmation handed back."""
    parts = urlsplit(path)
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if k not in KEPT]
    return urlunsplit(parts._replace(query=urlencode(query)))


def with_kept(path: str, ids: list[int], note: str) -> str:
    """The queue's path with these matches ticked again and this note in the bulk note field."""
    parts = urlsplit(without_kept(path))
    query = parse_qsl(parts.query, keep_blank_values=True)
    query += [("ticked", str(i)) for i in ids] + ([("note", note)] if note else [])
    return urlunsplit(parts._replace(query=urlencode(query)))


def _kept() -> tuple[set[int], str]:
    ids = {i for i in map(parse_id, request.args.getlist("ticked")) if i is not None}
    return ids, request.args.get("note", "")[:NOTE_MAX]


def queue_html(filters: dict, form: FlaskForm) -> Markup:
    """The queue's list for these filters and this page, from the cache if its data is unchanged."""
    page, per_page = page_args(request.args, PER_PAGE)

    def render() -> dict:
        ticked, note = _kept()
        html = render_template(
            "approvals/_queue.html",
            form=form,
            ticked=ticked,
            kept_note=note,
            queue_path=without_kept(request.full_path),
            **_queue(filters, page, per_page),
        )
        return {"html": html}

    return page_cache.kept_part(
        "approval-queue",
        matching_data_fingerprint(DIRECTORY_TABLES),
        filters,
        page,
        per_page,
        request.full_path,
        token=form.csrf_token.current_token if form.meta.csrf else "",
        compute=render,
    )["html"]


def _queue(filters: dict, page: int, per_page: int) -> dict:
    statement = decisions.undecided_matches(
        filters["kind"] or None,
        filters["sector"] or None,
        None if filters["min_score"] is None else filters["min_score"] / 100,
        filters["sort"],
    )
    if filters["programme"]:
        statement = statement.where(
            Match.idea_id.in_(sa.select(Idea.id).where(Idea.programme_id == filters["programme"]))
        )
    result = paginate_in_one_query(statement, page, per_page)
    # A mentor already mentoring the idea's entrepreneur takes her next idea without a new place.
    loads, mentored = loads_and_mentored(
        sorted({m.mentor_id for m in result.items if m.mentor_id}),
        {m.idea.owner_id for m in result.items if m.mentor_id},
    )
    # The reasons' "can take N more" counts from the same figures, without asking again.
    remember_places_left(
        {
            m.mentor_id: max(0, m.mentor.mentor_profile.capacity - loads[m.mentor_id])
            for m in result.items
            if m.mentor_id and m.mentor.mentor_profile is not None
        }
    )
    return {"page": result, "filters": filters, "loads": loads, "mentored": mentored}
