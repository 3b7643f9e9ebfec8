"""Dense search over single sentences: a chunk ranks by its best-matching sentence.

multilingual-e5-small compares a question with one sentence much better than with a 300-token
chunk, whose vector averages many topics. Every sentence of every chunk is embedded (through the
store's embedding backend, which caches vectors on disk by content hash, so a rebuild after the
first costs no model time) and points to its chunk. Like the BM25 index this is a derived index,
held in memory only and rebuilt from the stored chunk texts whenever the collection's revision
changes, so it is never trusted half-written.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Collection, Iterable

import numpy as np

from vectorstore.query_adapter import QueryAdapter
from vectorstore.store import VectorStore

log = logging.getLogger(__name__)

# A sentence ends at '.', '!' or '?' after a word of two letters or more ('1.' does not; 'nr.'
# before a number does, and is kept so: the reranker and query adapter were fitted on these
# sentences), followed by a capital, digit or opening quote; a line break always ends one.
_SENTENCE_END = re.compile(r"(?<=[a-zà-ÿ)»”’\"][a-zà-ÿ)»”’\"][.!?])\s+(?=[A-Z0-9«“‘'(\[])|\n+")
MIN_SENTENCE_CHARS = 25  # a shorter fragment (a heading, '1.') is joined to the next one
MAX_SENTENCE_CHARS = 600  # longer runs (tables without punctuation) are cut


def split_sentences(text: str) -> list[str]:
    """The sentences of a chunk's text, whitespace squashed; fragments shorter than
    MIN_SENTENCE_CHARS are joined to the sentence that follows them."""
    sentences: list[str] = []
    pending = ""
    for piece in _SENTENCE_END.split(text):
        piece = " ".join(piece.split())
        if not piece:
            continue
        pending = f"{pending} {piece}".strip()
        if len(pending) >= MIN_SENTENCE_CHARS:
            sentences.extend(
                pending[start : start + MAX_SENTENCE_CHARS]
                for start in range(0, len(pending), MAX_SENTENCE_CHARS)
            )
            pending = ""
    if pending:
        if sentences and len(sentences[-1]) + len(pending) < MAX_SENTENCE_CHARS:
            sentences[-1] = f"{sentences[-1]} {pending}"
        else:
            sentences.append(pending)
    return sentences


def embed_sentences(store: VectorStore, texts: Iterable[str]) -> None:
    """Embed the sentences of these chunk texts now (filling the vector cache), so the first
    search after an ingest does not wait for the model."""
    store_vectors(store, [sentence for text in texts for sentence in split_sentences(text)])


class SentenceIndex:
    def __init__(self, store: VectorStore, adapter: QueryAdapter | None = None) -> None:
        self.store = store
        self.adapter = adapter  # moves the question's vector before `search` ranks sentences
        self._revision: str | None = None
        self._chunk_ids: list[str] = []
        self._doc_ids = np.array([], dtype=object)
        self._owner = np.array([], dtype=np.int64)  # sentence -> position in _chunk_ids
        self._vectors = np.zeros((0, 0), dtype=np.float32)
        self._position: dict[str, int] = {}  # chunk id -> position in _chunk_ids

    def refresh(self, revision: str | None = None) -> None:
        """Rebuild from the stored chunks when the collection changed (cheap otherwise)."""
        revision = self.store.revision() if revision is None else revision
        if revision == self._revision:
            return
        chunk_ids: list[str] = []
        doc_ids: list[str] = []
        owner: list[int] = []
        sentences: list[str] = []
        for chunk_id, text, metadata in self.store.all_chunks():
            for sentence in split_sentences(text):
                owner.append(len(chunk_ids))
                sentences.append(sentence)
            chunk_ids.append(chunk_id)
            doc_ids.append(str(metadata["doc_id"]))
        vectors = store_vectors(self.store, sentences)
        self._chunk_ids = chunk_ids
        self._doc_ids = np.array(doc_ids, dtype=object)
        self._owner = np.array(owner, dtype=np.int64)
        self._vectors = vectors
        self._position = {chunk_id: i for i, chunk_id in enumerate(chunk_ids)}
        self._revision = revision
        log.info("Sentence index rebuilt: %d sentences in %d chunks", len(owner), len(chunk_ids))

    def search(
        self, query_vector: list[float], k: int, doc_ids: Collection[str] | None = None
    ) -> list[tuple[str, float]]:
        """(chunk_id, cosine of its best sentence) of the k best chunks, optionally only from
        the given documents; the query adapter, when there is one, moves the question's vector
        first. Call `refresh` first to see the latest collection."""
        if self._revision is None:
            self.refresh()
        if not len(self._owner) or (doc_ids is not None and not doc_ids):
            return []
        scores = self._vectors @ np.asarray(self.ranking_vector(query_vector), dtype=np.float32)
        best = np.full(len(self._chunk_ids), -np.inf, dtype=np.float32)
        np.maximum.at(best, self._owner, scores)
        if doc_ids is not None:
            best[~np.isin(self._doc_ids, list(doc_ids))] = -np.inf
        top = np.argsort(-best, kind="stable")[:k]
        return [(self._chunk_ids[int(i)], float(best[i])) for i in top if np.isfinite(best[i])]

    def ranking_vector(self, query_vector: list[float]) -> list[float]:
        """The vector `search` ranks sentences by: the question's, moved by the query adapter
        when there is one."""
        if self.adapter is None:
            return query_vector
        return self.adapter.adapt(np.asarray(query_vector, dtype=np.float32)).tolist()

    def chunk_scores(
        self, query_vector: list[float], chunk_ids: list[str]
    ) -> list[tuple[float, float]]:
        """For each chunk: the cosine of its best sentence, and the best mean cosine of two
        adjacent sentences (a one-sentence chunk: its sentence); (0, 0) for an unknown chunk.
        The model's own vector, never the adapter's: these are the reranker's fitted features.
        Call `refresh` first to see the latest collection."""
        if self._revision is None:
            self.refresh()
        if not len(self._owner):
            return [(0.0, 0.0) for _ in chunk_ids]
        scores = self._vectors @ np.asarray(query_vector, dtype=np.float32)
        found: list[tuple[float, float]] = []
        for chunk_id in chunk_ids:
            position = self._position.get(chunk_id)
            start, end = (
                np.searchsorted(self._owner, [position, position + 1])
                if position is not None
                else (0, 0)
            )
            own = scores[start:end]
            if not len(own):
                found.append((0.0, 0.0))
                continue
            pairs = (own[:-1] + own[1:]) / 2 if len(own) > 1 else own
            found.append((float(own.max()), float(pairs.max())))
        return found


def store_vectors(store: VectorStore, sentences: list[str]) -> np.ndarray:
    """The sentences' vectors as one float32 matrix (one row each). Each distinct sentence is
    embedded once (overlapping chunks share sentences), shortest first: a batch of sentences of
    similar length pads little, which makes embedding them about a third cheaper."""
    if not sentences:
        return np.zeros((0, 0), dtype=np.float32)
    distinct = sorted(dict.fromkeys(sentences), key=len)
    vectors = np.asarray(store.backend.embeddings.embed_documents(distinct), dtype=np.float32)
    row = {sentence: i for i, sentence in enumerate(distinct)}
    return vectors[[row[sentence] for sentence in sentences]]
