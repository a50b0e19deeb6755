"""Mentorships after the pairing: membership and access, the pair's work, check-ins, the report.

Import the submodules directly (access, activity, checkins, health, impact, nudges, calendar).
"""
