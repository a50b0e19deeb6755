"""Geometry for the dashboard's server-rendered SVG charts; the template only draws it.

Charts are drawn in a narrow coordinate space (WIDTH units) and scale to the page width, so text
stays close to its nominal size on a phone and the chart's box is capped on a wide screen.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from flask_babel import gettext

WIDTH = 360
ROW_HEIGHT = 46
HEADING_HEIGHT = 30
SLOT_GAP = 2
COLUMN_AREA_HEIGHT = 170
COLUMN_TOP_PAD = 24
COLUMN_LABEL_SPACE = 44
# A funnel's steps in order: proposed, accepted, approved.
STEP_TONES = ("muted", "primary", "ok")


@dataclass(frozen=True)
class Slot:
    x: float
    width: float
    state: str  # "filled", "free" or "over"


@dataclass(frozen=True)
class Row:
    """A labelled bar (or a heading, or a line of text) at vertical offset `y`."""

    y: float
    label: str
    value_text: str = ""
    kind: str = "bar"  # "bar", "slots", "heading" or "note"
    width: float = 0.0
    tone: str = "primary"
    slots: tuple[Slot, ...] = ()


@dataclass(frozen=True)
class Column:
    x: float
    y: float
    width: float
    height: float
    value: int
    label: str


@dataclass(frozen=True)
class Chart:
    chart_id: str
    title: str
    description: str
    height: float
    kind: str  # "bars" or "columns"
    rows: list[Row] = field(default_factory=list)
    columns: list[Column] = field(default_factory=list)
    axis_label: str = ""
    width: int = WIDTH

    @property
    def is_empty(self) -> bool:
        return not any(row.kind in {"bar", "slots"} for row in self.rows) and not any(
            column.value for column in self.columns
        )


def _bar_width(value: int, scale_max: int) -> float:
    if scale_max <= 0 or value <= 0:
        return 0.0
    # A non-zero value always shows a sliver, so it never reads as zero.
    return max(3.0, round(WIDTH * value / scale_max, 1))


def bar_chart(
    chart_id: str, title: str, description: str, items: list[tuple[str, int, str]]
) -> Chart:
    """Horizontal bars under their labels, scaled to the largest; items are (label, value, tone)."""
    scale_max = max((value for _label, value, _tone in items), default=0)
    rows = [
        Row(
            y=index * ROW_HEIGHT,
            label=label,
            value_text=str(value),
            width=_bar_width(value, scale_max),
            tone=tone,
        )
        for index, (label, value, tone) in enumerate(items)
    ]
    return Chart(
        chart_id, title, description, height=len(rows) * ROW_HEIGHT, kind="bars", rows=rows
    )


def funnel_chart(
    chart_id: str,
    title: str,
    description: str,
    groups: list[tuple[str, list[tuple[str, int | None]]]],
) -> Chart:
    """One block per kind; each step's bar is scaled to the kind's first step (all proposed).

    A step whose value is None does not apply to the kind and is said so in words.
    """
    rows: list[Row] = []
    y = 0.0
    for heading, steps in groups:
        rows.append(Row(y=y, label=heading, kind="heading"))
        y += HEADING_HEIGHT
        first = steps[0][1] or 0
        for position, (step_label, value) in enumerate(steps):
            if value is None:
                rows.append(
                    Row(y=y, label=step_label, value_text=gettext("no review step"), kind="note")
                )
                y += HEADING_HEIGHT
                continue
            share = f" ({round(100 * value / first)}%)" if first and position else ""
            rows.append(
                Row(
                    y=y,
                    label=step_label,
                    value_text=f"{value}{share}",
                    width=_bar_width(value, first),
                    tone=STEP_TONES[min(position, len(STEP_TONES) - 1)],
                )
            )
            y += ROW_HEIGHT
        y += 8
    return Chart(chart_id, title, description, height=y, kind="bars", rows=rows)


def slot_chart(
    chart_id: str, title: str, description: str, items: list[tuple[str, int, int]]
) -> Chart:
    """Each mentor's capacity as a row of slots, filled by the entrepreneurs she mentors.

    Items are (label, load, capacity).

    Slots are the same size for everyone, so a longer row is a mentor who can take more.
    """
    scale = max((max(load, capacity) for _label, load, capacity in items), default=0)
    slot_width = WIDTH / scale if scale else WIDTH
    rows = []
    for index, (label, load, capacity) in enumerate(items):
        slots = []
        for position in range(max(load, capacity)):
            state = "over" if position >= capacity else ("filled" if position < load else "free")
            gap = SLOT_GAP if slot_width > 3 * SLOT_GAP else 0.5
            slots.append(
                Slot(
                    x=round(position * slot_width, 2), width=round(slot_width - gap, 2), state=state
                )
            )
        rows.append(
            Row(
                y=index * ROW_HEIGHT,
                label=label,
                value_text=gettext("%(load)s of %(capacity)s", load=load, capacity=capacity),
                kind="slots",
                slots=tuple(slots),
            )
        )
    return Chart(
        chart_id, title, description, height=len(rows) * ROW_HEIGHT, kind="bars", rows=rows
    )


def column_chart(
    chart_id: str, title: str, description: str, items: list[tuple[str, int]], axis_label: str
) -> Chart:
    """Vertical columns (a histogram); items are (short label, value)."""
    scale_max = max((value for _label, value in items), default=0)
    pitch = WIDTH / max(len(items), 1)
    width = pitch * 0.72
    columns = []
    for index, (label, value) in enumerate(items):
        height = (COLUMN_AREA_HEIGHT * value / scale_max) if scale_max else 0.0
        if value and height < 3:
            height = 3.0
        columns.append(
            Column(
                x=round(index * pitch + (pitch - width) / 2, 2),
                y=round(COLUMN_TOP_PAD + COLUMN_AREA_HEIGHT - height, 2),
                width=round(width, 2),
                height=round(height, 2),
                value=value,
                label=label,
            )
        )
    return Chart(
        chart_id,
        title,
        description,
        kind="columns",
        columns=columns,
        axis_label=axis_label,
        height=COLUMN_TOP_PAD + COLUMN_AREA_HEIGHT + COLUMN_LABEL_SPACE,
    )


def baseline_y() -> int:
    return COLUMN_TOP_PAD + COLUMN_AREA_HEIGHT
