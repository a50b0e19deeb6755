"""API operations of partnerships: introduction threads, agreements and problem reports,
cooperation profiles, partner companies' contact people."""

from __future__ import annotations

from mentorship.api.operation_types import ANYONE, OBJECT_ID, PAGE, Operation, Param
from mentorship.api.problem_report_operations import problem_report_operations
from mentorship.contract.accounts import Account
from mentorship.contract.cooperation import (
    CooperationProfile,
    CooperationProfileInput,
    CooperationProfilePage,
)
from mentorship.contract.fields import one_of
from mentorship.contract.introductions import (
    Introduction,
    IntroductionFlowPage,
    IntroductionMessage,
    IntroductionMessageInput,
    IntroductionMessagePage,
    IntroductionPage,
    PartnershipAgreementInput,
)
from mentorship.contract.partner_contacts import (
    PartnerContact,
    PartnerContactPage,
    PartnerRegister,
)
from mentorship.models.cooperation import PROFILE_AREAS, PROFILE_COOPERATION_TYPES, PROFILE_KINDS
from mentorship.models.directory import CONTACT_STATUSES

PAIR_ERRORS = (403, 404, 409)
TWO_IDS = Param(
    "id", int, "path", "Each {id} in turn: the introduction's, then the report's (positive)."
)

# fmt: off
INTRO, SIDES = "/api/v1/introductions/{id}", "entrepreneur, partner, lead"
INTRO_NOTES = ("An approved partner or cluster introduction: to anyone but its sides (the "
               "entrepreneur; the partner's contacts or, for a cluster, the lead) a 404.")
INTRODUCTION_OPERATIONS: list[Operation] = [
    Operation("get", "/api/v1/introductions", "My approved introductions", SIDES,
              answer=IntroductionPage, errors=(403,), params=PAGE),
    Operation("get", INTRO, "One introduction with its agreement", "its sides",
              answer=Introduction, errors=(403, 404), params=(OBJECT_ID,), notes=INTRO_NOTES),
    Operation("get", "/api/v1/introductions/message-flow",
              "Partner introduction threads: message counts and dates, no text", "lead",
              answer=IntroductionFlowPage, errors=(403,), params=PAGE,
              notes="Latest message first. Messages are private to the introduction's members; "
                    "the lead reads a thread only while a problem report is open."),
    Operation("get", f"{INTRO}/messages", "The introduction's private thread (marks it read)",
              "its sides; for a partner introduction, the lead while a problem report is open",
              answer=IntroductionMessagePage, errors=(403, 404), params=(OBJECT_ID, *PAGE),
              notes="The lead may read a partner introduction's messages only while a member's "
                    "problem report is open (403 otherwise); each reading is written to the "
                    "audit log and marks nothing read."),
    Operation("post", f"{INTRO}/messages", "Write to the other side", "its sides", 201,
              IntroductionMessage, IntroductionMessageInput, PAIR_ERRORS, (OBJECT_ID,)),
    Operation("put", f"{INTRO}/agreement", "Record or correct the signed partnership agreement",
              "its sides", answer=Introduction, body=PartnershipAgreementInput,
              errors=PAIR_ERRORS, params=(OBJECT_ID,),
              error_text=((409, "A cluster introduction, or one that ended."),)),
    *problem_report_operations(
        INTRO, reporters="entrepreneur, partner (its members)", readers="its members, the lead",
        ids=TWO_IDS,
        report_notes="Partner introductions only (a cluster introduction is a 404). While it is "
                     "open the lead may read the thread. Every lead is notified; the other "
                     "members are told that a problem was reported (not the reason)."),
]
PROFILES, PROFILE = "/api/v1/cooperation-profiles", "/api/v1/cooperation-profiles/{id}"
PROFILE_READERS, PROFILE_AUTHORS = "entrepreneur, partner, lead", "the author (delete: or the lead)"
COOPERATION_OPERATIONS: list[Operation] = [
    Operation("get", PROFILES, "Cooperation profiles (offers and requests), newest first",
              PROFILE_READERS, answer=CooperationProfilePage, errors=(403, 404, 422),
              params=(Param("kind", one_of(PROFILE_KINDS) | None),
                      Param("area", one_of(PROFILE_AREAS) | None),
                      Param("cooperation_type", one_of(PROFILE_COOPERATION_TYPES) | None),
                      Param("mine", one_of(("true", "false")) | None), *PAGE),
              notes="404 for a partner contact person still waiting for the lead's approval."),
    Operation("post", PROFILES, "Publish an offer or a request", "entrepreneur, partner", 201,
              CooperationProfile, CooperationProfileInput, (403,),
              notes="An entrepreneur names her idea (`idea_id`); a partner contact's profile is "
                    "her company's."),
    Operation("get", PROFILE, "One cooperation profile", PROFILE_READERS,
              answer=CooperationProfile, errors=(403, 404), params=(OBJECT_ID,)),
    Operation("put", PROFILE, "Change the given fields of one's own profile", PROFILE_AUTHORS,
              answer=CooperationProfile, body=CooperationProfileInput, errors=(403, 404),
              params=(OBJECT_ID,)),
    Operation("delete", PROFILE, "Remove a cooperation profile", PROFILE_AUTHORS, 204,
              errors=(403, 404), params=(OBJECT_ID,)),
]
CONTACT = "/api/v1/partner-contacts/{id}"
DECIDED = ((409, "Already approved or rejected."),)
PARTNER_CONTACT_OPERATIONS: list[Operation] = [
    Operation("post", "/api/v1/auth/register/partner",
              "Register as a partner company's contact person (starts pending)", ANYONE, 201,
              Account, PartnerRegister, (409, 429),
              notes="Give `partner_id` (a company of the directory) or `company_name` (one not "
                    "in it yet; approving adds it), not both (422 naming both). The lead is "
                    "notified; until approved, the "
                    "account sees no introductions, events or cooperation profiles. 409 on a "
                    "taken e-mail."),
    Operation("get", "/api/v1/partner-contacts",
              "Partner companies' contact people, oldest first", "lead",
              answer=PartnerContactPage, errors=(403, 422),
              params=(Param("status", one_of(CONTACT_STATUSES) | None,
                            description="`pending` for the approval queue; all when left out."),
                      *PAGE)),
    Operation("post", f"{CONTACT}/approve", "Approve a pending contact person", "lead",
              answer=PartnerContact, errors=(403, 404, 409), params=(OBJECT_ID,),
              error_text=DECIDED,
              notes="A company she named that is not in the directory is added to it. She is "
                    "notified."),
    Operation("post", f"{CONTACT}/reject", "Reject a pending contact person", "lead",
              answer=PartnerContact, errors=(403, 404, 409), params=(OBJECT_ID,),
              error_text=DECIDED, notes="She is notified; her account stays, without access."),
]
# fmt: on
