"""The lead's impact report per programme: a printable page and an XLSX download."""

from __future__ import annotations

from flask import Response, render_template, request
from flask_babel import gettext, pgettext

from mentorship.i18n import current_language
from mentorship.infrastructure.spreadsheets import FORMATS, to_xlsx_sheets
from mentorship.introductions.labels import COOPERATION_LABELS
from mentorship.main.helpers import role_required
from mentorship.main.programme_filter import programme_for_download, programme_for_page
from mentorship.mentorships.impact_labels import agreement_sheet, area_names, area_wordings
from mentorship.mentorships.views import mentorships_bp
from mentorship.models import Programme
from mentorship.services.mentorships.access import ensure_mentorships
from mentorship.services.mentorships.impact import ImpactReport, impact_report
from mentorship.services.partnerships.report import agreement_report
from mentorship.services.programmes import all_programmes
from mentorship.vocab import sector_label


def _programme(*, download: bool = False) -> Programme | None:
    choose = programme_for_download if download else programme_for_page
    return choose(request.args.get("programme"))


@mentorships_bp.route("/impact")
@role_required("lead")
def impact():
    ensure_mentorships()
    programme = _programme()
    report = impact_report(programme.id if programme else None)
    return render_template(
        "mentorships/impact.html",
        report=report,
        agreements=agreement_report(programme.id if programme else None),
        cooperation=COOPERATION_LABELS,
        programme=programme,
        programmes=all_programmes(),
        areas=area_names(report),
        wordings=area_wordings(report),
        sector_name=lambda slug: sector_label(slug, current_language()),
    )


def _rows(report: ImpactReport) -> list[list]:
    def figures(scope: str, name: str, group) -> list:
        row = [scope, name, group.pairings, group.active, group.completed, group.ended_early]
        row += [group.sessions, group.hours, group.goals, group.goals_met]
        row += [group.average_pulse, group.average_session_rating, group.nps]
        row += [group.new_partnerships]
        for area in report.areas:
            row += list(group.change(area))
        return row

    rows = [figures(gettext("Programme"), gettext("All"), report.total)]
    rows += [
        figures(gettext("Sector"), sector_label(slug, current_language()), group)
        for slug, group in report.by_sector.items()
    ]
    rows += [figures(gettext("City"), city, group) for city, group in report.by_city.items()]
    rows += [figures(gettext("Module"), name, g) for name, g in report.by_module.items()]
    rows += [figures(gettext("Cluster"), name, g) for name, g in report.by_cluster.items()]
    return rows


@mentorships_bp.route("/impact.xlsx")
@role_required("lead")
def impact_xlsx():
    ensure_mentorships()
    programme = _programme(download=True)
    report = impact_report(programme.id if programme else None)
    header = [
        gettext("Scope"),
        gettext("Name"),
        gettext("Pairings"),
        pgettext("mentorships", "Active"),
    ]
    header += [gettext("Completed"), gettext("Ended early"), gettext("Sessions")]
    header += [gettext("Hours"), gettext("Goals"), gettext("Goals met")]
    header += [gettext("Average pulse"), gettext("Average session rating"), gettext("NPS")]
    header += [gettext("New partnerships")]
    names = area_names(report)
    for area in report.areas:
        label = names[area]
        if area in report.wordings:
            label = gettext("%(area)s (worded differently by programme)", area=label)
        header += [
            gettext("%(area)s: baseline", area=label),
            gettext("%(area)s: endline", area=label),
            gettext("%(area)s: change", area=label),
        ]
    sheets = [(gettext("Impact"), header, _rows(report))]
    sheets.append(agreement_sheet(agreement_report(programme.id if programme else None)))
    body = to_xlsx_sheets(sheets)
    return Response(
        body,
        mimetype=FORMATS["xlsx"],
        headers={"Content-Disposition": 'attachment; filename="impact-report.xlsx"'},
    )
