"""The audit trail in words: each action, object and status in the reader's language.

The trail stores codes (`match.withdraw`, `proposed`); the lead reads labels. An action or a
status this table does not know yet is shown readably from its code rather than failing.
"""

from __future__ import annotations

from dataclasses import dataclass

from flask_babel import lazy_gettext as _l

from mentorship.i18n import current_language
from mentorship.models import AuditEntry, User
from mentorship.queries.audit_trail import former_pairings, object_names
from mentorship.templating import idea_status_label, match_status_label, mentor_status_label
from mentorship.vocab import language_name, sector_label, stage_label

ACTION_LABELS = {
    "account.register": _l("Registered"),
    "account.create_lead": _l("Lead account created"),
    "account.accept_invitation": _l("Accepted an invitation"),
    "account.password_reset_request": _l("Asked for a password reset"),
    "account.password_reset": _l("Reset the password"),
    "account.password_change": _l("Changed the password"),
    "account.delete": _l("Account deleted"),
    "profile.update": _l("Profile changed"),
    "mentor.approve": _l("Mentor approved"),
    "mentor.deactivate": _l("Mentor deactivated"),
    "mentor.capacity": _l("Mentor capacity changed"),
    "partner_contact.approve": _l("Partner contact approved"),
    "partner_contact.reject": _l("Partner contact not approved"),
    "idea.submit": _l("Idea submitted"),
    "idea.edit": _l("Idea edited"),
    "idea.withdraw": _l("Idea withdrawn"),
    "idea.retry_matching": _l("Matching started again"),
    "match.accept": _l("Proposal accepted by the mentor"),
    "match.decline": _l("Proposal declined by the mentor"),
    "match.approve": _l("Pairing approved"),
    "match.reject": _l("Pairing not approved"),
    "match.withdraw": _l("Proposal withdrawn"),
    "match.end": _l("Pairing ended"),
    "pairing_plan.select": _l("Chosen in the pairing plan"),
    "partnership_agreement.recorded": _l("Partnership agreement recorded"),
    "mentorship.problem_report": _l("Problem reported in a mentorship"),
    "mentorship.problem_resolve": _l("Mentorship problem resolved"),
    "mentorship.reported_messages_read": _l("Reported mentorship conversation read"),
    "introduction.problem_report": _l("Problem reported in a partner introduction"),
    "introduction.problem_resolve": _l("Partner introduction problem resolved"),
    "introduction.reported_messages_read": _l("Reported introduction conversation read"),
    "programme.create": _l("Programme created"),
    "programme.update": _l("Programme changed"),
    "programme.enrol": _l("Participants enrolled"),
    "programme.unenrol": _l("Participant removed from the programme"),
    "module.create": _l("Module added"),
    "module.update": _l("Module changed"),
    "module.delete": _l("Module deleted"),
    "outcome_question.added": _l("Outcome question added"),
    "outcome_question.renamed": _l("Outcome question renamed"),
    "outcome_question.moved": _l("Outcome question moved"),
    "outcome_question.removed": _l("Outcome question removed"),
    "outcome_question.retired": _l("Outcome question retired"),
    "outcome_question.restored": _l("Outcome question restored"),
    "partner.create": _l("Partner company added"),
    "partner.update": _l("Partner company changed"),
    "partner.delete": _l("Partner company deleted"),
    "cluster.create": _l("Startup cluster added"),
    "cluster.update": _l("Startup cluster changed"),
    "cluster.delete": _l("Startup cluster deleted"),
    "import.run": _l("Spreadsheet imported"),
    "demo.mentorships": _l("Demo mentorships loaded"),
    "demo.introductions": _l("Demo partner introductions loaded"),
    "demo.halfway": _l("Demo programme moved to halfway"),
}
OBJECT_LABELS = {
    "user": _l("Person"),
    "idea": _l("Idea"),
    "match": _l("Pairing"),
    "mentorship": _l("Mentorship"),
    "programme": _l("Programme"),
    "partner": _l("Partner company"),
    "cluster": _l("Startup cluster"),
    "import": _l("Import"),
}
FIELD_LABELS = {
    "name": _l("Name"),
    "business_name": _l("Business name"),
    "headline": _l("Headline"),
    "bio": _l("About you"),
    "expertise": _l("Expertise"),
    "city": _l("City"),
    "country": _l("Country"),
    "sector": _l("Sector"),
    "sectors": _l("Sectors"),
    "stage": _l("Stage"),
    "languages": _l("Languages"),
    "capacity": _l("Capacity"),
    "email_notifications": _l("E-mail notifications"),
    "instant_emails": _l("E-mails right away"),
}
REPORT_STATUS_LABELS = {"open": _l("Open"), "resolved": _l("Resolved")}
# The same words as the imports page.
IMPORT_STATUS_LABELS = {
    "checking": _l("Checking the file"),
    "checked": _l("Checked, not imported"),
    "queued": _l("Waiting to start"),
    "running": _l("Importing"),
    "done": _l("Imported"),
    "failed": _l("Not imported"),
}
# A person's standing: a mentor's, or a self-registered partner contact's (who may be rejected).
PERSON_STATUS_EXTRA = {"rejected": _l("Rejected")}


