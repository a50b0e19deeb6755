"""Dense views of text: topics learnt from the candidates (LSA) and meaning (static embeddings).

Both are cosines with a baseline: two unrelated texts of one corpus rarely score 0 (their
vectors share a common direction), so the baseline measured on random pairs at fit time is
subtracted and the rest rescaled, making 0 "unrelated" and 1 "the same" for either view.
Each view is stored as a block pre-scaled by the square root of its share of the text score,
so one dot product of concatenated rows gives the weighted sum of both calibrated cosines.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import numpy as np
import scipy.sparse as sp
from sklearn.decomposition import TruncatedSVD

from matching.config import MatchConfig

_FIT_SAMPLE = 10_000
"""Rows the topics, the meaning directions and the baselines are learnt from. At 100k
candidates, 10k instead of 20k saved 0.9 s of the fit and moved the rankings no more than
another random seed does (first mentor kept for 81.5% of ideas, against 82.5% for a new
seed; `benchmarks/speed.py` texts); the real-data folds have fewer rows than this."""
_CALIBRATION_PAIRS = 20_000
_CHUNK_ROWS = 8_192
_LANGUAGE_ROWS = 20
"""A text language needs this many texts (candidates and reference texts) for its own centre."""
Languages = tuple[np.ndarray, np.ndarray] | None


@lru_cache(maxsize=1)
def reference_texts() -> tuple[str, ...]:
    """Generic business texts (English and Serbian) that steady the meaning view of a small corpus."""
    data = resources.files("matching").joinpath("data/reference_texts.json").read_text("utf-8")
    return tuple(json.loads(data)["texts"])


def language_centres(
    meaning: np.ndarray, present: np.ndarray, reference: np.ndarray | None, languages: Languages
) -> tuple:
    """(pooled mean, centre per language code, the directory's language, row codes, reference
    codes): the directory's language (most candidate rows) and texts of no told language keep
    the pooled mean; another language with enough texts is moved onto the directory's."""
    if languages is None:
        languages = (
            np.zeros(len(meaning), np.int8),
            np.zeros(0 if reference is None else len(reference), np.int8),
        )
    row_codes, reference_codes = languages
    n_codes = int(max(row_codes.max(initial=0), reference_codes.max(initial=0))) + 1
    kept = np.full(len(meaning), -1, np.int64)
    kept[present] = row_codes[present]
    totals, counts = _sums_by_code(meaning, kept, n_codes)
    if reference is not None:
        more, more_counts = _sums_by_code(reference, reference_codes, n_codes)
        totals, counts = totals + more, counts + more_counts
    mean = (totals.sum(axis=0) / counts.sum()).astype(np.float32)
    centres = np.tile(mean, (n_codes, 1))
    told = np.bincount(row_codes[present], minlength=n_codes)
    told[0] = 0
    dominant = int(np.argmax(told))
    own = counts >= _LANGUAGE_ROWS
    own[0] = False
    if told[dominant] > 0 and own[dominant]:
        means = totals / np.maximum(counts, 1)[:, None]
        centres[own] = (mean + means[own] - means[dominant]).astype(np.float32)
    return mean, centres, dominant, row_codes, reference_codes


def _sums_by_code(rows: np.ndarray, codes: np.ndarray, n_codes: int) -> tuple:
    """(sum of the rows of each code, count of each code); rows of code -1 are left out.

    Summed in float64 a block of rows at a time: a product with a float64 selector would
    hold a float64 copy of all rows (300 MB for 100k candidates).
    """
    totals = np.zeros((n_codes, rows.shape[1]), np.float64)
    for start in range(0, len(rows), _CHUNK_ROWS):
        block, block_codes = rows[start : start + _CHUNK_ROWS], codes[start : start + _CHUNK_ROWS]
        for code in np.unique(block_codes[block_codes >= 0]).tolist():
            totals[code] += block[block_codes == code].sum(axis=0, dtype=np.float64)
    kept = codes[codes >= 0]
    return totals, np.bincount(kept, minlength=n_codes)


def _mean_pair_cosine(unit: np.ndarray, rng: np.random.Generator) -> float:
    """Mean cosine of random pairs of distinct rows of `unit`, in [0, 0.9]."""
    if len(unit) < 3:
        return 0.0
    left = rng.choice(len(unit), _CALIBRATION_PAIRS)
    right = rng.choice(len(unit), _CALIBRATION_PAIRS)
    distinct = left != right
    cosines = np.einsum("ij,ij->i", unit[left[distinct]], unit[right[distinct]])
    return float(np.clip(cosines.mean(), 0.0, 0.9))


