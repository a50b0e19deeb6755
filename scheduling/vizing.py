"""Misra–Gries edge colouring step: place one more meeting within Δ+1 slots on any graph.

On a one-sided event (partner ↔ partner meetings make the meeting graph non-bipartite) the
Kempe-chain step of ``colouring`` may fail although Vizing's theorem promises Δ+1 slots. This
step cannot fail when every person may use every slot of the pool and the pool has more slots
than anyone has meetings: build a maximal fan of meetings at the first person, invert one
two-slot chain, rotate the fan and place the meeting (Misra & Gries, 1992). Pinned meetings
never move; if the step would move one (or anything else goes wrong) the board is left as it
was and the step reports failure.
"""

from __future__ import annotations

from scheduling.board import Board


class _Abort(Exception):
    pass


def insert_by_fan(board: Board, meeting: int, slots: list[int]) -> bool:
    """Place ``meeting`` in one of ``slots`` (the pool every person may use), moving unpinned
    meetings of the pool; tables are not checked (the solver balances them afterwards)."""
    before: dict[int, int] = {}
    try:
        _misra_gries(board, meeting, slots, before)
    except _Abort:
        _restore(board, before)
        return False
    return True


def _move(board: Board, meeting: int, slot: int, before: dict[int, int]) -> None:
    """Put a meeting (placed or not) into ``slot``, refusing a clash or a pinned meeting."""
    if board.pinned[meeting]:
        raise _Abort
    before.setdefault(meeting, board.slot_of[meeting])
    if board.slot_of[meeting] >= 0:
        board.remove(meeting)
    first, second = board.ends[meeting]
    if slot in board.at[first] or slot in board.at[second]:
        raise _Abort
    board.place(meeting, slot)


def _restore(board: Board, before: dict[int, int]) -> None:
    for meeting in before:
        if board.slot_of[meeting] >= 0:
            board.remove(meeting)
    for meeting, slot in before.items():
        if slot >= 0:
            board.place(meeting, slot)


def _free(board: Board, person: int, slots: list[int]) -> int | None:
    at = board.at[person]
    return next((slot for slot in slots if slot not in at), None)


def _fan(board: Board, meeting: int, x: int, slots: list[int]) -> tuple[list[int], list[int]]:
    """A maximal fan at ``x``: meetings x–f0 (uncoloured), x–f1, ... where the slot of x–f(i+1)
    is free for f(i)."""
    first, second = board.ends[meeting]
    fan, ends = [meeting], [second if first == x else first]
    used = {ends[0]}
    grown = True
    while grown:
        grown = False
        last = ends[-1]
        for slot in slots:
            if slot in board.at[last]:
                continue
            edge = board.at[x].get(slot)
            if edge is None or board.pinned[edge]:
                continue
            other = board.other(edge, x)
            if other in used:
                continue
            fan.append(edge)
            ends.append(other)
            used.add(other)
            grown = True
            break
    return fan, ends


def _misra_gries(board: Board, meeting: int, slots: list[int], before: dict[int, int]) -> None:
    x = board.ends[meeting][0]
    fan, ends = _fan(board, meeting, x, slots)
    c = _free(board, x, slots)
    d = _free(board, ends[-1], slots)
    if c is None or d is None:
        raise _Abort
    if d in board.at[x]:
        # Invert the d/c chain from x (x is free in c): now d is free at x.
        path = board.chain(x, d, c)
        if any(board.pinned[item] for item in path):
            raise _Abort
        for item in path:
            before.setdefault(item, board.slot_of[item])
        board.flip(path, d, c)
    w = None
    for i in range(len(fan)):
        if i and board.slot_of[fan[i]] in board.at[ends[i - 1]]:
            break  # the prefix is no longer a fan
        if d not in board.at[ends[i]]:
            w = i
            break
    if w is None:
        raise _Abort
    # Rotate the prefix: each meeting takes the next one's slot; the last one takes d.
    targets = [board.slot_of[fan[i + 1]] for i in range(w)]
    for i in range(1, w + 1):
        before.setdefault(fan[i], board.slot_of[fan[i]])
        board.remove(fan[i])
    for i, slot in enumerate(targets):
        _move(board, fan[i], slot, before)
    _move(board, fan[w], d, before)
