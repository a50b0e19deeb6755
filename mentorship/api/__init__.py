"""The public JSON API, /api/v1, per the contract."""

from flask import Blueprint

api_bp = Blueprint("api", __name__, url_prefix="/api/v1")

# The resource modules register their routes on api_bp when imported.
from mentorship.api import auth, directory, ideas, me, mentors, meta  # noqa: F401

__all__ = ["api_bp"]
