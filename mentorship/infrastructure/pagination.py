"""Page/per_page parsing and paginated selects, shared by the API and the pages.

A page past the end (an old link, a typed `?page=999`) gives the last page, with the page asked
for kept in `Page.asked` so the page can say so; an empty list stays page 1. The API passes
`keep_page=True`: its contract answers the page asked for, with no items and the true total.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa

from mentorship.extensions import db

DEFAULT_PER_PAGE = 50
MAX_PER_PAGE = 200
# Far past any real list, yet small enough that OFFSET never overflows a database integer.
MAX_PAGE = 1_000_000


@dataclass(frozen=True)
class Page:
    items: list[Any]
    page: int
    per_page: int
    total: int
    # The page asked for when it was past the end and the last page was given instead.
    asked: int | None = None

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.per_page))

    @property
    def has_prev(self) -> bool:
        return self.page > 1

    @property
    def has_next(self) -> bool:
        return self.page < self.pages


def page_args(args: dict[str, str], default_per_page: int = DEFAULT_PER_PAGE) -> tuple[int, int]:
    """Lenient parsing: junk or out-of-range values fall back to sensible ones."""
    try:
        page = min(max(1, int(args.get("page", 1))), MAX_PAGE)
    except (TypeError, ValueError):
        page = 1
    try:
        per_page = int(args.get("per_page", default_per_page))
    except (TypeError, ValueError):
        per_page = default_per_page
    per_page = min(max(1, per_page), MAX_PER_PAGE)
    return page, per_page


def count(statement: sa.Select) -> int:
    """How many rows a select would return, without fetching them."""
    total = db.session.scalar(
        sa.select(sa.func.count()).select_from(statement.order_by(None).subquery())
    )
    return total or 0


def counts(*statements: sa.Select) -> list[int]:
    """`count` of each select, all in one query (a dashboard's figures in one round trip)."""
    totals = db.session.execute(
        sa.select(
            *(
                sa.select(sa.func.count())
                .select_from(statement.order_by(None).subquery())
                .scalar_subquery()
                for statement in statements
            )
        )
    ).one()
    return [total or 0 for total in totals]


def within(page: int, per_page: int, total: int) -> int:
    """The page to show for `page`: itself, or the last page when it is past the end."""
    return min(page, max(1, -(-total // per_page)))


def page_of(items: list[Any], page: int, per_page: int) -> Page:
    """A page of a list already in memory, the last one when `page` is past the end."""
    shown = within(page, per_page, len(items))
    start = (shown - 1) * per_page
    asked = page if shown != page else None
    return Page(items[start : start + per_page], shown, per_page, len(items), asked)


def paginate(statement: sa.Select, page: int, per_page: int, *, keep_page: bool = False) -> Page:
    total = count(statement)
    shown = page if keep_page else within(page, per_page, total)
    items = list(db.session.scalars(statement.limit(per_page).offset((shown - 1) * per_page)))
    asked = page if shown != page else None
    return Page(items=items, page=shown, per_page=per_page, total=total, asked=asked)


def paginate_in_one_query(statement: sa.Select, page: int, per_page: int) -> Page:
    """`paginate` in one round trip, for a select of one mapped entity with an `id`.

    The page's ids and the total (`count(*) OVER ()`) come from the select's own joins, filters
    and order over narrow rows; only those ids are then joined to what the select eager-loads,
    so its many-to-one joins run for one page of rows, not for every row that matches. A page
    past the end has no row to carry the total: it is counted apart, and the last page is
    fetched instead, as `paginate` does.
    """
    key = statement.column_descriptions[0]["entity"].id
    ranked = (
        statement.with_only_columns(key.label("page_id"), sa.func.count().over().label("total"))
        .limit(per_page)
        .offset((page - 1) * per_page)
        .subquery("page_ids")
    )
    rows = db.session.execute(
        statement.join(ranked, ranked.c.page_id == key).add_columns(ranked.c.total)
    ).all()
    if rows:
        return Page(items=[row[0] for row in rows], page=page, per_page=per_page, total=rows[0][1])
    total = count(statement) if page > 1 else 0
    if not total:
        return Page(items=[], page=1, per_page=per_page, total=0, asked=page if page > 1 else None)
    last = paginate_in_one_query(statement, within(page, per_page, total), per_page)
    return Page(last.items, last.page, per_page, last.total, asked=page)
