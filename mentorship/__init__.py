"""Mentorship Match: pairs business ideas with mentors, supply-chain partners and clusters."""

from mentorship.app import create_app

__all__ = ["create_app"]
