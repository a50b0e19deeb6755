"""/api/v1/events: events, registration, meeting requests, the schedule, agendas, outcomes."""

from __future__ import annotations

from flask import jsonify, url_for
from pydantic import BaseModel

from mentorship.api.blueprint import api_bp
from mentorship.api.request import (
    ID,
    current_user,
    idempotency_key,
    json_input,
    listed_page,
    page_json,
    query_choice,
    requested_page,
    token_required,
)
from mentorship.contract.events import (
    Agenda,
    AgendaItem,
    EventInput,
    EventReport,
    EventSession,
    EventSessionInput,
    EventStatusInput,
    Meeting,
    MeetingAnswerInput,
    MeetingOutcome,
    MeetingOutcomeInput,
    MeetingRequestInput,
    Participant,
    ParticipantAgenda,
    PlacementInput,
    PublishInput,
    RegistrationInput,
    ScheduleRun,
    SuggestionsAdded,
    UnscheduledMeeting,
)
from mentorship.contract.events import Event as EventAnswer
from mentorship.extensions import db
from mentorship.infrastructure.pagination import paginate
from mentorship.services.errors import NotFoundError
from mentorship.services.events import (
    agenda,
    meetings,
    outcomes,
    profile_meetings,
    registration,
    schedule,
    setup,
)

LEAD = ("lead",)
EVENT = f"/events/<{ID}:event_id>"
MEETING = f"{EVENT}/meetings/<{ID}:meeting_id>"


def _json(model: BaseModel, status: int = 200):
    response = jsonify(model.model_dump(mode="json"))
    response.status_code = status
    return response


def event_out(event) -> EventAnswer:
    return EventAnswer(
        id=event.id,
        name=event.name,
        place=event.place,
        starts_on=event.starts_on,
        ends_on=event.ends_on,
        meeting_minutes=event.meeting_minutes,
        status=event.status,
        schedule_stage=event.schedule_stage,
        published_at=event.published_at,
        sessions=[
            EventSession(
                id=s.id,
                name=s.name,
                starts_at=s.starts_at,
                ends_at=s.ends_at,
                tables=s.tables,
                slots=setup.slot_count(event, s),
            )
            for s in event.sessions
        ],
    )


def participant_out(p) -> Participant:
    return Participant(
        id=p.id,
        user_id=p.user_id,
        name=p.display_name,
        idea_id=p.idea_id,
        partner_id=p.partner_id,
        session_ids=list(p.session_ids),
    )


def meeting_out(m) -> Meeting:
    return Meeting(
        id=m.id,
        first_id=m.first_id,
        second_id=m.second_id,
        match_id=m.match_id,
        reason=m.reason,
        status=m.status,
        origin=m.origin,
        session_id=m.session_id,
        slot=m.slot,
        table=m.table_number,
        pinned=m.pinned,
        unscheduled_reason=m.unscheduled_reason,
    )


def _event(event_id: int):
    return setup.get_event(current_user(), event_id)


@api_bp.get("/events")
@token_required()
def list_events():
    page, per_page = requested_page()
    statement = setup.list_events(current_user())
    result = paginate(statement, page, per_page, keep_page=True)
    return jsonify(page_json(result, lambda e: event_out(e).model_dump(mode="json")))


@api_bp.post("/events")
@token_required(LEAD)
def create_event():
    key = idempotency_key()
    data = json_input(EventInput)
    sessions = data.pop("sessions")
    creation = setup.create_event_once(current_user(), data, sessions, key)
    event = creation.event
    db.session.refresh(event)
    response = _json(event_out(event), 201)
    response.headers["Location"] = url_for("api.get_event", event_id=event.id)
    if creation.repeated:
        response.headers["Idempotent-Replayed"] = "true"
    return response


@api_bp.get(EVENT)
@token_required()
def get_event(event_id: int):
    return _json(event_out(_event(event_id)))


