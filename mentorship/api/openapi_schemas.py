"""Component schemas of the OpenAPI document: the contract's JSON shapes."""

from __future__ import annotations

from typing import Any

from mentorship.models.accounts import MAX_CAPACITY, MENTOR_STATUSES
from mentorship.models.ideas import CITY_MAX, IDEA_STATUSES, OFFERS_MAX, PIPELINE_STATUSES
from mentorship.models.matches import END_REASONS, MATCH_KINDS, MATCH_STATUSES
from mentorship.schemas import DESCRIPTION_MAX, NAME_MAX, NOTE_MAX, PASSWORD_MIN
from mentorship.vocab import NEEDS, SECTORS, STAGES


def ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


def _text(max_length: int, **extra: Any) -> dict[str, Any]:
    return {"type": "string", "maxLength": max_length, **extra}


def enum_of(values: Any, nullable: bool = False) -> dict[str, Any]:
    values = list(values)
    if nullable:
        return {"type": ["string", "null"], "enum": [*values, None]}
    return {"type": "string", "enum": values}


def _object(properties: dict[str, Any], required: tuple[str, ...] = ()) -> dict[str, Any]:
    schema: dict[str, Any] = {"type": "object", "properties": properties}
    if required:
        schema["required"] = list(required)
    return schema


def _page_of(item: str) -> dict[str, Any]:
    return _object(
        {
            "items": {"type": "array", "items": ref(item)},
            "page": {"type": "integer"},
            "per_page": {"type": "integer"},
            "total": {"type": "integer"},
        },
        ("items", "page", "per_page", "total"),
    )


TIME = {"type": "string", "format": "date-time"}
LANGS = {"type": "array", "items": {"type": "string", "pattern": "^[a-z]{2}$"}}
SECTOR_LIST = {"type": "array", "items": enum_of(SECTORS)}

