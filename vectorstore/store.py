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
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Any

import chromadb
from chromadb.api.shared_system_client import SharedSystemClient
from chromadb.config import Settings as ChromaSettings

from ingest.pipeline import PreparedDocument
from vectorstore.embeddings import EmbeddingBackend
from vectorstore.registry import DocumentRecord, DocumentRegistry, paged_get, registry_name
from vectorstore.settings import StoreSettings
from vectorstore.writer_lock import writer_lock

log = logging.getLogger(__name__)

# Storage schema: 1 = chunks only; 2 = chunks plus committed document records.
SCHEMA_VERSION = 2
LIST_SEPARATOR = ","
_DOC_FIELDS = (
    "doc_id",
    "source",
    "content_hash",
    "kamerstuk",
    "dossier",
    "ondernummer",
    "vergaderjaar",
    "date",
    "title",
    "dossier_title",
    "doc_type",
    "sender",
    "signer",
    "kenmerk",
    "references",
)


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


def make_client(settings: StoreSettings) -> chromadb.ClientAPI:
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


def reset_collection(settings: StoreSettings) -> None:
    """Delete a corpus (its chunks and its document records), holding the writer lock."""
    client = make_client(settings)
    with writer_lock(lock_path(settings), settings.writer_lock_timeout_s):
        existing = {c.name for c in client.list_collections()}
        for name in (registry_name(settings.collection), settings.collection):
            if name in existing:
                client.delete_collection(name)


def lock_path(settings: StoreSettings) -> Path:
    """The writer lock of a corpus: one per collection and store location."""
    target = settings.collection
    if settings.chroma_host:
        target += f"@{settings.chroma_host}_{settings.chroma_port}"
    return settings.data_dir / "locks" / f"{target}.lock"


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