@api_bp.post(f"{EVENT}/sessions")
@token_required(LEAD)
def event_add_session(event_id: int):
    event = _event(event_id)
    setup.add_session(current_user(), event, json_input(EventSessionInput))
    db.session.refresh(event)
    return _json(event_out(event), 201)


@api_bp.post(f"{EVENT}/status")
@token_required(LEAD)
def event_set_status(event_id: int):
    event = _event(event_id)
    setup.set_status(current_user(), event, json_input(EventStatusInput)["status"])
    return _json(event_out(event))


@api_bp.post(f"{EVENT}/registration")
@token_required(("entrepreneur", "partner"))
def event_register(event_id: int):
    event = _event(event_id)
    data = json_input(RegistrationInput)
    changed = registration.participant_for(current_user(), event) is not None
    participant = registration.register(current_user(), event, data["session_ids"], data["idea_id"])
    return _json(participant_out(participant), 200 if changed else 201)


@api_bp.delete(f"{EVENT}/registration")
@token_required(("entrepreneur", "partner"))
def event_withdraw(event_id: int):
    registration.withdraw(current_user(), _event(event_id))
    return "", 204


def _participant_or_lead(event):
    me = registration.participant_for(current_user(), event)
    if me is None and not current_user().is_lead:
        raise NotFoundError("You are not registered for this event.")
    return me


@api_bp.get(f"{EVENT}/participants")
@token_required()
def event_list_participants(event_id: int):
    event = _event(event_id)
    _participant_or_lead(event)
    return jsonify(listed_page(list(event.participants), lambda p: participant_out(p).model_dump()))


@api_bp.delete(f"{EVENT}/participants/<{ID}:participant_id>")
@token_required(LEAD)
def event_remove_participant(event_id: int, participant_id: int):
    registration.remove_participant(current_user(), _event(event_id), participant_id)
    return "", 204


@api_bp.get(f"{EVENT}/meetings")
@token_required()
def event_list_meetings(event_id: int):
    event = _event(event_id)
    me = _participant_or_lead(event)
    found = registration.meetings_of(me) if me else list(event.meetings)
    return jsonify(listed_page(found, lambda m: meeting_out(m).model_dump()))


@api_bp.post(f"{EVENT}/meetings")
@token_required(("entrepreneur", "partner"))
def event_request_meeting(event_id: int):
    event = _event(event_id)
    data = json_input(MeetingRequestInput)
    meeting = meetings.request_meeting(
        current_user(), event, data["participant_id"], data["reason"]
    )
    return _json(meeting_out(meeting), 201)


@api_bp.post(f"{MEETING}/answer")
@token_required(("entrepreneur", "partner"))
def event_answer_meeting(event_id: int, meeting_id: int):
    event = _event(event_id)
    accept = json_input(MeetingAnswerInput)["decision"] == "accept"
    meeting = meetings.get_meeting(current_user(), event, meeting_id)
    return _json(meeting_out(meetings.answer(current_user(), meeting, accept)))


@api_bp.post(f"{MEETING}/cancel")
@token_required()
def event_cancel_meeting(event_id: int, meeting_id: int):
    event = _event(event_id)
    meeting = meetings.get_meeting(current_user(), event, meeting_id)
    return _json(meeting_out(meetings.cancel(current_user(), meeting)))


@api_bp.post(f"{EVENT}/suggestions")
@token_required(LEAD)
def event_suggest(event_id: int):
    from_matches, from_profiles = profile_meetings.suggest_all(_event(event_id))
    return _json(SuggestionsAdded(added=from_matches + from_profiles, from_profiles=from_profiles))


@api_bp.post(f"{EVENT}/schedule/run")
@token_required(LEAD)
def event_run_schedule(event_id: int):
    result = schedule.run(current_user(), _event(event_id))
    return _json(
        ScheduleRun(
            placed=len(result.placements),
            unscheduled=[
                UnscheduledMeeting(meeting_id=int(u.meeting_id), reason=u.reason)
                for u in result.unscheduled
            ],
            slots_used=result.slots_used,
            max_degree=result.max_degree,
            two_sided=result.two_sided,
            idle_gap=result.idle_gap,
        )
    )


