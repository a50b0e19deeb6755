"""`rank(..., explain=n)` gives the same ranking, with reasons for the first n of each kind."""

from __future__ import annotations

from matching import IdeaRecord, MatchIndex, MentorRecord, PartnerRecord


def test_only_the_first_matches_are_explained_and_the_ranking_is_unchanged() -> None:
    mentors = [
        MentorRecord(i, f"M{i}", headline=f"jam and fruit {i}", expertise="plum jam", bio="food")
        for i in range(1, 9)
    ]
    partners = [PartnerRecord(20 + i, f"P{i}", description=f"glass jars {i}") for i in range(4)]
    index = MatchIndex.fit(mentors=mentors, partners=partners)
    idea = IdeaRecord(1, "Plum jam", "I make plum jam and need glass jars", needs=("mentor",))
    full = index.rank(idea, kinds=("mentor", "partner"), k=6)
    short = index.rank(idea, kinds=("mentor", "partner"), k=6, explain=2)
    for kind in ("mentor", "partner"):
        assert [(m.candidate_id, m.score) for m in short[kind]] == [
            (m.candidate_id, m.score) for m in full[kind]
        ]
        assert [m.reasons for m in short[kind][:2]] == [m.reasons for m in full[kind][:2]]
        assert all(m.reasons == () for m in short[kind][2:])
        assert all(m.reasons for m in full[kind])
    assert len(short["mentor"]) == 6