def _unit_rows(matrix: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    np.divide(matrix, norms, out=matrix, where=norms > 0)
    return matrix


@dataclass
class View:
    """One calibrated dense view: a projection, a baseline and a share of the text score."""

    basis: np.ndarray
    mean: np.ndarray | None
    baseline: float
    weight: float
    columns: np.ndarray | None = None
    """Columns of the input rows the basis applies to (topics: the topic terms); None: all."""
    cross_baseline: float = 0.0
    """Meaning: the mean cosine of two unrelated texts of the directory's own language, the
    baseline of a pair in two languages once the other language is moved onto it (the
    `baseline` mixes in the reference texts of every language, which are far apart)."""
    centres: np.ndarray | None = None
    """Meaning: the centre of each text language (row = `matching.languages` code, row 0 =
    `mean`). A multilingual model puts every language in its own corner, so a Serbian and an
    English text about the same thing score ~0 when both are centred on one mean; centred
    each on its own language's mean they meet (see `SemanticSpace._meaning_view`)."""

    @property
    def scale(self) -> float:
        return float(np.sqrt(self.weight / (1.0 - self.baseline)))

    @property
    def offset(self) -> float:
        return self.weight * self.baseline / (1.0 - self.baseline)

    def project(
        self,
        rows: np.ndarray | sp.spmatrix,
        out: np.ndarray | None = None,
        languages: np.ndarray | None = None,
    ) -> np.ndarray:
        """Rows in this view, unit length times `scale`; written into `out` if given.

        Done in chunks, with the centring folded into the product (`(x - m) B = x B - m B`), so
        projecting 100k rows never holds a centred copy of them. `languages`: each row's text
        language code, for views with language centres.
        """
        n_rows = rows.shape[0]
        if out is None:
            out = np.empty((n_rows, self.basis.shape[1]), np.float32)
        shift = None if self.mean is None else (self.mean @ self.basis).astype(np.float32)
        shifts = None
        if self.centres is not None and languages is not None:
            shifts = (self.centres @ self.basis).astype(np.float32)
            languages = np.where(languages < len(shifts), languages, 0)
        for start in range(0, n_rows, _CHUNK_ROWS):
            chunk = rows[start : start + _CHUNK_ROWS]
            if self.columns is not None:
                chunk = chunk[:, self.columns]
            block = out[start : start + chunk.shape[0]]
            block[:] = chunk @ self.basis
            if shift is not None:
                chunk = np.asarray(chunk)
                present = np.any(chunk, axis=1)
                if shifts is not None:
                    block -= shifts[languages[start : start + chunk.shape[0]]]
                else:
                    block -= shift
                block[~present] = 0.0
            _unit_rows(block)
            block *= np.float32(self.scale)
        return out


class SemanticSpace:
    """Learns the topic and meaning views from candidate rows and projects any text into them."""

    def __init__(self, config: MatchConfig) -> None:
        self.config = config
        self.topics: View | None = None
        self.meaning: View | None = None
        self.topic_terms = np.zeros(0, np.int64)
        """Word columns topics are learnt from: frequent enough to carry a topic, few enough to be cheap."""
        self.rng = np.random.default_rng(config.seed)

    @property
    def dimensions(self) -> int:
        return sum(view.basis.shape[1] for view in self.views())

    @property
    def weight(self) -> float:
        """Share of the text score the dense views carry together."""
        return sum(view.weight for view in self.views())

    @property
    def offset(self) -> float:
        return sum(view.offset for view in self.views())

    def views(self) -> list[View]:
        return [view for view in (self.topics, self.meaning) if view is not None]

    def fit(
        self,
        words: sp.csr_matrix,
        meaning: np.ndarray | None,
        reference: np.ndarray | None = None,
        languages: Languages = None,
    ) -> np.ndarray:
        """Learn the views from candidate rows and return those rows projected.

        `reference`: meaning vectors of `reference_texts()`, pooled with the candidates' to find
        the meaning view's centre, directions and baseline, so that a directory of a dozen
        candidates gets as steady a view as one of thousands. `languages`: (the candidate rows'
        text language codes, the reference texts' ones), for centring each language apart.
        """
        config = self.config
        n_rows = words.shape[0]
        dimensions = min(config.topic_dimensions, n_rows // 4, max(words.shape[1] - 1, 0))
        if config.topic_weight > 0 and n_rows >= config.topic_min_documents and dimensions >= 2:
            sample = words[self._sample(n_rows)]
            self.topic_terms = self._topic_terms(sample)
            svd = TruncatedSVD(dimensions, n_iter=5, random_state=config.seed)
            svd.fit(sample[:, self.topic_terms])
            basis = svd.components_.T.astype(np.float32)
            view = View(basis, None, 0.0, config.topic_weight, self.topic_terms)
            self.topics = self._calibrated(view, sample)
        if meaning is not None and config.meaning_weight > 0 and np.any(meaning):
            self.meaning = self._meaning_view(meaning, reference, languages)
        return self.transform(words, meaning, languages[0] if languages else None)

    def transform(
        self, words: sp.csr_matrix, meaning: np.ndarray | None, languages: np.ndarray | None = None
    ) -> np.ndarray:
        """Rows projected into every view, concatenated (n_rows x dimensions, float32).

        `languages`: each row's text language code (None: not told)."""
        out = np.zeros((words.shape[0], self.dimensions), np.float32)
        start = 0
        if self.topics is not None:
            width = self.topics.basis.shape[1]
            self.topics.project(words, out[:, start : start + width])
            start += width
        if self.meaning is not None and meaning is not None:
            self.meaning.project(meaning, out[:, start:], languages)
        return out

    def _topic_terms(self, sample: sp.csr_matrix) -> np.ndarray:
        """The `topic_terms` most frequent word n-grams seen in at least two documents."""
        frequency = np.bincount(sample.indices, minlength=sample.shape[1])
        candidates = np.flatnonzero(frequency >= 2)
        if len(candidates) > self.config.topic_terms:
            order = np.argsort(-frequency[candidates], kind="stable")
            candidates = np.sort(candidates[order[: self.config.topic_terms]])
        return candidates

    def _meaning_view(
        self, meaning: np.ndarray, reference: np.ndarray | None, languages: Languages
    ) -> View:
        """Centres, directions and baseline from the candidates' vectors pooled with `reference`.

        A multilingual model puts each language in its own corner: centred on one mean, an
        idea in Serbian and an English profile of the same business score ~0. So each other
        language with enough texts is moved so that its mean lies on the directory language's
        mean (a translation then becomes the nearest text), while the directory's own
        language, texts of no told language, the directions and the baseline stay exactly as
        with one centre. Computed from sums and a row sample, never from a copy of all rows.
        """
        present = np.flatnonzero(np.any(meaning, axis=1))
        mean, centres, dominant, row_codes, reference_codes = language_centres(
            meaning, present, reference, languages
        )
        rows = present[self._sample(len(present))]
        raw = meaning[rows] if reference is None else np.vstack([meaning[rows], reference])
        sample = raw - mean
        wanted = self.config.meaning_dimensions or sample.shape[1]
        if len(sample) > wanted:
            # The principal directions: eigenvectors of the (dims x dims) scatter matrix, the
            # right singular vectors of the sample, found ten times faster than by its SVD.
            sample = sample.astype(np.float64)
            values, vectors = np.linalg.eigh(sample.T @ sample)
            basis = vectors[:, np.argsort(values)[::-1][:wanted]].astype(np.float32)
        else:
            basis = np.eye(sample.shape[1], dtype=np.float32)
        view = View(basis, mean, 0.0, self.config.meaning_weight, centres=centres)
        del sample
        view = self._calibrated(view, raw)
        codes = row_codes[rows]
        if reference is not None:
            codes = np.concatenate([codes, reference_codes])
        same = np.flatnonzero((codes == 0) | (codes == dominant))
        unit = View(view.basis, view.mean, 0.0, 1.0).project(raw[same])
        view.cross_baseline = _mean_pair_cosine(unit, np.random.default_rng(self.config.seed))
        return view

    def _calibrated(self, view: View, rows: np.ndarray | sp.spmatrix) -> View:
        """Set the view's baseline to the mean cosine of random pairs of non-empty rows
        (`rows`: the fit's sample of at most `_FIT_SAMPLE` rows)."""
        unit = View(view.basis, view.mean, 0.0, 1.0, view.columns).project(rows)
        present = np.flatnonzero(np.any(unit, axis=1))
        if len(present) < 3:
            return view
        view.baseline = _mean_pair_cosine(unit[present], self.rng)
        return view

    def _sample(self, n_rows: int) -> np.ndarray:
        if n_rows <= _FIT_SAMPLE:
            return np.arange(n_rows)
        return np.sort(self.rng.choice(n_rows, _FIT_SAMPLE, replace=False))