@api_bp.put(f"{MEETING}/placement")
@token_required(LEAD)
def event_place_meeting(event_id: int, meeting_id: int):
    event = _event(event_id)
    data = json_input(PlacementInput)
    meeting = meetings.get_meeting(current_user(), event, meeting_id)
    schedule.move(current_user(), meeting, data["session_id"], data["slot"], data["table"])
    return _json(meeting_out(meeting))


@api_bp.delete(f"{MEETING}/pin")
@token_required(LEAD)
def event_unpin_meeting(event_id: int, meeting_id: int):
    event = _event(event_id)
    meeting = meetings.get_meeting(current_user(), event, meeting_id)
    schedule.unpin(current_user(), meeting)
    return _json(meeting_out(meeting))


@api_bp.post(f"{EVENT}/schedule/publish")
@token_required(LEAD)
def event_publish(event_id: int):
    event = _event(event_id)
    schedule.publish(current_user(), event, json_input(PublishInput)["stage"])
    return _json(event_out(event))


def _agenda_item(item, with_participant: bool) -> AgendaItem:
    return AgendaItem(
        meeting_id=item.meeting.id,
        starts_at=item.starts_at,
        ends_at=item.ends_at,
        session_id=item.session.id,
        slot=item.slot,
        table=item.table,
        with_participant=participant_out(item.other) if with_participant else None,
        why=item.why,
    )


@api_bp.get(f"{EVENT}/agenda")
@token_required()
def event_get_agenda(event_id: int):
    """The caller's published agenda; for the lead, the whole published table plan."""
    event = _event(event_id)
    me = _participant_or_lead(event)
    if me is None:
        items = [_agenda_item(i, False) for _, slot in agenda.table_plan(event, True) for i in slot]
    else:
        items = [_agenda_item(i, True) for i in agenda.agenda(event, me)]
    return _json(Agenda(stage=event.schedule_stage, items=items))


@api_bp.get(f"{EVENT}/participants/<{ID}:participant_id>/agenda")
@token_required(LEAD)
def event_participant_agenda(event_id: int, participant_id: int):
    """Any participant's agenda for the lead: as published, or the draft with ?draft=true."""
    event = _event(event_id)
    person = registration.own_participant(current_user(), event, participant_id)
    version = query_choice("version", ("published", "draft")) or "published"
    items = [_agenda_item(i, True) for i in agenda.agenda(event, person, version == "draft")]
    return _json(
        ParticipantAgenda(
            participant=participant_out(person),
            version=version,
            stage=event.schedule_stage,
            items=items,
        )
    )


@api_bp.put(f"{MEETING}/outcome")
@token_required(("entrepreneur", "partner"))
def event_record_outcome(event_id: int, meeting_id: int):
    event = _event(event_id)
    data = json_input(MeetingOutcomeInput)
    meeting = meetings.get_meeting(current_user(), event, meeting_id)
    saved = outcomes.record(
        current_user(), meeting, data["result"], data["cooperation_type"], data["note"]
    )
    return _json(
        MeetingOutcome(
            meeting_id=meeting.id,
            participant_id=saved.participant_id,
            result=saved.result,
            cooperation_type=saved.cooperation_type,
            note=saved.note,
        )
    )


@api_bp.get(f"{EVENT}/report")
@token_required(LEAD)
def event_report(event_id: int):
    summary = outcomes.report(_event(event_id))
    return _json(
        EventReport(
            meetings_scheduled=summary.meetings_scheduled,
            meetings_reported=summary.meetings_reported,
            results=dict(summary.results),
            agreements_by_type=dict(summary.agreements_by_type),
            follow_ups_by_type=dict(summary.follow_ups_by_type),
        )
    )
