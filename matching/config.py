"""Typed, documented knobs of the matching engine."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class MatchConfig:
    """Engine settings; frozen so a fitted index always knows how it was built.

    Text similarity is the cosine of two L2-normalised TF-IDF blocks (word n-grams
    and `char_wb` n-grams), mixed as ``word_weight * cos_word + char_weight * cos_char``.
    The final score blends the text score with the structured signals that apply
    to the idea and the candidate kind, divided by the sum of the applicable
    weights, so it always lies in [0, 1].
    """

    top_k: int = 5
    """Matches returned per kind when `rank` is not given `k`."""
    proposal_margin: float = 0.05
    """Score by which a newcomer must beat the weakest stored proposal to replace it on a re-match.

    One more or one fewer approved mentee moves a mentor's score by about a third of the capacity
    weight; the margin is wider, so capacity changes alone never reshuffle proposals.
    """

    word_weight: float = 0.4
    """Share of the word n-gram cosine in the text score."""
    char_weight: float = 0.6
    """Share of the character n-gram cosine in the text score."""

    word_ngram_range: tuple[int, int] = (1, 2)
    """Word n-gram sizes (after stop word removal)."""
    char_ngram_range: tuple[int, int] = (3, 5)
    """`char_wb` n-gram sizes, taken inside each word padded with spaces."""
    word_min_df: int = 1
    """Drop word n-grams seen in fewer candidate documents than this."""
    char_min_df: int = 2
    """Drop character n-grams seen in fewer candidate documents than this."""
    char_max_df: float = 0.03
    """Drop character n-grams seen in more than this share of candidate documents."""
    pruning_min_documents: int = 50
    """Character n-gram pruning (min/max df) applies only from this many documents on."""
    char_max_features: int | None = 300_000
    """Keep at most this many character n-grams (the most frequent ones)."""
    sublinear_tf: bool = True
    """Use 1 + log(tf) instead of raw term counts."""
    dtype: str = "float32"
    """Floating point type of every matrix."""

    text_weight: float = 0.7
    """Weight of the text score in the blended score."""
    sector_weight: float = 0.12
    """Weight of 'idea sector is one of the candidate's sectors'."""
    language_weight: float = 0.06
    """Weight of 'idea and mentor share a language' (mentors only)."""
    region_weight: float = 0.07
    """Weight of 'idea city is in the candidate's region'."""
    capacity_weight: float = 0.05
    """Weight of a mentor's remaining capacity (mentors only)."""
    capacity_saturation: int = 3
    """Remaining capacity at which the capacity signal is full."""

    min_text_score: float = 0.03
    """Text score below which a candidate is proposed only if it shares the sector."""
    reason_terms: int = 3
    """Shared terms quoted in a reason."""
    batch_size: int = 256
    """Ideas scored together by `rank_many`."""
    delta_limit: int = 2048
    """Upserted rows kept aside before they are merged into the main matrix."""
