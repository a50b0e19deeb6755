"""What the problem-report workflow needs to know of one kind of thread (see the package)."""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import Any, Generic, TypeVar

from flask_babel import LazyString

from mentorship.models import ProblemReport, User

Subject = TypeVar("Subject")
"""Whose thread it is: a Mentorship, or a partner introduction's Match."""


class ReportedThread(ABC, Generic[Subject]):
    """One kind of private thread, as the workflow (services.problem_reports.workflow) sees it.

    Loading applies the authorization: another user's thread is a NotFoundError (a 404), so
    nobody learns that it exists. The sentences that name the kind of thread are here, as
    literal msgids, so that the catalogue keeps them.
    """

    kind: str  # `mentorship` or `introduction`: the pages choose their sentences by it
    entity: str  # the thread's entity type in the audit trail
    column: str  # the name of the report's column that holds the thread's id
    report_action: str
    resolve_action: str
    read_action: str
    already_reported: LazyString  # 409: her report is still open
    private: LazyString  # 403: no report is open, the lead may not read
    no_longer_read: LazyString  # to the members: the lead reads no more

    @abstractmethod
    def get(self, user: User, subject_id: int, *, lock: bool = False) -> Subject:
        """The thread, to one of its members or to the lead."""

    @abstractmethod
    def get_reportable(self, user: User, subject_id: int, *, lock: bool = False) -> Subject:
        """The thread, to a member who may report a problem in it."""

    @abstractmethod
    def members(self, subject: Subject) -> list[User]:
        """Everybody who writes in the thread: they hear of its reports."""

    @abstractmethod
    def messages(self, subject: Subject) -> list[Any]:
        """The whole thread, oldest first, with the senders loaded."""

    @abstractmethod
    def label(self, subject: Subject) -> str:
        """Whom the thread is between, for the lead."""

    @abstractmethod
    def member_link(self, subject: Subject) -> str: ...

    @abstractmethod
    def lead_link(self, subject: Subject, report: ProblemReport) -> str:
        """Where the lead's notice of a new report points: reading the thread is her choice."""

    @abstractmethod
    def reported_notice(self, label: str, name: str) -> tuple[LazyString, LazyString]:
        """The subject and body of the leads' notice that `name` reported a problem."""

    @abstractmethod
    def shared_notice(self, name: str) -> LazyString:
        """The body of the other members' notice that `name` reported a problem."""
