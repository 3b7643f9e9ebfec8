"""Reading committed chunks from a corpus's Chroma collection.

Every reader takes the ids of the committed chunks (`VectorStore.live_ids`) and leaves the rest
out: chunks no document record names are pending or stale (see `vectorstore.registry`).
"""

from __future__ import annotations

from collections.abc import Collection, Iterator
from typing import Any

import chromadb

from vectorstore.registry import paged_get
from vectorstore.stored_chunk import StoredChunk


def nearest_committed(
    collection: chromadb.Collection,
    query_vector: list[float],
    wanted: int,
    doc_ids: Collection[str] | None,
    live: frozenset[str],
) -> list[tuple[str, float]]:
    """(chunk_id, cosine similarity) of the `wanted` nearest committed chunks, optionally only
    from the given documents. Only ids and distances are read; the query widens until enough
    committed chunks are found."""
    where = {"doc_id": {"$in": sorted(doc_ids)}} if doc_ids is not None else None
    asked = wanted
    while True:
        result = collection.query(
            query_embeddings=[query_vector],
            n_results=asked,
            where=where,
            include=["distances"],
        )
        ids, distances = result["ids"][0], result["distances"][0]
        # Cosine space: similarity = 1 - distance.
        ranking = [
            (cid, 1.0 - float(d)) for cid, d in zip(ids, distances, strict=True) if cid in live
        ]
        if len(ranking) >= wanted or len(ids) < asked:
            return ranking[:wanted]
        asked *= 2


def committed_rows(
    collection: chromadb.Collection, live: frozenset[str]
) -> Iterator[tuple[str, str, dict[str, Any]]]:
    """(chunk_id, text, metadata) of every committed chunk, paged."""
    for page in paged_get(collection, ["documents", "metadatas"]):
        for row in zip(page["ids"], page["documents"], page["metadatas"], strict=True):
            if row[0] in live:
                yield row


def committed_in_order(result: Any, live: frozenset[str]) -> list[StoredChunk]:
    """The committed chunks of a `get` result, in document order."""
    chunks = [
        StoredChunk(chunk_id, text, dict(metadata), 0.0)
        for chunk_id, text, metadata in zip(
            result["ids"], result["documents"], result["metadatas"], strict=True
        )
        if chunk_id in live
    ]
    return sorted(chunks, key=lambda c: int(c.metadata.get("chunk_index", 0)))


def chunks_by_id(
    collection: chromadb.Collection, ids: list[str], with_vectors: bool
) -> list[tuple[str, str, dict[str, Any], Any]]:
    """(chunk_id, text, metadata, embedding or None) for the given ids."""
    if not ids:
        return []
    include = ["documents", "metadatas"] + (["embeddings"] if with_vectors else [])
    result = collection.get(ids=ids, include=include)  # type: ignore[arg-type]
    vectors = result["embeddings"] if with_vectors else [None] * len(result["ids"])
    return list(zip(result["ids"], result["documents"], result["metadatas"], vectors, strict=True))
