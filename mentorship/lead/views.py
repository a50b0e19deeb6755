"""Lead pages (to be filled)."""

from flask import Blueprint

lead_bp = Blueprint("lead", __name__)
