"""Public metadata: the sector vocabulary with translated labels, and the OpenAPI document."""

from __future__ import annotations

from flask import jsonify, request

from mentorship.api.blueprint import api_bp
from mentorship.api.openapi import openapi_document
from mentorship.vocab import SECTORS, sector_label

LABEL_LANGUAGES = ("en", "sr")


def label_language() -> str:
    """`?lang=` when it names a language we have labels for, else Accept-Language, else English."""
    asked = request.args.get("lang", "").strip().lower().replace("_", "-")
    primary = asked.split("-", 1)[0]
    if primary in LABEL_LANGUAGES:
        return primary
    return request.accept_languages.best_match(LABEL_LANGUAGES, default="en")


@api_bp.get("/sectors")
def list_sectors():
    lang = label_language()
    response = jsonify(
        {
            "items": [{"slug": slug, "label": sector_label(slug, lang)} for slug in SECTORS],
            "lang": lang,
        }
    )
    response.headers["Content-Language"] = lang
    response.vary.add("Accept-Language")
    return response


@api_bp.get("/openapi.json")
def openapi():
    return jsonify(openapi_document())