SCHEMAS: dict[str, Any] = {
    "Error": _object(
        {
            "error": _object(
                {
                    "code": {"type": "string"},
                    "message": {"type": "string"},
                    "fields": {
                        "type": "object",
                        "additionalProperties": {"type": "array", "items": {"type": "string"}},
                    },
                },
                ("code", "message"),
            )
        },
        ("error",),
    ),
    "Register": _object(
        {
            "email": {"type": "string", "format": "email"},
            "password": _text(200, minLength=PASSWORD_MIN),
            "name": _text(NAME_MAX),
            "role": enum_of(("entrepreneur", "mentor")),
        },
        ("email", "password", "name", "role"),
    ),
    "Account": _object(
        {
            "id": {"type": "integer"},
            "email": {"type": "string"},
            "name": {"type": "string"},
            "role": enum_of(("entrepreneur", "mentor", "lead")),
            "status": enum_of(MENTOR_STATUSES),
        },
        ("id", "email", "name", "role", "status"),
    ),
    "TokenRequest": _object(
        {"email": {"type": "string"}, "password": {"type": "string"}}, ("email", "password")
    ),
    "Token": _object(
        {"token": {"type": "string"}, "token_type": {"const": "Bearer"}, "expires_at": TIME},
        ("token", "expires_at"),
    ),
    "EntrepreneurProfile": _object(
        {
            "business_name": _text(NAME_MAX),
            "city": _text(120),
            "country": {"type": "string", "pattern": "^[A-Z]{2}$"},
            "sector": enum_of(SECTORS, True),
            "stage": enum_of(STAGES, True),
            "bio": _text(DESCRIPTION_MAX),
            "languages": LANGS,
        }
    ),
    "MentorProfile": _object(
        {
            "headline": _text(NAME_MAX),
            "bio": _text(DESCRIPTION_MAX),
            "expertise": _text(DESCRIPTION_MAX),
            "city": _text(120),
            "sectors": SECTOR_LIST,
            "languages": LANGS,
            "capacity": {"type": "integer", "minimum": 0, "maximum": MAX_CAPACITY},
        }
    ),
    "Me": {
        "allOf": [
            ref("Account"),
            _object(
                {
                    "profile": {
                        "oneOf": [
                            ref("EntrepreneurProfile"),
                            ref("MentorProfile"),
                            {"type": "object", "maxProperties": 0},
                        ]
                    }
                },
                ("profile",),
            ),
        ]
    },
    "MeUpdate": _object(
        {
            "name": _text(NAME_MAX),
            "profile": {
                "type": "object",
                "description": "Only the fields given change (entrepreneur or mentor fields).",
            },
        }
    ),
    "IdeaInput": _object(
        {
            "title": _text(NAME_MAX),
            "description": _text(DESCRIPTION_MAX),
            "sector": enum_of(SECTORS, True),
            "stage": enum_of(STAGES, True),
            "needs": {
                "type": "array",
                "items": enum_of(NEEDS),
                "minItems": 1,
                "default": list(NEEDS),
            },
            "offers": _text(OFFERS_MAX, description="What the business will sell.", default=""),
            "seeks": _text(OFFERS_MAX, description="What it needs to buy or find.", default=""),
            "city": _text(
                CITY_MAX,
                description=(
                    "Where the business is or will be. Empty (the default) means the city on "
                    "the owner's profile; matching reads it for 'same region'."
                ),
                default="",
            ),
            "programme_id": {
                "type": ["integer", "null"],
                "description": "A programme the entrepreneur is enrolled in (else 422).",
            },
            "module_id": {
                "type": ["integer", "null"],
                "description": "A module of that programme (else 422).",
            },
        },
        ("title", "description"),
    ),
    "Idea": _object(
        {
            "id": {"type": "integer"},
            "owner_id": {"type": "integer"},
            "title": {"type": "string"},
            "description": {"type": "string"},
            "sector": enum_of(SECTORS, True),
            "stage": enum_of(STAGES, True),
            "needs": {"type": "array", "items": enum_of(NEEDS)},
            "offers": {"type": "string"},
            "seeks": {"type": "string"},
            "city": {
                "type": "string",
                "description": "Where the business is or will be; empty: the owner's profile city.",
            },
            "programme_id": {"type": ["integer", "null"]},
            "module_id": {"type": ["integer", "null"]},
            "status": enum_of(PIPELINE_STATUSES),
            "created_at": TIME,
            "updated_at": TIME,
        },
        (
            "id",
            "title",
            "description",
            "sector",
            "stage",
            "needs",
            "offers",
            "seeks",
            "status",
            "created_at",
            "updated_at",
        ),
    ),
    "Match": _object(
        {
            "id": {"type": "integer"},
            "idea_id": {"type": "integer"},
            "kind": enum_of(MATCH_KINDS),
            "target": _object(
                {
                    "id": {
                        "type": ["integer", "null"],
                        "description": "null once an ended pairing's mentor, partner or cluster "
                        "is gone; `name` then is its name when the pairing ended.",
                    },
                    "name": {"type": "string"},
                },
                ("id", "name"),
            ),
            "score": {"type": "number", "minimum": 0, "maximum": 1},
            "rank": {"type": "integer", "minimum": 1},
            "reasons": {
                "type": "array",
                "items": {"type": "string"},
                "description": "Why it fits, as matching found it. A mentor's free places change "
                "with every approval, so they are not a reason here: see `load` and `capacity` in "
                "GET /api/v1/mentors.",
            },
            "status": {
                **enum_of(MATCH_STATUSES),
                "description": "An approved pairing stays `approved` when it ends (its mentor "
                "left the programme, or its partner or cluster was removed from the directory): "
                "`ended_at` and `end_reason` then say when and why.",
            },
            "created_at": TIME,
            "reviewed_at": TIME,
            "decided_at": TIME,
            "ended_at": {
                **TIME,
                "description": "Only on an approved pairing that has ended: when it ended.",
            },
            "end_reason": {
                **enum_of(END_REASONS),
                "description": "Only with `ended_at`: `mentor_deleted` (the mentor deleted her "
                "account), `partner_deleted` or `cluster_deleted` (removed from the directory).",
            },
        },
        ("id", "idea_id", "kind", "target", "score", "rank", "reasons", "status", "created_at"),
    ),
    "Review": _object(
        {"decision": enum_of(("accept", "decline")), "note": _text(NOTE_MAX)}, ("decision",)
    ),
    "Decision": _object(
        {"decision": enum_of(("approve", "reject")), "note": _text(NOTE_MAX)}, ("decision",)
    ),
    "Mentor": _object(
        {
            "id": {"type": "integer", "description": "The mentor's user id."},
            "name": {"type": "string"},
            "email": {"type": "string"},
            "status": enum_of(MENTOR_STATUSES),
            "capacity": {"type": "integer", "minimum": 0, "maximum": MAX_CAPACITY},
            "load": {
                "type": "integer",
                "description": "Entrepreneurs she mentors now (approved pairings by idea owner).",
            },
        },
        ("id", "name", "email", "status", "capacity", "load"),
    ),
    "PartnerInput": _object(
        {
            "name": _text(NAME_MAX),
            "description": _text(DESCRIPTION_MAX),
            "sector": enum_of(SECTORS, True),
            "city": _text(120),
            "country": {"type": "string", "pattern": "^[A-Z]{2}$", "default": "RS"},
            "offers": _text(DESCRIPTION_MAX),
            "seeks": _text(DESCRIPTION_MAX),
            "export_oriented": {"type": "boolean", "default": False},
        },
        ("name", "description"),
    ),
    "ClusterInput": _object(
        {
            "name": _text(NAME_MAX),
            "description": _text(DESCRIPTION_MAX),
            "sector": enum_of(SECTORS, True),
            "region": _text(120),
            "website": _text(500, description="Empty or an http(s):// URL."),
        },
        ("name", "description"),
    ),
    "Sectors": _object(
        {
            "items": {
                "type": "array",
                "items": _object(
                    {"slug": enum_of(SECTORS), "label": {"type": "string"}}, ("slug", "label")
                ),
            }
        },
        ("items",),
    ),
    "Stats": _object(
        {
            "ideas": _object(
                {
                    "total": {"type": "integer"},
                    "by_status": _object({s: {"type": "integer"} for s in IDEA_STATUSES}),
                    "by_sector": {
                        "type": "object",
                        "description": "Sector slug (or `none`) to the number of ideas.",
                        "additionalProperties": {"type": "integer"},
                    },
                },
                ("total", "by_status", "by_sector"),
            ),
            "matches": _object(
                {
                    "total": {"type": "integer"},
                    "by_kind": _object(
                        {
                            k: _object({s: {"type": "integer"} for s in MATCH_STATUSES})
                            for k in MATCH_KINDS
                        }
                    ),
                },
                ("total", "by_kind"),
            ),
            "mentors": {
                "type": "array",
                "description": "Every mentor's load (entrepreneurs she mentors) against her capacity.",
                "items": _object(
                    {
                        "id": {"type": "integer"},
                        "name": {"type": "string"},
                        "status": enum_of(MENTOR_STATUSES),
                        "capacity": {"type": "integer"},
                        "load": {"type": "integer"},
                        "remaining": {"type": "integer"},
                    },
                    ("id", "name", "status", "capacity", "load", "remaining"),
                ),
            },
        },
        ("ideas", "matches", "mentors"),
    ),
}
SCHEMAS["Partner"] = {"allOf": [ref("PartnerInput"), _object({"id": {"type": "integer"}}, ("id",))]}
SCHEMAS["Cluster"] = {"allOf": [ref("ClusterInput"), _object({"id": {"type": "integer"}}, ("id",))]}
for _item in ("Idea", "Match", "Mentor", "Partner", "Cluster"):
    SCHEMAS[f"{_item}Page"] = _page_of(_item)
