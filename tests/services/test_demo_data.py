"""`flask demo load`: the programme's real organisations, demo people and exactly 186 ideas, once."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import sqlalchemy as sa

from mentorship.demo.content import ENTREPRENEURS, NAMED_CLUSTERS, NAMED_PARTNERS, PILOT_CLUSTERS
from mentorship.demo.ideas import build_ideas
from mentorship.demo.loader import DEMO_PASSWORD, LEAD_EMAIL, demo_email
from mentorship.extensions import db
from mentorship.models import Cluster, EntrepreneurProfile, Idea, MentorProfile, Partner, User
from mentorship.services.accounts import authenticate
from tests.factories import EntrepreneurFactory, IdeaFactory, PartnerFactory

ALL_MODELS = (Cluster, Partner, User, MentorProfile, EntrepreneurProfile, Idea)
# A sentence ends at . ! or ? followed by the end or a capital letter ("GlobalG.A.P. records" is one).
SENTENCE_END = re.compile(r"[.!?](?=\s+[A-ZČĆŠŽĐ]|\s*$)")


def load(runner, *args: str):
    result = runner.invoke(args=["demo", "load", "--no-matching", *args])
    assert result.exit_code == 0, result.output
    return result


def count(model) -> int:
    return db.session.scalar(sa.select(sa.func.count()).select_from(model))


def names(model) -> set[str]:
    return set(db.session.scalars(sa.select(model.name)))


@pytest.fixture
def loaded(runner):
    return load(runner)


def test_demo_load_creates_the_three_programme_clusters_and_five_pilot_clusters(loaded):
    assert count(Cluster) == 8
    assert names(Cluster) == set(NAMED_CLUSTERS) | set(PILOT_CLUSTERS)


def test_demo_load_creates_the_named_partners_in_their_cities(loaded):
    cities = {
        name: city for name, city in db.session.execute(sa.select(Partner.name, Partner.city))
    }
    assert {name: cities.get(name) for name in NAMED_PARTNERS} == {
        "Hotel SUMATOVAC": "Aleksinac",
        "Aleksinac Foreign Trade Law Office": "Aleksinac",
        "Hanibal": "Vranje",
        "B-Right": "Čačak",
        "Jastrebačka Priča": "Merošina",
    }


def test_demo_load_creates_fifteen_or_more_mentors_some_waiting_for_approval(loaded):
    statuses = list(db.session.scalars(sa.select(MentorProfile.status)))
    assert len(statuses) >= 15
    assert 1 <= statuses.count("pending") <= 2
    assert all(
        2 <= capacity <= 5 for capacity in db.session.scalars(sa.select(MentorProfile.capacity))
    )


def test_demo_load_creates_thirty_or_more_entrepreneurs(loaded):
    assert count(EntrepreneurProfile) >= 30


def test_demo_load_creates_exactly_186_ideas(loaded):
    assert count(Idea) == 186


def test_second_demo_load_creates_nothing_new(runner, loaded):
    before = {model.__name__: count(model) for model in ALL_MODELS}
    again = load(runner)
    assert {model.__name__: count(model) for model in ALL_MODELS} == before
    assert "created nothing new" in again.output


def test_demo_ideas_cover_every_sector_the_clusters_have(loaded):
    cluster_sectors = set(db.session.scalars(sa.select(Cluster.sector)))
    idea_sectors = set(db.session.scalars(sa.select(Idea.sector)))
    assert cluster_sectors <= idea_sectors


def test_every_demo_idea_sector_has_a_partner_to_match(loaded):
    partner_sectors = set(db.session.scalars(sa.select(Partner.sector)))
    assert set(db.session.scalars(sa.select(Idea.sector))) <= partner_sectors


def test_serbian_letters_survive_the_database(loaded):
    stored = names(User)
    assert {"Milica Đorđević", "Slađana Janković", "Nevena Šćepanović", "Anđela Popović"} <= stored
    assert (
        db.session.scalar(sa.select(Partner.name).where(Partner.city == "Merošina"))
        == "Jastrebačka Priča"
    )


def test_demo_e_mails_spell_serbian_names_in_ascii():
    assert demo_email("Milica Đorđević") == "milica.djordjevic@demo.mentorship.rs"


def test_demo_lead_logs_in_with_the_demo_password(loaded):
    lead = authenticate(LEAD_EMAIL, DEMO_PASSWORD)
    assert lead is not None and lead.is_lead


def test_demo_load_prints_one_login_per_role_and_the_password(loaded):
    output = loaded.output
    assert LEAD_EMAIL in output
    assert demo_email(ENTREPRENEURS[0].name) in output
    assert "mentor" in output and DEMO_PASSWORD in output


def test_demo_load_leaves_rows_it_did_not_make_alone(runner, app):
    hanibal = PartnerFactory(name="Hanibal", city="Vranje", description="Entered by the lead.")
    idea = IdeaFactory(owner=EntrepreneurFactory(), title="My own idea")
    load(runner)
    db.session.expire_all()
    assert db.session.get(Partner, hanibal.id).description == "Entered by the lead."
    assert db.session.scalar(sa.select(sa.func.count()).where(Partner.name == "Hanibal")) == 1
    assert db.session.get(Idea, idea.id).title == "My own idea"
    assert count(Idea) == 187


def _ideas_digest(hash_seed: str) -> str:
    """The demo ideas built in a fresh interpreter, so set and dict order may differ."""
    script = (
        "import hashlib;"
        "from mentorship.demo.content import ENTREPRENEURS;"
        "from mentorship.demo.ideas import build_ideas;"
        "print(hashlib.sha256(repr(build_ideas(ENTREPRENEURS)).encode()).hexdigest())"
    )
    env = dict(os.environ, PYTHONHASHSEED=hash_seed)
    done = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        env=env,
        cwd=Path(__file__).resolve().parents[2],
        check=True,
    )
    return done.stdout.strip()


def test_demo_ideas_are_the_same_on_every_build():
    assert _ideas_digest("1") == _ideas_digest("2")


def test_demo_ideas_have_unique_titles_and_two_to_five_sentences():
    ideas = build_ideas(ENTREPRENEURS)
    assert len({idea.title for idea in ideas}) == len(ideas) == 186
    assert all(2 <= len(SENTENCE_END.findall(idea.description)) <= 5 for idea in ideas)


def test_demo_load_refuses_to_run_in_production(runner, app):
    app.config["ENV_NAME"] = "production"
    result = runner.invoke(args=["demo", "load", "--no-matching"])
    assert result.exit_code != 0
    assert count(User) == 0


def test_demo_load_runs_matching_once(runner):
    result = runner.invoke(args=["demo", "load"])
    assert result.exit_code == 0, result.output
    assert "Matching ran for 186 open ideas." in result.output
    assert count(Idea) == 186
