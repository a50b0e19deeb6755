"""The impact report page and XLSX: by module and by cluster next to sector and city."""

from __future__ import annotations

import io

from openpyxl import load_workbook

from mentorship.extensions import db
from mentorship.models import Programme, ProgrammeModule
from tests.factories import ClusterFactory, IdeaFactory, LeadFactory, MatchFactory
from tests.mentorship_pairs import approved_mentorship


def test_module_and_cluster_tables_on_the_page_and_in_the_workbook(client, auth):
    programme = Programme(name="Crafts")
    programme.modules = [ProgrammeModule(title="Pottery module")]
    db.session.add(programme)
    db.session.commit()
    lead = LeadFactory()
    mentorship = approved_mentorship(
        lead, idea=IdeaFactory(programme=programme, module=programme.modules[0])
    )
    cluster = ClusterFactory(name="Crafts <Cluster>")
    MatchFactory(
        idea=mentorship.match.idea, kind="cluster", mentor=None, cluster=cluster, status="approved"
    )
    auth.login(lead.email)
    html = client.get(f"/mentorships/impact?programme={programme.id}").get_data(as_text=True)
    by_module = html[html.index('id="impact-by-module"') :]
    assert "Pottery module</th><td>1</td>" in by_module
    by_cluster = html[html.index('id="impact-by-cluster"') :]
    assert "Crafts &lt;Cluster&gt;</th><td>1</td>" in by_cluster
    sheet = client.get(f"/mentorships/impact.xlsx?programme={programme.id}")
    workbook = load_workbook(io.BytesIO(sheet.data))
    rows = [list(row[:3]) for row in workbook.worksheets[0].iter_rows(values_only=True)]
    assert ["Module", "Pottery module", 1] in rows
    assert ["Cluster", "Crafts <Cluster>", 1] in rows


def test_all_programmes_report_shows_each_programmes_wording(client, auth):
    from mentorship.services import outcome_questions

    lead = LeadFactory()
    first, second = Programme(name="Women in business"), Programme(name="Green start-ups")
    db.session.add_all([first, second])
    db.session.commit()
    for programme in (first, second):
        approved_mentorship(idea=IdeaFactory(programme=programme))
        outcome_questions.rename_question(lead, programme.id, "confidence", "Self-belief")
    outcome_questions.rename_question(lead, first.id, "strategy", "Business plan")
    auth.login(lead.email)
    html = client.get("/mentorships/impact").get_data(as_text=True)
    assert "Self-belief" in html and ">Confidence<" not in html
    assert "Worded differently by programme:" in html
    assert "Women in business: “Business plan”; Green start-ups: “Strategy”" in html
    sheet = load_workbook(io.BytesIO(client.get("/mentorships/impact.xlsx").data)).active
    header = [cell.value for cell in sheet[1]]
    assert "Self-belief: change" in header
    assert "Strategy (worded differently by programme): change" in header
