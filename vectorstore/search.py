"""Hybrid retrieval: BM25 and dense results fused by weighted reciprocal rank fusion.

Measured on the seed corpus, BM25 with Dutch stemming beats the small offline embedding models,
so the lexical ranking carries more weight (settings `fusion_*`). Every returned chunk carries its
cosine similarity to the question (used to decide whether the corpus answers it at all).
"""

from __future__ import annotations

import numpy as np

from assistant.config import Settings
from vectorstore.lexical import LexicalIndex
from vectorstore.store import StoredChunk, VectorStore


def reciprocal_rank_fusion(
    rankings: list[list[str]], weights: list[float], rank_constant: int
) -> list[tuple[str, float]]:
    """Weighted RRF: score(d) = sum_i w_i / (c + rank_i(d)), ranks starting at 1."""
    fused: dict[str, float] = {}
    for ranking, weight in zip(rankings, weights, strict=True):
        for rank, chunk_id in enumerate(ranking, start=1):
            fused[chunk_id] = fused.get(chunk_id, 0.0) + weight / (rank_constant + rank)
    return sorted(fused.items(), key=lambda item: (-item[1], item[0]))


class HybridSearcher:
    def __init__(self, settings: Settings, store: VectorStore) -> None:
        self.settings = settings
        self.store = store
        self.lexical = LexicalIndex(store)

    def search(self, query: str, k: int) -> list[StoredChunk]:
        """The k chunks most relevant to `query`, best first."""
        if not query.strip() or self.store.count() == 0:
            return []
        depth = max(k * 4, self.settings.fusion_depth)
        query_vector = self.store.backend.embeddings.embed_query(query)
        dense = self.store.dense_search(query_vector, depth)
        lexical = self.lexical.search(query, depth)
        fused = reciprocal_rank_fusion(
            [[c.chunk_id for c in dense], [chunk_id for chunk_id, _ in lexical]],
            [self.settings.fusion_dense_weight, self.settings.fusion_lexical_weight],
            self.settings.fusion_rank_constant,
        )[:k]
        by_id = {c.chunk_id: c for c in dense}
        lexical_scores = dict(lexical)
        missing = [chunk_id for chunk_id, _ in fused if chunk_id not in by_id]
        query_array = np.asarray(query_vector, dtype=np.float32)
        for chunk_id, text, metadata, vector in self.store.chunks_with_vectors(missing):
            similarity = float(np.dot(np.asarray(vector, dtype=np.float32), query_array))
            by_id[chunk_id] = StoredChunk(chunk_id, text, dict(metadata), similarity, similarity)
        return [
            StoredChunk(
                chunk_id,
                by_id[chunk_id].text,
                by_id[chunk_id].metadata,
                round(score, 6),
                by_id[chunk_id].dense_score,
                lexical_scores.get(chunk_id),
            )
            for chunk_id, score in fused
            if chunk_id in by_id
        ]
