"""Whether a stored collection fits this code and configuration: its embedding model and its
storage schema, with the upgrade from schema 1.

Schema 1 stored chunks only; schema 2 adds the committed document records (see
`vectorstore.registry`). A collection embedded with another model, or written by a newer
version, is refused with a message that says what to do.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from vectorstore.chroma_client import StoreError
from vectorstore.chunk_metadata import document_fields
from vectorstore.registry import DocumentRecord, DocumentRegistry

SCHEMA_VERSION = 2


def check_embedding_model(
    collection_metadata: dict[str, Any], collection: str, model_id: str
) -> None:
    """Refuse a collection filled with embeddings of another model."""
    stored_model = collection_metadata.get("embedding_model")
    if stored_model and stored_model != model_id:
        raise StoreError(
            f"collectie '{collection}' is gevuld met embeddings van '{stored_model}', "
            f"maar nu is '{model_id}' ingesteld. Kies een andere "
            "UITVOERING_COLLECTION of verwijder de collectie met `uitvoering reset`."
        )


def stored_schema_version(collection_metadata: dict[str, Any], collection: str) -> int:
    """The schema a collection was written with (1 if none is recorded); refuses a newer one."""
    version = int(collection_metadata.get("schema_version", 1))
    if version > SCHEMA_VERSION:
        raise StoreError(
            f"collectie '{collection}' is geschreven door een nieuwere versie "
            f"van uitvoering-assistent (opslagschema {version}; deze versie leest schema "
            f"{SCHEMA_VERSION}). Werk uitvoering-assistent bij, of kies een andere "
            "UITVOERING_COLLECTION."
        )
    return version


def upgrade_from_v1(
    chunks: Iterable[tuple[str, dict[str, Any]]], registry: DocumentRegistry
) -> int:
    """Commit the document records of a schema-1 store, rebuilt from its (chunk_id, metadata):
    every stored chunk counts, in chunk order. Returns the number of documents."""
    by_doc: dict[str, list[tuple[int, str, dict[str, Any]]]] = {}
    for chunk_id, metadata in chunks:
        by_doc.setdefault(str(metadata["doc_id"]), []).append(
            (int(metadata.get("chunk_index", 0)), chunk_id, metadata)
        )
    for doc_id, rows in by_doc.items():
        rows.sort()
        registry.commit(
            DocumentRecord(doc_id, tuple(cid for _, cid, _ in rows), document_fields(rows[0][2]))
        )
    return len(by_doc)
