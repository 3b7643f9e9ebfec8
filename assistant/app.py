"""The composition root: the one place that builds the parts of the product from `Settings`.

Every entry point (CLI, Gradio chat, Slack bot, evals, benchmarks) and every test gets its parts
here; a test that needs another part (a scripted chat model, a store on a temporary folder)
passes it in, the rest is built as in production. Lower layers never build each other.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from assistant.answering.answerer import Answerer
from assistant.answering.chat_model import ChatModel, ChatModelError
from assistant.answering.document_facts import DocumentFacts
from assistant.answering.document_policy import DocumentAwarePolicy
from assistant.answering.extractive_answerer import ExtractiveAnswerer
from assistant.answering.fallback import FallbackAnswerer
from assistant.answering.footnotes import FootnoteReader
from assistant.answering.llm_answerer import LLMAnswerer
from assistant.answering.multi_document import MultiDocumentAnswers
from assistant.answering.premise import PremiseCheck
from assistant.answering.refusal import RefusalPolicy
from assistant.answering.resolver import QuestionResolver
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


# The chat model backends of LLM mode, by the name UITVOERING_LLM_BACKEND gives: a new backend is
# a `ChatModel` class (see assistant/answering/chat_model.py) registered here.
CHAT_MODELS: dict[str, Callable[[Settings], ChatModel]] = {"openai": LLMClient}


def build_chat_model(settings: Settings) -> ChatModel | None:
    """The chat model of LLM mode (the backend `llm_backend` names); None in extractive mode."""
    if settings.answer_mode != "llm":
        return None
    backend = CHAT_MODELS.get(settings.llm_backend)
    if backend is None:
        known = ", ".join(sorted(CHAT_MODELS))
        raise ChatModelError(
            f"UITVOERING_LLM_BACKEND={settings.llm_backend} bestaat niet; kies uit: {known}"
        )
    return backend(settings)


def _answerer(
    settings: Settings,
    store: VectorStore,
    searcher: HybridSearcher,
    policy: RefusalPolicy,
    chat_model: ChatModel | None,
) -> Answerer:
    """Extractive answers; with a chat model, its answers with the extractive ones as fallback."""
    facts = DocumentFacts(store, searcher)
    footnotes = FootnoteReader(store)
    extractive = ExtractiveAnswerer(
        settings,
        store,
        searcher,
        facts,
        policy,
        PremiseCheck(searcher, facts),
        MultiDocumentAnswers(settings, searcher, facts, footnotes),
        footnotes,
    )
    if chat_model is None:
        return extractive
    return FallbackAnswerer(LLMAnswerer(chat_model, searcher), extractive)


def build_service(
    settings: Settings,
    store: VectorStore | None = None,
    llm: ChatModel | None = None,
    searcher: HybridSearcher | None = None,
) -> AnswerService:
    """The answering service every channel talks to; `llm` replaces the configured chat model
    (a test's scripted one)."""
    store = store or build_store(settings)
    searcher = searcher or build_searcher(settings, store)
    chat_model = llm if llm is not None else build_chat_model(settings)
    policy = DocumentAwarePolicy(settings, searcher)
    return AnswerService(
        settings,
        store,
        searcher,
        _answerer(settings, store, searcher, policy, chat_model),
        QuestionResolver(chat_model),
        policy,
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
