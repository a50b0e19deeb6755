from tests.factories import IdeaFactory, MatchFactory


def test_factories_build_a_consistent_match(app):
    match = MatchFactory()
    assert match.mentor.mentor_profile.status == "active"
    assert match.idea.owner.entrepreneur_profile.city == "Niš"
    assert IdeaFactory().needs == ["mentor", "partner", "cluster"]
