"""An idea's product words in the other language, for candidates written in it.

Words cannot meet across languages: a Serbian idea's "džem" shares no term with an English
mentor's "jam and juice processing", so such pairs were scored by meaning alone, and the food
technologist came first for "I make raspberry jam..." but was not proposed at all for its
Serbian translation. The products named in both languages (`data/product_words.json`) are
looked up in the idea's text and encoded in the other language, as a dictionary-based query
translation does. Their TF-IDF cosine with a candidate is scaled to the share of the idea's
words they stand for: of a query q = q_t + q_rest, cos(q, d) = cos(q_t, d) * |q_t| / |q|, and
|q_t| / |q| is about sqrt(translated words / words) when words weigh alike. The words the
idea did not name in both languages count for nothing: a lower bound, not a guess.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

import numpy as np

from matching.encoder import TextEncoder
from matching.languages import language_names
from matching.normalize import surface_forms, tokens
from matching.product_words import translated_forms, translated_products
from matching.scoring import EncodedText

Translation = tuple[EncodedText | None, tuple[tuple[str, np.ndarray], ...]]
_NONE: Translation = (None, ())


def translate_ideas(
    texts: Sequence[str], languages: np.ndarray, encoder: TextEncoder
) -> list[Translation]:
    """For each idea text: (its product words encoded in the other language, scaled as above;
    for each product word as the idea writes it, the word columns of its translated forms,
    for quoting), or (None, ()) when it names no product or its language is not told."""
    names = language_names()
    found, pseudo = [], []
    for text, language in zip(texts, languages.tolist(), strict=True):
        own = names[language - 1] if language > 0 else None
        words = tokens(text)
        products = translated_products(words, own)
        if not products:
            found.append(None)
            continue
        counts = Counter(words)
        share = sum(counts[word] for word in products) / len(words)
        found.append((own, products, float(np.sqrt(share)), surface_forms(text)))
        pseudo.append(" ".join(name for named in products.values() for name in named))
    if not pseudo:
        return [_NONE] * len(texts)
    sparse = encoder.transform(pseudo)
    vocabulary, offset = encoder.word_vocabulary, encoder.n_char_features
    out: list[Translation] = []
    row = 0
    for item in found:
        if item is None:
            out.append(_NONE)
            continue
        own, products, scale, written = item
        start, end = sparse.indptr[row], sparse.indptr[row + 1]
        row += 1
        encoded = EncodedText(
            sparse.indices[start:end], sparse.data[start:end] * np.float32(scale), np.zeros(0)
        )
        quoted = []
        for word, named in products.items():
            forms = {f for name in named for f in translated_forms(name, own)}
            columns = sorted(offset + vocabulary[f] for f in forms if f in vocabulary)
            if columns:
                quoted.append((written.get(word, word).lower(), np.array(columns, np.int64)))
        out.append((encoded, tuple(quoted)))
    return out
