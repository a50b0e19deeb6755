"""Approved partner and cluster introductions: their private thread and the signed agreement.

Bodies refuse unknown keys (ClosedRequestBody). To anybody but the two sides (the entrepreneur,
and the partner's contact people or, for a cluster, the programme lead) an introduction is a 404.
"""

from __future__ import annotations

from datetime import date

from pydantic import ConfigDict, Field

from mentorship.contract.base import Answer, ClosedRequestBody, Page, Timestamp
from mentorship.contract.fields import Choice, Text, one_of
from mentorship.models.introductions import COOPERATION_TYPES, INTRODUCTION_MESSAGE_MAX

INTRODUCTION_KINDS = ("partner", "cluster")


class IntroductionMessageInput(ClosedRequestBody):
    body: Text(INTRODUCTION_MESSAGE_MAX, required=True)


class PartnershipAgreementInput(ClosedRequestBody):
    """The whole agreement; a second PUT corrects it."""

    signed_on: date = Field(description="The day it was signed, today or before (else 422).")
    cooperation_type: Choice(COOPERATION_TYPES, required=True)


class Attributes(Answer):
    model_config = ConfigDict(extra="forbid", from_attributes=True)


class PartnershipAgreement(Attributes):
    signed_on: date
    cooperation_type: one_of(COOPERATION_TYPES)
    recorded_by_id: int | None
    created_at: Timestamp


class IntroductionPerson(Attributes):
    id: int
    name: str


class Introduction(Answer):
    id: int = Field(description="The approved match's id.")
    idea_id: int
    idea_title: str
    kind: one_of(INTRODUCTION_KINDS)
    partner_id: int | None
    cluster_id: int | None
    name: str = Field(description="The partner's or cluster's name.")
    entrepreneur: IntroductionPerson
    ended: bool = Field(description="Its partner or cluster left: read-only (409 to changes).")
    agreement: PartnershipAgreement | None = Field(description="Partner introductions only.")
    unread_messages: int = Field(
        ge=0,
        description="Messages others wrote since you last listed its thread (your own read state).",
    )


class IntroductionPage(Page[Introduction]):
    """A page of my approved introductions."""


class IntroductionMessage(Attributes):
    id: int
    sender_id: int | None
    body: str
    created_at: Timestamp


class IntroductionMessagePage(Page[IntroductionMessage]):
    """A page of an introduction's thread, oldest first."""


class IntroductionFlow(Answer):
    """That a partner introduction's messages flow, for the lead: counts and dates, no text."""

    id: int = Field(description="The approved partner match's id.")
    idea_id: int
    idea_title: str
    entrepreneur: IntroductionPerson
    partner_id: int | None
    partner_name: str
    ended: bool
    message_count: int = Field(ge=0)
    last_message_at: Timestamp | None
    last_message_from: one_of(("entrepreneur", "partner")) | None = Field(
        description="Whose message is the last (null: none yet, or its writer left)."
    )
    unanswered: bool = Field(
        description="The last message has waited longer than the programme's "
        "unanswered-message rule (days) with nothing written after it."
    )
    open_problem_reports: int = Field(
        ge=0, description="While above 0 the lead may read the thread (each reading audited)."
    )


class IntroductionFlowPage(Page[IntroductionFlow]):
    """A page of partner introduction threads, the latest message first."""
