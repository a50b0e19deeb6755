"""Complementary cooperation profiles: an offer meets a request of the same cooperation type
from another owner, ranked by text similarity; each owner gets a bounded number of pairs."""

from __future__ import annotations

from matching.cooperation import ProfileRecord, complementary


def _p(id_, owner, kind, type_="supplier", text="", area="business") -> ProfileRecord:
    return ProfileRecord(id_, owner, kind, area, type_, text)


def test_offer_meets_request_of_the_same_type_only():
    found = complementary(
        [
            _p("o1", "jars", "offer", "supplier", "Glass jars for jam and honey"),
            _p("r1", "jam", "request", "supplier", "Looking for glass jars for plum jam"),
            _p("r2", "hotel", "request", "buyer", "Glass jars for jam and honey"),
            _p("o2", "jam", "offer", "supplier", "Glass jars for jam and honey"),  # own request
        ]
    )
    assert [(m.offer_id, m.request_id) for m in found] == [("o1", "r1")]
    assert found[0].cooperation_type == "supplier" and 0 < found[0].score <= 1


def test_similar_texts_rank_first_and_serbian_is_folded():
    found = complementary(
        [
            _p("o1", "a", "offer", text="Staklene tegle za džem"),
            _p("o2", "b", "offer", text="Software for hotel bookings"),
            _p("r1", "c", "request", text="Tražimo staklene tegle za dzem od šljiva"),
        ]
    )
    assert [m.offer_id for m in found] == ["o1", "o2"]
    assert found[0].score > found[1].score


def test_one_pair_per_owner_pair_and_per_owner_limit():
    profiles = [_p(f"o{i}", f"seller{i}", "offer", text="jars") for i in range(4)]
    profiles += [
        _p("r1", "buyer", "request", text="jars"),
        _p("r2", "buyer", "request", text="glass jars"),
    ]
    found = complementary(profiles, per_owner=2)
    assert len(found) == 2 and {m.request_owner for m in found} == {"buyer"}
    assert len({m.offer_owner for m in found}) == 2
    assert complementary(profiles, per_owner=0) == []
    assert complementary([]) == []


def test_same_area_breaks_ties():
    found = complementary(
        [
            _p("o1", "a", "offer", text="jars", area="technology"),
            _p("o2", "b", "offer", text="jars", area="business"),
            _p("r1", "c", "request", text="jars", area="business"),
        ]
    )
    assert found[0].offer_id == "o2"
