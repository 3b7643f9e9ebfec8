"""Weighted reciprocal rank fusion of several rankings of the same chunks."""

from __future__ import annotations


def reciprocal_rank_fusion(
    rankings: list[list[str]], weights: list[float], rank_constant: int
) -> list[tuple[str, float]]:
    """Weighted RRF: score(d) = sum_i w_i / (c + rank_i(d)), ranks starting at 1."""
    fused: dict[str, float] = {}
    for ranking, weight in zip(rankings, weights, strict=True):
        for rank, chunk_id in enumerate(ranking, start=1):
            fused[chunk_id] = fused.get(chunk_id, 0.0) + weight / (rank_constant + rank)
    return sorted(fused.items(), key=lambda item: (-item[1], item[0]))
