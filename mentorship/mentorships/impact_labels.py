"""How the impact report names its outcome questions, and its sheet of partnership agreements."""

from __future__ import annotations

from flask_babel import gettext

from mentorship.i18n import current_language
from mentorship.introductions.labels import COOPERATION_LABELS
from mentorship.mentorships.labels import AREA_LABELS
from mentorship.services.mentorships.impact import ImpactReport
from mentorship.services.partnerships.report import AgreementReport
from mentorship.vocab import sector_label


def _default_name(report: ImpactReport, key: str) -> str:
    """The default area's translated name; for a programme's own question, its first wording."""
    if key in AREA_LABELS:
        return str(AREA_LABELS[key])
    return next((label for _name, label in report.wordings.get(key, []) if label), key)


def area_names(report: ImpactReport) -> dict[str, str]:
    """The lead's wording, else the default area's translated name; a retired one says so."""
    names = {}
    for key in report.areas:
        name = report.labels.get(key) or _default_name(report, key)
        names[key] = gettext("%(name)s (retired)", name=name) if key in report.retired else name
    return names


def area_wordings(report: ImpactReport) -> dict[str, list[tuple[str, str]]]:
    """Per question that programmes word differently: (programme, wording) for the reader."""
    return {
        key: [
            (name or gettext("No programme"), label or str(AREA_LABELS.get(key, key)))
            for name, label in found
        ]
        for key, found in report.wordings.items()
    }


def agreement_sheet(report: AgreementReport) -> tuple[str, list[str], list[list]]:
    """The workbook's agreements sheet: one row per breakdown entry, with its scope."""
    rows: list[list] = [[gettext("Programme"), gettext("All"), report.total]]
    rows.append(
        [gettext("Programme"), gettext("Approved partner introductions"), report.introductions]
    )
    scopes = (
        ("type", gettext("Type of cooperation"), lambda v: str(COOPERATION_LABELS.get(v, v))),
        ("sector", gettext("Sector"), lambda v: sector_label(v, current_language())),
        ("city", gettext("City"), str),
        ("cluster", gettext("Cluster"), str),
        ("module", gettext("Module"), str),
    )
    for name, scope, label in scopes:
        rows += [[scope, label(value), count] for value, count in report.table(name)]
    header = [gettext("Scope"), gettext("Name"), gettext("Partnership agreements")]
    return gettext("Partnership agreements"), header, rows
