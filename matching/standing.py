"""How far a candidate's meaning likeness must stand out from the others of its kind.

One shared word ("pricing", a town) made short texts score 0.15-0.19 against candidates that
were about something else: a mentor or partner is proposed only when meaning agrees, that is
when its likeness stands out from its kind's (`MatchConfig.meaning_deviations`).
"""

from __future__ import annotations

import numpy as np

from matching.config import MatchConfig

MEANING_QUORUM = 5
"""Candidates of a kind needed before their meaning likeness makes a spread (`typical_meaning`)."""


def typical_meaning(dense: np.ndarray, present: np.ndarray, config: MatchConfig) -> float | None:
    """The meaning likeness a candidate must reach for this idea: `meaning_deviations`
    standard deviations over the mean of all present candidates' of its kind (scale-free: the
    calibrated likeness of two texts shifts with the size and make-up of the directory).
    None where too few candidates make a spread."""
    if config.meaning_deviations is None or np.count_nonzero(present) < MEANING_QUORUM:
        return None
    likeness = dense[present]
    return float(likeness.mean() + config.meaning_deviations * likeness.std())
