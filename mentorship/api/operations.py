"""Every operation of the public API in one list, read by the OpenAPI generator (openapi.py).

An operation names its models (mentorship/contract/); their JSON Schemas become the document's
components, so what the document says is what the API checks and answers. A new endpoint adds
one `Operation` here (or to a list it appends to OPERATIONS) with its request and answer models.
"""

from __future__ import annotations

from pydantic import BaseModel

from mentorship.api.operation_types import (
    ANYONE,
    OBJECT_ID,
    PAGE,
    SIGNED_IN,
    Operation,
    Param,
)
from mentorship.api.partnership_operations import (
    COOPERATION_OPERATIONS,
    INTRODUCTION_OPERATIONS,
    PARTNER_CONTACT_OPERATIONS,
)
from mentorship.api.problem_report_operations import problem_report_operations
from mentorship.contract.accounts import (
    Account,
    EntrepreneurProfileInput,
    Me,
    MentorProfileInput,
    MeUpdate,
    Register,
    Token,
    TokenRequest,
)
from mentorship.contract.directory import (
    Cluster,
    ClusterInput,
    ClusterPage,
    Partner,
    PartnerDetail,
    PartnerInput,
    PartnerPage,
)
from mentorship.contract.events import (
    Agenda,
    Event,
    EventInput,
    EventPage,
    EventReport,
    EventSessionInput,
    EventStatusInput,
    Meeting,
    MeetingAnswerInput,
    MeetingOutcome,
    MeetingOutcomeInput,
    MeetingPage,
    MeetingRequestInput,
    Participant,
    ParticipantAgenda,
    ParticipantPage,
    PlacementInput,
    PublishInput,
    RegistrationInput,
    ScheduleRun,
    SuggestionsAdded,
)
from mentorship.contract.fields import one_of
from mentorship.contract.ideas import IDEMPOTENCY_KEY_MAX, Idea, IdeaInput, IdeaPage
from mentorship.contract.matches import Decision, Match, MatchPage, Review
from mentorship.contract.mentors import Mentor, MentorPage
from mentorship.contract.mentorships import (
    AgreementInput,
    CheckIn,
    CheckInInput,
    CheckInPage,
    CloseInput,
    Goal,
    GoalDone,
    GoalInput,
    GoalPage,
    Mentorship,
    MentorshipPage,
    MentorshipSession,
    MentorshipSessionInput,
    MentorshipSessionPage,
    Message,
    MessageInput,
    MessagePage,
    OutcomeAnswers,
    OutcomesInput,
    SessionRating,
    SessionRatingInput,
    SurveyInput,
    SurveyRecorded,
)
from mentorship.contract.meta import LABEL_LANGUAGES, Health, Readiness, SectorList, Stats
from mentorship.contract.problem_reports import ProblemReportPage
from mentorship.models.accounts import MENTOR_STATUSES
from mentorship.models.ideas import PIPELINE_STATUSES
from mentorship.models.matches import MATCH_STATUSES
from mentorship.vocab import SECTORS

TWO_IDS = Param(
    "id", int, "path", "Each {id} in turn: the outer object's, then the inner one's (positive)."
)
OUTCOME_PHASE = Param(
    "id",
    int | one_of(("baseline", "endline")),
    "path",
    "First the mentorship's id, then the phase: `baseline` or `endline`.",
)


def idempotency_key_param(thing: str, who: str, conflicts: str = "") -> Param:
    """The optional Idempotency-Key header of an operation that creates `thing`."""
    return Param(
        "Idempotency-Key",
        str,
        "header",
        f"Optional, 1 to {IDEMPOTENCY_KEY_MAX} printable ASCII characters (else 422 naming "
        f"`Idempotency-Key`). A repeat with the same key by the same {who} within 24 hours "
        f"creates nothing: it answers 201 with the {thing} the first request created (header "
        "`Idempotent-Replayed: true`), also when the first answer was lost." + conflicts,
    )


IDEMPOTENCY_KEY = idempotency_key_param(
    "idea",
    "account",
    " The same key with a different body, or for an idea withdrawn since, is 409.",
)
EVENT_IDEMPOTENCY_KEY = idempotency_key_param("event", "lead")
WITHDRAWN_IDEA = (
    "A withdrawn idea has left matching; it is not listed, and reading, editing or listing the "
    "matches of it answer 404."
)
WITHDRAWN_PROPOSAL = (
    "A re-match may withdraw a proposal nobody answered yet. For the mentor it was proposed to, "
    "its id then answers 409 with the code `proposal_withdrawn` (the message names her current "
    "match if the idea was proposed to her again); for anyone else it is a 404 like any unknown id."
)
WITHDRAWN_CONFLICT = "Withdrawn by a re-match (`proposal_withdrawn`)."
SECTOR = Param("sector", one_of(SECTORS) | None)
SEARCH = Param("q", str, description="Words to look for in the name and description.")


