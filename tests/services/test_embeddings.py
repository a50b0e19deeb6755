"""The meaning model in the service: vectors kept in the database, the setting, a broken model."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlalchemy as sa

from mentorship import create_app
from mentorship.extensions import db
from mentorship.infrastructure import embeddings
from mentorship.infrastructure.index_holder import holder
from mentorship.models import CandidateVector, Match, WordVector
from mentorship.services import matching
from mentorship.services.ideas import submit_idea
from tests.conftest import app_config, empty_all_tables
from tests.factories import (
    ClusterFactory,
    EntrepreneurFactory,
    LeadFactory,
    MentorFactory,
    PartnerFactory,
)

CROISSANTS = {
    "title": "Patisserie in Novi Sad",
    "description": "Croissants, muffins and sweet rolls baked every morning for cafés.",
    "sector": "food",
}


def vector_rows() -> dict[tuple[str, int, str], tuple]:
    rows = db.session.execute(sa.select(CandidateVector)).scalars()
    return {(r.kind, r.candidate_id, r.field): (r.text_hash, r.updated_at, r.model) for r in rows}


def test_candidate_vectors_are_stored_once_and_reused_by_a_refit(app):
    MentorFactory(mentor_profile__bio="Baker for twenty years: bread, pastry and cakes.")
    PartnerFactory(name="Mlin Bačka", description="Flour mill for einkorn", offers="flour, yeast")
    ClusterFactory(name="Food cluster Vojvodina")
    submit_idea(EntrepreneurFactory(), CROISSANTS)
    stored = vector_rows()
    kinds = {kind for kind, _, _ in stored}
    assert kinds == {"mentor", "partner", "cluster"}
    assert {field for kind, _, field in stored if kind == "partner"} == {
        "profile",
        "offers",
        "seeks",
    }
    # Common words come from the shipped word table and are not copied; rarer ones are kept.
    stored_words = set(db.session.scalars(sa.select(WordVector.word)))
    assert "einkorn" in stored_words
    assert not any(word in embeddings.embedder().table for word in stored_words)
    holder.reset()
    holder.rebuild()
    assert vector_rows() == stored


def test_a_changed_candidate_gets_a_new_vector(app):
    mentor = MentorFactory(mentor_profile__bio="Baker for twenty years.")
    submit_idea(EntrepreneurFactory(), CROISSANTS)
    before = vector_rows()[("mentor", mentor.id, "profile")]
    mentor.mentor_profile.bio = "Pastry chef: croissants and laminated dough."
    db.session.commit()
    matching.rematch_open_ideas()
    after = vector_rows()[("mentor", mentor.id, "profile")]
    assert after[0] != before[0]


def test_meaning_brings_a_mentor_who_shares_no_word(app):
    baker = MentorFactory(
        mentor_profile__headline="Pastry chef",
        mentor_profile__expertise="baking, cakes",
        mentor_profile__bio="Bread, pastry and cakes for hotels.",
        mentor_profile__sectors=["tourism"],
    )
    MentorFactory(
        mentor_profile__headline="Software architect",
        mentor_profile__expertise="cloud, databases",
        mentor_profile__bio="Web applications and hosting.",
        mentor_profile__sectors=["ict"],
    )
    idea = submit_idea(EntrepreneurFactory(), {**CROISSANTS, "sector": "other"})
    proposed = db.session.scalars(
        sa.select(Match).where(Match.idea_id == idea.id, Match.kind == "mentor")
    ).all()
    assert [m.mentor_id for m in proposed][:1] == [baker.id]


@pytest.fixture
def app_with(_schema, tmp_path):
    """An app on the test database with extra settings; its tables are emptied afterwards."""
    made = []

    def make(**settings):
        app = create_app(app_config(_schema, tmp_path, **settings))
        made.append(app)
        return app

    yield make
    for app in made:
        with app.app_context():
            db.session.remove()
            empty_all_tables()
            db.engine.dispose()
    holder.reset()


def test_readiness_and_the_leads_pages_say_when_meaning_is_off(app_with):
    app = app_with(MATCH_EMBEDDINGS=False)
    with app.app_context():
        assert embeddings.status() == "off (MATCH_EMBEDDINGS=off)"
        assert embeddings.embedder() is None
        client = app.test_client()
        assert client.get("/readyz").get_json()["checks"]["matching_meaning"].startswith("off")
        lead = LeadFactory()
        from tests.conftest import AuthActions

        AuthActions(client).login(lead.email)
        page = client.get("/", headers={"Accept-Language": "en"}).get_data(as_text=True)
        assert "Matching works on words and topics alone." in page


@pytest.fixture
def broken_model_app(app_with, tmp_path):
    model = Path(tmp_path) / "broken.bin"
    model.write_bytes(b"E5S1 but nothing else")
    app = app_with(MATCH_EMBEDDING_MODEL=str(model))
    with app.app_context():
        holder.reset()
        yield app


def test_a_model_that_cannot_load_leaves_matching_working(broken_model_app):
    MentorFactory(mentor_profile__bio="Bakery, croissants, pastry and bread.")
    idea = submit_idea(EntrepreneurFactory(), CROISSANTS)
    assert idea.status == "matched"
    assert embeddings.status().startswith("unavailable: ")
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Match)) >= 1
    ready = broken_model_app.test_client().get("/readyz")
    assert ready.status_code == 200
    assert ready.get_json()["checks"]["matching_meaning"].startswith("unavailable")


def test_imported_candidates_get_their_vectors_in_a_job_with_progress(app):
    from mentorship import task_names
    from mentorship.infrastructure.background import enqueue
    from mentorship.models import BackgroundJob

    partners = [PartnerFactory(name=f"Pekara {n}", offers=f"bread {n}") for n in range(5)]
    job = enqueue(task_names.EMBED_CANDIDATES, "partner")
    job = db.session.get(BackgroundJob, job.id, populate_existing=True)
    assert job.status == "done"
    assert (job.progress_done, job.progress_total) == (5, 5)
    stored = vector_rows()
    assert {(kind, cid) for kind, cid, _ in stored} == {("partner", p.id) for p in partners}
    assert embeddings.embed_pending("partner") == 0
