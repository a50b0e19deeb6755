"""Ranking ideas against a fitted index: encode the idea's texts, score each kind, explain."""

from __future__ import annotations

import dataclasses
import itertools
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from matching.config import MatchConfig
from matching.embedding import TextEmbedder
from matching.encoder import TextEncoder
from matching.feedback import expand_query
from matching.languages import language_names, text_language, text_languages
from matching.normalize import has_content_words, surface_forms
from matching.product_words import head_forms
from matching.profiles import OFFERS, PROFILE, SEEKS, SignalEncoder, candidate_texts, idea_text
from matching.reasons import (
    RELATION_VERBS,
    GenericTerms,
    IdeaTerms,
    listed_words,
    quote_meaning,
    related_words,
    sentences,
    shared_terms,
    shared_words,
    signal_reasons,
    text_reasons,
    translated_words,
)
from matching.scoring import (
    GENERAL,
    PARTNER_PAIRS,
    WHOLE,
    EncodedText,
    IdeaQuery,
    ScoredRow,
    TextWeights,
    score_store,
)
from matching.semantic import SemanticSpace
from matching.store import CandidateStore
from matching.supply import SupplyText, head_words, supply_text
from matching.translation import translate_ideas
from matching.types import CandidateRecord, IdeaRecord, Match

ROLES = (WHOLE, OFFERS, SEEKS)
_NO_SUPPLY = SupplyText("", "", stated=False)


class QueryEncoder:
    """Encodes ideas (whole text, what they offer, what they seek) into every view."""

    def __init__(
        self,
        encoder: TextEncoder,
        semantic: SemanticSpace,
        embedder: TextEmbedder | None,
        signals: SignalEncoder,
    ) -> None:
        self.encoder = encoder
        self.semantic = semantic
        self.embedder = embedder if semantic.meaning is not None else None
        self.signals = signals

    @property
    def weights(self) -> TextWeights:
        views = [self.semantic.topics] if self.semantic.topics is not None else []
        meaning = self.embedder is not None
        if meaning:
            views.append(self.semantic.meaning)
        config = self.encoder.config
        topics = self.semantic.topics
        return TextWeights(
            tfidf=config.tfidf_weight,
            offset=sum(view.offset for view in views),
            total=config.tfidf_weight + sum(view.weight for view in views),
            mentor_fit=config.min_mentor_fit if meaning else config.min_mentor_fit_without_meaning,
            other_fit=config.min_text_score if meaning else config.min_text_score_without_meaning,
            meaning_start=(topics.basis.shape[1] if topics is not None else 0) if meaning else -1,
            meaning_weight=self.semantic.meaning.weight if meaning else 0.0,
            meaning_baseline=self.semantic.meaning.baseline if meaning else 0.0,
            cross_baseline=self.semantic.meaning.cross_baseline if meaning else 0.0,
            cross_language=config.cross_language_scale,
        )

    def encode_texts(self, texts: Sequence[str], languages: np.ndarray | None = None) -> tuple:
        """(sparse rows, dense rows) of plain texts in this index's views; `languages`: the
        text language code of each (None: told from each text)."""
        sparse = self.encoder.transform(texts)
        meaning = self.embedder.embed(texts, exact=False) if self.embedder is not None else None
        if meaning is not None:
            meaning[[not has_content_words(text) for text in texts]] = 0.0
        if languages is None:
            languages = text_languages(texts)
        return sparse, self.semantic.transform(self.encoder.word_part(sparse), meaning, languages)

    def _head_columns(self, phrase: str, language: int) -> tuple[np.ndarray, ...]:
        """For each head word of `phrase`, the word columns of its forms the index knows, in
        the idea's language (`language`: its code) and the other."""
        name = language_names()[language - 1] if language > 0 else None
        vocabulary, offset = self.encoder.word_vocabulary, self.encoder.n_char_features
        found = []
        for head in head_words(phrase).split():
            columns = [offset + vocabulary[f] for f in head_forms(head, name) if f in vocabulary]
            found.append(np.array(columns, np.int64))
        # A head the index has never seen is in no candidate's list.
        return tuple(found) if any(c.size for c in found) else ()

    def encode(
        self, ideas: Sequence[IdeaRecord], supply: bool = True
    ) -> tuple[list[IdeaQuery], list[dict]]:
        """The queries, and per idea the texts of each role (for reasons). Without `supply`
        (no partner wanted) what the ideas offer and seek is left empty: only partners read it."""
        found = [supply_text(idea) for idea in ideas]
        supplies = found if supply else [_NO_SUPPLY] * len(ideas)
        texts = {
            WHOLE: [idea_text(idea) for idea in ideas],
            OFFERS: [supply.offers for supply in supplies],
            SEEKS: [supply.seeks for supply in supplies],
        }
        # What the idea offers and seeks is in the language of the idea as a whole.
        idea_languages = text_languages(texts[WHOLE])
        sparse, dense = self.encode_texts(
            [t for role in ROLES for t in texts[role]], np.tile(idea_languages, len(ROLES))
        )
        n = len(ideas)
        # What each idea sells or needs, for its product words of several senses.
        heads = [frozenset(head_words(f"{s.offers};{s.seeks}").split()) for s in found]
        translations = translate_ideas(texts[WHOLE], idea_languages, self.encoder, heads)
        queries, role_texts = [], []
        for i, idea in enumerate(ideas):
            encoded = {}
            for position, role in enumerate(ROLES):
                row = position * n + i
                start, end = sparse.indptr[row], sparse.indptr[row + 1]
                encoded[role] = EncodedText(
                    sparse.indices[start:end], sparse.data[start:end], dense[row]
                )
            sector, languages, region = self.signals.idea(idea)
            queries.append(
                IdeaQuery(
                    texts=encoded,
                    sector=sector,
                    languages=languages,
                    region=region,
                    same_regions=self.signals.same_region_codes(region),
                    has_languages=bool(idea.languages),
                    has_place=bool((idea.city or "").strip()),
                    text_language=int(idea_languages[i]),
                    own_mentors=tuple(idea.own_mentors),
                    heads={
                        OFFERS: self._head_columns(supplies[i].offers, idea_languages[i]),
                        SEEKS: self._head_columns(supplies[i].seeks, idea_languages[i]),
                    },
                    translated=translations[i][0],
                    translated_words=translations[i][1],
                )
            )
            role_texts.append({role: texts[role][i] for role in ROLES})
        return queries, role_texts


