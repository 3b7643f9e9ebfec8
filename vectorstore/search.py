"""Hybrid retrieval: BM25, dense chunk and dense sentence rankings (and, for questions about a
document itself, the document cards) fused by weighted reciprocal rank fusion (weights chosen by
cross-validation, `CALIBRATE=1 make bench-retrieval`). Documents the question names by Kamerstuk
number, or dates by day, month or year, get an extra ranking of their own chunks in the fusion
(a boost, not a hard filter). Metadata filters are hard: only documents that pass them are
searched. Every returned chunk carries its cosine similarity to the question (used to decide
whether the corpus answers it).
"""

from __future__ import annotations

from collections.abc import Collection
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

import numpy as np

from ingest.dates import format_dutch_date
from vectorstore.catalog import DocumentCatalog
from vectorstore.chunk_rows import ChunkRows, Row
from vectorstore.document_cards import DocumentCards
from vectorstore.document_mentions import ensure_documents, named_documents
from vectorstore.filters import SearchFilters
from vectorstore.focus import focus
from vectorstore.fusion import reciprocal_rank_fusion
from vectorstore.lexical import LexicalIndex
from vectorstore.passage_reranker import DEPTH, PassageReranker, RerankFeatures, pinned
from vectorstore.query_adapter import configured_adapter
from vectorstore.query_analysis import QueryHints, analyze_query
from vectorstore.sentence_index import SentenceIndex
from vectorstore.settings import SearchSettings
from vectorstore.store import VectorStore
from vectorstore.stored_chunk import StoredChunk
from vectorstore.validation import validate_k, validate_question


@dataclass(frozen=True)
class SearchResult:
    chunks: list[StoredChunk]
    hints: QueryHints
    query_vector: list[float] | None = None  # the question's embedding, for reuse
    # For a document-date question: the passage where the best document prints its date.
    dated_head: StoredChunk | None = None
    # The documents the question names (abbreviation, Kamerstuk), each with a passage here.
    referenced_documents: tuple[str, ...] = ()
    # What was searched for: the question sentence(s) of a long message (see `focus`).
    query: str = ""
    # The vector the sentence ranking used (the query adapter's); ranks answer sentences too.
    sentence_vector: list[float] | None = None


