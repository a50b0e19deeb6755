"""The mentorship API's OpenAPI fragment covers every route and its references resolve."""

from __future__ import annotations

import json
import re

from mentorship.api.mentorships_openapi import mentorship_paths, mentorship_schemas


def test_every_mentorship_route_has_its_path_in_the_fragment(app):
    paths = mentorship_paths()
    for rule in app.url_map.iter_rules():
        if rule.rule.startswith("/api/v1/mentorships"):
            path = re.sub(r"<[^>]*>", "{id}", rule.rule)
            assert path in paths, path
            for method in rule.methods - {"HEAD", "OPTIONS"}:
                assert method.lower() in paths[path], (path, method)


def test_the_fragments_references_resolve_to_its_schemas():
    schemas = mentorship_schemas()
    text = json.dumps({"paths": mentorship_paths(), "schemas": schemas})
    assert set(re.findall(r'"#/components/schemas/([^"]+)"', text)) <= set(schemas)
    assert schemas["MessageIn"]["properties"]["body"]["maxLength"] == 5000
    assert schemas["SessionIn"]["properties"]["duration_minutes"]["maximum"] == 480
