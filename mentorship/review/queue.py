"""The mentor's review list, rendered once for each state of its data.

The list (her matches with their ideas, businesses and reasons, her free places and whether she
may answer) and the programmes of her filter are kept in the page cache under a fingerprint of
the tables they come from, with her id, the status tab, the filters, the page, the request's
path and the language: a repeat view neither loads nor renders them again, and any proposal,
decision, idea, profile or programme change gives a new fingerprint. The CSRF token is each
session's own: the kept HTML holds a slot where the request's token is put back.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

from flask import render_template, request
from flask_wtf import FlaskForm
from markupsafe import Markup

from mentorship.infrastructure import page_cache
from mentorship.infrastructure.pagination import page_args, paginate_in_one_query
from mentorship.models import EntrepreneurProfile, Programme, User
from mentorship.queries.fingerprints import MATCHING_TABLES, matching_data_fingerprint
from mentorship.queries.match_reasons import remember_places_left
from mentorship.services import review as review_service
from mentorship.services.mentors import own_profile_and_places

PER_PAGE = 10
# The rows name the entrepreneur's business and city; the filter and the sort name programmes.
REVIEW_TABLES = (
    *MATCHING_TABLES,
    (EntrepreneurProfile, EntrepreneurProfile.user_id),
    (Programme, Programme.id),
)


@dataclass(frozen=True)
class ProgrammeOption:
    id: int
    name: str


@dataclass(frozen=True)
class ReviewList:
    """What the page shows of her queue: the list already rendered, and her filter's programmes."""

    html: Markup
    programmes: list[ProgrammeOption]


def review_list(
    mentor: User, status: str, filters: review_service.QueueFilters, form: FlaskForm
) -> ReviewList:
    """Her list for this tab, these filters and this page, from the cache if its data is unchanged."""
    page, per_page = page_args(request.args, PER_PAGE)

    def render() -> dict:
        return {
            "html": _render(mentor, status, filters, form, page, per_page),
            "programmes": [[p.id, p.name] for p in review_service.queue_programmes(mentor)],
        }

    kept = page_cache.kept_part(
        "review-queue",
        matching_data_fingerprint(REVIEW_TABLES),
        mentor.id,
        status,
        asdict(filters),
        page,
        per_page,
        request.full_path,
        token=form.csrf_token.current_token if form.meta.csrf else "",
        compute=render,
    )
    return ReviewList(
        html=kept["html"],
        programmes=[ProgrammeOption(pid, name) for pid, name in kept["programmes"]],
    )


def _render(mentor, status, filters, form, page: int, per_page: int) -> str:
    result = paginate_in_one_query(
        review_service.mentor_matches(mentor, status, filters), page, per_page
    )
    # Her profile and free places in one query; the reasons' "can take N more" reads the latter.
    profile, places = own_profile_and_places(mentor)
    remember_places_left({mentor.id: places})
    return render_template(
        "review/_list.html",
        page=result,
        status=status,
        filters=filters,
        form=form,
        active=profile is not None and profile.is_active,
    )
