"""A mentor's old links to a proposal that a re-match withdrew: a clear page for her, 404 for others."""

from __future__ import annotations

import html

import pytest
import sqlalchemy as sa

from matching import Match as RankedMatch
from mentorship.extensions import db
from mentorship.models import Match, Notification, OutboxEmail
from mentorship.services.approvals import decide_match
from mentorship.services.matching import store_matches
from tests.conftest import csrf_token_from
from tests.factories import (
    EntrepreneurFactory,
    IdeaFactory,
    LeadFactory,
    MatchFactory,
    MentorFactory,
)

SERBIAN = {"Accept-Language": "sr-RS,sr;q=0.9"}


def ranked_for(*mentors) -> dict:
    return {
        "mentor": [
            RankedMatch(kind="mentor", candidate_id=m.id, score=0.5, rank=i + 1, reasons=())
            for i, m in enumerate(mentors)
        ]
    }


def propose_again(idea, mentor) -> int:
    """Matching proposes the idea to her again, as a new row (SQLite could reuse the last id)."""
    MatchFactory()
    store_matches(idea.id, ranked_for(mentor))
    return match_id_of(idea, mentor)


def match_id_of(idea, mentor) -> int | None:
    return db.session.scalar(
        sa.select(Match.id).where(Match.idea_id == idea.id, Match.mentor_id == mentor.id)
    )


@pytest.fixture
def mentor(app):
    """She asked for an e-mail for each change, so the links in them can be followed too."""
    return MentorFactory(instant_emails=True)


@pytest.fixture
def idea(app):
    return IdeaFactory(title="Plum jam for hotels", needs=["mentor"], status="matched")


@pytest.fixture
def withdrawn_id(mentor, idea) -> int:
    """The id of her proposal, proposed by matching and then withdrawn by a re-match."""
    store_matches(idea.id, ranked_for(mentor))
    old_id = match_id_of(idea, mentor)
    store_matches(idea.id, ranked_for())
    assert db.session.get(Match, old_id) is None
    return old_id


def text_of(response) -> str:
    return html.unescape(response.get_data(as_text=True))


def test_her_old_review_link_says_the_idea_is_no_longer_proposed(
    client, auth, mentor, withdrawn_id
):
    auth.login(mentor.email)
    response = client.get(f"/reviews/{withdrawn_id}")
    assert response.status_code == 410
    page = text_of(response)
    assert "No longer proposed" in page and "“Plum jam for hotels” is no longer proposed" in page
    # It may go to nobody else at all: the page claimed "this idea now goes to other mentors".
    assert "other mentors" not in page and "no longer among the mentors proposed" in page


def test_the_page_names_the_idea_as_she_was_told_of_it(client, auth, mentor, idea):
    """Renamed after the proposal: the page named a title she had never seen."""
    store_matches(idea.id, ranked_for(mentor))
    old_id = match_id_of(idea, mentor)
    idea.title = "Orchard preserves"
    db.session.commit()
    store_matches(idea.id, ranked_for())
    auth.login(mentor.email)
    page = text_of(client.get(f"/reviews/{old_id}"))
    assert "“Plum jam for hotels” is no longer proposed" in page and "Orchard" not in page


def test_the_no_longer_proposed_page_speaks_serbian(client, auth, mentor, withdrawn_id):
    auth.login(mentor.email)
    page = text_of(client.get(f"/reviews/{withdrawn_id}", headers=SERBIAN))
    assert "Više nije predloženo" in page and "No longer proposed" not in page


def test_another_mentor_following_the_link_gets_not_found(client, auth, withdrawn_id):
    auth.login(MentorFactory().email)
    response = client.get(f"/reviews/{withdrawn_id}")
    assert response.status_code == 404
    assert "Plum jam for hotels" not in text_of(response)


@pytest.mark.parametrize("other", [LeadFactory, EntrepreneurFactory])
def test_other_roles_get_the_same_answer_as_for_an_id_that_never_existed(
    client, auth, withdrawn_id, other
):
    auth.login(other().email)
    old, never = client.get(f"/reviews/{withdrawn_id}"), client.get("/reviews/999999")
    assert old.status_code == never.status_code and "Plum jam" not in text_of(old)


def test_the_link_in_the_withdrawal_notice_and_email_leads_to_that_page(
    client, auth, mentor, withdrawn_id
):
    notice = db.session.scalar(
        sa.select(Notification).where(Notification.kind == "match.withdrawn")
    )
    email = db.session.scalar(
        sa.select(OutboxEmail).where(OutboxEmail.subject.like("%no longer proposed%"))
    )
    assert notice.link == f"/reviews/{withdrawn_id}" and notice.link in email.body
    auth.login(mentor.email)
    assert client.get(notice.link).status_code == 410


def test_the_link_in_the_first_proposal_notice_leads_to_that_page_too(
    client, auth, mentor, withdrawn_id
):
    notice = db.session.scalar(sa.select(Notification).where(Notification.kind == "match.proposed"))
    auth.login(mentor.email)
    assert client.get(notice.link).status_code == 410


def test_answering_on_a_page_left_open_shows_the_page_and_changes_nothing(
    client, auth, mentor, idea, withdrawn_id
):
    auth.login(mentor.email)
    token = csrf_token_from(client.get("/reviews").get_data(as_text=True))
    response = client.post(
        f"/reviews/{withdrawn_id}", data={"decision": "accept", "csrf_token": token}
    )
    assert response.status_code == 410 and "no longer proposed" in text_of(response)
    assert db.session.scalars(sa.select(Match).where(Match.idea_id == idea.id)).all() == []


def test_a_proposal_made_again_sends_her_old_link_to_the_current_one(
    client, auth, mentor, idea, withdrawn_id
):
    current = propose_again(idea, mentor)
    auth.login(mentor.email)
    response = client.get(f"/reviews/{withdrawn_id}")
    assert response.status_code == 303
    assert response.headers["Location"].endswith(f"/reviews/{current}")


def test_answering_an_old_page_of_a_proposal_made_again_asks_her_to_answer_the_current_one(
    client, auth, mentor, idea, withdrawn_id
):
    current = propose_again(idea, mentor)
    auth.login(mentor.email)
    token = csrf_token_from(client.get("/reviews").get_data(as_text=True))
    response = client.post(
        f"/reviews/{withdrawn_id}",
        data={"decision": "accept", "csrf_token": token},
        follow_redirects=True,
    )
    assert "proposed this idea to you again" in text_of(response)
    assert db.session.get(Match, current).status == "proposed"


@pytest.mark.parametrize(
    ("headers", "says"),
    [({}, "approved another mentor for this idea"), (SERBIAN, "odobrio drugog mentora")],
)
def test_her_old_link_says_when_another_mentor_was_approved(client, auth, headers, says):
    idea = IdeaFactory(title="Plum jam for hotels", status="matched")
    chosen = MatchFactory(idea=idea, status="accepted")
    passed_over = MatchFactory(idea=idea, status="accepted")
    mentor, match_id = passed_over.mentor, passed_over.id
    decide_match(LeadFactory(), chosen.id, "approve")
    auth.login(mentor.email)
    response = client.get(f"/reviews/{match_id}", headers=headers)
    assert response.status_code == 410 and says in text_of(response)
