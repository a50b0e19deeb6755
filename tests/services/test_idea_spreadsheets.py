"""What an idea offers and seeks travels through the spreadsheet import and the ideas export."""

from __future__ import annotations

import sqlalchemy as sa

from mentorship.extensions import db
from mentorship.models import Idea
from mentorship.queries.exports import EXPORTS
from tests.factories import EntrepreneurFactory, IdeaFactory
from tests.services.test_imports import actions, check, csv_bytes, run


def test_imported_ideas_keep_what_they_offer_and_seek(app):
    EntrepreneurFactory(email="ana@example.rs")
    job = check(
        "ideas",
        csv_bytes(
            "owner_email,title,description,offers,seeks",
            'ana@example.rs,Plum jam,Jam from plums,"plum jam, ajvar","glass jars, labels"',
        ),
    )
    assert actions(run(job)) == ["created"]
    idea = db.session.scalars(sa.select(Idea)).one()
    assert (idea.offers, idea.seeks) == ("plum jam, ajvar", "glass jars, labels")


def test_offers_and_seeks_are_optional_columns(app):
    EntrepreneurFactory(email="ana@example.rs")
    run(check("ideas", csv_bytes("owner_email,title,description", "ana@example.rs,Jam,Jam")))
    idea = db.session.scalars(sa.select(Idea)).one()
    assert (idea.offers, idea.seeks) == ("", "")


def test_a_changed_seeks_cell_is_reported_as_a_change(app):
    owner = EntrepreneurFactory(email="ana@example.rs")
    IdeaFactory(owner=owner, title="Jam", description="Jam", seeks="jars")
    job = check(
        "ideas", csv_bytes("owner_email,title,description,seeks", "ana@example.rs,Jam,Jam,labels")
    )
    assert job.report["rows"][0]["changes"] == ["seeks"]


def test_offers_over_2000_characters_are_rejected_with_the_column(app):
    EntrepreneurFactory(email="ana@example.rs")
    job = check(
        "ideas",
        csv_bytes("owner_email,title,description,offers", f"ana@example.rs,Jam,Jam,{'x' * 2001}"),
    )
    assert actions(job) == ["rejected"]
    assert "offers" in "; ".join(job.report["rows"][0]["reasons"])


def test_the_ideas_export_appends_offers_seeks_and_city_after_the_older_columns(app):
    IdeaFactory(offers="plum jam", seeks="glass jars", city="Niš")
    spec = EXPORTS["ideas"]
    [row] = list(spec.rows(None))
    start = spec.header.index("offers")
    assert spec.header[start - 1] == "decided_at"
    assert spec.header[start : start + 3] == ("offers", "seeks", "city")
    assert row[start : start + 3] == ["plum jam", "glass jars", "Niš"]
