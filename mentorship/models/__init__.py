"""Typed models, one module per aggregate."""

from mentorship.models.accounts import (
    EntrepreneurProfile,
    MentorProfile,
    MentorStatus,
    Role,
    User,
)
from mentorship.models.audit import AuditEntry
from mentorship.models.base import Base
from mentorship.models.cooperation import (
    PROFILE_AREAS,
    PROFILE_COOPERATION_TYPES,
    PROFILE_KINDS,
    CooperationProfile,
)
from mentorship.models.directory import (
    CONTACT_STATUSES,
    Cluster,
    ContactStatus,
    Partner,
    PartnerContact,
)
from mentorship.models.events import (
    Event,
    EventMeeting,
    EventParticipant,
    EventSession,
    EventStatus,
    MeetingOrigin,
    MeetingOutcome,
    MeetingStatus,
    OutcomeResult,
    ScheduleStage,
)
from mentorship.models.ideas import Idea, IdeaStatus, IdeaSubmission
from mentorship.models.imports import ImportJob, ImportStatus
from mentorship.models.introductions import (
    CooperationType,
    IntroductionMessage,
    IntroductionReadMark,
    PartnershipAgreement,
)
from mentorship.models.jobs import BackgroundJob, JobStatus
from mentorship.models.matches import EndReason, Match, MatchKind, MatchStatus
from mentorship.models.mentorships import (
    CheckIn,
    CloseOutSurvey,
    Mentorship,
    MentorshipGoal,
    MentorshipMessage,
    MentorshipSession,
    MentorshipStatus,
    OutcomeAnswers,
    SessionRating,
)
from mentorship.models.notifications import Notification, OutboxEmail, OutboxStatus
from mentorship.models.outcome_questions import OutcomeQuestion
from mentorship.models.problem_reports import ProblemReport, ProblemReportStatus
from mentorship.models.programmes import Enrolment, Programme, ProgrammeModule
from mentorship.models.proposals import ProposalNotice, WithdrawalReason, WithdrawnProposal
from mentorship.models.tokens import AccountToken
from mentorship.models.vectors import CandidateVector, WordVector

__all__ = [
    "PROFILE_AREAS",
    "PROFILE_COOPERATION_TYPES",
    "PROFILE_KINDS",
    "CooperationProfile",
    "CONTACT_STATUSES",
    "ContactStatus",
    "CheckIn",
    "CloseOutSurvey",
    "Mentorship",
    "MentorshipGoal",
    "MentorshipMessage",
    "MentorshipSession",
    "MentorshipStatus",
    "OutcomeAnswers",
    "SessionRating",
    "ProblemReport",
    "ProblemReportStatus",
    "AccountToken",
    "BackgroundJob",
    "JobStatus",
    "Enrolment",
    "ImportJob",
    "ImportStatus",
    "Notification",
    "OutboxEmail",
    "OutboxStatus",
    "Programme",
    "ProgrammeModule",
    "ProposalNotice",
    "AuditEntry",
    "CandidateVector",
    "WordVector",
    "Base",
    "Cluster",
    "EndReason",
    "EntrepreneurProfile",
    "Idea",
    "IdeaStatus",
    "IdeaSubmission",
    "Match",
    "MatchKind",
    "MatchStatus",
    "MentorProfile",
    "MentorStatus",
    "Partner",
    "PartnerContact",
    "Event",
    "EventMeeting",
    "EventParticipant",
    "EventSession",
    "EventStatus",
    "MeetingOutcome",
    "MeetingOrigin",
    "MeetingStatus",
    "OutcomeResult",
    "ScheduleStage",
    "Role",
    "User",
    "WithdrawalReason",
    "WithdrawnProposal",
    "CooperationType",
    "IntroductionMessage",
    "IntroductionReadMark",
    "OutcomeQuestion",
    "PartnershipAgreement",
]
