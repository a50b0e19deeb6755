"""Approved partner and cluster introductions: who sees them, the thread, the agreement, and
the agreements in the impact report."""

from __future__ import annotations

from datetime import timedelta

import pytest
import sqlalchemy as sa

from mentorship.extensions import db
from mentorship.models import (
    IntroductionMessage,
    Notification,
    PartnershipAgreement,
    Programme,
    ProgrammeModule,
)
from mentorship.services.errors import ConflictError, NotFoundError, ValidationFailedError
from mentorship.services.mentorships.access import today
from mentorship.services.partnerships import access, agreements, threads
from mentorship.services.partnerships.report import agreement_report
from tests.event_factories import PartnerContactFactory
from tests.factories import (
    ClusterFactory,
    EntrepreneurFactory,
    IdeaFactory,
    LeadFactory,
    MatchFactory,
    PartnerFactory,
)


def introduction(kind: str = "partner", status: str = "approved", **idea):
    target = {"partner": PartnerFactory()} if kind == "partner" else {"cluster": ClusterFactory()}
    return MatchFactory(idea=IdeaFactory(**idea), kind=kind, mentor=None, status=status, **target)


def test_only_the_two_sides_see_an_approved_introduction(app):
    match = introduction()
    her = match.idea.owner
    contact = PartnerContactFactory(partner=match.partner)
    other_contact, lead = PartnerContactFactory(), LeadFactory()
    assert access.get_introduction(her, match.id) == match
    assert access.get_introduction(contact, match.id) == match
    for stranger in (other_contact, lead, EntrepreneurFactory()):
        with pytest.raises(NotFoundError):
            access.get_introduction(stranger, match.id)
    assert access.my_introductions(contact) == [match]
    assert access.my_introductions(other_contact) == []
    proposed = introduction(status="proposed")
    with pytest.raises(NotFoundError):
        access.get_introduction(proposed.idea.owner, proposed.id)
    cluster = introduction("cluster")
    assert access.get_introduction(lead, cluster.id) == cluster
    assert access.my_introductions(lead) == [cluster]
    with pytest.raises(NotFoundError):
        access.get_introduction(contact, cluster.id)


def test_the_thread_tells_the_other_side_and_refuses_empty_or_foreign_messages(app):
    match = introduction()
    her = match.idea.owner
    contact = PartnerContactFactory(partner=match.partner)
    threads.send_message(her, match.id, {"body": "  Hello, can we meet?  "})
    threads.send_message(contact, match.id, {"body": "Yes, Tuesday."})
    assert [m.body for m in threads.messages(match)] == ["Hello, can we meet?", "Yes, Tuesday."]
    told = db.session.scalars(
        sa.select(Notification.user_id).where(Notification.kind == "introduction.message")
    ).all()
    assert sorted(told) == sorted([contact.id, her.id])
    with pytest.raises(ValidationFailedError):
        threads.send_message(her, match.id, {"body": "   "})
    with pytest.raises(ValidationFailedError):
        threads.send_message(her, match.id, {"body": "x" * 5001})
    with pytest.raises(NotFoundError):
        threads.send_message(PartnerContactFactory(), match.id, {"body": "Me too"})
    assert db.session.scalar(sa.select(sa.func.count()).select_from(IntroductionMessage)) == 2


def test_either_side_records_and_corrects_the_agreement(app):
    match = introduction()
    her = match.idea.owner
    contact = PartnerContactFactory(partner=match.partner)
    signed = today() - timedelta(days=3)
    agreements.record_agreement(
        contact, match.id, {"signed_on": signed.isoformat(), "cooperation_type": "supplier"}
    )
    agreements.record_agreement(
        her, match.id, {"signed_on": signed, "cooperation_type": "buyer_distributor"}
    )
    row = db.session.scalars(sa.select(PartnershipAgreement)).one()
    assert (row.signed_on, row.cooperation_type, row.recorded_by_id) == (
        signed,
        "buyer_distributor",
        her.id,
    )
    for bad in (
        {"signed_on": "yesterday", "cooperation_type": "supplier"},
        {"signed_on": (today() + timedelta(days=1)).isoformat(), "cooperation_type": "supplier"},
        {"signed_on": signed.isoformat(), "cooperation_type": "friendship"},
    ):
        with pytest.raises(ValidationFailedError):
            agreements.record_agreement(her, match.id, bad)
    assert db.session.scalars(sa.select(PartnershipAgreement)).one().cooperation_type == (
        "buyer_distributor"
    )
    cluster = introduction("cluster")
    with pytest.raises(ConflictError):
        agreements.record_agreement(
            cluster.idea.owner,
            cluster.id,
            {"signed_on": signed.isoformat(), "cooperation_type": "supplier"},
        )


def test_agreements_are_counted_by_type_sector_city_cluster_and_module(app):
    programme = Programme(name="Export readiness")
    programme.modules = [ProgrammeModule(title="Module A")]
    db.session.add(programme)
    db.session.commit()
    module = programme.modules[0]
    food = introduction(programme=programme, module=module, sector="food", city="Niš")
    wood = introduction(programme=programme, sector="wood", city="Kraljevo")
    introduction(programme=programme, sector="food", city="Niš")  # no agreement yet
    introduction(sector="food")  # another programme
    agro = ClusterFactory(name="Agro")
    MatchFactory(idea=food.idea, kind="cluster", mentor=None, cluster=agro, status="approved")
    day = today().isoformat()
    for match, kind in ((food, "supplier"), (wood, "licensing")):
        agreements.record_agreement(
            match.idea.owner, match.id, {"signed_on": day, "cooperation_type": kind}
        )
    report = agreement_report(programme.id)
    assert (report.total, report.introductions) == (2, 3)
    assert dict(report.table("type"))["supplier"] == 1
    assert dict(report.table("type"))["investment"] == 0
    assert report.table("sector") == [("food", 1), ("wood", 1)]
    assert report.table("city") == [("Kraljevo", 1), ("Niš", 1)]
    assert report.table("cluster") == [("Agro", 1), ("—", 1)]
    assert report.table("module") == [("Module A", 1), ("—", 1)]
    assert agreement_report().introductions == 4
