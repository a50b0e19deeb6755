"""Search ignores case and Serbian diacritics, and reads Cyrillic, on SQLite and PostgreSQL alike."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from mentorship.extensions import db
from mentorship.models import Cluster, Partner, User
from mentorship.search import fold_term, folded
from mentorship.services.directory import list_organisations
from mentorship.services.mentors import mentors_query
from tests.factories import ClusterFactory, MentorFactory, PartnerFactory


def _partner_names(search: str) -> list[str]:
    return [partner.name for partner in db.session.scalars(list_organisations(Partner, search))]


@pytest.mark.parametrize("search", ["Cacak", "cacak", "ČAČAK", "Čačak", "Чачак", "čacak"])
def test_any_spelling_of_cacak_finds_the_partner_in_cacak(app, search):
    PartnerFactory(name="Mlekara Čačak")
    PartnerFactory(name="Hotel Niš")
    assert _partner_names(search) == ["Mlekara Čačak"]


def test_the_diacritic_spelling_finds_a_name_written_without_diacritics(app):
    PartnerFactory(name="Pekara Cacak")
    assert _partner_names("Čačak") == ["Pekara Cacak"]


@pytest.mark.parametrize("search", ["Djurdjevo", "Đurđevo", "durdevo", "Ђурђево"])
def test_every_spelling_of_djurdjevo_finds_djurdjevo(app, search):
    PartnerFactory(name="Zadruga Đurđevo")
    assert _partner_names(search) == ["Zadruga Đurđevo"]


def test_a_name_written_with_dj_is_found_by_the_dj_letter(app):
    PartnerFactory(name="Zadruga Djurdjevo")
    assert _partner_names("Đurđevo") == ["Zadruga Djurdjevo"]


def test_a_name_written_in_cyrillic_is_found_in_latin(app):
    PartnerFactory(name="Пекара Шабац", description="Хлеб и пециво")
    assert _partner_names("sabac") == ["Пекара Шабац"]


def test_partner_search_covers_the_city(app):
    PartnerFactory(name="Hotel Zlatibor", city="Užice")
    assert _partner_names("uzice") == ["Hotel Zlatibor"]


def test_cluster_search_covers_the_region(app):
    ClusterFactory(name="Agro klaster", region="Šumadija")
    found = [
        cluster.name for cluster in db.session.scalars(list_organisations(Cluster, "sumadija"))
    ]
    assert found == ["Agro klaster"]


def test_search_wildcards_are_taken_literally(app):
    PartnerFactory(name="Hotel Niš")
    assert _partner_names("%") == []


def test_lead_finds_a_mentor_without_typing_diacritics(app):
    MentorFactory(name="Milica Jovanović")
    MentorFactory(name="Ana Marković")
    found = [user.name for user in db.session.scalars(mentors_query(search="jovanovic"))]
    assert found == ["Milica Jovanović"]


def test_the_database_folds_as_python_does(app):
    written = "ŠĆĐČŽ šćđčž Љиљана Џеп Ђорђе Éva Dj"
    MentorFactory(name=written)
    in_database = db.session.scalar(sa.select(folded(User.name)).where(User.name == written))
    assert in_database == fold_term(written)
