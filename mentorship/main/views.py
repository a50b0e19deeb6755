"""Main pages (to be filled)."""

from flask import Blueprint

main_bp = Blueprint("main", __name__)
