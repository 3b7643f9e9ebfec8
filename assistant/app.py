"""The composition root: the one place that builds the parts of the product from `Settings`.

Every entry point (CLI, Gradio chat, Slack bot, evals, benchmarks) and every test gets its parts
here; a test that needs another part (a scripted chat model, a store on a temporary folder)
passes it in, the rest is built as in production. Lower layers never build each other.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from assistant.config import Settings
from assistant.llm import LLMClient
from assistant.service import AnswerService
from ingest.pipeline import DocumentPreparer
from vectorstore.embeddings import EmbeddingBackend
from vectorstore.ingestion import IngestReport, ingest_paths
from vectorstore.search import HybridSearcher
from vectorstore.store import VectorStore


def build_embeddings(settings: Settings) -> EmbeddingBackend:
    """The configured embedding model (loaded lazily, on first use)."""
    return EmbeddingBackend(settings)


def build_store(settings: Settings, embeddings: EmbeddingBackend | None = None) -> VectorStore:
    """The Chroma store: embedded under data_dir, or a server when chroma_host is set."""
    return VectorStore(settings, embeddings or build_embeddings(settings))


def build_preparer(settings: Settings) -> DocumentPreparer:
    return DocumentPreparer(settings)


def build_searcher(settings: Settings, store: VectorStore | None = None) -> HybridSearcher:
    return HybridSearcher(settings, store or build_store(settings))


def build_chat_model(settings: Settings) -> LLMClient | None:
    """The chat model of LLM mode; None in extractive mode."""
    return LLMClient(settings) if settings.answer_mode == "llm" else None


def build_service(
    settings: Settings,
    store: VectorStore | None = None,
    llm: LLMClient | None = None,
    searcher: HybridSearcher | None = None,
) -> AnswerService:
    """The answering service every channel talks to."""
    store = store or build_store(settings)
    return AnswerService(
        settings,
        store,
        searcher or build_searcher(settings, store),
        llm if llm is not None else build_chat_model(settings),
    )


def ingest(
    settings: Settings,
    paths: Sequence[Path],
    store: VectorStore | None = None,
    progress: bool = False,
) -> IngestReport:
    """Ingest files and folders into the (given or configured) store."""
    return ingest_paths(
        list(paths), build_preparer(settings), store or build_store(settings), progress=progress
    )
