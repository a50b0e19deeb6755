"""Calendar invitations for planned sessions, built with the icalendar library."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from flask import current_app
from flask_babel import gettext as _
from icalendar import Calendar, Event, vCalAddress, vText

from mentorship.extensions import db
from mentorship.i18n import language_of
from mentorship.models import Mentorship, MentorshipSession, Notification, OutboxEmail, User
from mentorship.models.base import as_aware
from mentorship.services.mentorships.health import settings
from mentorship.services.notifications import absolute


def invitation_ics(mentorship: Mentorship, session: MentorshipSession) -> str:
    """One VEVENT with both members as attendees; the UID stays the same for the session."""
    calendar = Calendar()
    calendar.add("prodid", "-//Mentorship Match//mentorship sessions//EN")
    calendar.add("version", "2.0")
    calendar.add("method", "REQUEST")
    event = Event()
    host = current_app.config.get("PUBLIC_BASE_URL", "").split("//")[-1].strip("/") or "localhost"
    event.add("uid", f"mentorship-session-{session.id}@{host}")
    event.add("dtstamp", datetime.now(UTC))
    start = as_aware(session.starts_at)
    event.add("dtstart", start)
    event.add("dtend", start + timedelta(minutes=session.duration_minutes))
    names = " & ".join(
        member.name for member in (mentorship.entrepreneur, mentorship.mentor) if member
    )
    event.add("summary", vText(f"Mentoring: {names}"))
    if session.topics:
        event.add("description", vText(session.topics))
    event.add("url", absolute(f"/mentorships/{mentorship.id}"))
    for member in (mentorship.entrepreneur, mentorship.mentor):
        if member is not None:
            attendee = vCalAddress(f"mailto:{member.email}")
            attendee.params["cn"] = vText(member.name)
            attendee.params["role"] = vText("REQ-PARTICIPANT")
            event.add("attendee", attendee, encode=0)
    calendar.add_component(event)
    return calendar.to_ical().decode("utf-8")


def queue_invitation(
    member: User, mentorship: Mentorship, session: MentorshipSession, ics: str
) -> None:
    """An in-app notice and, unless the member opted out of e-mail, the invitation by e-mail."""
    link = f"/mentorships/{mentorship.id}"
    zone = ZoneInfo(settings()["time_zone"])
    with language_of(member):
        subject = _("A mentoring session is planned")
        body = _(
            "A mentoring session is planned for %(when)s (%(zone)s time), %(minutes)d minutes. "
            "The calendar invitation is attached; it is also on the mentorship page.",
            when=as_aware(session.starts_at).astimezone(zone).strftime("%Y-%m-%d %H:%M"),
            zone=settings()["time_zone"],
            minutes=session.duration_minutes,
        )
    db.session.add(
        Notification(
            user_id=member.id, kind="mentorship.session", subject=subject, body=body, link=link
        )
    )
    if member.email_notifications:
        db.session.add(
            OutboxEmail(
                user_id=member.id,
                to_email=member.email,
                subject=subject,
                body=f"{body}\n\n{absolute(link)}",
                attachment_name=f"session-{session.id}.ics",
                attachment=ics,
            )
        )
