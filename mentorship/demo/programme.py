"""The demo programme: start-up training for women entrepreneurs, in two modules in Belgrade."""

from __future__ import annotations

from datetime import date


def programme_year(today: date) -> int:
    """This year's March if the second module has not ended yet, else next year's."""
    return today.year if today <= date(today.year, 3, 18) else today.year + 1


PROGRAMME_NAME = "Start-up training for women entrepreneurs"
PROGRAMME_FUNDER = (
    "Programme partners: association of business women, innovation centre and cluster network"
)
PROGRAMME_DESCRIPTION = (
    "Two three-day modules for women who are starting or growing a business: from the idea and the "
    "customer to a business plan, first partners and a mentor. Each participant brings one or more "
    "ideas; the programme pairs them with mentors, partner companies and startup clusters."
)


def modules(year: int) -> tuple[dict, ...]:
    return (
        {
            "title": "Module 1: from idea to business model",
            "starts_on": date(year, 3, 6),
            "ends_on": date(year, 3, 8),
            "venue": "Innovation Center of the Faculty of Mechanical Engineering",
            "address": "Kraljice Marije 14, Belgrade",
        },
        {
            "title": "Module 2: partners, money and growth",
            "starts_on": date(year, 3, 16),
            "ends_on": date(year, 3, 18),
            "venue": "“Mihajlo Pupin” Institute",
            "address": "Volgina 15, Belgrade",
        },
    )
