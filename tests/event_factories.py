"""factory_boy factories for B2B events, on top of tests.factories."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import factory

from mentorship.models import (
    Event,
    EventParticipant,
    EventSession,
    PartnerContact,
)
from tests.factories import Base, EntrepreneurFactory, IdeaFactory, PartnerFactory, UserFactory


class EventFactory(Base):
    class Meta:
        model = Event

    name = factory.Sequence(lambda n: f"Days of Clusters {n}")
    place = "Niš, Hotel Ambasador"
    starts_on = date(2026, 12, 10)
    ends_on = date(2026, 12, 10)
    meeting_minutes = 30
    status = "open"


class SessionFactory(Base):
    class Meta:
        model = EventSession

    event = factory.SubFactory(EventFactory)
    name = factory.Sequence(lambda n: f"Session {n}")
    starts_at = datetime(2026, 12, 10, 8, 0, tzinfo=UTC)
    ends_at = datetime(2026, 12, 10, 10, 0, tzinfo=UTC)  # four 30-minute slots
    tables = 5


class PartnerContactFactory(UserFactory):
    role = "partner"
    name = factory.Sequence(lambda n: f"Marko Jovanović {n}")

    @factory.post_generation
    def partner(self, create, extracted, **kwargs):
        partner = extracted or PartnerFactory()
        link = PartnerContact(user_id=self.id, partner_id=partner.id)
        session = EventFactory._meta.sqlalchemy_session_factory()
        session.add(link)
        session.commit()


def entrepreneur_in(event: Event, sessions: list[EventSession], **kwargs) -> EventParticipant:
    idea = IdeaFactory(owner=EntrepreneurFactory(**kwargs))
    return ParticipantFactory(
        event=event, user=idea.owner, idea=idea, session_ids=[s.id for s in sessions]
    )


def contact_in(event: Event, sessions: list[EventSession], partner=None) -> EventParticipant:
    contact = PartnerContactFactory(partner=partner)
    link = EventFactory._meta.sqlalchemy_session_factory().get(PartnerContact, contact.id)
    return ParticipantFactory(
        event=event, user=contact, partner=link.partner, session_ids=[s.id for s in sessions]
    )


class ParticipantFactory(Base):
    class Meta:
        model = EventParticipant

    event = factory.SubFactory(EventFactory)
    session_ids = factory.LazyFunction(list)


def held(event: Event, days: int = 60) -> Event:
    """Time passes: the event and its sessions move `days` back, so its meetings have taken
    place (outcomes are recorded only then). The published schedule names slots, not times."""
    shift = timedelta(days=days)
    event.starts_on -= shift
    event.ends_on -= shift
    for session in event.sessions:
        session.starts_at -= shift
        session.ends_at -= shift
    EventFactory._meta.sqlalchemy_session_factory().commit()
    return event
