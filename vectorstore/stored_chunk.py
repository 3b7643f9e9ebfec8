"""A chunk as a retriever returns it: its text, its metadata and the scores that ranked it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class StoredChunk:
    chunk_id: str
    text: str
    metadata: dict[str, Any]
    score: float  # ranking score of the retriever that returned it
    dense_score: float | None = None  # cosine similarity to the question
    lexical_score: float | None = None  # BM25 score
