"""The stored chunks a search reads (text, metadata, vector), kept by id for the collection's
current revision: the questions of one conversation, and the sub-searches of one multi-document
question, read the same chunks again and again."""

from __future__ import annotations

import threading
from typing import Any

from vectorstore.store import VectorStore

Row = tuple[str, dict[str, Any], Any]  # text, metadata, vector
MOST_ROWS = 4096  # rows kept; more empties the cache (a search reads at most a few hundred)


class ChunkRows:
    def __init__(self, store: VectorStore, most: int = MOST_ROWS) -> None:
        self.store = store
        self.most = most
        self._revision: str | None = None
        self._rows: dict[str, Row] = {}
        self._lock = threading.Lock()

    def refresh(self, revision: str) -> None:
        """Forget every row when the collection changed: a chunk's metadata may change under
        the same id."""
        with self._lock:
            if revision != self._revision:
                self._rows.clear()
                self._revision = revision

    def get(self, ids: list[str]) -> dict[str, Row]:
        """The rows of the given ids that the store holds, read from it only when not kept."""
        with self._lock:
            found = {cid: self._rows[cid] for cid in ids if cid in self._rows}
        missing = [cid for cid in ids if cid not in found]
        if missing:
            read = {
                cid: (text, meta, vector)
                for cid, text, meta, vector in self.store.chunks_with_vectors(missing)
            }
            with self._lock:
                if len(self._rows) + len(read) > self.most:
                    self._rows.clear()
                self._rows.update(read)
            found.update(read)
        return found