def document_fields(chunk_metadata: dict[str, Any]) -> dict[str, Any]:
    """The document-level part of a chunk's metadata."""
    return {key: chunk_metadata.get(key, "") for key in _DOC_FIELDS}


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
        stored_model = (self.collection.metadata or {}).get("embedding_model")
        if stored_model and stored_model != backend.model_id:
            raise StoreError(
                f"collectie '{settings.collection}' is gevuld met embeddings van '{stored_model}', "
                f"maar nu is '{backend.model_id}' ingesteld. Kies een andere "
                "UITVOERING_COLLECTION of verwijder de collectie met `uitvoering reset`."
            )
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
        version = int(metadata.get("schema_version", 1))
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"collectie '{self.settings.collection}' is geschreven door een nieuwere versie "
                f"van uitvoering-assistent (opslagschema {version}; deze versie leest schema "
                f"{SCHEMA_VERSION}). Werk uitvoering-assistent bij, of kies een andere "
                "UITVOERING_COLLECTION."
            )
        if version < SCHEMA_VERSION:
            with self.writing():
                self._upgrade_from_v1()
        if "revision" not in metadata:
            self._bump_revision()

    def _upgrade_from_v1(self) -> None:
        by_doc: dict[str, list[tuple[int, str, dict[str, Any]]]] = {}
        for chunk_id, metadata in self._chunk_metadata():
            by_doc.setdefault(str(metadata["doc_id"]), []).append(
                (int(metadata.get("chunk_index", 0)), chunk_id, metadata)
            )
        for doc_id, rows in by_doc.items():
            rows.sort()
            self.registry.commit(
                DocumentRecord(
                    doc_id, tuple(cid for _, cid, _ in rows), document_fields(rows[0][2])
                )
            )
        self._set_metadata(schema_version=SCHEMA_VERSION)
        log.warning(
            "Collection '%s' upgraded to storage schema %d (%d documents)",
            self.settings.collection,
            SCHEMA_VERSION,
            len(by_doc),
        )

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
        stored = dict(self._chunk_metadata(where={"doc_id": document.doc_id}))
        new_ids = [chunk.chunk_id for chunk in document.chunks]
        metadatas = chunk_metadatas(document)
        fields = document_fields(metadatas[0])
        fresh_metadata = dict(zip(new_ids, metadatas, strict=True))
        if (
            record is not None
            and record.chunk_ids == tuple(new_ids)
            and record.fields == fields
            and set(stored) == set(new_ids)
            and all(stored[cid] == fresh_metadata[cid] for cid in new_ids)
        ):
            return IngestStatus.UNCHANGED

        fresh = [i for i, cid in enumerate(new_ids) if cid not in stored]
        vectors = self.backend.embeddings.embed_documents(
            [document.chunks[i].embed_text for i in fresh]
        )
        self._write_pending(
            [new_ids[i] for i in fresh],
            vectors,
            [document.chunks[i].text for i in fresh],
            [metadatas[i] for i in fresh],
        )
        self.registry.commit(DocumentRecord(document.doc_id, tuple(new_ids), fields))
        self._bump_revision()
        outdated = [cid for cid in new_ids if cid in stored and stored[cid] != fresh_metadata[cid]]
        if outdated:
            self.collection.update(ids=outdated, metadatas=[fresh_metadata[c] for c in outdated])
        stale = [cid for cid in stored if cid not in fresh_metadata]
        if stale:
            self.collection.delete(ids=stale)
        if outdated or stale:
            self._bump_revision()
        return IngestStatus.REPLACED if record is not None else IngestStatus.ADDED

    def _write_pending(
        self,
        ids: list[str],
        vectors: list[list[float]],
        texts: list[str],
        metadatas: list[dict[str, Any]],
    ) -> None:
        """Write chunks no record names yet; on failure, take back what was written."""
        batch = self.client.get_max_batch_size()
        try:
            for start in range(0, len(ids), batch):
                end = start + batch
                self.collection.upsert(
                    ids=ids[start:end],
                    embeddings=vectors[start:end],
                    documents=texts[start:end],
                    metadatas=metadatas[start:end],
                )
        except Exception:
            try:
                self.collection.delete(ids=ids)
            except Exception:  # the next run removes them; they are invisible meanwhile
                log.warning("Could not take back %d uncommitted chunks", len(ids))
            raise

    def remove_document(self, doc_id: str) -> int:
        """Delete a document (its record first, then its chunks); returns how many of its
        chunks were visible. Call inside `writing()`."""
        record = self.registry.get(doc_id)
        if record is not None:
            self.registry.delete(doc_id)
            self._bump_revision()
        leftovers = [cid for cid, _ in self._chunk_metadata(where={"doc_id": doc_id})]
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
        orphans = [cid for cid, _ in self._chunk_metadata() if cid not in live]
        if orphans:
            self.collection.delete(ids=orphans)
            log.warning("Removed %d chunks a crashed ingest left behind", len(orphans))
        return len(orphans)

    def _chunk_metadata(
        self, where: dict[str, Any] | None = None
    ) -> Iterable[tuple[str, dict[str, Any]]]:
        """(chunk_id, metadata) of every stored chunk, committed or not, paged."""
        for page in paged_get(self.collection, ["metadatas"], where):
            yield from zip(page["ids"], page["metadatas"], strict=True)

    # -- reading -------------------------------------------------------------------------
    def count(self) -> int:
        return self.collection.count()

    def all_chunks(self) -> Iterable[tuple[str, str, dict[str, Any]]]:
        """(chunk_id, text, metadata) of every chunk of a committed document, paged."""
        live = self.live_ids()
        for page in paged_get(self.collection, ["documents", "metadatas"]):
            for row in zip(page["ids"], page["documents"], page["metadatas"], strict=True):
                if row[0] in live:
                    yield row

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
        where = {"doc_id": {"$in": sorted(doc_ids)}} if doc_ids is not None else None
        wanted = min(k, available)
        asked = wanted
        while True:
            result = self.collection.query(
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
        found = self._committed_in_order(
            self.collection.get(
                where={"doc_id": doc_id},
                where_document={"$contains": needle},
                include=["documents", "metadatas"],
            )
        )
        return found[0] if found else None

    def head_chunk(self, doc_id: str) -> StoredChunk | None:
        """The first chunk of a document (its title, number and date)."""
        leading = self.leading_chunks(doc_id, 1)
        return leading[0] if leading else None

    def leading_chunks(self, doc_id: str, count: int) -> list[StoredChunk]:
        """The first `count` chunks of a document, in order."""
        return self._committed_in_order(
            self.collection.get(
                where={"$and": [{"doc_id": doc_id}, {"chunk_index": {"$lt": count}}]},
                include=["documents", "metadatas"],
            )
        )

    def _committed_in_order(self, result: Any) -> list[StoredChunk]:
        """The committed chunks of a `get` result, in document order."""
        live = self.live_ids()
        chunks = [
            StoredChunk(chunk_id, text, dict(metadata), 0.0)
            for chunk_id, text, metadata in zip(
                result["ids"], result["documents"], result["metadatas"], strict=True
            )
            if chunk_id in live
        ]
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
