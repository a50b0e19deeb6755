"""An idea's product words in the other language, for candidates written in it.

Words cannot meet across languages: a Serbian idea's "džem" shares no term with an English
mentor's "jam and juice processing", so such pairs were scored by meaning alone, and the food
technologist came first for "I make raspberry jam..." but was not proposed at all for its
Serbian translation. The products named in both languages (`data/product_words.json`) are
looked up in the idea's text (`product_mentions.translated_products`) and their forms in the other
language that the index knows ("raspberries", "jams") make a query of IDF-weighted word
columns, as a dictionary-based query translation does (character n-grams are left out: those
of "flower" met "cash flow"; the words stand for them, see below). Its cosine with a candidate
is scaled to the share of the idea's words the products stand for: of a query
q = q_t + q_rest, cos(q, d) = cos(q_t, d) * |q_t| / |q|, and |q_t| / |q| is about
sqrt(translated words / words) when words weigh alike. Words not named
in both languages count for nothing: a lower bound.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from matching.encoder import TextEncoder
from matching.languages import language_names
from matching.normalize import tokens
from matching.product_mentions import translated_products
from matching.product_words import translated_forms
from matching.scoring import EncodedText

Translation = tuple[EncodedText | None, tuple[tuple[str, np.ndarray], ...]]
_NONE: Translation = (None, ())


def translate_idea(
    text: str, language: int, encoder: TextEncoder, heads: frozenset[str]
) -> Translation:
    """(the idea's products as a query in the other language, scaled as above; for each
    product as the idea writes it, the word columns of its forms in the other language, for
    quoting), or (None, ()) when it names no product the index knows or its language is not
    told. `heads`: the folded head words of what the idea sells or needs."""
    own = language_names()[language - 1] if language > 0 else None
    products, count = translated_products(text, own, heads)
    if not products:
        return _NONE
    vocabulary, offset = encoder.word_vocabulary, encoder.n_char_features
    quoted = []
    for written, named in products.items():
        forms = {f for name in named for f in translated_forms(name, own)}
        columns = sorted(vocabulary[f] for f in forms if f in vocabulary)
        if columns:
            quoted.append((written, np.array(columns, np.int64)))
    if not quoted:
        return _NONE
    columns = np.unique(np.concatenate([c for _, c in quoted]))
    weights = encoder.word_idf[columns].astype(np.float32)
    # Each product once in the length, however many of its forms the index knows ("cherry",
    # "cherries"): a candidate writes one of them.
    length = np.sqrt(sum(float(encoder.word_idf[c].max()) ** 2 for _, c in quoted))
    share = min(1.0, count / max(len(tokens(text)), 1))
    # Rows are [sqrt(c) chars | sqrt(w) words]: where words meet, their character n-grams
    # meet alike, so a word part's cosine stands for the whole row's divided by w.
    config = encoder.config
    words = config.word_weight / (config.word_weight + config.char_weight)
    weights *= np.float32(np.sqrt(share / words) / max(length, 1e-12))
    query = EncodedText((columns + offset).astype(np.int32), weights, np.zeros(0))
    return query, tuple((written, c + offset) for written, c in quoted)


def translate_ideas(
    texts: Sequence[str],
    languages: np.ndarray,
    encoder: TextEncoder,
    heads: Sequence[frozenset[str]],
) -> list[Translation]:
    """`translate_idea` of each idea text."""
    return [
        translate_idea(text, int(language), encoder, own_heads)
        for text, language, own_heads in zip(texts, languages.tolist(), heads, strict=True)
    ]
