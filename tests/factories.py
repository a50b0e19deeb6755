"""factory_boy factories that commit through the app's session."""

from __future__ import annotations

import factory
from werkzeug.security import generate_password_hash

from mentorship.extensions import db
from mentorship.models import (
    Cluster,
    EntrepreneurProfile,
    Idea,
    Match,
    MentorProfile,
    Partner,
    User,
)

PASSWORD = "correct horse battery"
_PASSWORD_HASH = generate_password_hash(PASSWORD, method="pbkdf2:sha256:1000")


class Base(factory.alchemy.SQLAlchemyModelFactory):
    class Meta:
        abstract = True
        sqlalchemy_session_factory = lambda: db.session  # noqa: E731
        sqlalchemy_session_persistence = "commit"


class UserFactory(Base):
    class Meta:
        model = User

    email = factory.Sequence(lambda n: f"user{n}@example.org")
    name = factory.Sequence(lambda n: f"User {n}")
    role = "entrepreneur"
    password_hash = factory.LazyFunction(lambda: _PASSWORD_HASH)


class EntrepreneurFactory(UserFactory):
    role = "entrepreneur"
    name = factory.Sequence(lambda n: f"Jelena Petrović {n}")
    entrepreneur_profile = factory.RelatedFactory(
        "tests.factories.EntrepreneurProfileFactory", factory_related_name="user"
    )


class EntrepreneurProfileFactory(Base):
    class Meta:
        model = EntrepreneurProfile

    business_name = factory.Sequence(lambda n: f"Radionica {n}")
    city = "Niš"
    country = "RS"
    sector = "food"
    stage = "idea"
    bio = "Makes jam and winter food from local fruit."
    languages = factory.LazyFunction(lambda: ["sr", "en"])


class MentorProfileFactory(Base):
    class Meta:
        model = MentorProfile

    headline = "Food processing and export"
    bio = "Twenty years in food processing, HACCP certification and export to the EU."
    expertise = "food processing, jam, HACCP, export, marketing"
    city = "Niš"
    sectors = factory.LazyFunction(lambda: ["food", "agriculture"])
    languages = factory.LazyFunction(lambda: ["sr", "en"])
    capacity = 3
    status = "active"


class MentorFactory(UserFactory):
    role = "mentor"
    name = factory.Sequence(lambda n: f"Milica Jovanović {n}")
    mentor_profile = factory.RelatedFactory(MentorProfileFactory, factory_related_name="user")


class LeadFactory(UserFactory):
    role = "lead"
    name = "Programme Lead"


class IdeaFactory(Base):
    class Meta:
        model = Idea

    owner = factory.SubFactory(EntrepreneurFactory)
    title = factory.Sequence(lambda n: f"Homemade jam from Merošina {n}")
    description = "Jam and winter food (ajvar, pickles) from local plums and peppers, for hotels."
    sector = "food"
    stage = "idea"
    needs = factory.LazyFunction(lambda: ["mentor", "partner", "cluster"])
    status = "submitted"


class PartnerFactory(Base):
    class Meta:
        model = Partner

    name = factory.Sequence(lambda n: f"Hotel Partner {n}")
    description = "A hotel with a restaurant that serves regional food."
    sector = "tourism"
    city = "Aleksinac"
    country = "RS"
    offers = "accommodation, event space"
    seeks = "local food, jam, honey, cheese, rakia"
    export_oriented = False


class ClusterFactory(Base):
    class Meta:
        model = Cluster

    name = factory.Sequence(lambda n: f"Agro Cluster {n}")
    description = "Agriculture and food processing startups of the Niš region."
    sector = "agriculture"
    region = "Niš"
    website = "https://example.org/cluster"


class MatchFactory(Base):
    class Meta:
        model = Match

    idea = factory.SubFactory(IdeaFactory)
    kind = "mentor"
    mentor = factory.SubFactory(MentorFactory)
    score = 0.8
    rank = 1
    reasons = factory.LazyFunction(lambda: ["Shared terms: jam, food processing"])
    status = "proposed"
