"""Typed, documented knobs of the matching engine."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class MatchConfig:
    """Engine settings; frozen so a fitted index always knows how it was built.

    The text score of a candidate field blends three views of the same texts, each in [0, 1]:
    TF-IDF (word n-grams and `char_wb` n-grams: exact and inflected words), topics learnt from
    the candidates themselves (LSA over the word TF-IDF) and meaning (static multilingual word
    vectors of the bundled sentence model, see `matching.embedding`). The topic and meaning
    cosines are calibrated at fit time so that two unrelated texts score about 0. The final
    score blends the text score with the structured signals that apply to the idea and the
    candidate kind, divided by the sum of the applicable weights, so it always lies in [0, 1].
    The blend weights were tuned on real start-up descriptions (`benchmarks/realdata.py`).
    """

    top_k: int = 5
    """Matches returned per kind when `rank` is not given `k`."""

    tfidf_weight: float = 0.66
    """Share of the TF-IDF cosine in the text score."""
    topic_weight: float = 0.17
    """Share of the topic (LSA) cosine in the text score; 0 turns topics off."""
    meaning_weight: float = 0.17
    """Share of the meaning (static embedding) cosine; used only when an embedder is given."""

    word_weight: float = 0.4
    """Share of the word n-gram cosine inside the TF-IDF cosine."""
    char_weight: float = 0.6
    """Share of the character n-gram cosine inside the TF-IDF cosine."""
    word_ngram_range: tuple[int, int] = (1, 2)
    """Word n-gram sizes (after stop word removal)."""
    char_ngram_range: tuple[int, int] = (3, 5)
    char_grams: str = "prefix"
    """"prefix": each word's first 3-7 letters, so inflected forms meet ("pekarstvo" and
    "pekarstva") while common endings ("-tion", "-ija") make no false likeness; "wb":
    `char_wb` n-grams of `char_ngram_range`, endings included (measured no better on real
    text, and it matched "station" with "certification")."""
    """`char_wb` n-gram sizes, taken inside each word padded with spaces."""
    word_min_df: int = 1
    """Drop word n-grams seen in fewer candidate documents than this."""
    char_min_df: int = 2
    """Drop character n-grams seen in fewer candidate documents than this."""
    char_max_df: float = 0.05
    """Drop character n-grams seen in more than this share of candidate documents: beginnings
    as common as "pro" or "con" say little, and their long posting lists cost the most time
    (0.05 and 0.2 ranked the same on real text)."""
    pruning_min_documents: int = 50
    """Character n-gram pruning (min/max df) applies only from this many documents on."""
    char_max_features: int | None = 300_000
    """Keep at most this many character n-grams (the most frequent ones)."""
    background_documents: int = 2000
    """Weight, in documents, of the generic reference texts in every word's document frequency."""
    sublinear_tf: bool = True
    """Use 1 + log(tf) instead of raw term counts."""
    dtype: str = "float32"
    """Floating point type of every matrix."""

    topic_dimensions: int = 100
    """Number of LSA topics (at most a quarter of the candidate documents)."""
    topic_terms: int = 20_000
    """Topics are learnt from the most frequent word n-grams (seen in two documents or more)."""
    topic_min_documents: int = 200
    """Below this many candidate documents there is too little text to learn topics from."""
    meaning_dimensions: int | None = 128
    """Keep this many principal directions of the meaning vectors (None keeps all)."""
    seed: int = 20261127
    """Seed of the randomised SVD and of the calibration sample: same input, same index."""

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

    feedback_weight: float = 0.6
    """Share of the mean dense row of the idea's closest candidates added to its own dense
    vector before scoring (`matching.feedback`; 0: off). Tuned on real text, see
    `benchmarks/README.md` (mean P@1 gain, mentors: +9.8% -> +13.3%)."""
    feedback_depth: int = 5
    """Closest candidates of each kind read for the feedback."""
    feedback_shortlist: int = 200
    """The closest are looked for among this many candidates of each kind, those sharing the
    most words with the idea (on real text 50, 100 and 500 chose as well as all of them)."""
    feedback_min_rows: int = 20
    """A kind with fewer candidates than this gives no feedback: its closest five would be
    most of it, which says nothing about the idea."""

    cross_language_scale: float = 0.31
    """Text score, per unit of calibrated meaning likeness, of a candidate in another language
    than the idea's (or blended with its words or product words translated, if higher);
    0: off. Set on demo ideas in Serbian (`python -m benchmarks.crosslanguage`)."""

    language_centres: bool = True
    """Move each other language's meaning vectors onto the directory language's mean (see
    `SemanticSpace`); False: one centre for all, as before cross-language matching."""

    min_text_score: float = 0.07
    """Text score below which a partner or cluster is proposed only if it shares the sector:
    meaning gives any two texts 0.05-0.06, a one-line jam idea and its food cluster 0.075."""
    min_text_score_without_meaning: float = 0.03
    """The same floor with words and topics alone (they give unrelated texts 0)."""
    min_mentor_fit: float = 0.12
    """Text score below which a mentor is never proposed, whatever the sector. Calibrated on
    real text (`python -m benchmarks.realdata --calibrate`): a random mentor is relevant 20%
    of the time, proposed ones at 0.10-0.15 31%, 0.15-0.20 53%, 0.20-0.25 69%."""
    meaning_deviations: float | None = 1.0
    """A mentor or partner must also stand out by meaning: its meaning likeness to the idea
    this many standard deviations over the mean of its kind (from five of them on; None: off).
    One shared word ("pricing", a town) made short texts score 0.15-0.19. Not for clusters
    (real-text MRR@10 -0.014); effects: `python -m benchmarks.proposal_fit`."""
    fit_slack: float = 0.02
    """A proposal already made stays while its text score is at most this much under its
    minimum fit (the match is then `provisional`): a refit moves every score a little, and a
    mentor just over the floor was otherwise proposed, then withdrawn a minute later."""
    min_mentor_fit_without_meaning: float = 0.10
    """The same floor when the meaning model is off or unavailable: words and topics alone
    score lower (demo programme: 91% of ideas keep a mentor at 0.10, 66% at 0.15)."""
    general_partner_share: float = 0.8
    """A partner that is only about the same things (not a supplier or buyer) counts this much."""
    list_coverage: float = 0.5
    """For a partner's offers and seeks (often long lists), the TF-IDF part is at least this
    share of how much of the head words of what the idea sells or needs it holds (0: off)."""
    cross_language_floor: float = 0.1
    """Text score a partner in another language needs on meaning alone (no word translated or
    listed; same sector: as before): at 0.07-0.09 it lent a spring maker to a Serbian jam idea
    (`python -m benchmarks.crosslanguage`). 0: the partner floor alone."""
    peer_penalty: float = 0.1
    """A partner that offers what the idea itself will sell (a peer or competitor) counts this
    much: it sinks below any real supplier or buyer, and is never called a supplier."""

    reason_terms: int = 3
    """Shared terms quoted in a reason."""
    reason_generic_share: float = 0.05
    """A shared word found in this share of the documents or more ("small", "local") is too
    generic to be quoted as a reason (see `matching.generic`); 0 quotes any word."""
    batch_size: int = 256
    """Ideas scored together by `rank_many`."""
    delta_limit: int = 2048
    """Upserted rows kept aside before they are merged into the main matrix."""
    proposal_margin: float = 0.05
    """A re-match replaces a stored proposal only when a newcomer scores at least this much
    more than the proposal it would displace; a smaller lead is an edge flip (one capacity
    change moves a mentor's score by `capacity_weight / total weight` = 0.05 / 1.0 at most),
    not a clearly better candidate."""