SentenceCache = dict[tuple, tuple[list[str], np.ndarray]]


@dataclass(frozen=True)
class _Draft:
    """A row's text reasons before the sentence it quotes (if any) is chosen."""

    record: CandidateRecord
    field: str
    query: np.ndarray
    terms: list
    related: bool
    quotes: bool


_SENTENCE_CACHE_LIMIT = 20_000


class Explainer:
    """Builds the reasons of one idea's matches from the parts of their scores.

    A candidate's sentences are encoded once and kept in `cache` (keyed by its record, so a
    changed candidate is encoded afresh): the same mentors come up for idea after idea.
    """

    def __init__(self, queries: QueryEncoder, config: MatchConfig, cache: SentenceCache) -> None:
        self.queries = queries
        self.config = config
        self.cache = cache
        encoder = queries.encoder
        self.generic = GenericTerms(
            encoder.word_vocabulary,
            encoder.word_terms,
            encoder.word_idf,
            encoder.n_documents,
            config.reason_generic_share,
        )

    def explain(
        self,
        idea: IdeaRecord,
        query: IdeaQuery,
        texts: dict[str, str],
        store: CandidateStore,
        rows: Sequence[ScoredRow],
        region_names: dict[int, str],
    ) -> list[tuple[str, ...]]:
        """Reasons of each row; the sentences they quote are encoded together first, as one
        call for thirty candidates costs little more than one call for one."""
        drafts = [self._draft(query, texts, store, scored) for scored in rows]
        self._encode_sentences([(draft.field, draft.record) for draft in drafts if draft.quotes])
        return [
            tuple(
                text_reasons(
                    scored,
                    scored.relation,
                    draft.terms,
                    draft.related,
                    self._closest(draft) if draft.quotes else None,
                    draft.record,
                )
                + signal_reasons(
                    idea,
                    draft.record,
                    scored,
                    # The idea's district: a cluster of "Nišava, Toplica" is "Toplica" to an
                    # idea in Prokuplje.
                    region_names.get(query.region),
                )
            )
            for scored, draft in zip(rows, drafts, strict=True)
        ]

    def _draft(
        self, query: IdeaQuery, texts: dict[str, str], store: CandidateStore, scored: ScoredRow
    ) -> _Draft:
        record = store.records[scored.row]
        relation = scored.relation
        role, field = PARTNER_PAIRS[relation] if store.kind == "partner" else (WHOLE, PROFILE)
        encoded = query.texts[role]
        n_char = self.queries.encoder.n_char_features
        words = encoded.indices >= n_char
        idea_terms = IdeaTerms(texts[role], encoded.indices[words] - n_char, encoded.weights[words])
        word_terms = self.queries.encoder.word_terms
        row = store.rows[field].word_row(scored.row)
        limit = self.config.reason_terms
        terms = shared_terms(idea_terms, row, word_terms, limit, self.generic)
        # Words shared but all too generic to quote: the closest sentence says more than
        # words met only through a stem.
        related = not terms and shared_words(idea_terms, row)[0].size == 0
        language = int(store.signals.text_languages[scored.row])
        # Words of two languages that begin alike are a coincidence ("стандарда" ~ "stands").
        across = bool(query.text_language and language and language != query.text_language)
        if related and not across:
            terms = related_words(idea_terms, row[0], word_terms, limit, self.generic)
        if not terms and role in query.heads:
            # Named through its list in another form or language: quote the list's word.
            terms = listed_words(query.heads[role], row[0], word_terms, n_char, limit)
        if not terms and across and role == WHOLE and query.translated_words:
            # Met through a product named in both languages: "džem ~ jam".
            written = surface_forms(candidate_texts(record)[field])
            terms = translated_words(
                query.translated_words, row[0], word_terms, n_char, limit, written
            )
            related = bool(terms)
        quotes = (
            (quote_meaning(scored, relation, terms) or (relation in RELATION_VERBS and not terms))
            and scored.parts.get(relation, (0.0, 0.0))[1] > 0
            and bool(np.any(encoded.dense))
        )
        return _Draft(record, field, encoded.dense, terms, related, quotes)

    def _encode_sentences(self, keys: list[tuple]) -> None:
        """Split into sentences and encode, in one batch, the candidates not in the cache."""
        wanted = {
            key: sentences(candidate_texts(key[1])[key[0]])
            for key in dict.fromkeys(keys)
            if key not in self.cache
        }
        several = [texts for texts in wanted.values() if len(texts) > 1]
        dense = iter(())
        if several:
            languages = np.concatenate(
                [
                    np.full(len(texts), text_language(candidate_texts(key[1])[PROFILE]), np.int8)
                    for key, texts in wanted.items()
                    if len(texts) > 1
                ]
            )
            encoded = self.queries.encode_texts(
                [text for texts in several for text in texts], languages
            )[1]
            bounds = np.cumsum([0] + [len(texts) for texts in several])
            dense = iter(encoded[start:end] for start, end in itertools.pairwise(bounds))
        for key, texts in wanted.items():
            self._remember(key, texts, next(dense) if len(texts) > 1 else None)

    def _remember(self, key: tuple, texts: list[str], dense: np.ndarray | None) -> None:
        if len(self.cache) >= _SENTENCE_CACHE_LIMIT:
            self.cache.clear()
        self.cache[key] = (texts, dense)

    def _closest(self, draft: _Draft) -> str | None:
        """The candidate's sentence nearest the idea in the dense views."""
        key = (draft.field, draft.record)
        found = self.cache.get(key)
        if found is None:  # the cache was cleared since the batch was encoded
            self._encode_sentences([key])
            found = self.cache[key]
        texts, dense = found
        if dense is None:
            return texts[0] if texts else None
        return texts[int(np.argmax(dense @ draft.query))]


