"""Edge colouring of the meeting graph: meetings are edges, slots are colours.

A meeting goes into a slot free for both people. When none is, the alternating-path (Kempe
chain) step of König's proof frees one: take slot ``a`` free for the first person and ``b``
free for the second, swap ``a`` and ``b`` along the chain leaving the second person; now ``a``
is free for both. On a two-sided (bipartite) graph the chain never reaches the first person,
so Δ slots always suffice; on other graphs the step is tried from either end and with other
slot pairs, which in practice lands on Δ or Δ+1; when that fails, the Misra–Gries step of
``vizing`` guarantees Δ+1 wherever everyone may use the same slots. Both slots of a swap lie
in one session, so everyone on the chain stays within the sessions she attends. Pinned
meetings never move.
"""

from __future__ import annotations

from scheduling import vizing
from scheduling.board import Board

# How many slot pairs to try for one meeting before giving up on it.
MAX_PAIRS = 60


def allowed_slots(board: Board, sessions: list[int], limit: int) -> list[int]:
    """The slots a meeting may take, the session with the most free places first."""
    if len(sessions) > 1:
        sessions = sorted(sessions, key=lambda session: -_free_places(board, session, limit))
    slots: list[int] = []
    for session in sessions:
        slots.extend(board.layout.slots_of(session, limit))
    return slots


def _free_places(board: Board, session: int, limit: int) -> int:
    return sum(
        board.layout.tables[slot] - len(board.members[slot])
        for slot in board.layout.slots_of(session, limit)
    )


def insert(board: Board, meeting: int, slots: list[int], tables_strict: bool) -> bool:
    """Place one meeting in one of ``slots``, moving unpinned meetings along chains if needed."""
    first, second = board.ends[meeting]
    at_first, at_second = board.at[first], board.at[second]
    fallback = -1
    for slot in _next_to(at_first, at_second, slots):
        if slot not in at_first and slot not in at_second and board.has_table(slot):
            board.place(meeting, slot)
            return True
    for slot in slots:
        if slot not in at_first and slot not in at_second:
            if board.has_table(slot):
                board.place(meeting, slot)
                return True
            if fallback < 0:
                fallback = slot
    if fallback >= 0 and not tables_strict:
        board.place(meeting, fallback)
        return True
    if _insert_by_chain(board, meeting, slots, tables_strict):
        return True
    # Vizing's bound: with one pool of slots, Δ+1 of them always suffice (tables come later).
    return board.one_pool and not tables_strict and vizing.insert_by_fan(board, meeting, slots)


def _next_to(at_first: dict, at_second: dict, slots: list[int]) -> list[int]:
    """Slots right before or after a meeting either person has, in the order of ``slots``:
    taking one of them keeps her day compact. Next to both people first."""
    near_first = {slot + step for slot in at_first for step in (-1, 1)}
    near_second = {slot + step for slot in at_second for step in (-1, 1)}
    both = [slot for slot in slots if slot in near_first and slot in near_second]
    either = [slot for slot in slots if (slot in near_first) != (slot in near_second)]
    return both + either


def _insert_by_chain(board: Board, meeting: int, slots: list[int], tables_strict: bool) -> bool:
    first, second = board.ends[meeting]
    session_of = board.layout.session_of
    free_first = [slot for slot in slots if slot not in board.at[first]]
    free_second = [slot for slot in slots if slot not in board.at[second]]
    tries = 0
    for a in free_first:
        for b in free_second:
            if a == b or session_of[a] != session_of[b]:
                continue
            tries += 1
            if tries > MAX_PAIRS:
                return False
            # Free ``a`` at the second person (a is already free at the first).
            if _try_chain(
                board, meeting, start=second, end=first, one=a, two=b, strict=tables_strict
            ):
                return True
            # Or free ``b`` at the first person.
            if _try_chain(
                board, meeting, start=first, end=second, one=b, two=a, strict=tables_strict
            ):
                return True
    return False


def _try_chain(
    board: Board, meeting: int, start: int, end: int, one: int, two: int, strict: bool
) -> bool:
    path = board.chain(start, one, two)
    if not path or any(board.pinned[item] for item in path):
        return False
    if end in board.ends[path[-1]]:
        return False  # the chain closes on the other person: swapping would not help
    if strict:
        in_one = sum(1 for item in path if board.slot_of[item] == one)
        in_two = len(path) - in_one
        members = board.members
        if len(members[one]) - in_one + in_two + 1 > board.layout.tables[one]:
            return False
        if len(members[two]) - in_two + in_one > board.layout.tables[two]:
            return False
    board.flip(path, one, two)
    board.place(meeting, one)
    return True


def balance_tables(board: Board, session: int, limit: int) -> None:
    """Move meetings out of slots with more meetings than tables (de Werra's balancing).

    In the subgraph of two slots every component is a path or an even cycle; a path with one
    more meeting in the fuller slot, swapped, moves one meeting to the emptier one. Both
    slots are in one session, so availability is unchanged.
    """
    slots = list(board.layout.slots_of(session, limit))
    if len(slots) < 2:
        return
    members = board.members
    tables = board.layout.tables
    for _ in range(sum(len(members[slot]) for slot in slots)):
        full = max(slots, key=lambda slot: len(members[slot]) - tables[slot])
        if len(members[full]) <= tables[full]:
            return
        emptiest = min(slots, key=lambda slot: len(members[slot]))
        if len(members[emptiest]) + 1 >= len(members[full]):
            return
        if not _shift_one(board, full, emptiest):
            return


def _shift_one(board: Board, full: int, other: int) -> bool:
    seen: set[int] = set()
    for meeting in list(board.members[full]):
        if meeting in seen:
            continue
        component = _component(board, meeting, full, other)
        seen.update(component)
        in_full = sum(1 for item in component if board.slot_of[item] == full)
        if in_full * 2 > len(component) and not any(board.pinned[i] for i in component):
            board.flip(component, full, other)
            return True
    return False


def _component(board: Board, meeting: int, one: int, two: int) -> list[int]:
    first, second = board.ends[meeting]
    colour = board.slot_of[meeting]
    other_colour = two if colour == one else one
    left = board.chain(first, other_colour, colour)
    right = board.chain(second, other_colour, colour)
    return list(dict.fromkeys([*reversed(left), meeting, *right]))