# Models no operation names directly but the document refers to (PUT /me's profile fields).
ALSO_DOCUMENTED: tuple[type[BaseModel], ...] = (EntrepreneurProfileInput, MentorProfileInput)


# fmt: off
def _directory(resource: str, label: str, item, item_input, page, detail=None) -> list[Operation]:
    collection, one = f"/api/v1/{resource}", f"/api/v1/{resource}/{{id}}"
    return [
        Operation("get", collection, f"List {label}s", SIGNED_IN, answer=page, errors=(422,),
                  params=(SEARCH, SECTOR, *PAGE)),
        Operation("post", collection, f"Create a {label}", "lead", 201, item, item_input,
                  (403, 409)),
        Operation("get", one, f"One {label}", SIGNED_IN, answer=detail or item, errors=(404,),
                  params=(OBJECT_ID,)),
        Operation("put", one, f"Change the given fields of a {label}", "lead", answer=item,
                  body=item_input, errors=(403, 404, 409), params=(OBJECT_ID,)),
        Operation("delete", one, f"Delete a {label}: its approved pairings end (kept, still "
                  "`approved`, with `ended_at`), its other matches are removed", "lead", 204,
                  errors=(403, 404), params=(OBJECT_ID,)),
    ]


OPERATIONS: list[Operation] = [
    Operation("get", "/healthz", "Liveness", ANYONE, answer=Health),
    Operation("get", "/readyz", "Readiness of the database and the broker", ANYONE,
              answer=Readiness, errors=(503,)),
    Operation("get", "/api/v1/openapi.json", "This document", ANYONE, free_answer=True),
    Operation("get", "/api/v1/sectors", "All sectors with labels in en or sr", ANYONE,
              answer=SectorList, params=(Param("lang", one_of(LABEL_LANGUAGES) | None),
                                         Param("Accept-Language", str, "header"))),
    Operation("post", "/api/v1/auth/register",
              "Register an entrepreneur or a mentor (mentors start pending)", ANYONE, 201,
              Account, Register, (409, 429)),
    Operation("post", "/api/v1/auth/token", "Exchange e-mail and password for a bearer token",
              ANYONE, answer=Token, body=TokenRequest, errors=(401, 403, 429),
              error_text=((403, "`account_rejected`: a partner contact person the lead "
                                "rejected; a token she already had is refused the same way."),)),
    Operation("get", "/api/v1/me", "The signed-in user with her profile", SIGNED_IN, answer=Me),
    Operation("put", "/api/v1/me", "Change the given fields of the account and profile",
              SIGNED_IN, answer=Me, body=MeUpdate),
    Operation("get", "/api/v1/ideas", "Ideas: an entrepreneur's own, all for the lead",
              "entrepreneur, lead", answer=IdeaPage, errors=(403, 422),
              params=(Param("status", one_of(PIPELINE_STATUSES) | None),
                      Param("programme_id", int | None), *PAGE),
              notes="Withdrawn ideas are not listed."),
    Operation("post", "/api/v1/ideas", "Submit an idea; matching starts in the background",
              "entrepreneur", 201, Idea, IdeaInput, (403, 409, 429, 503),
              params=(IDEMPOTENCY_KEY,),
              notes="503 means the database failed mid-way: send the request again with the "
              "same Idempotency-Key and at most one idea is saved."),
    Operation("get", "/api/v1/ideas/{id}", "One idea", "the owner, lead", answer=Idea,
              errors=(403, 404), params=(OBJECT_ID,), notes=WITHDRAWN_IDEA),
    Operation("put", "/api/v1/ideas/{id}",
              "Replace what the owner wrote; the idea is matched again", "the owner",
              answer=Idea, body=IdeaInput, errors=(403, 404, 409), params=(OBJECT_ID,),
              notes="Same fields and validation as creating one; a field left out takes its "
              "default. 409 once any of the idea's matches is approved. Matches a mentor or the "
              "lead already acted on are kept; untouched proposals are replaced."),
    Operation("post", "/api/v1/ideas/{id}/withdraw",
              "Withdraw an idea: it leaves matching for good", "the owner", 204,
              errors=(403, 404, 409), params=(OBJECT_ID,),
              notes="Its proposals still waiting on a mentor or the lead are withdrawn and the "
              "mentors asked are told. 409 when any of its matches is approved. Withdrawing an "
              "idea already withdrawn answers 204 again. " + WITHDRAWN_IDEA),
    Operation("get", "/api/v1/ideas/{id}/matches",
              "The idea's matches, best first (by kind, then rank)", "the owner, lead",
              answer=MatchPage, errors=(403, 404), params=(OBJECT_ID, *PAGE)),
    Operation("get", "/api/v1/reviews", "The mentor's own matches, `proposed` by default",
              "mentor", answer=MatchPage, errors=(403, 422),
              params=(Param("status", one_of(MATCH_STATUSES) | None), *PAGE)),
    Operation("get", "/api/v1/matches/{id}/review", "One of the mentor's own matches",
              "the match's mentor", answer=Match, errors=(403, 404, 409), params=(OBJECT_ID,),
              notes=WITHDRAWN_PROPOSAL, error_text=((409, WITHDRAWN_CONFLICT),)),
    Operation("post", "/api/v1/matches/{id}/review", "Accept or decline a proposed match",
              "the match's mentor", answer=Match, body=Review, errors=(403, 404, 409),
              params=(OBJECT_ID,),
              notes=WITHDRAWN_PROPOSAL, error_text=((409, "Already answered, or the mentor "
              "account is not active. " + WITHDRAWN_CONFLICT),)),
    Operation("post", "/api/v1/matches/{id}/decision",
              "Approve or reject an undecided match (a mentor match only once accepted, and "
              "within the mentor's capacity)", "lead", answer=Match, body=Decision,
              errors=(403, 404, 409), params=(OBJECT_ID,)),
    Operation("get", "/api/v1/mentors", "Mentors with capacity and current load", "lead",
              answer=MentorPage, errors=(403, 422),
              params=(Param("status", one_of(MENTOR_STATUSES) | None), SEARCH, *PAGE)),
    Operation("post", "/api/v1/mentors/{id}/approve", "Activate a pending mentor", "lead",
              answer=Mentor, errors=(403, 404, 409), params=(OBJECT_ID,)),
    Operation("get", "/api/v1/stats", "Programme counts", "lead", answer=Stats,
              errors=(403, 422), params=(Param("programme_id", int | None),)),
    *_directory("partners", "supply-chain partner", Partner, PartnerInput, PartnerPage,
                PartnerDetail),
    *_directory("clusters", "startup cluster", Cluster, ClusterInput, ClusterPage),
]

