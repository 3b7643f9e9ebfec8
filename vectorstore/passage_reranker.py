"""Reranking the fused passages with a fitted linear model.

Reciprocal rank fusion knows only ranks. The reranker also weighs what a rank hides: how well
the passage's best sentence, and its best pair of adjacent sentences, match the question (e5
compares short texts well; an answer is often spread over a sentence and the next: "De uitvraag
leverde een lijst met 70 reacties … op." follows the one that names the inquiry), how much of
the question's words (weighted by rarity) the passage holds, its BM25 score, and whether its
document is one the question names ('de VWS-nota', a Kamerstuk number). A logistic regression
over these features, fitted on the questions one may tune on (`python -m evals.fit_reranker`,
cross-validated), orders the first DEPTH fused passages; the coefficients live in
passage_reranker.json next to this module.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from dataclasses import replace
from pathlib import Path

import numpy as np

from vectorstore.document_mentions import ensure_documents
from vectorstore.linear_model import LinearModel
from vectorstore.sentence_index import SentenceIndex
from vectorstore.stored_chunk import StoredChunk
from vectorstore.text_analysis import terms

FEATURE_NAMES = (
    "fused_rank",  # 1 / (RANK_CONSTANT + rank in the fusion)
    "lexical",  # BM25 score / the best BM25 score among the candidates
    "best_sentence",  # cosine of the passage's best sentence
    "sentence_pair",  # best mean cosine of two adjacent sentences
    "term_coverage",  # share of the question's terms, weighted by idf, in the passage
    "named_document",  # the passage's document is named by the question
)
MODEL_FILE = Path(__file__).with_name("passage_reranker.json")
DEPTH = 30  # fused passages the reranker orders
RANK_CONSTANT = 5


def rerank_features(
    chunks: Sequence[StoredChunk],
    sentence_scores: Sequence[tuple[float, float]],
    query_weights: dict[str, float],
    named: Collection[str],
) -> np.ndarray:
    """One row of FEATURE_NAMES per chunk (chunks in fused order, best first);
    `sentence_scores`: (best sentence, best adjacent pair) per chunk; `query_weights`: the
    question's terms and their idf."""
    top_lexical = max((c.lexical_score or 0.0 for c in chunks), default=0.0) or 1.0
    total = sum(query_weights.values()) or 1.0
    rows = []
    for rank, (chunk, (best, pair)) in enumerate(
        zip(chunks, sentence_scores, strict=True), start=1
    ):
        present = set(terms(chunk.text))
        coverage = sum(w for term, w in query_weights.items() if term in present) / total
        rows.append(
            [
                1.0 / (RANK_CONSTANT + rank),
                (chunk.lexical_score or 0.0) / top_lexical,
                best,
                pair,
                coverage,
                float(str(chunk.metadata.get("doc_id")) in named),
            ]
        )
    return np.asarray(rows, dtype=np.float64).reshape(len(chunks), len(FEATURE_NAMES))


class RerankFeatures:
    """The features of a question's candidate passages, from the sentence index and the BM25
    index's idf."""

    def __init__(self, sentences: SentenceIndex, idf: Callable[[str], float]) -> None:
        self.sentences = sentences
        self.idf = idf

    def __call__(
        self,
        query: str,
        query_vector: list[float],
        chunks: Sequence[StoredChunk],
        named: Collection[str],
    ) -> np.ndarray:
        weights = {term: self.idf(term) for term in set(terms(query))}
        scores = self.sentences.chunk_scores(query_vector, [c.chunk_id for c in chunks])
        return rerank_features(chunks, scores, weights, named)


class PassageReranker:
    def __init__(self, model: LinearModel, features: RerankFeatures) -> None:
        self.model = model
        self.features = features

    @classmethod
    def load(cls, features: RerankFeatures, path: Path = MODEL_FILE) -> PassageReranker:
        return cls(LinearModel.read(path, FEATURE_NAMES), features)

    def order(
        self,
        query: str,
        query_vector: list[float],
        chunks: Sequence[StoredChunk],
        named: Collection[str],
    ) -> list[int]:
        """The positions of `chunks` (fused order) as the model ranks them, best first."""
        if len(chunks) < 2:
            return list(range(len(chunks)))
        scores = self.model.decision(self.features(query, query_vector, chunks, named))
        return [int(i) for i in np.argsort(-scores, kind="stable")]


def pinned(
    ranked: list[StoredChunk],
    head: str | None,
    documents: Sequence[str],
    window: int,
) -> list[StoredChunk]:
    """The reranked chunks with the pins the fusion had: a document-date question's dated
    passage (`head`) first, and for a question naming two or more `documents` the best-ranked
    passage of each among the first `window` (see `document_mentions.ensure_documents`). Each
    chunk takes the fused score of the rank it lands on, so the scores still fall."""
    by_id = {c.chunk_id: c for c in ranked}
    ids = list(by_id)
    if head is not None and head in by_id:
        ids = [head] + [cid for cid in ids if cid != head]
    if len(documents) > 1:
        document_of = {cid: str(c.metadata.get("doc_id")) for cid, c in by_id.items()}
        best: dict[str, str] = {}
        for chunk_id in ids:
            best.setdefault(document_of[chunk_id], chunk_id)
        wanted = {doc_id: best[doc_id] for doc_id in documents if doc_id in best}
        kept = ensure_documents(ids[:window], wanted, document_of)
        ids = kept + [cid for cid in ids if cid not in set(kept)]
    scores = sorted((c.score for c in ranked), reverse=True)
    return [replace(by_id[cid], score=score) for cid, score in zip(ids, scores, strict=True)]
