"""Schedule accepted meetings into (slot, table): no clashes, within attended sessions, no more
meetings in a slot than tables, few idle gaps.

The slot budget per session starts at the least any schedule needs (every person's meetings
and the tables must fit) and grows only when the colouring cannot place everything, so a
two-sided event with everyone present uses exactly Δ slots (or the table bound, if higher).
"""

from __future__ import annotations

from collections import deque

from scheduling import colouring, compact
from scheduling.board import Board, Layout
from scheduling.types import (
    NO_COMMON_FREE_SLOT,
    NO_COMMON_SESSION,
    NO_FREE_TABLE,
    PARTICIPANT_FULL,
    Placement,
    Problem,
    Schedule,
    Unscheduled,
)
from scheduling.validation import validate


def solve(problem: Problem) -> Schedule:
    """Place every meeting that can be placed; raise SchedulingError on input that cannot work."""
    validate(problem)
    sessions = problem.sessions
    session_index = {session.id: i for i, session in enumerate(sessions)}
    layout = _layout(problem)
    person_index = {person.id: i for i, person in enumerate(problem.participants)}
    attends = [{session_index[s] for s in person.sessions} for person in problem.participants]
    ends = [(person_index[m.first], person_index[m.second]) for m in problem.meetings]
    common = [sorted(attends[a] & attends[b]) for a, b in ends]
    reasons = {i: NO_COMMON_SESSION for i, shared in enumerate(common) if not shared}
    placeable = [i for i in range(len(ends)) if i not in reasons]
    people = len(problem.participants)
    degree = [0] * people
    for i in placeable:
        degree[ends[i][0]] += 1
        degree[ends[i][1]] += 1
    meeting_index = {m.id: i for i, m in enumerate(problem.meetings)}
    pins = {
        meeting_index[pin.meeting_id]: (
            layout.offsets[session_index[pin.session_id]] + pin.slot,
            pin.table,
        )
        for pin in problem.pinned
    }
    longest = max(layout.lengths)
    lower = _least_budget(layout, attends, degree, len(placeable))
    budgets = sorted({lower, min(lower + 1, longest), longest})
    one_pool = len({tuple(common[i]) for i in placeable}) == 1
    for budget in budgets:
        board, failed = _attempt(layout, ends, people, placeable, common, pins, budget, one_pool)
        if not failed or budget == longest:
            break
    for i in failed:
        reasons[i] = _reason(board, i, common[i], budget, attends)
    allowed = [
        colouring.allowed_slots(board, shared, budget) if shared else [] for shared in common
    ]
    for session in range(len(sessions)):
        compact.reorder_slots(board, session, budget)
    compact.move_meetings(board, allowed)
    tables = compact.assign_tables(board, {i: table for i, (_, table) in pins.items()})
    placements = []
    for i, meeting in enumerate(problem.meetings):
        slot = board.slot_of[i]
        if slot >= 0:
            session = layout.session_of[slot]
            placements.append(
                Placement(
                    meeting.id, sessions[session].id, slot - layout.offsets[session], tables[i]
                )
            )
    placements.sort(key=lambda p: (session_index[p.session_id], p.slot, p.table))
    return Schedule(
        placements=tuple(placements),
        unscheduled=tuple(
            Unscheduled(problem.meetings[i].id, reason) for i, reason in sorted(reasons.items())
        ),
        max_degree=max(degree, default=0),
        slots_used=sum(1 for members in board.members if members),
        two_sided=_two_sided(ends, placeable, people),
        idle_gap=round(compact.average_gap(board, people), 3),
        table_bound=_table_bound(layout, len(placeable)),
    )


def _layout(problem: Problem) -> Layout:
    session_of: list[int] = []
    offsets: list[int] = []
    tables: list[int] = []
    for i, session in enumerate(problem.sessions):
        offsets.append(len(session_of))
        session_of.extend([i] * session.slots)
        tables.extend([session.tables] * session.slots)
    return Layout(session_of, offsets, [s.slots for s in problem.sessions], tables)


def _least_budget(layout: Layout, attends: list[set[int]], degree: list[int], meetings: int) -> int:
    """Smallest slots-per-session budget in which every person's meetings and all tables fit."""
    longest = max(layout.lengths)
    for budget in range(1, longest + 1):
        room = [min(budget, length) for length in layout.lengths]
        places = sum(r * layout.tables[layout.offsets[s]] for s, r in enumerate(room))
        if places < meetings:
            continue
        if all(degree[p] <= sum(room[s] for s in attends[p]) for p in range(len(degree))):
            return budget
    return longest


def _table_bound(layout: Layout, meetings: int) -> int:
    tables = max(layout.tables)
    return -(-meetings // tables) if tables else 0


def _attempt(layout, ends, people, placeable, common, pins, budget, one_pool=False):
    board = Board(layout, ends, people)
    board.one_pool = one_pool
    for i, (slot, _) in pins.items():
        board.place(i, slot)
        board.pinned[i] = True
    order = sorted(
        (i for i in placeable if i not in pins),
        key=lambda i: (len(common[i]), -(len(board.at[ends[i][0]]) + len(board.at[ends[i][1]]))),
    )
    failed = []
    for i in order:
        if not colouring.insert(board, i, colouring.allowed_slots(board, common[i], budget), False):
            failed.append(i)
    for session in range(len(layout.lengths)):
        colouring.balance_tables(board, session, budget)
    for slot, members in enumerate(board.members):
        extra = len(members) - layout.tables[slot]
        for i in sorted(i for i in members if not board.pinned[i])[: max(extra, 0)]:
            board.remove(i)
            if not colouring.insert(
                board, i, colouring.allowed_slots(board, common[i], budget), True
            ):
                failed.append(i)
    return board, failed


def _reason(board: Board, meeting: int, shared: list[int], budget: int, attends) -> str:
    for person in board.ends[meeting]:
        own = [
            slot for session in sorted(attends[person]) for slot in board.layout.slots_of(session)
        ]
        if all(slot in board.at[person] for slot in own):
            return PARTICIPANT_FULL
    first, second = board.ends[meeting]
    both_free = [
        slot
        for slot in colouring.allowed_slots(board, shared, budget)
        if board.free(first, slot) and board.free(second, slot)
    ]
    if both_free:
        return NO_FREE_TABLE
    return NO_COMMON_FREE_SLOT


def _two_sided(ends: list[tuple[int, int]], placeable: list[int], people: int) -> bool:
    neighbours: list[list[int]] = [[] for _ in range(people)]
    for i in placeable:
        a, b = ends[i]
        neighbours[a].append(b)
        neighbours[b].append(a)
    side = [-1] * people
    for start in range(people):
        if side[start] >= 0:
            continue
        side[start] = 0
        queue = deque([start])
        while queue:
            person = queue.popleft()
            for other in neighbours[person]:
                if side[other] < 0:
                    side[other] = 1 - side[person]
                    queue.append(other)
                elif side[other] == side[person]:
                    return False
    return True
