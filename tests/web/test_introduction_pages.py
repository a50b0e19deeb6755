"""The introduction pages: the thread and the agreement for its two sides, a 404 to others."""

from __future__ import annotations

import sqlalchemy as sa

from mentorship.extensions import db
from mentorship.models import (
    IntroductionMessage,
    Notification,
    PartnerContact,
    PartnershipAgreement,
)
from mentorship.services.mentorships.access import today
from tests.event_factories import PartnerContactFactory
from tests.factories import EntrepreneurFactory, LeadFactory, MatchFactory, PartnerFactory


def partner_introduction():
    partner = PartnerFactory(name="Hotel Sever")
    match = MatchFactory(kind="partner", mentor=None, partner=partner, status="approved")
    return match, PartnerContactFactory(partner=partner)


def test_the_two_sides_write_and_record_the_agreement(client, auth, submit):
    match, contact = partner_introduction()
    page = f"/introductions/{match.id}"
    auth.login(match.idea.owner.email)
    assert "Hotel Sever" in client.get("/introductions").get_data(as_text=True)
    html = submit(f"{page}/messages", {"body": "<script>hi</script>"}, page=page)
    text = html.get_data(as_text=True)
    assert "Message sent." in text and "&lt;script&gt;hi&lt;/script&gt;" in text
    auth.logout()
    auth.login(contact.email)
    assert "&lt;script&gt;" in client.get(page).get_data(as_text=True)
    signed = {"signed_on": today().isoformat(), "cooperation_type": "joint_venture"}
    text = submit(f"{page}/agreement", signed, page=page).get_data(as_text=True)
    assert "Partnership agreement saved." in text and "Joint venture" in text
    text = submit(f"{page}/agreement", {**signed, "signed_on": "2999-01-01"}, page=page)
    assert "cannot be in the future" in text.get_data(as_text=True)
    row = db.session.scalars(sa.select(PartnershipAgreement)).one()
    assert row.cooperation_type == "joint_venture" and row.signed_on == today()


def test_another_users_introduction_is_a_404_and_posts_need_a_token(client, auth, submit):
    match, _contact = partner_introduction()
    page = f"/introductions/{match.id}"
    for stranger in (EntrepreneurFactory(), PartnerContactFactory(), LeadFactory()):
        auth.login(stranger.email)
        assert client.get(page).status_code == 404
        response = submit(f"{page}/messages", {"body": "Hi"}, page="/introductions")
        assert response.status_code == 404
        auth.logout()
    auth.login(match.idea.owner.email)
    client.post(f"{page}/messages", data={"body": "No token"})
    assert db.session.scalar(sa.select(sa.func.count()).select_from(IntroductionMessage)) == 0


def test_a_contact_still_waiting_for_the_lead_sees_nothing_of_her_companys_introductions(
    client, auth, submit
):
    match, _approved = partner_introduction()
    waiting = PartnerContactFactory(partner=match.partner)
    db.session.get(PartnerContact, waiting.id).status = "pending"
    db.session.commit()
    page = f"/introductions/{match.id}"
    auth.login(waiting.email)
    assert client.get(page).status_code == 404
    assert "Hotel Sever" not in client.get("/introductions").get_data(as_text=True)
    assert submit(f"{page}/messages", {"body": "Hi"}, page="/introductions").status_code == 404
    signed = {"signed_on": today().isoformat(), "cooperation_type": "investment"}
    assert submit(f"{page}/agreement", signed, page="/introductions").status_code == 404
    assert db.session.scalar(sa.select(sa.func.count()).select_from(IntroductionMessage)) == 0
    assert db.session.scalar(sa.select(sa.func.count()).select_from(PartnershipAgreement)) == 0
    auth.logout()
    auth.login(match.idea.owner.email)
    submit(f"{page}/messages", {"body": "Dobar dan"}, page=page)
    told = db.session.scalars(sa.select(Notification.user_id)).all()
    assert waiting.id not in told
