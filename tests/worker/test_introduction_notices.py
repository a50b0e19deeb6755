"""New messages in an introduction's thread follow each reader's e-mail choice, as mentorship
messages do: listed in the daily digest by default (counted with the read marks, so nothing she
already read in the app), at once for those who chose instant e-mails. A contact person the lead
has not approved yet is never written to. Read in the e-mails the outbox task really delivered."""

from __future__ import annotations

from mentorship.extensions import db
from mentorship.models import Notification, PartnerContact
from mentorship.services.partnerships import threads
from tests.event_factories import PartnerContactFactory
from tests.factories import ClusterFactory, IdeaFactory, LeadFactory, MatchFactory, PartnerFactory
from tests.worker.test_nudges_in_digest import delivered, run, subjects

MESSAGE_SUBJECT = "New message about “Sour cherry jam”"


def introduction(title: str = "Sour cherry jam", partner_name: str = "Hotel Sever"):
    partner = PartnerFactory(name=partner_name)
    match = MatchFactory(
        idea=IdeaFactory(title=title),
        kind="partner",
        mentor=None,
        partner=partner,
        status="approved",
    )
    db.session.commit()
    return match


def write(user, match, *bodies: str) -> None:
    for body in bodies:
        threads.send_message(user, match.id, {"body": body})


def digests_to(app, to: str) -> list[str]:
    return [body for subject, body in delivered(app, to) if "waiting for you" in subject]


def test_a_contact_on_the_digest_gets_no_email_per_message_but_is_told_in_the_app(app):
    match = introduction()
    contact = PartnerContactFactory(partner=match.partner)
    write(match.idea.owner, match, "Hello", "Can we meet?", "Tuesday suits me")
    assert MESSAGE_SUBJECT not in subjects(app, contact.email)
    assert db.session.query(Notification).filter_by(user_id=contact.id).count() >= 1


def test_the_digest_lists_the_thread_once_with_its_unread_count(app):
    match = introduction()
    her, contact = match.idea.owner, PartnerContactFactory(partner=match.partner)
    write(her, match, "Hello", "Can we meet?", "Tuesday suits me")
    write(contact, match, "Yes, Tuesday at ten.")
    run("send_digests")
    [to_contact] = digests_to(app, contact.email)
    assert to_contact.count(f"/introductions/{match.id}") == 1
    assert "Sour cherry jam – Hotel Sever: 3 new messages" in to_contact
    [to_her] = digests_to(app, her.email)
    assert "Sour cherry jam – Hotel Sever: 1 new message," in to_her


def test_the_lead_of_a_cluster_introduction_gets_it_in_her_digest(app):
    lead = LeadFactory()
    cluster = ClusterFactory(name="Food cluster Niš")
    match = MatchFactory(
        idea=IdeaFactory(title="Sour cherry jam"),
        kind="cluster",
        mentor=None,
        cluster=cluster,
        status="approved",
    )
    write(match.idea.owner, match, "Hello")
    assert MESSAGE_SUBJECT not in subjects(app, lead.email)
    run("send_digests")
    [digest] = digests_to(app, lead.email)
    assert "Sour cherry jam – Food cluster Niš: 1 new message" in digest


def test_a_contact_who_chose_instant_emails_gets_the_message_at_once(app):
    match = introduction()
    contact = PartnerContactFactory(partner=match.partner, instant_emails=True)
    write(match.idea.owner, match, "Hello")
    assert subjects(app, contact.email) == [MESSAGE_SUBJECT]
    run("send_digests")
    assert digests_to(app, contact.email) == []


def test_a_thread_she_read_in_the_app_is_not_listed(app):
    read, unread = introduction(), introduction("Goat cheese", "Dairy Zlatibor")
    her = read.idea.owner
    unread.idea.owner = her
    contact = PartnerContactFactory(partner=read.partner)
    other_contact = PartnerContactFactory(partner=unread.partner)
    write(contact, read, "Our offer is attached")
    write(other_contact, unread, "We would buy it")
    threads.open_thread(her, read)
    run("send_digests")
    [digest] = digests_to(app, her.email)
    assert f"/introductions/{unread.id}" in digest
    assert f"/introductions/{read.id}" not in digest


def test_a_contact_the_lead_has_not_approved_is_never_emailed(app):
    match = introduction()
    pending = PartnerContactFactory(partner=match.partner)
    instant = PartnerContactFactory(partner=match.partner, instant_emails=True)
    for user in (pending, instant):
        db.session.get(PartnerContact, user.id).status = "pending"
    db.session.commit()
    write(match.idea.owner, match, "Hello")
    run("send_digests")
    assert delivered(app, pending.email) == [] and delivered(app, instant.email) == []