def action_label(action: str) -> str:
    """The action in the reader's language; an unknown code as words ("test.action": "Test action")."""
    label = ACTION_LABELS.get(action)
    if label is not None:
        return str(label)
    words = action.replace(".", " ").replace("_", " ").strip()
    return words[:1].upper() + words[1:]


def action_choices(actions: list[str]) -> list[tuple[str, str]]:
    """The action filter's options: each code with its label, in the order of the labels."""
    return sorted(
        ((code, action_label(code)) for code in actions), key=lambda pair: pair[1].lower()
    )


def status_label(entry: AuditEntry, value: str) -> str:
    """A before or after status of the entry, in the words the rest of the app uses for it."""
    if entry.action == "mentor.capacity":
        return value
    if entry.object_type == "match":
        return str(match_status_label(value))
    if entry.object_type == "idea":
        return str(idea_status_label(value))
    if entry.action.endswith((".problem_report", ".problem_resolve")):
        return str(REPORT_STATUS_LABELS.get(value, value))
    if entry.object_type == "import":
        return str(IMPORT_STATUS_LABELS.get(value, value))
    if entry.object_type == "user":
        extra = PERSON_STATUS_EXTRA.get(value)
        return str(extra) if extra is not None else str(mentor_status_label(value))
    return value


def entry_labels(entry: AuditEntry) -> tuple[str, str, str]:
    """The action and the before and after statuses in words, as the audit page shows them."""
    return (
        action_label(entry.action),
        status_label(entry, entry.before_status) if entry.before_status else "",
        status_label(entry, entry.after_status) if entry.after_status else "",
    )


def field_label(field: str) -> str:
    label = FIELD_LABELS.get(field)
    return str(label) if label is not None else field.replace("_", " ")


def field_value(field: str, value: object) -> object:
    """A profile value as the profile page shows it: sector and stage names, language names."""
    language = current_language()
    if field == "sector" and isinstance(value, str) and value:
        return sector_label(value, language)
    if field == "stage" and isinstance(value, str) and value:
        return stage_label(value, language)
    if field == "sectors" and isinstance(value, list):
        return [sector_label(str(slug), language) for slug in value]
    if field == "languages" and isinstance(value, list):
        return [language_name(str(code), language) for code in value]
    return value


@dataclass(frozen=True)
class Change:
    field: str | None  # None: the object's status
    before: object
    after: object


@dataclass(frozen=True)
class AuditLine:
    """One row of the trail as the lead reads it."""

    entry: AuditEntry
    actor: User | None
    action: str
    object_kind: str  # "" when the entry is about no one object (the demo's markers)
    object_name: str | None  # None: the object is gone
    former_name: str | None  # what a gone pairing was, from its entry, when it kept that
    changes: list[Change]
    unchanged: bool  # the status was the same before and after (a plan choice, an ending)


def _changes(entry: AuditEntry) -> list[Change]:
    changes = (entry.details or {}).get("changes")
    if isinstance(changes, dict):
        return [
            Change(
                field_label(field),
                field_value(field, (change or {}).get("before")),
                field_value(field, (change or {}).get("after")),
            )
            for field, change in sorted(changes.items())
        ]
    if entry.action == "mentor.capacity":
        return [Change(field_label("capacity"), entry.before_status, entry.after_status)]
    if entry.before_status or entry.after_status:
        before = status_label(entry, entry.before_status) if entry.before_status else None
        after = status_label(entry, entry.after_status) if entry.after_status else None
        if entry.action == "match.end":
            after = str(match_status_label("ended"))
        return [Change(None, before, after)]
    return []


def describe(rows: list[tuple[AuditEntry, User | None]]) -> list[AuditLine]:
    """The page's entries in words, their objects named in one query per kind of object."""
    names = object_names(entry for entry, _actor in rows)
    gone = [
        entry
        for entry, _actor in rows
        if entry.object_id is not None and (entry.object_type, entry.object_id) not in names
    ]
    former = former_pairings(gone)
    lines = []
    for entry, actor in rows:
        kind = OBJECT_LABELS.get(entry.object_type)
        lines.append(
            AuditLine(
                entry=entry,
                actor=actor,
                action=action_label(entry.action),
                object_kind=""
                if entry.object_id is None
                else str(kind if kind is not None else entry.object_type),
                object_name=names.get((entry.object_type, entry.object_id)),
                former_name=former.get(entry.id),
                changes=_changes(entry),
                unchanged=bool(entry.before_status)
                and entry.before_status == entry.after_status
                and entry.action != "match.end",
            )
        )
    return lines
