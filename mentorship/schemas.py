"""The shapes of the public contract's request bodies, as validation schemas."""

from __future__ import annotations

from mentorship.models.accounts import MAX_CAPACITY
from mentorship.models.ideas import CITY_MAX, OFFERS_MAX
from mentorship.validation import (
    Boolean,
    Choice,
    ChoiceList,
    Email,
    Integer,
    Schema,
    Text,
    Url,
    WithDefault,
)
from mentorship.vocab import COUNTRIES, LANGUAGES, NEEDS, SECTORS, STAGES

NAME_MAX = 200
DESCRIPTION_MAX = 5000
NOTE_MAX = 2000
PASSWORD_MIN = 8
MAX_ID = 2147483647

REGISTER = Schema(
    {
        "email": Email(),
        "password": Text(required=True, min_length=PASSWORD_MIN, max_length=200, strip=False),
        "name": Text(required=True, max_length=NAME_MAX),
        "role": Choice(("entrepreneur", "mentor"), required=True),
    }
)

TOKEN = Schema(
    {
        "email": Text(required=True, max_length=254),
        "password": Text(required=True, max_length=200, strip=False),
    }
)

ENTREPRENEUR_PROFILE = Schema(
    {
        "business_name": Text(max_length=NAME_MAX),
        "city": Text(max_length=120),
        "country": Choice(COUNTRIES, normalise="upper"),
        "sector": Choice(SECTORS),
        "stage": Choice(STAGES),
        "bio": Text(max_length=DESCRIPTION_MAX),
        "languages": ChoiceList(LANGUAGES, normalise="lower"),
    }
)

MENTOR_PROFILE = Schema(
    {
        "headline": Text(max_length=NAME_MAX),
        "bio": Text(max_length=DESCRIPTION_MAX),
        "expertise": Text(max_length=DESCRIPTION_MAX),
        "city": Text(max_length=120),
        "sectors": ChoiceList(SECTORS),
        "languages": ChoiceList(LANGUAGES, normalise="lower"),
        "capacity": Integer(0, MAX_CAPACITY, required=True),
    }
)

ACCOUNT_UPDATE = Schema({"name": Text(required=True, max_length=NAME_MAX)})

IDEA = Schema(
    {
        "title": Text(required=True, max_length=NAME_MAX),
        "description": Text(required=True, max_length=DESCRIPTION_MAX),
        "sector": Choice(SECTORS),
        "stage": Choice(STAGES),
        "needs": WithDefault(ChoiceList(NEEDS, min_items=1), list(NEEDS)),
        "offers": Text(max_length=OFFERS_MAX),
        "seeks": Text(max_length=OFFERS_MAX),
        "city": Text(max_length=CITY_MAX),
        "programme_id": Integer(1, MAX_ID),
        "module_id": Integer(1, MAX_ID),
    }
)
IDEMPOTENCY_KEY_MAX = 255

PARTNER = Schema(
    {
        "name": Text(required=True, max_length=NAME_MAX),
        "description": Text(required=True, max_length=DESCRIPTION_MAX),
        "sector": Choice(SECTORS),
        "city": Text(max_length=120),
        "country": WithDefault(Choice(COUNTRIES, normalise="upper"), "RS"),
        "offers": Text(max_length=DESCRIPTION_MAX),
        "seeks": Text(max_length=DESCRIPTION_MAX),
        "export_oriented": WithDefault(Boolean(), False),
    }
)

CLUSTER = Schema(
    {
        "name": Text(required=True, max_length=NAME_MAX),
        "description": Text(required=True, max_length=DESCRIPTION_MAX),
        "sector": Choice(SECTORS),
        "region": Text(max_length=120),
        "website": Url(),
    }
)

REVIEW = Schema(
    {
        "decision": Choice(("accept", "decline"), required=True),
        "note": Text(max_length=NOTE_MAX),
    }
)

DECISION = Schema(
    {
        "decision": Choice(("approve", "reject"), required=True),
        "note": Text(max_length=NOTE_MAX),
    }
)

ENTREPRENEUR_FIELDS = tuple(ENTREPRENEUR_PROFILE.fields)
MENTOR_FIELDS = tuple(MENTOR_PROFILE.fields)
