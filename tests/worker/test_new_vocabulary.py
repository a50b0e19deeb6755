"""A candidate with words the index has never seen is proposed within seconds, no rebuild."""

from __future__ import annotations

import time

import sqlalchemy as sa

from mentorship.extensions import db
from mentorship.models import Cluster, Idea, Match
from mentorship.services.directory import create_organisation
from mentorship.services.ideas import submit_idea
from tests.factories import ClusterFactory, EntrepreneurFactory, LeadFactory, MentorFactory
from tests.worker.conftest import wait_until

CLOVE_IDEA = {
    "title": "Clove farm",
    "description": "We grow cloves on a small clove farm and dry the clove buds for spice makers.",
    "sector": "agriculture",
    "needs": ["cluster"],
}


def cluster_ids(idea_id: int) -> set[int]:
    db.session.expire_all()
    return set(
        db.session.scalars(
            sa.select(Match.cluster_id).where(Match.idea_id == idea_id, Match.kind == "cluster")
        )
    )


def test_a_new_cluster_with_unseen_words_is_proposed_within_five_seconds(
    redis_app, start_worker, clean_redis
):
    MentorFactory()
    ClusterFactory(name="ICT cluster", description="Software, web and mobile.", sector="ict")
    ClusterFactory(name="Furniture cluster", description="Wood and joinery.", sector="furniture")
    start_worker(clean_redis)
    idea = submit_idea(EntrepreneurFactory(), CLOVE_IDEA)
    wait_until(lambda: db.session.get(Idea, idea.id, populate_existing=True).status == "matched")
    assert cluster_ids(idea.id) == set()
    added = time.monotonic()
    clove = create_organisation(
        LeadFactory(),
        Cluster,
        {
            "name": "Clove growers association",
            "description": "Growers of cloves: clove buds, clove oil and dried spices.",
            # No sector: only its words, which no candidate used before, can bring it.
            "sector": None,
            "region": "",
            "website": "",
        },
    )
    wait_until(lambda: clove.id in cluster_ids(idea.id), timeout=5)
    assert time.monotonic() - added < 5
