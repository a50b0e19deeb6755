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
