"""Where a corpus lives: the Chroma client (embedded or a server), its writer lock, its reset."""

from __future__ import annotations

from pathlib import Path

import chromadb
from chromadb.config import Settings as ChromaSettings

from vectorstore.registry import registry_name
from vectorstore.settings import StoreSettings
from vectorstore.writer_lock import writer_lock


class StoreError(RuntimeError):
    """The vector store cannot be used as configured."""


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
