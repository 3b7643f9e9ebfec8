"""Writing a document's chunks: what is stored, how the new chunks differ, the pending write.

Part of the commit protocol (see `vectorstore.registry`): chunks are written before the
document's record names them, so they stay invisible until the commit; a failed write is taken
back, and what a crashed one left is removed by the next run.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import chromadb

from vectorstore.registry import paged_get

log = logging.getLogger(__name__)


def stored_chunk_metadata(
    collection: chromadb.Collection, where: dict[str, Any] | None = None
) -> Iterator[tuple[str, dict[str, Any]]]:
    """(chunk_id, metadata) of every stored chunk, committed or not, paged."""
    for page in paged_get(collection, ["metadatas"], where):
        yield from zip(page["ids"], page["metadatas"], strict=True)


@dataclass(frozen=True)
class ChunkChanges:
    """How a document's new chunks differ from its stored ones (committed or not)."""

    new: list[str]  # ids not stored yet: these need vectors
    outdated: list[str]  # stored ids whose metadata changed
    stale: list[str]  # stored ids the new version no longer has

    def __bool__(self) -> bool:
        return bool(self.new or self.outdated or self.stale)


def chunk_changes(
    stored: dict[str, dict[str, Any]], fresh: dict[str, dict[str, Any]]
) -> ChunkChanges:
    """Compare stored and fresh metadata by chunk id (fresh in document order)."""
    return ChunkChanges(
        new=[cid for cid in fresh if cid not in stored],
        outdated=[cid for cid in fresh if cid in stored and stored[cid] != fresh[cid]],
        stale=[cid for cid in stored if cid not in fresh],
    )


def write_pending(
    collection: chromadb.Collection,
    batch_size: int,
    ids: list[str],
    vectors: list[list[float]],
    texts: list[str],
    metadatas: list[dict[str, Any]],
) -> None:
    """Write chunks no record names yet; on failure, take back what was written."""
    try:
        for start in range(0, len(ids), batch_size):
            end = start + batch_size
            collection.upsert(
                ids=ids[start:end],
                embeddings=vectors[start:end],
                documents=texts[start:end],
                metadatas=metadatas[start:end],
            )
    except Exception:
        try:
            collection.delete(ids=ids)
        except Exception:  # the next run removes them; they are invisible meanwhile
            log.warning("Could not take back %d uncommitted chunks", len(ids))
        raise
