"""The public contract's shapes, defined once as pydantic v2 models.

Why pydantic: the models are typed Python classes, the library is widely used and maintained, it
cleans and refuses input with per-field errors, and it generates JSON Schema itself, so the
OpenAPI document (mentorship/api/openapi.py) is built from the same classes that check requests
and describe responses; it needs no framework over Flask. One module per resource; `fields` holds
the shared field types and limits, `parsing` turns input into clean values or named errors.
Input models ignore unknown keys (the contract only fixes the names it lists), but those of
mentorships and events refuse them (`ClosedRequestBody`, as those endpoints were published);
response models forbid them, so a serializer that grows or loses a field fails the contract test.
"""