PAIR, PAIR_WRITES, PAIR_ERRORS = "the pair, lead", "the pair", (403, 404, 409)
MENTORSHIP = "/api/v1/mentorships/{id}"
MENTORSHIP_NOTES = ("To anyone but the pair and the lead a mentorship is a 404. A closed one "
                    "answers 409 to every change.")
MENTORSHIP_OPERATIONS: list[Operation] = [
    Operation("get", "/api/v1/mentorships", "My mentorships (the lead: all), newest first",
              "entrepreneur, mentor, lead", answer=MentorshipPage, errors=(403,), params=PAGE),
    Operation("get", MENTORSHIP, "One mentorship with its health light", PAIR,
              answer=Mentorship, errors=(403, 404), params=(OBJECT_ID,), notes=MENTORSHIP_NOTES),
    Operation("put", f"{MENTORSHIP}/agreement", "Fill in or replace the agreement", PAIR_WRITES,
              answer=Mentorship, body=AgreementInput, errors=PAIR_ERRORS, params=(OBJECT_ID,)),
    Operation("get", f"{MENTORSHIP}/goals", "The goals", PAIR, answer=GoalPage,
              errors=(403, 404), params=(OBJECT_ID, *PAGE)),
    Operation("post", f"{MENTORSHIP}/goals", "Add a goal", PAIR_WRITES, 201, Goal, GoalInput,
              PAIR_ERRORS, (OBJECT_ID,)),
    Operation("patch", f"{MENTORSHIP}/goals/{{id}}", "Tick a goal done or not", PAIR_WRITES,
              answer=Goal, body=GoalDone, errors=PAIR_ERRORS, params=(TWO_IDS,)),
    Operation("get", f"{MENTORSHIP}/sessions", "Held and planned sessions", PAIR,
              answer=MentorshipSessionPage, errors=(403, 404), params=(OBJECT_ID, *PAGE)),
    Operation("post", f"{MENTORSHIP}/sessions",
              "Log a held session or plan one (both members get an .ics invitation)",
              PAIR_WRITES, 201, MentorshipSession, MentorshipSessionInput, PAIR_ERRORS,
              (OBJECT_ID,)),
    Operation("put", f"{MENTORSHIP}/sessions/{{id}}/rating",
              "Rate a held session 1-5 (again: changes the caller's rating)", PAIR_WRITES,
              answer=SessionRating, body=SessionRatingInput, errors=PAIR_ERRORS,
              params=(TWO_IDS,),
              error_text=((409, "The session is planned, not held yet."),)),
    Operation("get", f"{MENTORSHIP}/messages", "The pair's private thread (marks it read)",
              "the pair; the lead while a problem report is open", answer=MessagePage,
              errors=(403, 404), params=(OBJECT_ID, *PAGE),
              notes="The lead may read the messages only while a member's problem report is "
                    "open (403 otherwise); each reading is written to the audit log and marks "
                    "nothing read."),
    Operation("post", f"{MENTORSHIP}/messages", "Write to the other member", PAIR_WRITES, 201,
              Message, MessageInput, PAIR_ERRORS, (OBJECT_ID,)),
    Operation("get", f"{MENTORSHIP}/check-ins", "Check-in answers", PAIR, answer=CheckInPage,
              errors=(403, 404), params=(OBJECT_ID, *PAGE)),
    Operation("post", f"{MENTORSHIP}/check-ins", "Answer the due check-in", PAIR_WRITES, 201,
              CheckIn, CheckInInput, PAIR_ERRORS, (OBJECT_ID,),
              error_text=((409, "No check-in is due, or it is answered already."),)),
    Operation("post", f"{MENTORSHIP}/close", "Close out, with the closing member's survey",
              PAIR_WRITES, answer=Mentorship, body=CloseInput, errors=PAIR_ERRORS,
              params=(OBJECT_ID,)),
    Operation("post", f"{MENTORSHIP}/survey", "The other member's close-out survey",
              PAIR_WRITES, 201, SurveyRecorded, SurveyInput, PAIR_ERRORS, (OBJECT_ID,),
              error_text=((409, "Not closed yet, or already answered."),)),
    *problem_report_operations(
        MENTORSHIP, reporters=PAIR_WRITES, readers=PAIR, ids=TWO_IDS,
        report_notes="While it is open the lead may read the pair's messages. Every lead is "
                     "notified; the other member is told that a problem was reported (not the "
                     "reason)."),
    Operation("get", "/api/v1/problem-reports",
              "Open problem reports of mentorships and partner introductions, waiting longest "
              "first", "lead", answer=ProblemReportPage, errors=(403,), params=PAGE),
    Operation("post", f"{MENTORSHIP}/outcomes/{{id}}",
              "The entrepreneur's outcome answers at the baseline or the endline",
              "the pair's entrepreneur", 201, OutcomeAnswers, OutcomesInput, PAIR_ERRORS,
              (OUTCOME_PHASE,)),
]

