"""The Chroma collection that holds one corpus: documents in, chunks and documents out.

The project computes every vector itself (no Chroma embedding function): writes carry
precomputed vectors, and dense search queries with the question's vector, reading only ids and
distances; texts and metadata are fetched for the final hits only.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Collection, Iterable, Iterator
from contextlib import contextmanager
from enum import Enum
from typing import Any

from chromadb.api.shared_system_client import SharedSystemClient

from ingest.pipeline import PreparedDocument
from vectorstore.chroma_client import StoreError, lock_path, make_client
from vectorstore.chunk_metadata import chunk_metadatas, document_fields, document_from_metadata
from vectorstore.chunk_reads import (
    chunks_by_id,
    committed_in_order,
    committed_rows,
    nearest_committed,
)
from vectorstore.chunk_writes import chunk_changes, stored_chunk_metadata, write_pending
from vectorstore.compatibility import (
    SCHEMA_VERSION,
    check_embedding_model,
    stored_schema_version,
    upgrade_from_v1,
)
from vectorstore.embeddings import EmbeddingBackend
from vectorstore.registry import DocumentRecord, DocumentRegistry
from vectorstore.settings import StoreSettings
from vectorstore.stored_chunk import StoredChunk
from vectorstore.writer_lock import writer_lock

log = logging.getLogger(__name__)


class IngestStatus(str, Enum):
    ADDED = "added"
    UNCHANGED = "unchanged"
    REPLACED = "replaced"


class VectorStore:
    """One corpus in one Chroma collection, embedded with one model.

    Writes follow a commit protocol (see `vectorstore.registry`): chunks first, then the
    document's record, then clean-up. Readers see only chunks a record names.
    """

    def __init__(self, settings: StoreSettings, backend: EmbeddingBackend) -> None:
        self.settings = settings
        self.backend = backend
        self._known_revision: str | None = None
        self._live: tuple[str, frozenset[str]] | None = None
        self._open()
        check_embedding_model(self.collection.metadata or {}, settings.collection, backend.model_id)
        self._check_schema()

    def _open(self) -> None:
        self.client = make_client(self.settings)
        try:
            self.collection = self.client.get_or_create_collection(
                name=self.settings.collection,
                configuration={"hnsw": {"space": "cosine"}},
                metadata={
                    "embedding_model": self.backend.model_id,
                    "schema_version": SCHEMA_VERSION,
                },
                embedding_function=None,
            )
            self.registry = DocumentRegistry(self.client, self.settings.collection)
        except Exception as exc:
            raise StoreError(
                f"Chroma-collectie '{self.settings.collection}' niet te openen ({exc})"
            ) from exc

    def _check_schema(self) -> None:
        """Refuse a store written by a newer version; upgrade one written before schemas were
        recorded (version 1: every chunk counted, no document records)."""
        metadata = self.collection.metadata or {}
        if stored_schema_version(metadata, self.settings.collection) < SCHEMA_VERSION:
            with self.writing():
                upgraded = upgrade_from_v1(stored_chunk_metadata(self.collection), self.registry)
                self._set_metadata(schema_version=SCHEMA_VERSION)
                log.warning(
                    "Collection '%s' upgraded to storage schema %d (%d documents)",
                    self.settings.collection,
                    SCHEMA_VERSION,
                    upgraded,
                )
        if "revision" not in metadata:
            self._bump_revision()

    @contextmanager
    def writing(self) -> Iterator[None]:
        """Hold the corpus's writer lock, and write against the latest stored state."""
        with writer_lock(lock_path(self.settings), self.settings.writer_lock_timeout_s):
            self.revision()
            yield

    # -- revision --------------------------------------------------------------------------
    def revision(self) -> str:
        """Changes whenever a document is committed or removed (by this or any other process),
        so derived indexes (BM25, document catalog) know when to refresh. An embedded store
        changed by another process is reopened: Chroma keeps its vector index in memory."""
        metadata = self.client.get_collection(self.settings.collection).metadata or {}
        revision = str(metadata.get("revision", ""))
        if (
            self._known_revision is not None
            and revision != self._known_revision
            and not self.settings.chroma_host
        ):
            SharedSystemClient.clear_system_cache()
            self._open()
        self._known_revision = revision
        return revision

    def _set_metadata(self, **values: str | int) -> None:
        current = self.client.get_collection(self.settings.collection).metadata or {}
        self.collection.modify(metadata={**current, **values})

    def _bump_revision(self) -> None:
        revision = uuid.uuid4().hex
        self._set_metadata(revision=revision)
        self._known_revision = revision

    def live_ids(self, revision: str | None = None) -> frozenset[str]:
        """Ids of the chunks of committed documents (pending and stale chunks excluded); pass a
        revision already read to save a call."""
        revision = self.revision() if revision is None else revision
        if self._live is None or self._live[0] != revision:
            records = self.registry.all()
            self._live = (revision, frozenset(cid for r in records for cid in r.chunk_ids))
        return self._live[1]

    # -- writing -------------------------------------------------------------------------
    def upsert_document(self, document: PreparedDocument) -> IngestStatus:
        """Store a document's chunks. Same content: nothing changes. Changed content: the new
        version replaces the old one in a single step (the record commit).

        New vectors are computed before anything is written, so a failing embedding leaves the
        store as it was; chunks already stored (also those a crashed run left behind) keep
        their vectors. Call inside `writing()`.
        """
        record = self.registry.get(document.doc_id)
        stored = dict(stored_chunk_metadata(self.collection, where={"doc_id": document.doc_id}))
        chunks = {chunk.chunk_id: chunk for chunk in document.chunks}
        rows = chunk_metadatas(document)
        committed = DocumentRecord(document.doc_id, tuple(chunks), document_fields(rows[0]))
        metadatas = dict(zip(chunks, rows, strict=True))
        changes = chunk_changes(stored, metadatas)
        if record == committed and not changes:
            return IngestStatus.UNCHANGED

        vectors = self.backend.embeddings.embed_documents(
            [chunks[c].embed_text for c in changes.new]
        )
        write_pending(
            self.collection,
            self.client.get_max_batch_size(),
            changes.new,
            vectors,
            [chunks[c].text for c in changes.new],
            [metadatas[c] for c in changes.new],
        )
        self.registry.commit(committed)
        self._bump_revision()
        if changes.outdated:
            self.collection.update(
                ids=changes.outdated, metadatas=[metadatas[c] for c in changes.outdated]
            )
        if changes.stale:
            self.collection.delete(ids=changes.stale)
        if changes.outdated or changes.stale:
            self._bump_revision()
        return IngestStatus.REPLACED if record is not None else IngestStatus.ADDED

    def remove_document(self, doc_id: str) -> int:
        """Delete a document (its record first, then its chunks); returns how many of its
        chunks were visible. Call inside `writing()`."""
        record = self.registry.get(doc_id)
        if record is not None:
            self.registry.delete(doc_id)
            self._bump_revision()
        leftovers = [
            cid for cid, _ in stored_chunk_metadata(self.collection, where={"doc_id": doc_id})
        ]
        if leftovers:
            self.collection.delete(ids=leftovers)
        return len(record.chunk_ids) if record is not None else 0

    def sweep(self) -> int:
        """Delete every chunk no record names: under the writer lock nobody is writing, so these
        are leftovers of a crashed run (pending chunks, or an old version's chunks). Call
        inside `writing()`."""
        live = self.live_ids()
        if self.collection.count() == len(live):
            return 0
        orphans = [cid for cid, _ in stored_chunk_metadata(self.collection) if cid not in live]
        if orphans:
            self.collection.delete(ids=orphans)
            log.warning("Removed %d chunks a crashed ingest left behind", len(orphans))
        return len(orphans)

    # -- reading -------------------------------------------------------------------------
    def count(self) -> int:
        return self.collection.count()

    def all_chunks(self) -> Iterable[tuple[str, str, dict[str, Any]]]:
        """(chunk_id, text, metadata) of every chunk of a committed document, paged."""
        live = self.live_ids()
        yield from committed_rows(self.collection, live)

    def documents(self) -> list[dict[str, Any]]:
        """One entry per committed document with its metadata and chunk count, by source."""
        entries = [
            {**document_from_metadata(record.fields), "chunks": len(record.chunk_ids)}
            for record in self.registry.all()
        ]
        return sorted(entries, key=lambda d: str(d["source"]))

    def dense_ranking(
        self,
        query_vector: list[float],
        k: int,
        doc_ids: Collection[str] | None = None,
        available: int | None = None,
        revision: str | None = None,
    ) -> list[tuple[str, float]]:
        """(chunk_id, cosine similarity) of the top-k committed chunks, optionally only from
        the given documents. Only ids and distances are read (texts are fetched for the final
        hits). Uncommitted chunks are skipped; the query widens until k committed ones are found.
        Pass a revision already read to save a call.
        """
        if doc_ids is not None and not doc_ids:
            return []
        live = self.live_ids(revision)
        available = len(live) if available is None else available
        if available == 0:
            return []
        return nearest_committed(self.collection, query_vector, min(k, available), doc_ids, live)

    def dense_search(
        self, query_vector: list[float], k: int, doc_ids: Collection[str] | None = None
    ) -> list[StoredChunk]:
        """Top-k chunks by cosine similarity of their embeddings to the question vector."""
        ranking = self.dense_ranking(query_vector, k, doc_ids)
        rows = {
            cid: (text, meta)
            for cid, text, meta, _ in self.chunks_with_vectors(
                [cid for cid, _ in ranking], with_vectors=False
            )
        }
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
        found = committed_in_order(result, self.live_ids())
        return found[0] if found else None

    def head_chunk(self, doc_id: str) -> StoredChunk | None:
        """The first chunk of a document (its title, number and date)."""
        leading = self.leading_chunks(doc_id, 1)
        return leading[0] if leading else None

    def leading_chunks(self, doc_id: str, count: int, start: int = 0) -> list[StoredChunk]:
        """The first `count` chunks of a document (those from `start`), in order."""
        bounds = [{"chunk_index": {"$lt": count}}, {"chunk_index": {"$gte": start}}]
        result = self.collection.get(
            where={"$and": [{"doc_id": doc_id}, *bounds]}, include=["documents", "metadatas"]
        )
        return committed_in_order(result, self.live_ids())

    def chunks_with_vectors(
        self, ids: list[str], with_vectors: bool = True
    ) -> list[tuple[str, str, dict[str, Any], Any]]:
        """(chunk_id, text, metadata, embedding or None) for the given ids."""
        return chunks_by_id(self.collection, ids, with_vectors)
