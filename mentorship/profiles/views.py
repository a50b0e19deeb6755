"""Profiles pages (to be filled)."""

from flask import Blueprint

profiles_bp = Blueprint("profiles", __name__)
