"""Programmes: the lead's pages, enrolment, the entrepreneur's choice of module, the demo programme."""

from __future__ import annotations

from datetime import date

import pytest
import sqlalchemy as sa

from mentorship.extensions import db
from mentorship.models import Enrolment, Idea, Programme, ProgrammeModule
from mentorship.services.matching import open_ideas
from tests.factories import EntrepreneurFactory, IdeaFactory, LeadFactory, MentorFactory


@pytest.fixture
def programme(app):
    programme = Programme(
        name="Start-up training",
        funder="Innovation centre",
        starts_on=date(2026, 3, 6),
        ends_on=date(2026, 3, 18),
    )
    programme.modules = [
        ProgrammeModule(
            title="Module 1",
            starts_on=date(2026, 3, 6),
            ends_on=date(2026, 3, 8),
            venue="Innovation Center",
            address="Kraljice Marije 14, Belgrade",
        ),
        ProgrammeModule(title="Module 2", starts_on=date(2026, 3, 16), ends_on=date(2026, 3, 18)),
    ]
    db.session.add(programme)
    db.session.commit()
    return programme


def enrol(programme, user) -> None:
    db.session.add(Enrolment(programme_id=programme.id, user_id=user.id))
    db.session.commit()


def test_lead_creates_a_programme(client, auth, submit):
    auth.login(LeadFactory().email)
    response = submit(
        "/lead/programmes/new",
        {
            "name": "Start-up training for women entrepreneurs",
            "funder": "Business women's association",
            "description": "Two modules.",
            "starts_on": "2026-03-06",
            "ends_on": "2026-03-18",
        },
    )
    assert "is created" in response.get_data(as_text=True)
    assert db.session.scalars(sa.select(Programme)).one().ends_on == date(2026, 3, 18)


def test_programme_that_ends_before_it_starts_is_refused(client, auth, submit):
    auth.login(LeadFactory().email)
    response = submit(
        "/lead/programmes/new",
        {"name": "Backwards", "starts_on": "2026-03-18", "ends_on": "2026-03-06"},
    )
    assert "end date is before the start date" in response.get_data(as_text=True)
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Programme)) == 0


def test_a_taken_programme_name_is_refused(client, auth, submit, programme):
    auth.login(LeadFactory().email)
    response = submit("/lead/programmes/new", {"name": "START-UP TRAINING"})
    assert "already exists" in response.get_data(as_text=True)


def test_lead_adds_a_module_with_venue_and_address(client, auth, submit, programme):
    auth.login(LeadFactory().email)
    submit(
        f"/lead/programmes/{programme.id}/modules/new",
        {
            "title": "Module 3",
            "starts_on": "2026-04-01",
            "ends_on": "2026-04-02",
            "venue": "“Mihajlo Pupin” Institute",
            "address": "Volgina 15, Belgrade",
        },
    )
    html = client.get(f"/lead/programmes/{programme.id}").get_data(as_text=True)
    assert "Module 3" in html and "Volgina 15, Belgrade" in html and "1–2 April 2026" in html


def test_lead_edits_a_module(client, auth, submit, programme):
    module = programme.modules[1]
    auth.login(LeadFactory().email)
    submit(
        f"/lead/programmes/{programme.id}/modules/{module.id}/edit",
        {"title": "Module 2: growth", "venue": "Institute"},
    )
    db.session.refresh(module)
    assert (module.title, module.venue) == ("Module 2: growth", "Institute")


def test_lead_enrols_entrepreneurs_picked_from_the_list(client, auth, submit, programme):
    ana, mila = EntrepreneurFactory(name="Ana Ilić"), EntrepreneurFactory(name="Mila Jović")
    auth.login(LeadFactory().email)
    response = submit(f"/lead/programmes/{programme.id}/enrol", {"user_ids": [ana.id]})
    assert "1 entrepreneur is enrolled" in response.get_data(as_text=True)
    enrolled = set(db.session.scalars(sa.select(Enrolment.user_id)))
    assert enrolled == {ana.id} and mila.id not in enrolled


def test_enrolment_search_finds_by_name(client, auth, programme):
    EntrepreneurFactory(name="Ana Ilić")
    EntrepreneurFactory(name="Mila Jović")
    auth.login(LeadFactory().email)
    html = client.get(f"/lead/programmes/{programme.id}/enrol?q=Ilić").get_data(as_text=True)
    assert "Ana Ilić" in html and "Mila Jović" not in html


def test_mentors_cannot_be_enrolled(client, auth, submit, programme):
    mentor = MentorFactory()
    auth.login(LeadFactory().email)
    submit(f"/lead/programmes/{programme.id}/enrol", {"user_ids": [mentor.id]})
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Enrolment)) == 0


