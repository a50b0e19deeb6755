"""The impact report by module and by cluster, next to sector and city."""

from __future__ import annotations

from mentorship.extensions import db
from mentorship.models import Programme, ProgrammeModule
from mentorship.services.mentorships import activity, checkins
from mentorship.services.mentorships.impact import impact_report
from mentorship.services.mentorships.impact_slices import NO_SLICE
from tests.factories import ClusterFactory, IdeaFactory, MatchFactory
from tests.mentorship_pairs import approved_mentorship


def programme_with_modules():
    programme = Programme(name="Food start-ups")
    programme.modules = [ProgrammeModule(title="Module 1"), ProgrammeModule(title="Module 2")]
    db.session.add(programme)
    db.session.commit()
    return programme, programme.modules


def test_mentorships_are_counted_by_module_and_by_each_approved_cluster(app):
    programme, (first, second) = programme_with_modules()
    agro, wood = ClusterFactory(name="Agro"), ClusterFactory(name="Wood")
    one = approved_mentorship(idea=IdeaFactory(programme=programme, module=first))
    two = approved_mentorship(idea=IdeaFactory(programme=programme, module=first))
    approved_mentorship(idea=IdeaFactory(programme=programme, module=second))
    approved_mentorship(idea=IdeaFactory(programme=programme))
    for idea, cluster in ((one.match.idea, agro), (one.match.idea, wood), (two.match.idea, agro)):
        MatchFactory(idea=idea, kind="cluster", mentor=None, cluster=cluster, status="approved")
    # A cluster only proposed does not count.
    MatchFactory(idea=two.match.idea, kind="cluster", mentor=None, cluster=wood)
    activity.log_session(
        one.entrepreneur, one.id, {"held_on": one.started_on.isoformat(), "duration_minutes": 90}
    )
    checkins.close_mentorship(two.entrepreneur, two.id, {"status": "completed", "nps": 10})

    report = impact_report(programme.id)
    assert {name: g.pairings for name, g in report.by_module.items()} == {
        "Module 1": 2,
        "Module 2": 1,
        NO_SLICE: 1,
    }
    assert {name: g.pairings for name, g in report.by_cluster.items()} == {
        "Agro": 2,
        "Wood": 1,
        NO_SLICE: 2,
    }
    assert report.by_module["Module 1"].sessions == 1
    assert report.by_module["Module 1"].hours == 1.5
    assert report.by_cluster["Agro"].completed == 1 and report.by_cluster["Wood"].completed == 0
    # Across programmes a module is named with its programme.
    assert "Food start-ups · Module 1" in impact_report().by_module