def rank_batch(
    queries: QueryEncoder,
    cache: SentenceCache,
    stores: dict[str, CandidateStore],
    region_names: dict[int, str],
    ideas: Sequence[IdeaRecord],
    wanted: Sequence[tuple[str, ...]],
    depth: tuple[int, int, bool],
) -> list[dict[str, list[Match]]]:
    """Matches of each idea for each kind it wants, best first. `depth`: (k, explain,
    provisional): k matches per kind, the first `explain` with their reasons, and with
    `provisional` also those just under a minimum fit."""
    k, explain, provisional = depth
    config = queries.encoder.config
    encoded, texts = queries.encode(ideas, supply=any("partner" in kinds for kinds in wanted))
    weights = queries.weights
    if provisional:
        weights = dataclasses.replace(weights, fit_slack=config.fit_slack)
    explainer = Explainer(queries, config, cache)
    results = []
    for idea, query, idea_texts, kinds in zip(ideas, encoded, texts, wanted, strict=True):
        found: dict[str, list[Match]] = {}
        # Scored with the idea read through its closest candidates where that applies;
        # reasons quote what the idea itself says.
        plain, expanded, fed = expand_query(query, stores, config, weights)
        for kind in kinds:
            store = stores.get(kind)
            scored_as = expanded if kind in fed else plain
            rows = [] if store is None else score_store(store, scored_as, config, weights, k)
            reasons = explainer.explain(
                idea, query, idea_texts, store, rows[:explain], region_names
            )
            reasons += [()] * (len(rows) - len(reasons))
            found[kind] = [
                Match(
                    kind=kind,
                    candidate_id=int(store.ids[scored.row]),
                    score=round(scored.score, 6),
                    rank=rank,
                    reasons=why,
                    provisional=scored.provisional,
                )
                for rank, (scored, why) in enumerate(zip(rows, reasons, strict=True), start=1)
            ]
        results.append(found)
    return results


__all__ = ["GENERAL", "QueryEncoder", "rank_batch"]