def test_programme_ideas_page_filters_by_module(client, auth, programme):
    first, second = programme.modules
    IdeaFactory(title="Jam for module one", programme_id=programme.id, module_id=first.id)
    IdeaFactory(title="Honey for module two", programme_id=programme.id, module_id=second.id)
    IdeaFactory(title="Outside idea")
    auth.login(LeadFactory().email)
    html = client.get(f"/lead/programmes/{programme.id}/ideas?module={first.id}").get_data(
        as_text=True
    )
    assert (
        "Jam for module one" in html
        and "Honey for module two" not in html
        and "Outside idea" not in html
    )


def test_lead_idea_list_filters_by_programme(client, auth, programme):
    IdeaFactory(title="In the programme", programme_id=programme.id)
    IdeaFactory(title="Outside idea")
    auth.login(LeadFactory().email)
    html = client.get(f"/ideas?programme={programme.id}").get_data(as_text=True)
    assert "In the programme" in html and "Outside idea" not in html


def test_entrepreneur_submits_an_idea_to_her_module(client, auth, submit, programme):
    owner = EntrepreneurFactory()
    enrol(programme, owner)
    module = programme.modules[0]
    auth.login(owner.email)
    page = client.get("/ideas/new").get_data(as_text=True)
    assert "Start-up training: Module 1" in page
    submit(
        "/ideas/new",
        {
            "title": "Plum jam",
            "description": "Jam from plums.",
            "needs": ["mentor"],
            "programme": f"{programme.id}:{module.id}",
        },
    )
    idea = db.session.scalars(sa.select(Idea)).one()
    assert (idea.programme_id, idea.module_id) == (programme.id, module.id)


def test_entrepreneur_not_enrolled_sees_no_programme_choice(client, auth, programme):
    auth.login(EntrepreneurFactory().email)
    assert 'name="programme"' not in client.get("/ideas/new").get_data(as_text=True)


def test_a_forged_programme_choice_is_refused(client, auth, submit, programme):
    auth.login(EntrepreneurFactory().email)
    response = submit(
        "/ideas/new",
        {
            "title": "Plum jam",
            "description": "Jam.",
            "needs": ["mentor"],
            "programme": str(programme.id),
        },
    )
    assert "not enrolled" in response.get_data(as_text=True)
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Idea)) == 0


def test_open_ideas_filter_by_programme(app, programme):
    inside = IdeaFactory(programme_id=programme.id)
    IdeaFactory()
    assert [idea.id for idea in db.session.scalars(open_ideas(programme.id))] == [inside.id]


@pytest.mark.parametrize("path", ["/lead/programmes", "/lead/programmes/new"])
def test_only_the_lead_manages_programmes(client, auth, path):
    auth.login(EntrepreneurFactory().email)
    assert client.get(path).status_code == 403


def test_anonymous_visitor_is_sent_to_log_in(client):
    response = client.get("/lead/programmes")
    assert response.status_code == 302 and "/login" in response.headers["Location"]


def test_another_programmes_module_is_a_404(client, auth, programme):
    other = Programme(name="Other")
    db.session.add(other)
    db.session.commit()
    auth.login(LeadFactory().email)
    assert (
        client.get(
            f"/lead/programmes/{other.id}/modules/{programme.modules[0].id}/edit"
        ).status_code
        == 404
    )


def test_demo_load_adds_the_programme_with_two_modules_and_everyone_enrolled(runner):
    result = runner.invoke(args=["demo", "load", "--no-matching"])
    assert result.exit_code == 0, result.output
    programme = db.session.scalars(sa.select(Programme)).one()
    assert programme.name == "Start-up training for women entrepreneurs"
    venues = [(m.starts_on.day, m.ends_on.day, m.address) for m in programme.modules]
    assert venues == [(6, 8, "Kraljice Marije 14, Belgrade"), (16, 18, "Volgina 15, Belgrade")]
    assert programme.modules[0].starts_on.year == programme.modules[1].starts_on.year
    ideas = list(db.session.scalars(sa.select(Idea)))
    assert all(idea.programme_id == programme.id for idea in ideas)
    assert {idea.module_id for idea in ideas} == {m.id for m in programme.modules}
    again = runner.invoke(args=["demo", "load", "--no-matching"])
    assert "created nothing new" in again.output


def test_approval_queue_filters_by_programme(client, auth, programme):
    from tests.factories import MatchFactory

    MatchFactory(
        idea=IdeaFactory(title="Inside idea", programme_id=programme.id),
        mentor=MentorFactory(),
        status="accepted",
    )
    MatchFactory(idea=IdeaFactory(title="Outside idea"), mentor=MentorFactory(), status="accepted")
    auth.login(LeadFactory().email)
    html = client.get(f"/lead/approvals?programme={programme.id}").get_data(as_text=True)
    assert "Inside idea" in html and "Outside idea" not in html
