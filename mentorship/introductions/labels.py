"""Translated names of the kinds of cooperation a partnership agreement records."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l

COOPERATION_LABELS = {
    "supplier": _l("Supplier"),
    "buyer_distributor": _l("Buyer or distributor"),
    "subcontracting": _l("Subcontracting"),
    "joint_venture": _l("Joint venture"),
    "licensing": _l("Licensing"),
    "investment": _l("Investment"),
}
FIELD_LABELS = {
    "body": _l("Message"),
    "signed_on": _l("Signed on"),
    "cooperation_type": _l("Type of cooperation"),
}
