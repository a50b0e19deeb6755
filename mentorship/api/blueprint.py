"""The API blueprint, apart from the package so the resource modules import it without a cycle."""

from flask import Blueprint
from flask.blueprints import BlueprintSetupState

api_bp = Blueprint("api", __name__, url_prefix="/api/v1")


@api_bp.record_once
def _send_text_as_utf8(state: BlueprintSetupState) -> None:
    """Serbian names read as themselves (Niš, not Ni\\u0161) in answers; JSON is UTF-8 anyway."""
    state.app.json.ensure_ascii = False
