"""Which stored proposals a re-match keeps, adds and withdraws: stable unless clearly beaten.

Re-ranking after every capacity change moves scores a little; replacing the weakest proposal
whenever a rival edges past it would propose and withdraw the same people over and over. Here a
newcomer replaces a proposal only when it scores at least `margin` more. Plain data in and out.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Revision:
    """The outcome for one idea and kind; `keep` and `add` are in ranking order (best first)."""

    keep: tuple[int, ...] = ()
    """Proposed candidates that stay proposed."""
    add: tuple[int, ...] = ()
    """Candidates to propose now."""
    withdraw: tuple[int, ...] = ()
    """Proposed candidates to withdraw: the ones no longer ranked (by id), then the beaten ones."""
    ranks: dict[int, int] = field(default_factory=dict)
    """Rank of each kept or added candidate, from 1, counting the settled ones ranked above it."""


def revise_proposals(
    proposed: Iterable[int],
    ranked: Sequence[tuple[int, float]],
    k: int,
    margin: float,
    settled: Collection[int] = frozenset(),
    provisional: Collection[int] = frozenset(),
) -> Revision:
    """Decide the proposals of one idea and kind after a fresh ranking.

    `proposed`: candidates proposed now, not yet answered. `ranked`: (candidate id, score) as
    the engine ranked them, best first; it may reach past `k` so that a proposal that slipped a
    little is still known with its new score. A proposed candidate missing from `ranked` is no
    longer ranked at all (no longer eligible) and is withdrawn. `settled`: candidates someone
    answered (accepted, declined, approved, rejected); they are never proposed again, and those
    among the best `k` hold their place, as they always did. `provisional`: ranked candidates
    under the minimum fit a new proposal needs; one already proposed stays, none is added.

    Free places are filled best first. A newcomer then replaces the weakest kept proposal only
    if its score is more than `margin` higher. At most `k` proposals remain.
    """
    position = {candidate: at for at, (candidate, _) in enumerate(ranked)}
    score = dict(ranked)
    current = set(proposed) - set(settled)
    withdraw = sorted(current - position.keys())
    kept = sorted(current & position.keys(), key=position.__getitem__)
    withdraw += kept[max(0, k) :]
    kept = kept[: max(0, k)]
    held = sum(1 for candidate, _ in ranked[: max(0, k)] if candidate in settled)
    newcomers = [
        c for c, _ in ranked if c not in current and c not in settled and c not in provisional
    ]
    free = max(0, k - held - len(kept))
    added, newcomers = newcomers[:free], newcomers[free:]
    chosen = kept + added
    while newcomers and chosen:
        weakest = max(chosen, key=position.__getitem__)
        if score[newcomers[0]] - score[weakest] <= margin:
            break
        chosen.remove(weakest)
        if weakest in added:
            added.remove(weakest)
        else:
            kept.remove(weakest)
            withdraw.append(weakest)
        added.append(newcomers.pop(0))
    return Revision(
        keep=tuple(sorted(kept, key=position.__getitem__)),
        add=tuple(sorted(added, key=position.__getitem__)),
        withdraw=tuple(withdraw),
        ranks=_ranks(ranked, set(kept) | set(added), settled),
    )


def _ranks(
    ranked: Sequence[tuple[int, float]], chosen: set[int], settled: Collection[int]
) -> dict[int, int]:
    ranks: dict[int, int] = {}
    ahead = 0
    for candidate, _ in ranked:
        if candidate in chosen or candidate in settled:
            ahead += 1
            if candidate in chosen:
                ranks[candidate] = ahead
    return ranks
