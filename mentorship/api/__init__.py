"""The public JSON API, /api/v1, per the contract."""

# The resource modules register their routes on api_bp when imported.
from mentorship.api import auth, directory, ideas, me, mentors, meta, reviews  # noqa: F401
from mentorship.api.blueprint import api_bp

__all__ = ["api_bp"]
