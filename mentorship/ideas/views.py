"""Ideas pages (to be filled)."""

from flask import Blueprint

ideas_bp = Blueprint("ideas", __name__)
