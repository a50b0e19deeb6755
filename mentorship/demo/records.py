"""The demo directory as the matching engine's plain records, for benchmarks and tests that
rank against it without a database."""

from __future__ import annotations

from matching import ClusterRecord, MentorRecord, PartnerRecord
from mentorship.demo.content import read


def mentor_records(remaining_capacity: int = 3) -> list[MentorRecord]:
    """The demo mentors numbered from 1, each with `remaining_capacity` free places."""
    return [
        MentorRecord(
            number,
            m["name"],
            headline=m["headline"],
            bio=m["bio"],
            expertise=m["expertise"],
            sectors=tuple(m["sectors"]),
            languages=tuple(m["languages"]),
            city=m["city"],
            remaining_capacity=remaining_capacity,
        )
        for number, m in enumerate(read("mentors"), start=1)
    ]


def partner_records() -> list[PartnerRecord]:
    return [
        PartnerRecord(
            number,
            p["name"],
            description=p["description"],
            offers=p["offers"],
            seeks=p["seeks"],
            sector=p["sector"],
            city=p["city"],
        )
        for number, p in enumerate(read("organisations")["partners"], start=1)
    ]


def cluster_records() -> list[ClusterRecord]:
    return [
        ClusterRecord(
            number,
            c["name"],
            description=c["description"],
            sector=c["sector"],
            region=c["region"],
            members=c.get("members", ""),
        )
        for number, c in enumerate(read("organisations")["clusters"], start=1)
    ]