EVENT, PARTICIPANTS = "/api/v1/events/{id}", "entrepreneur, partner"
ATTENDING, LEAD_ERRORS = "the event's participants, lead", (403, 404, 409)
EVENT_OPERATIONS: list[Operation] = [
    Operation("get", "/api/v1/events", "Events, newest first: all but drafts (the lead: all)",
              SIGNED_IN, answer=EventPage, params=PAGE),
    Operation("post", "/api/v1/events", "Create an event with its sessions", "lead", 201, Event,
              EventInput, (403,), params=(EVENT_IDEMPOTENCY_KEY,)),
    Operation("get", EVENT, "One event", SIGNED_IN, answer=Event, errors=(404,),
              params=(OBJECT_ID,), notes="A draft is a 404 to all but the lead."),
    Operation("post", f"{EVENT}/sessions", "Add a session", "lead", 201, Event,
              EventSessionInput, (403, 404), (OBJECT_ID,)),
    Operation("post", f"{EVENT}/status", "Open, close or finish registration", "lead",
              answer=Event, body=EventStatusInput, errors=LEAD_ERRORS, params=(OBJECT_ID,)),
    Operation("post", f"{EVENT}/registration", "Register for some of the sessions",
              PARTICIPANTS, 201, Participant, RegistrationInput, LEAD_ERRORS, (OBJECT_ID,),
              notes="201 for a new registration; calling it again changes her sessions (and "
              "idea) and answers 200.",
              also_ok=((200, "Her registration was changed"),)),
    Operation("delete", f"{EVENT}/registration", "Withdraw from the event", PARTICIPANTS, 204,
              errors=(403, 404, 409), params=(OBJECT_ID,),
              notes="409 once the event is over, or once the final schedule holds the caller's "
              "meetings. The people she had accepted meetings with are told."),
    Operation("get", f"{EVENT}/participants", "Who takes part", ATTENDING,
              answer=ParticipantPage, errors=(404,), params=(OBJECT_ID, *PAGE)),
    Operation("delete", f"{EVENT}/participants/{{id}}", "Take a participant off the event",
              "lead", 204, errors=LEAD_ERRORS, params=(TWO_IDS,),
              notes="She and the people she had accepted meetings with are told; her meetings "
              "leave every agenda. 409 once the event is over."),
    Operation("get", f"{EVENT}/meetings", "The caller's meetings (the lead: all)", ATTENDING,
              answer=MeetingPage, errors=(404,), params=(OBJECT_ID, *PAGE)),
    Operation("post", f"{EVENT}/meetings", "Ask another participant for a meeting",
              PARTICIPANTS, 201, Meeting, MeetingRequestInput, LEAD_ERRORS, (OBJECT_ID,)),
    Operation("post", f"{EVENT}/meetings/{{id}}/answer", "Accept or decline a meeting request",
              "the meeting's other side", answer=Meeting, body=MeetingAnswerInput,
              errors=LEAD_ERRORS, params=(TWO_IDS,)),
    Operation("post", f"{EVENT}/meetings/{{id}}/cancel", "Call off an accepted meeting",
              "the meeting's sides, lead", answer=Meeting, errors=LEAD_ERRORS,
              params=(TWO_IDS,),
              notes="The meeting leaves the schedule and the other side is told. 409 if it is "
              "not accepted, once the final schedule is out (then only the lead may), or once "
              "the event is over."),
    Operation("post", f"{EVENT}/suggestions", "Suggest meetings from approved matches", "lead",
              answer=SuggestionsAdded, errors=(403, 404), params=(OBJECT_ID,)),
    Operation("post", f"{EVENT}/schedule/run", "Compute the schedule of accepted meetings",
              "lead", answer=ScheduleRun, errors=LEAD_ERRORS, params=(OBJECT_ID,)),
    Operation("put", f"{EVENT}/meetings/{{id}}/placement", "Pin a meeting to a slot and table",
              "lead", answer=Meeting, body=PlacementInput, errors=LEAD_ERRORS,
              params=(TWO_IDS,)),
    Operation("delete", f"{EVENT}/meetings/{{id}}/pin", "Unpin a meeting: the next run may move it",
              "lead", answer=Meeting, errors=LEAD_ERRORS, params=(TWO_IDS,),
              notes="409 if the meeting is not pinned; it keeps its place until the next run."),
    Operation("post", f"{EVENT}/schedule/publish", "Publish the schedule", "lead",
              answer=Event, body=PublishInput, errors=LEAD_ERRORS, params=(OBJECT_ID,)),
    Operation("get", f"{EVENT}/agenda", "The caller's published agenda (the lead: all tables)",
              ATTENDING, answer=Agenda, errors=(404,), params=(OBJECT_ID,)),
    Operation("get", f"{EVENT}/participants/{{id}}/agenda", "Any participant's agenda", "lead",
              answer=ParticipantAgenda, errors=(403, 404, 422),
              params=(TWO_IDS, Param("version", one_of(("published", "draft")),
                                     description="`published` (the default) or `draft`."))),
    Operation("put", f"{EVENT}/meetings/{{id}}/outcome", "Record how a meeting went",
              "the meeting's sides", answer=MeetingOutcome, body=MeetingOutcomeInput,
              errors=LEAD_ERRORS, params=(TWO_IDS,)),
    Operation("get", f"{EVENT}/report", "Outcomes of the event's meetings", "lead",
              answer=EventReport, errors=(403, 404), params=(OBJECT_ID,)),
]
OPERATIONS += (
    MENTORSHIP_OPERATIONS
    + EVENT_OPERATIONS
    + INTRODUCTION_OPERATIONS
    + COOPERATION_OPERATIONS
    + PARTNER_CONTACT_OPERATIONS
)
# fmt: on
