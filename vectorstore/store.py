"""The Chroma collection that holds one corpus: documents in, chunks and documents out.

The project computes every vector itself (no Chroma embedding function): writes carry
precomputed vectors, and dense search queries with the question's vector, reading only ids and
distances; texts and metadata are fetched for the final hits only.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from enum import Enum
from typing import Any

import chromadb
from chromadb.config import Settings as ChromaSettings

from assistant.config import Settings
from ingest.pipeline import PreparedDocument
from vectorstore.embeddings import EmbeddingBackend

log = logging.getLogger(__name__)

LIST_SEPARATOR = ","
_DOC_FIELDS = ("doc_id", "source", "content_hash", "kamerstuk", "dossier", "ondernummer",
               "vergaderjaar", "date", "title", "dossier_title", "doc_type", "sender", "signer",
               "kenmerk", "references")  # fmt: skip


class StoreError(RuntimeError):
    """The vector store cannot be used as configured."""


class IngestStatus(str, Enum):
    ADDED = "added"
    UNCHANGED = "unchanged"
    REPLACED = "replaced"


@dataclass(frozen=True)
class StoredChunk:
    chunk_id: str
    text: str
    metadata: dict[str, Any]
    score: float  # ranking score of the retriever that returned it
    dense_score: float | None = None  # cosine similarity to the question
    lexical_score: float | None = None  # BM25 score


def make_client(settings: Settings) -> chromadb.ClientAPI:
    """Embedded PersistentClient under the data dir, or an HttpClient when a host is set."""
    chroma_settings = ChromaSettings(anonymized_telemetry=False)
    if settings.chroma_host:
        try:
            return chromadb.HttpClient(
                host=settings.chroma_host, port=settings.chroma_port, settings=chroma_settings
            )
        except Exception as exc:  # chromadb raises several types for a server that is not there
            raise StoreError(
                f"Chroma-server {settings.chroma_host}:{settings.chroma_port} niet bereikbaar ({exc})"
            ) from exc
    settings.chroma_path.mkdir(parents=True, exist_ok=True)
    return chromadb.PersistentClient(path=str(settings.chroma_path), settings=chroma_settings)


def _to_chroma(value: object) -> str | int | float | bool:
    """Chroma metadata holds scalars only: None becomes '', lists are joined."""
    if value is None:
        return ""
    if isinstance(value, list):
        return LIST_SEPARATOR.join(str(v) for v in value)
    if isinstance(value, str | int | float | bool):
        return value
    return str(value)


def chunk_metadatas(document: PreparedDocument) -> list[dict[str, str | int | float | bool]]:
    """Every chunk carries its document's metadata plus its own position."""
    doc_fields = {
        "doc_id": document.doc_id,
        "source": document.source,
        "content_hash": document.content_hash,
        **document.metadata.to_dict(),
    }
    return [
        {
            **{key: _to_chroma(doc_fields.get(key)) for key in _DOC_FIELDS},
            "chunk_index": chunk.index,
            "start": chunk.start,
            "end": chunk.end,
            "section": _to_chroma(chunk.section),
            "tokens": chunk.tokens,
        }
        for chunk in document.chunks
    ]


def document_from_metadata(metadata: dict[str, Any]) -> dict[str, Any]:
    """Document fields back from chunk metadata: '' is None again, lists are lists."""
    document: dict[str, Any] = {}
    for key in _DOC_FIELDS:
        value = metadata.get(key, "")
        if key == "references":
            document[key] = [v for v in str(value).split(LIST_SEPARATOR) if v]
        elif key == "ondernummer":
            document[key] = int(value) if value not in ("", None) else None
        else:
            document[key] = value if value != "" else None
    return document


