"""How common a word is, from the sentence-embedding model's own SentencePiece vocabulary.

The bundled model ships a unigram SentencePiece vocabulary whose scores are log-probabilities
learnt over its multilingual training text. The most probable segmentation of a word gives a
frequency estimate that does not depend on our own corpus, so a candidate's vector never has
to be recomputed when the corpus changes.
"""

from __future__ import annotations

import struct
import unicodedata
from functools import lru_cache
from pathlib import Path

import numpy as np

from matching.errors import EmbeddingUnavailableError

_MAGIC = b"E5S1"
_META = "\u2581"  # SentencePiece's word-start marker
_MAX_WORD = 64


class PieceVocabulary:
    """Piece -> log-probability, and the Viterbi segmentation score of whole words."""

    def __init__(self, pieces: list[str], scores: np.ndarray) -> None:
        self.score_of = {
            piece: float(score)
            for piece, score in zip(pieces, scores, strict=True)
            if piece and not (piece.startswith("<") and piece.endswith(">"))
        }
        self.longest = max((len(p) for p in self.score_of), default=1)
        # An unknown character costs more than any known piece, as in SentencePiece.
        self.unknown = min(self.score_of.values(), default=-20.0) - 10.0
        self.log_probability = lru_cache(maxsize=262_144)(self._log_probability)

    def _log_probability(self, word: str) -> float:
        """Log-probability of the best segmentation of `word` (best path of a unigram lattice)."""
        text = _META + unicodedata.normalize("NFKC", word)[:_MAX_WORD]
        best = [0.0] + [-np.inf] * len(text)
        score_of, longest = self.score_of, self.longest
        for start in range(len(text)):
            base = best[start]
            if base == -np.inf:
                continue
            for end in range(start + 1, min(len(text), start + longest) + 1):
                score = score_of.get(text[start:end])
                if score is not None and base + score > best[end]:
                    best[end] = base + score
            if base + self.unknown > best[start + 1]:
                best[start + 1] = base + self.unknown
        return float(best[-1])


def read_piece_vocabulary(model_path: str | Path) -> PieceVocabulary:
    """Read the tokenizer section of a packed e5 model file (format `E5S1`)."""
    try:
        data = Path(model_path).read_bytes()
    except OSError as error:
        raise EmbeddingUnavailableError(f"cannot read the model file: {error}") from error
    if data[:4] != _MAGIC:
        raise EmbeddingUnavailableError("the model file is not a packed e5 model (E5S1)")
    try:
        # magic, version, then H, NL, NH, FF, VOC, MAXP, TVS (int32), eps (float32), qk (int32)
        offset = 4 + 4 + 7 * 4 + 4 + 4
        n_pieces, _bos, _eos, _pad, _unk = struct.unpack_from("<5i", data, offset)
        offset += 5 * 4
        (blob_length,) = struct.unpack_from("<Q", data, offset)
        offset += 8
        starts = np.frombuffer(data, dtype="<u4", count=n_pieces + 1, offset=offset)
        offset += (n_pieces + 1) * 4
        scores = np.frombuffer(data, dtype="<f4", count=n_pieces, offset=offset).copy()
        offset += n_pieces * 4
        blob = data[offset : offset + blob_length]
        if len(blob) != blob_length or (n_pieces and starts[-1] > blob_length):
            raise ValueError("the piece table runs past the end of the file")
        pieces = [
            blob[starts[i] : starts[i + 1]].decode("utf-8", "replace") for i in range(n_pieces)
        ]
        _check_tensors(data, offset + blob_length)
    except (struct.error, ValueError) as error:
        raise EmbeddingUnavailableError(f"unreadable model file: {error}") from error
    return PieceVocabulary(pieces, scores)


def _check_tensors(data: bytes, offset: int) -> None:
    """Every tensor the directory lists lies inside the file (the C loader does not check)."""
    _n_norm, norm_bytes = struct.unpack_from("<iI", data, offset)
    offset += 8 + norm_bytes
    (count,) = struct.unpack_from("<i", data, offset)
    offset += 4
    if not 0 < count < 10_000:
        raise ValueError(f"implausible tensor count {count}")
    for _ in range(count):
        (name_length,) = struct.unpack_from("<H", data, offset)
        offset += 2 + name_length + 1 + 4
        start, size = struct.unpack_from("<QQ", data, offset)
        offset += 16
        if start + size > len(data):
            raise ValueError("a tensor runs past the end of the file")
