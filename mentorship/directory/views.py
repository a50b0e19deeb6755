"""Directory pages (to be filled)."""

from flask import Blueprint

directory_bp = Blueprint("directory", __name__)
