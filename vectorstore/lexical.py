"""BM25 over the same chunks as the dense index (bm25s, Dutch Snowball stems, stop words).

The index is persisted next to Chroma and tagged with a fingerprint of the collection's chunk
ids; whenever the collection changed (ingest, replacement, removal) it is rebuilt from Chroma,
so the lexical and dense indexes always cover the same chunks.
"""

from __future__ import annotations

import hashlib
import json
import logging
import shutil
from typing import Any

import bm25s
import numpy as np

from vectorstore.store import VectorStore
from vectorstore.text_analysis import terms

log = logging.getLogger(__name__)
logging.getLogger("bm25s").setLevel(logging.WARNING)


def lexical_text(text: str, metadata: dict[str, Any]) -> str:
    """What BM25 indexes for a chunk: its section heading and text; the first chunk of a
    document also carries the document's title, so questions that describe a document find
    its head (where its number and date are printed)."""
    parts = [str(metadata.get("section") or ""), text]
    if metadata.get("chunk_index") == 0:
        parts.insert(0, str(metadata.get("title") or ""))
    return "\n".join(part for part in parts if part)


class LexicalIndex:
    def __init__(self, store: VectorStore) -> None:
        self.store = store
        self.directory = store.settings.data_dir / "bm25" / store.settings.collection
        self._fingerprint: str | None = None
        self._ids: list[str] = []
        self._bm25: bm25s.BM25 | None = None

    def _current_fingerprint(self) -> str:
        ids = sorted(self.store.collection.get(include=[])["ids"])
        return hashlib.sha256("\n".join(ids).encode()).hexdigest()

    def _load(self, fingerprint: str) -> bool:
        meta = self.directory / "ids.json"
        if not meta.exists():
            return False
        saved = json.loads(meta.read_text(encoding="utf-8"))
        if saved.get("fingerprint") != fingerprint:
            return False
        self._ids = saved["ids"]
        self._bm25 = bm25s.BM25.load(str(self.directory / "index"), show_progress=False) \
            if self._ids else None  # fmt: skip
        return True

    def _build(self, fingerprint: str) -> None:
        ids: list[str] = []
        tokens: list[list[str]] = []
        for chunk_id, text, metadata in self.store.all_chunks():
            ids.append(chunk_id)
            tokens.append(terms(lexical_text(text, metadata)) or ["_"])
        self._ids = ids
        self._bm25 = None
        tmp = self.directory.with_name(self.directory.name + ".tmp")
        shutil.rmtree(tmp, ignore_errors=True)
        tmp.mkdir(parents=True)
        if ids:
            self._bm25 = bm25s.BM25()
            self._bm25.index(tokens, show_progress=False)
            self._bm25.save(str(tmp / "index"), show_progress=False)
        (tmp / "ids.json").write_text(json.dumps({"fingerprint": fingerprint, "ids": ids}))
        shutil.rmtree(self.directory, ignore_errors=True)
        tmp.replace(self.directory)
        log.info("BM25 index rebuilt: %d chunks", len(ids))

    def refresh(self) -> None:
        """Make the index match the collection (cheap when nothing changed)."""
        fingerprint = self._current_fingerprint()
        if fingerprint == self._fingerprint:
            return
        if not self._load(fingerprint):
            self._build(fingerprint)
        self._fingerprint = fingerprint

    def search(self, query: str, k: int) -> list[tuple[str, float]]:
        """(chunk_id, BM25 score) of the best k chunks with a positive score."""
        self.refresh()
        query_terms = terms(query)
        if self._bm25 is None or not query_terms:
            return []
        k = min(k, len(self._ids))
        indices, scores = self._bm25.retrieve([query_terms], k=k, show_progress=False)
        return [
            (self._ids[int(i)], float(s))
            for i, s in zip(np.asarray(indices)[0], np.asarray(scores)[0], strict=True)
            if s > 0
        ]
