"""The working state of a schedule: which meeting sits in which global slot.

Slots of all sessions are numbered one after the other ("global slots"); a participant is free
in a slot when she attends its session and has no meeting there yet. Meetings and participants
are small integers here; the solver translates from and to the caller's ids.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Layout:
    """Global slot numbering: which session each slot belongs to and how many tables it has."""

    session_of: list[int]  # global slot -> session index
    offsets: list[int]  # session index -> first global slot
    lengths: list[int]  # session index -> number of slots
    tables: list[int]  # global slot -> tables

    def slots_of(self, session: int, limit: int | None = None) -> range:
        length = self.lengths[session] if limit is None else min(limit, self.lengths[session])
        return range(self.offsets[session], self.offsets[session] + length)


class Board:
    """Meetings placed in slots, with the constraints checked incrementally."""

    def __init__(self, layout: Layout, ends: list[tuple[int, int]], people: int) -> None:
        self.layout = layout
        self.ends = ends
        self.slot_of = [-1] * len(ends)
        self.pinned = [False] * len(ends)
        self.at: list[dict[int, int]] = [{} for _ in range(people)]
        self.members: list[set[int]] = [set() for _ in layout.session_of]
        # True when every meeting may use the same slots and so may everyone who has one:
        # then the Misra–Gries step (scheduling.vizing) is sound.
        self.one_pool = False

    def free(self, person: int, slot: int) -> bool:
        return slot not in self.at[person]

    def has_table(self, slot: int) -> bool:
        return len(self.members[slot]) < self.layout.tables[slot]

    def place(self, meeting: int, slot: int) -> None:
        first, second = self.ends[meeting]
        self.slot_of[meeting] = slot
        self.at[first][slot] = meeting
        self.at[second][slot] = meeting
        self.members[slot].add(meeting)

    def remove(self, meeting: int) -> None:
        slot = self.slot_of[meeting]
        first, second = self.ends[meeting]
        del self.at[first][slot]
        del self.at[second][slot]
        self.members[slot].discard(meeting)
        self.slot_of[meeting] = -1

    def other(self, meeting: int, person: int) -> int:
        first, second = self.ends[meeting]
        return second if person == first else first

    def chain(self, start: int, first_colour: int, second_colour: int) -> list[int]:
        """The alternating path of meetings from ``start``: one in ``first_colour``, then the
        other colour, and so on (a Kempe chain; it is a path because ``start`` is free in
        ``second_colour`` when this is called)."""
        path: list[int] = []
        person, colour, other_colour = start, first_colour, second_colour
        seen: set[int] = set()
        while True:
            meeting = self.at[person].get(colour)
            if meeting is None or meeting in seen:
                return path
            seen.add(meeting)
            path.append(meeting)
            person = self.other(meeting, person)
            colour, other_colour = other_colour, colour

    def flip(self, path: list[int], one: int, two: int) -> None:
        """Swap the two slots along a chain (each meeting moves from one to the other)."""
        targets = [two if self.slot_of[meeting] == one else one for meeting in path]
        for meeting in path:
            self.remove(meeting)
        for meeting, slot in zip(path, targets, strict=True):
            self.place(meeting, slot)