class VectorStore:
    """One corpus in one Chroma collection, embedded with one model."""

    def __init__(self, settings: Settings, backend: EmbeddingBackend) -> None:
        self.settings = settings
        self.backend = backend
        self.client = make_client(settings)
        try:
            self.collection = self.client.get_or_create_collection(
                name=settings.collection,
                configuration={"hnsw": {"space": "cosine"}},
                metadata={"embedding_model": backend.model_id},
                embedding_function=None,
            )
        except Exception as exc:
            raise StoreError(f"Chroma-collectie '{settings.collection}' niet te openen ({exc})") from exc
        stored_model = (self.collection.metadata or {}).get("embedding_model")
        if stored_model and stored_model != backend.model_id:
            raise StoreError(
                f"collectie '{settings.collection}' is gevuld met embeddings van '{stored_model}', "
                f"maar nu is '{backend.model_id}' ingesteld. Kies een andere "
                "UITVOERING_COLLECTION of verwijder de collectie met `uitvoering reset`."
            )
        if "revision" not in (self.collection.metadata or {}):
            self._bump_revision()

    # -- revision --------------------------------------------------------------------------
    def revision(self) -> str:
        """Changes whenever chunks are written or deleted (by this or any other process), so
        derived indexes (BM25, document catalog) know when to refresh."""
        metadata = self.client.get_collection(self.settings.collection).metadata or {}
        return str(metadata.get("revision", ""))

    def _bump_revision(self) -> None:
        metadata = {**(self.collection.metadata or {}), "revision": uuid.uuid4().hex}
        self.collection.modify(metadata=metadata)

    # -- writing -------------------------------------------------------------------------
    def upsert_document(self, document: PreparedDocument) -> IngestStatus:
        """Store a document's chunks. Same content: nothing changes. Changed content: its old
        chunks are replaced completely; unchanged chunk texts keep their vectors.

        New vectors are computed before anything is written, so a failing embedding leaves the
        store as it was; a crash between writing and deleting is repaired by running again.
        """
        existing = self.collection.get(where={"doc_id": document.doc_id}, include=["metadatas"])
        existing_meta = dict(zip(existing["ids"], existing["metadatas"] or [], strict=True))
        new_ids = [chunk.chunk_id for chunk in document.chunks]
        metadatas = chunk_metadatas(document)
        if set(existing_meta) == set(new_ids) and all(
            existing_meta[cid] == meta for cid, meta in zip(new_ids, metadatas, strict=True)
        ):
            return IngestStatus.UNCHANGED

        fresh = [i for i, cid in enumerate(new_ids) if cid not in existing_meta]
        vectors = self.backend.embeddings.embed_documents(
            [document.chunks[i].embed_text for i in fresh]
        )
        # Bumped before and after writing: a reader that indexed a half-written state is
        # always told to look again.
        self._bump_revision()
        batch = self.client.get_max_batch_size()
        for start in range(0, len(fresh), batch):
            part = fresh[start : start + batch]
            self.collection.upsert(
                ids=[new_ids[i] for i in part],
                embeddings=vectors[start : start + batch],
                documents=[document.chunks[i].text for i in part],
                metadatas=[metadatas[i] for i in part],
            )
        kept = [i for i, cid in enumerate(new_ids) if cid in existing_meta]
        if kept:
            self.collection.update(
                ids=[new_ids[i] for i in kept], metadatas=[metadatas[i] for i in kept]
            )
        stale = [cid for cid in existing_meta if cid not in set(new_ids)]
        if stale:
            self.collection.delete(ids=stale)
        self._bump_revision()
        return IngestStatus.REPLACED if existing_meta else IngestStatus.ADDED

    def remove_document(self, doc_id: str) -> int:
        """Delete every chunk of a document; returns how many were removed."""
        ids = self.collection.get(where={"doc_id": doc_id}, include=[])["ids"]
        if ids:
            self._bump_revision()
            self.collection.delete(ids=ids)
            self._bump_revision()
        return len(ids)

    # -- reading -------------------------------------------------------------------------
    def count(self) -> int:
        return self.collection.count()

    def all_chunks(self) -> Iterable[tuple[str, str, dict[str, Any]]]:
        """(chunk_id, text, metadata) of every chunk, paged."""
        page = 1000
        offset = 0
        while True:
            result = self.collection.get(
                include=["documents", "metadatas"], limit=page, offset=offset
            )
            if not result["ids"]:
                return
            yield from zip(result["ids"], result["documents"], result["metadatas"], strict=True)
            offset += page

    def documents(self) -> list[dict[str, Any]]:
        """One entry per document with its metadata and chunk count, sorted by source."""
        by_doc: dict[str, dict[str, Any]] = {}
        for _, _, metadata in self.all_chunks():
            entry = by_doc.setdefault(
                str(metadata["doc_id"]), {**document_from_metadata(metadata), "chunks": 0}
            )
            entry["chunks"] += 1
        return sorted(by_doc.values(), key=lambda d: str(d["source"]))

    def dense_ranking(
        self,
        query_vector: list[float],
        k: int,
        doc_ids: Collection[str] | None = None,
        available: int | None = None,
    ) -> list[tuple[str, float]]:
        """(chunk_id, cosine similarity) of the top-k chunks, optionally only from the given
        documents. Only ids and distances are read (texts are fetched for the final hits)."""
        if doc_ids is not None and not doc_ids:
            return []
        available = self.count() if available is None else available
        if available == 0:
            return []
        where = {"doc_id": {"$in": sorted(doc_ids)}} if doc_ids is not None else None
        result = self.collection.query(
            query_embeddings=[query_vector],
            n_results=min(k, available),
            where=where,
            include=["distances"],
        )
        # Cosine space: similarity = 1 - distance.
        return [
            (chunk_id, 1.0 - float(distance))
            for chunk_id, distance in zip(result["ids"][0], result["distances"][0], strict=True)
        ]

    def dense_search(
        self, query_vector: list[float], k: int, doc_ids: Collection[str] | None = None
    ) -> list[StoredChunk]:
        """Top-k chunks by cosine similarity of their embeddings to the question vector."""
        ranking = self.dense_ranking(query_vector, k, doc_ids)
        rows = {cid: (text, meta) for cid, text, meta, _ in self.chunks_with_vectors(
            [cid for cid, _ in ranking], with_vectors=False)}  # fmt: skip
        return [
            StoredChunk(cid, rows[cid][0], dict(rows[cid][1]), similarity, similarity)
            for cid, similarity in ranking
            if cid in rows
        ]

    def first_chunk_containing(self, doc_id: str, needle: str) -> StoredChunk | None:
        """The earliest chunk of a document whose text contains `needle` (e.g. its date line)."""
        result = self.collection.get(
            where={"doc_id": doc_id},
            where_document={"$contains": needle},
            include=["documents", "metadatas"],
        )
        found = sorted(
            zip(result["ids"], result["documents"], result["metadatas"], strict=True),
            key=lambda row: int(row[2]["chunk_index"]),
        )
        if not found:
            return None
        chunk_id, text, metadata = found[0]
        return StoredChunk(chunk_id, text, dict(metadata), 0.0)

    def head_chunk(self, doc_id: str) -> StoredChunk | None:
        """The first chunk of a document (its title, number and date)."""
        leading = self.leading_chunks(doc_id, 1)
        return leading[0] if leading else None

    def leading_chunks(self, doc_id: str, count: int) -> list[StoredChunk]:
        """The first `count` chunks of a document, in order."""
        result = self.collection.get(
            where={"$and": [{"doc_id": doc_id}, {"chunk_index": {"$lt": count}}]},
            include=["documents", "metadatas"],
        )
        chunks = [StoredChunk(chunk_id, text, dict(metadata), 0.0) for chunk_id, text, metadata
                  in zip(result["ids"], result["documents"], result["metadatas"], strict=True)]  # fmt: skip
        return sorted(chunks, key=lambda c: int(c.metadata.get("chunk_index", 0)))

    def chunks_with_vectors(
        self, ids: list[str], with_vectors: bool = True
    ) -> list[tuple[str, str, dict[str, Any], Any]]:
        """(chunk_id, text, metadata, embedding or None) for the given ids."""
        if not ids:
            return []
        include = ["documents", "metadatas"] + (["embeddings"] if with_vectors else [])
        result = self.collection.get(ids=ids, include=include)  # type: ignore[arg-type]
        vectors = result["embeddings"] if with_vectors else [None] * len(result["ids"])
        return list(
            zip(result["ids"], result["documents"], result["metadatas"], vectors, strict=True)
        )