class HybridSearcher:
    def __init__(self, settings: SearchSettings, store: VectorStore) -> None:
        self.settings = settings
        self.store = store
        self.lexical = LexicalIndex(
            store, compounds=settings.compound_splitting, aliases=settings.organisation_aliases
        )
        self.catalog = DocumentCatalog(store)
        self.sentences = SentenceIndex(store, configured_adapter(settings, store.backend.model_id))
        self.cards = DocumentCards(store)
        self.rows = ChunkRows(store)
        self.reranker = (
            PassageReranker.load(RerankFeatures(self.sentences, self.lexical.idf))
            if settings.passage_reranking
            else None
        )
        # Embedding the question (native code, releases the GIL) runs while BM25 and the
        # catalog do their part: it is most of a search's latency.
        self._embedder = ThreadPoolExecutor(max_workers=1, thread_name_prefix="embed-query")

    def search(self, query: str, k: int, filters: SearchFilters | None = None) -> list[StoredChunk]:
        """The k chunks most relevant to `query`, best first. An empty, too long or garbled
        query, or k outside 1..max_k, raises `QuestionError`."""
        query = validate_question(query, self.settings.max_question_chars)
        return self.search_with_hints(query, validate_k(k, self.settings.max_k), filters).chunks

    def _ranked_pair(
        self,
        query: str,
        query_vector: list[float],
        depth: int,
        doc_ids: Collection[str] | None,
        hints: QueryHints,
        revision: str,
    ) -> tuple[list[tuple[str, float]], list[tuple[str, float]]]:
        """(chunk_id, cosine) by dense search and (chunk_id, BM25) by lexical search."""
        dense = self.store.dense_ranking(
            query_vector, depth, doc_ids, available=self.lexical.size, revision=revision
        )
        lexical = self.lexical.search(
            query, depth, doc_ids=doc_ids, extra_terms=hints.reference_tokens
        )
        return dense, lexical

    def _fuse(self, dense: list[tuple[str, float]], lexical: list[tuple[str, float]]) -> list[str]:
        return [
            chunk_id
            for chunk_id, _ in reciprocal_rank_fusion(
                [[chunk_id for chunk_id, _ in dense], [chunk_id for chunk_id, _ in lexical]],
                [self.settings.fusion_dense_weight, self.settings.fusion_lexical_weight],
                self.settings.fusion_rank_constant,
            )
        ]

    def search_with_hints(
        self,
        query: str,
        k: int,
        filters: SearchFilters | None = None,
        prefer_documents: frozenset[str] = frozenset(),
    ) -> SearchResult:
        """Like `search`, and also what the question was understood to name. `prefer_documents`
        (e.g. what the previous answer in a conversation cited) are boosted like a named
        Kamerstuk."""
        if not query.strip():
            return SearchResult([], QueryHints())
        message, query = query, focus(query) if self.settings.focus_long_questions else query
        embedding = self._embedder.submit(self.store.backend.embeddings.embed_query, query)
        revision = self.store.revision()
        self.catalog.sync(revision)
        self.lexical.refresh(revision)
        self.rows.refresh(revision)
        hints = analyze_query(message, self.catalog)
        allowed = self.catalog.doc_ids(filters)
        if self.lexical.size == 0 or (allowed is not None and not allowed):
            embedding.cancel()
            return SearchResult([], hints)
        # The reranker orders the candidates a search for DEPTH passages would return.
        wanted = k if self.reranker is None else max(k, DEPTH)
        depth = max(wanted * 4, self.settings.fusion_depth)
        lexical = self.lexical.search(
            query, depth, doc_ids=allowed, extra_terms=hints.reference_tokens
        )
        # The best lexical hits usually end up among the results: read them while the model works.
        prefetched = self.rows.get([chunk_id for chunk_id, _ in lexical[:k]])
        query_vector = embedding.result()
        dense = self.store.dense_ranking(
            query_vector, depth, allowed, available=self.lexical.size, revision=revision
        )
        rankings = [[chunk_id for chunk_id, _ in dense], [chunk_id for chunk_id, _ in lexical]]
        weights = [self.settings.fusion_dense_weight, self.settings.fusion_lexical_weight]
        if self.settings.sentence_fusion_weight > 0:
            self.sentences.refresh(revision)
            by_sentence = self.sentences.search(query_vector, depth, allowed)
            rankings.append([chunk_id for chunk_id, _ in by_sentence])
            weights.append(self.settings.sentence_fusion_weight)
        if self.settings.document_card_weight > 0 and hints.asks_document_fields:
            self.cards.refresh(revision)
            rankings.append(self.cards.rank(query, query_vector, allowed))
            weights.append(self.settings.document_card_weight)
        similarities = dict(dense)
        lexical_scores = dict(lexical)
        for boosted, weight in (
            (hints.documents | prefer_documents, self.settings.kamerstuk_boost_weight),
            (hints.dated_documents, self.settings.date_boost_weight),
        ):
            targets = set(boosted) if allowed is None else set(boosted) & allowed
            if not targets or weight <= 0:
                continue
            own_dense, own_lexical = self._ranked_pair(
                query, query_vector, depth, targets, hints, revision
            )
            similarities.update(own_dense)
            lexical_scores.update(own_lexical)
            rankings.append(self._fuse(own_dense, own_lexical))
            weights.append(weight)
        fused = reciprocal_rank_fusion(rankings, weights, self.settings.fusion_rank_constant)
        head = self._best_dated_head(fused) if hints.asks_document_date else None
        if head is not None:
            # A question about when a document was written or sent: its dated passage first.
            top = fused[0][1] if fused else 0.0
            fused = [(head.chunk_id, top)] + [(cid, s) for cid, s in fused if cid != head.chunk_id]
        referenced = self._referenced(message, hints, allowed, revision)
        if len(referenced) > 1:
            fused = self._with_every_document(
                fused, referenced, min(k, self.settings.top_k), query, query_vector, revision
            )
            lexical_scores.update(self.lexical.search(query, depth, doc_ids=set(referenced)))
        chunks = self._materialise(
            fused[:wanted], similarities, lexical_scores, query_vector, prefetched
        )
        if self.reranker is not None:
            named = set(referenced) | hints.documents
            order = self.reranker.order(query, query_vector, chunks, named)
            head_id = head.chunk_id if head else None
            window = min(k, self.settings.top_k)
            chunks = pinned([chunks[i] for i in order], head_id, referenced, window)
        moved = self.sentences.ranking_vector(query_vector)
        return SearchResult(chunks[:k], hints, query_vector, head, referenced, query, moved)

    def _referenced(
        self, message: str, hints: QueryHints, allowed: set[str] | None, revision: str
    ) -> tuple[str, ...]:
        """The stored documents the message names by an abbreviation only one document card
        carries ('de BZK-brief') or by Kamerstuk number, within the filters."""
        if not self.settings.ensure_named_documents:
            return ()
        self.cards.refresh(revision)
        named = [*named_documents(message, self.cards.names), *sorted(hints.documents)]
        return tuple(d for d in dict.fromkeys(named) if allowed is None or d in allowed)

    def _with_every_document(
        self,
        fused: list[tuple[str, float]],
        documents: tuple[str, ...],
        window: int,
        query: str,
        query_vector: list[float],
        revision: str,
    ) -> list[tuple[str, float]]:
        """`fused` with, among its first `window`, the best passage of each of `documents`
        (by the same rankers restricted to that document)."""
        top = [chunk_id for chunk_id, _ in fused[:window]]
        document_of = {cid: self.lexical.document_of(cid) for cid, _ in fused}
        missing = [d for d in documents if d not in {document_of[cid] for cid in top}]
        best: dict[str, str] = {}
        for doc_id in missing:
            own = self._own_ranking(query, query_vector, doc_id, revision)
            if own:
                best[doc_id] = own[0]
                document_of.setdefault(own[0], doc_id)
        if not best:
            return fused
        scores = dict(fused)
        floor = fused[window - 1][1] if len(fused) >= window else 0.0
        kept = ensure_documents(top, best, document_of)
        head = [(cid, scores.get(cid, floor)) for cid in kept]
        return head + [(cid, s) for cid, s in fused if cid not in set(kept)]

    def _own_ranking(
        self, query: str, query_vector: list[float], doc_id: str, revision: str
    ) -> list[str]:
        """The fused ranking of one document's passages."""
        depth = self.settings.fusion_depth
        dense, lexical = self._ranked_pair(
            query, query_vector, depth, {doc_id}, QueryHints(), revision
        )
        rankings = [[cid for cid, _ in dense], [cid for cid, _ in lexical]]
        weights = [self.settings.fusion_dense_weight, self.settings.fusion_lexical_weight]
        if self.settings.sentence_fusion_weight > 0:
            rankings.append(
                [cid for cid, _ in self.sentences.search(query_vector, depth, {doc_id})]
            )
            weights.append(self.settings.sentence_fusion_weight)
        fused = reciprocal_rank_fusion(rankings, weights, self.settings.fusion_rank_constant)
        return [chunk_id for chunk_id, _ in fused]

    def _best_dated_head(self, fused: list[tuple[str, float]]) -> StoredChunk | None:
        """The dated passage ('Den Haag, 5 maart 2021') of the best-matching document: the one
        with the most fused score among the top passages."""
        by_document: dict[str, float] = {}
        for chunk_id, score in fused[: self.settings.top_k * 2]:
            doc_id = self.lexical.document_of(chunk_id)
            by_document[doc_id] = by_document.get(doc_id, 0.0) + score
        if not by_document:
            return None
        return self.dated_head(max(by_document, key=lambda doc_id: by_document[doc_id]))

    def dated_head(self, doc_id: str) -> StoredChunk | None:
        """The first chunk in which a document prints its own date ('Den Haag, 5 maart 2021');
        None for a document without a date."""
        document = next((d for d in self.catalog.documents() if d["doc_id"] == doc_id), None)
        written = format_dutch_date(document["date"]) if document else None
        return self.store.first_chunk_containing(doc_id, written) if written else None

    def _materialise(
        self,
        fused: list[tuple[str, float]],
        similarities: dict[str, float],
        lexical_scores: dict[str, float],
        query_vector: list[float],
        rows: dict[str, Row],
    ) -> list[StoredChunk]:
        """Fused ids to chunks with text, metadata and both scores; chunks only BM25 found get
        their cosine similarity computed from their stored vector."""
        rows = {**rows, **self.rows.get([cid for cid, _ in fused if cid not in rows])}
        query_array = np.asarray(query_vector, dtype=np.float32)
        found: dict[str, StoredChunk] = {}
        for chunk_id, (text, metadata, vector) in rows.items():
            similarity = similarities.get(chunk_id)
            if similarity is None:
                similarity = float(np.dot(np.asarray(vector, dtype=np.float32), query_array))
            found[chunk_id] = StoredChunk(chunk_id, text, dict(metadata), 0.0, similarity)
        return [
            StoredChunk(
                chunk_id,
                found[chunk_id].text,
                found[chunk_id].metadata,
                round(score, 6),
                found[chunk_id].dense_score,
                lexical_scores.get(chunk_id),
            )
            for chunk_id, score in fused
            if chunk_id in found
        ]
