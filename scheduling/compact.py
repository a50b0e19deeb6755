"""Fewer idle gaps, and tables that stay put.

Idle gap of a participant in a session: empty slots between her first and last meeting there.
Two moves keep a schedule valid and can only lower the total: reordering whole slots inside a
session (everyone in a session is available in all its slots, and a slot keeps its meetings,
so tables per slot hold), and moving one meeting to a slot free for both people with a free
table. Pinned meetings and the slots holding them stay where they are.
"""

from __future__ import annotations

import numpy as np

from scheduling.board import Board

ROUNDS = 3


def person_gap(board: Board, person: int, session: int) -> int:
    start = board.layout.offsets[session]
    end = start + board.layout.lengths[session]
    slots = [slot for slot in board.at[person] if start <= slot < end]
    if not slots:
        return 0
    return max(slots) - min(slots) + 1 - len(slots)


def total_gap(board: Board, people: int) -> int:
    return sum(
        person_gap(board, person, session)
        for person in range(people)
        for session in range(len(board.layout.lengths))
    )


def average_gap(board: Board, people: int) -> float:
    busy = sum(1 for person in range(people) if board.at[person])
    return total_gap(board, people) / busy if busy else 0.0


def reorder_slots(board: Board, session: int, limit: int) -> None:
    """Swap whole slots while that lowers the session's total gap (pairwise local search on a
    people × slots occupancy matrix)."""
    slots = list(board.layout.slots_of(session, limit))
    movable = [
        position
        for position, slot in enumerate(slots)
        if not any(board.pinned[meeting] for meeting in board.members[slot])
    ]
    people = sorted({person for slot in slots for person in _people_in(board, slot)})
    if len(movable) < 2 or not people:
        return
    row = {person: i for i, person in enumerate(people)}
    busy = np.zeros((len(people), len(slots)), dtype=bool)
    for position, slot in enumerate(slots):
        for meeting in board.members[slot]:
            for person in board.ends[meeting]:
                busy[row[person], position] = True
    order = list(range(len(slots)))
    best = _matrix_gap(busy[:, order])
    for _ in range(ROUNDS):
        improved = False
        for i, one in enumerate(movable):
            for two in movable[i + 1 :]:
                order[one], order[two] = order[two], order[one]
                gap = _matrix_gap(busy[:, order])
                if gap < best:
                    best, improved = gap, True
                else:
                    order[one], order[two] = order[two], order[one]
        if not improved:
            break
    contents = [list(board.members[slot]) for slot in slots]
    for meetings in contents:
        for meeting in meetings:
            board.remove(meeting)
    for position, source in enumerate(order):
        for meeting in contents[source]:
            board.place(meeting, slots[position])


def _matrix_gap(busy: np.ndarray) -> int:
    count = busy.sum(axis=1)
    width = busy.shape[1]
    first = busy.argmax(axis=1)
    last = width - 1 - busy[:, ::-1].argmax(axis=1)
    return int(((last - first + 1 - count) * (count > 0)).sum())


def _people_in(board: Board, slot: int) -> set[int]:
    people: set[int] = set()
    for meeting in board.members[slot]:
        people.update(board.ends[meeting])
    return people


def move_meetings(board: Board, allowed: list[list[int]]) -> None:
    """Move single meetings to the slot free for both people (with a free table) that most
    shortens their gaps; people without a gap are left alone."""
    session_of = board.layout.session_of
    for _ in range(ROUNDS):
        moved = False
        for meeting, slots in enumerate(allowed):
            current = board.slot_of[meeting]
            if current < 0 or board.pinned[meeting]:
                continue
            first, second = board.ends[meeting]
            at_first, at_second = board.at[first], board.at[second]
            best_gap = _gap_of(at_first, session_of) + _gap_of(at_second, session_of)
            if best_gap == 0:
                continue
            rest_first = _spans((slot for slot in at_first if slot != current), session_of)
            rest_second = _spans((slot for slot in at_second if slot != current), session_of)
            base = _total(rest_first) + _total(rest_second)
            best = current
            for slot in slots:
                if slot in at_first or slot in at_second or not board.has_table(slot):
                    continue
                session = session_of[slot]
                gap = base + _added(rest_first, session, slot) + _added(rest_second, session, slot)
                if gap < best_gap:
                    best, best_gap = slot, gap
            if best != current:
                board.remove(meeting)
                board.place(meeting, best)
                moved = True
        if not moved:
            return


def _spans(slots, session_of: list[int]) -> dict[int, tuple[int, int, int]]:
    """Per session: first slot, last slot and number of meetings."""
    spans: dict[int, tuple[int, int, int]] = {}
    for slot in slots:
        session = session_of[slot]
        low, high, count = spans.get(session, (slot, slot, 0))
        spans[session] = (min(low, slot), max(high, slot), count + 1)
    return spans


def _total(spans: dict[int, tuple[int, int, int]]) -> int:
    return sum(high - low + 1 - count for low, high, count in spans.values())


def _gap_of(slots, session_of: list[int]) -> int:
    """Idle slots between first and last meeting, summed over the sessions of ``slots``."""
    return _total(_spans(slots, session_of))


def _added(spans: dict[int, tuple[int, int, int]], session: int, slot: int) -> int:
    """How much one more meeting at ``slot`` changes the idle gap."""
    if session not in spans:
        return 0
    low, high, count = spans[session]
    return (max(high, slot) - min(low, slot) - count) - (high - low + 1 - count)


def assign_tables(board: Board, pinned_tables: dict[int, int]) -> dict[int, int]:
    """Table for each placed meeting; a person keeps the table she had in the slot before
    (the busier of the two when both could)."""
    tables: dict[int, int] = {}
    last_table: dict[int, int] = {}
    for slot, meetings in enumerate(board.members):
        taken = {pinned_tables[m] for m in meetings if m in pinned_tables}
        for meeting in meetings:
            if meeting in pinned_tables:
                tables[meeting] = pinned_tables[meeting]
        for meeting in sorted(m for m in meetings if m not in pinned_tables):
            # The busier person (at a B2B day, usually the partner company) keeps her table.
            people = sorted(board.ends[meeting], key=lambda person: -len(board.at[person]))
            choice = 0
            for person in people:
                previous = last_table.get(person)
                if (
                    previous
                    and previous not in taken
                    and previous <= board.layout.tables[slot]
                    and (slot - 1) in board.at[person]
                ):
                    choice = previous
                    break
            if not choice:
                choice = next(t for t in range(1, board.layout.tables[slot] + 1) if t not in taken)
            taken.add(choice)
            tables[meeting] = choice
        for meeting in meetings:
            for person in board.ends[meeting]:
                last_table[person] = tables[meeting]
    return tables
