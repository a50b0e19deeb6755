"""E-mail addresses in imported rows: the shared rule, fast for the plain addresses of most rows."""

from __future__ import annotations

import re
from dataclasses import dataclass

from email_validator import SPECIAL_USE_DOMAIN_NAMES

from mentorship.contract.fields import clean_email

# Plain ASCII addresses (nearly every row) skip the full validator, which costs ~0.2 ms a row.
PLAIN_EMAIL = re.compile(
    r"[a-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
    r"@([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}"
)


@dataclass(frozen=True)
class ImportEmail:
    """The contract's e-mail rule (clean_email), fast for plain addresses with the same answer."""

    def clean(self, value: str) -> str:
        lowered = value.strip().lower()
        local, _, domain = lowered.partition("@")
        if (
            PLAIN_EMAIL.fullmatch(lowered)
            and len(local) <= 64
            and len(lowered) <= 254
            and not any(
                domain == name or domain.endswith("." + name) for name in SPECIAL_USE_DOMAIN_NAMES
            )
        ):
            return lowered
        return clean_email(value)
