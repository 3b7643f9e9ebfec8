"""The register of committed documents: one record per document, naming its chunks.

Chunks are written first and are invisible until the document's record names them; writing the
record is the commit point of an ingest. A reader only ever sees chunks some record names, so a
crash (or a failed write) mid-document never shows part of a document, and a re-run finds the
chunks it already wrote and finishes the job.

The records live in a companion Chroma collection (`<collection>.documents`), so a Chroma server
shares them with every process that uses the corpus. Chroma stores a vector with every record;
records carry a constant one-dimensional placeholder, since they are never searched by vector.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import chromadb

_PLACEHOLDER_VECTOR = [1.0]
_PAGE = 1000


def paged_get(
    collection: chromadb.Collection, include: list[str], where: dict[str, Any] | None = None
) -> Iterator[Any]:
    """`collection.get` page by page: one result per page of up to 1000 rows."""
    offset = 0
    while True:
        result = collection.get(where=where, include=include, limit=_PAGE, offset=offset)  # type: ignore[arg-type]
        yield result
        if len(result["ids"]) < _PAGE:
            return
        offset += _PAGE


@dataclass(frozen=True)
class DocumentRecord:
    doc_id: str
    chunk_ids: tuple[str, ...]
    fields: dict[str, Any]  # the document's metadata as Chroma scalars


def registry_name(collection: str) -> str:
    return f"{collection}.documents"


class DocumentRegistry:
    def __init__(self, client: chromadb.ClientAPI, collection: str) -> None:
        self.collection = client.get_or_create_collection(
            name=registry_name(collection), embedding_function=None
        )

    def get(self, doc_id: str) -> DocumentRecord | None:
        result = self.collection.get(ids=[doc_id], include=["documents", "metadatas"])
        records = self._records(result)
        return records[0] if records else None

    def all(self) -> list[DocumentRecord]:
        return [
            record
            for page in paged_get(self.collection, ["documents", "metadatas"])
            for record in self._records(page)
        ]

    def commit(self, record: DocumentRecord) -> None:
        """Make this version of the document the visible one (one write: atomic)."""
        self.collection.upsert(
            ids=[record.doc_id],
            embeddings=[_PLACEHOLDER_VECTOR],
            documents=[" ".join(record.chunk_ids)],
            metadatas=[{**record.fields, "chunks": len(record.chunk_ids)}],
        )

    def delete(self, doc_id: str) -> None:
        self.collection.delete(ids=[doc_id])

    @staticmethod
    def _records(result: Any) -> list[DocumentRecord]:
        return [
            DocumentRecord(
                doc_id,
                tuple((text or "").split()),
                {k: v for k, v in (metadata or {}).items() if k != "chunks"},
            )
            for doc_id, text, metadata in zip(
                result["ids"], result["documents"] or [], result["metadatas"] or [], strict=True
            )
        ]
