"""Auth pages (to be filled)."""

from flask import Blueprint

auth_bp = Blueprint("auth", __name__)
