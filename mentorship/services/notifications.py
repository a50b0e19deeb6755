"""Tells people what concerns them: an in-app notification and, if they want it, an e-mail.

Both rows are added to the caller's session, so they commit (or roll back) with the change they
report. The outbox is delivered afterwards (infrastructure.outbox); nothing is sent before the commit.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from dataclasses import dataclass, replace
from datetime import datetime, timezone

import sqlalchemy as sa
from flask import current_app
from flask_babel import LazyString, lazy_gettext, lazy_ngettext

from mentorship import task_names
from mentorship.extensions import db
from mentorship.i18n import language_of
from mentorship.infrastructure.outbox import MAX_ATTEMPTS, deliver_outbox  # noqa: F401 (the task's entry)
from mentorship.models import (
    Idea,
    Notification,
    OutboxEmail,
    ProposalNotice,
    User,
    WithdrawalReason,
)
from mentorship.services.notice_recipes import recipe_of

log = logging.getLogger(__name__)
REVIEW_LINK = "/reviews"
# The idea is settled for these mentors: they hear of it even if a re-match withdrew it before.
FINAL_REASONS = (WithdrawalReason.MENTOR_APPROVED.value, WithdrawalReason.IDEA_WITHDRAWN.value)


def notify(
    user: User,
    kind: str,
    subject: str | LazyString,
    body: str | LazyString = "",
    link: str = "",
    *,
    digest: bool = False,
    email: bool = True,
) -> Notification:
    """Queue an in-app notification and, unless the user opted out, an e-mail.

    Pass `subject` and `body` as lazy_gettext(...) strings: they are rendered here, in the
    recipient's language (User.locale), not in the language of whoever caused the message,
    and kept as recipes so the notifications page shows them in her language of the moment.
    With `digest`, a mentor who takes the daily digest gets no e-mail now: the digest
    (services.digests) lists the change. With `email=False` no e-mail is queued now whoever
    the user is (the caller knows the digest lists it, e.g. a message thread).
    """
    recipes = {"subject_recipe": recipe_of(subject), "body_recipe": recipe_of(body)}
    with language_of(user):
        # A subject is one header line: titles and names typed by users may hold line breaks.
        subject, body = " ".join(str(subject).split()), str(body)
    notification = Notification(
        user_id=user.id, kind=kind, subject=subject[:200], body=body, link=link, **recipes
    )
    db.session.add(notification)
    if email and user.email_notifications and not (digest and user.gets_digest):
        text = body + (f"\n\n{absolute(link)}" if link else "")
        db.session.add(
            OutboxEmail(user_id=user.id, to_email=user.email, subject=subject[:200], body=text)
        )
    return notification


def send_pending_emails() -> None:
    """Call after committing a change that queued e-mails.

    Served in embedded mode, a request only wakes the runner thread (infrastructure.runner_wakeup)
    and never waits for the mail server; otherwise the send task runs (Celery, or in-process).
    """
    from mentorship.infrastructure.background import enqueue
    from mentorship.infrastructure.runner_wakeup import wake_runner

    if not wake_runner():
        enqueue(task_names.SEND_OUTBOX)


def absolute(link: str) -> str:
    """A link in an e-mail: the public address in front of a path of ours."""
    base = current_app.config.get("PUBLIC_BASE_URL", "").rstrip("/")
    return f"{base}{link}" if base and link.startswith("/") else link


def unread_count(user: User) -> int:
    return (
        db.session.scalar(
            sa.select(sa.func.count())
            .select_from(Notification)
            .where(Notification.user_id == user.id, Notification.read_at.is_(None))
        )
        or 0
    )


def user_notifications(user: User) -> sa.Select:
    return (
        sa.select(Notification)
        .where(Notification.user_id == user.id)
        .order_by(Notification.created_at.desc(), Notification.id.desc())
    )


def mark_all_read(user: User) -> None:
    db.session.execute(
        sa.update(Notification)
        .where(Notification.user_id == user.id, Notification.read_at.is_(None))
        .values(read_at=datetime.now(timezone.utc))
    )
    db.session.commit()


@dataclass(frozen=True)
class ProposalChange:
    """A mentor proposal that was made or withdrawn: the idea, the mentor and the match row."""

    idea: Idea
    mentor_id: int
    match_id: int
    told_title: str | None = None
    """The title she was told of, when the idea was renamed since (withdrawals only)."""

    @property
    def title(self) -> str:
        return self.told_title or self.idea.title


def notify_proposal_changes(
    proposed: list[ProposalChange],
    withdrawn: list[ProposalChange],
    reason: str = WithdrawalReason.REMATCH.value,
) -> None:
    """Tell mentors of new and withdrawn proposals: one notification per mentor and batch.

    A re-match announces each idea at most once per mentor, ever: a proposal withdrawn and
    proposed again is not announced again, and only the first withdrawal of a proposal she was
    told of is. A final withdrawal (the idea got its mentor, or its owner withdrew it) is
    announced once more, since the idea will not come back. The notices commit with the caller.
    Two queries for the whole batch, however many ideas it holds.
    """
    changes = proposed + withdrawn
    if not changes:
        return
    told = {
        (notice.mentor_id, notice.idea_id): notice
        for notice in db.session.scalars(
            sa.select(ProposalNotice).where(
                ProposalNotice.idea_id.in_(sorted({c.idea.id for c in changes})),
                ProposalNotice.mentor_id.in_(sorted({c.mentor_id for c in changes})),
            )
        )
    }
    now = datetime.now(timezone.utc)
    new = [c for c in proposed if (c.mentor_id, c.idea.id) not in told]
    for change in new:
        told[(change.mentor_id, change.idea.id)] = ProposalNotice(
            mentor_id=change.mentor_id,
            idea_id=change.idea.id,
            proposed_at=now,
            idea_title=change.idea.title,
        )
        db.session.add(told[(change.mentor_id, change.idea.id)])
    gone = [
        replace(c, told_title=told[(c.mentor_id, c.idea.id)].idea_title)
        for c in withdrawn
        if _record_withdrawal(told, c, reason, now)
    ]
    mentors = {
        user.id: user
        for user in db.session.scalars(
            sa.select(User).where(User.id.in_(sorted({c.mentor_id for c in new + gone})))
        )
    }
    for mentor_id, changes_of_mentor in _by_mentor(new):
        if mentor_id in mentors:
            _notify_proposals(mentors[mentor_id], changes_of_mentor)
    for mentor_id, changes_of_mentor in _by_mentor(gone):
        if mentor_id in mentors:
            _notify_withdrawals(mentors[mentor_id], changes_of_mentor, reason)


def _by_mentor(changes: list[ProposalChange]) -> list[tuple[int, list[ProposalChange]]]:
    grouped: dict[int, list[ProposalChange]] = defaultdict(list)
    for change in changes:
        grouped[change.mentor_id].append(change)
    return sorted(grouped.items())


def _record_withdrawal(
    told: dict[tuple[int, int], ProposalNotice], change: ProposalChange, reason: str, now: datetime
) -> bool:
    """Announce this withdrawal? Records it on the notice; see notify_proposal_changes."""
    key = (change.mentor_id, change.idea.id)
    notice = told.get(key)
    if reason in FINAL_REASONS:
        if notice is None:
            notice = told[key] = ProposalNotice(
                mentor_id=change.mentor_id, idea_id=change.idea.id, proposed_at=now
            )
            db.session.add(notice)
        elif notice.withdrawal_reason in FINAL_REASONS:
            return False
    elif notice is None or notice.withdrawn_at is not None:
        return False
    notice.withdrawn_at = now
    notice.withdrawal_reason = reason
    return True


def _titles(changes: list[ProposalChange]) -> str:
    return "\n".join(f"- {change.title}" for change in changes)


def _notify_proposals(mentor: User, changes: list[ProposalChange]) -> None:
    """One notification per mentor and matching batch, however many ideas it proposed to her."""
    if len(changes) == 1:
        title = changes[0].idea.title
        notify(
            mentor,
            "match.proposed",
            lazy_gettext("A new idea for you to review: “%(title)s”", title=title),
            lazy_gettext(
                "Matching proposed you as a mentor for “%(title)s”. "
                "Please accept or decline the proposal.",
                title=title,
            ),
            f"{REVIEW_LINK}/{changes[0].match_id}",
            digest=True,
        )
        return
    notify(
        mentor,
        "match.proposed",
        lazy_ngettext(
            "%(num)d new idea for you to review",
            "%(num)d new ideas for you to review",
            len(changes),
        ),
        lazy_gettext(
            "Matching proposed you as a mentor for these ideas. Please accept or decline each "
            "of them; your list shows the best fits first.\n%(titles)s",
            titles=_titles(changes),
        ),
        REVIEW_LINK,
        digest=True,
    )


def _notify_withdrawals(mentor: User, changes: list[ProposalChange], reason: str) -> None:
    """One notice per mentor and batch: a mentor who became full may lose many proposals at once."""
    if reason == WithdrawalReason.IDEA_WITHDRAWN.value:
        for change in changes:
            notify(
                mentor,
                "idea.withdrawn",
                lazy_gettext("“%(title)s” was withdrawn", title=change.title),
                lazy_gettext(
                    "The entrepreneur withdrew the idea “%(title)s”, so the proposal to mentor it "
                    "is closed. You do not need to do anything.",
                    title=change.title,
                ),
                f"{REVIEW_LINK}/{change.match_id}",
                digest=True,
            )
        return
    subject, body = (
        _mentor_chosen_texts(changes)
        if reason == WithdrawalReason.MENTOR_APPROVED.value
        else _rematch_texts(changes)
    )
    link = f"{REVIEW_LINK}/{changes[0].match_id}" if len(changes) == 1 else REVIEW_LINK
    notify(mentor, "match.withdrawn", subject, body, link, digest=True)


def _rematch_texts(changes: list[ProposalChange]) -> tuple[LazyString, LazyString]:
    if len(changes) == 1:
        title = changes[0].title
        return lazy_gettext("“%(title)s” is no longer proposed to you", title=title), lazy_gettext(
            "Matching ran again and no longer proposes you as a mentor for “%(title)s”, "
            "so it is not waiting for your answer any more. You do not need to do anything. "
            "If matching proposes it to you again, it comes back to your review list without "
            "another notice.",
            title=title,
        )
    return lazy_ngettext(
        "%(num)d idea is no longer proposed to you",
        "%(num)d ideas are no longer proposed to you",
        len(changes),
    ), lazy_gettext(
        "Matching ran again and no longer proposes you as a mentor for these ideas, so they "
        "are not waiting for your answer any more. You do not need to do anything. If "
        "matching proposes them to you again, they come back to your review list without "
        "another notice.\n%(titles)s",
        titles=_titles(changes),
    )


def _mentor_chosen_texts(changes: list[ProposalChange]) -> tuple[LazyString, LazyString]:
    if len(changes) == 1:
        title = changes[0].title
        return lazy_gettext("Another mentor was chosen for “%(title)s”", title=title), lazy_gettext(
            "The programme lead approved another mentor for “%(title)s”, so your proposal for it "
            "is closed. Thank you for your time; you do not need to do anything.",
            title=title,
        )
    return lazy_ngettext(
        "%(num)d idea you were proposed for has its mentor",
        "%(num)d ideas you were proposed for have their mentors",
        len(changes),
    ), lazy_gettext(
        "The programme lead approved other mentors for these ideas, so your proposals for them "
        "are closed. Thank you for your time; you do not need to do anything.\n%(titles)s",
        titles=_titles(changes),
    )
