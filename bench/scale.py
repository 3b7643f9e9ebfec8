"""Scale benchmark: a synthetic corpus of 10k, 50k and 100k chunks in a Chroma server.

    python -m bench.scale [--sizes 10000,50000,100000] [--embed-docs 1]

Starts `chroma run` on 127.0.0.1, grows one collection through the real ingest (load, clean,
metadata, chunk, write, commit) and, at each size, measures query latency (dense, lexical,
hybrid), the lexical index build and memory (this process and the server).

The chunk vectors at scale are synthetic (LangChain's DeterministicFakeEmbedding, 384 dims like
multilingual-e5-small): the real model embeds a few long chunks per second on 2 cores, so 100k
real vectors would take most of a day. Questions are embedded with the real model, so query
latency includes it. The embedding-included throughput is measured on a sample, side by side:
the model alone on the sample's chunks, then the whole ingest of the same files with the model;
their ratio is the pipeline's own overhead, and the 100k figure is extrapolated from it.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import tempfile
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

from langchain_core.embeddings import DeterministicFakeEmbedding, Embeddings

from assistant import app
from assistant.config import PROJECT_ROOT, Settings
from bench.synthetic import write_corpus
from evals.stats import percentile
from ingest.pipeline import DocumentPreparer
from vectorstore.embeddings import EmbeddingBackend
from vectorstore.ingestion import ingest_paths
from vectorstore.local_server import local_chroma_server
from vectorstore.search import HybridSearcher
from vectorstore.store import VectorStore

log = logging.getLogger("bench.scale")

PARAGRAPHS_PER_DOCUMENT = 110  # about 95 chunks of up to 300 tokens
RESULTS = PROJECT_ROOT / "bench" / "results" / "scale.json"
PLOT = PROJECT_ROOT / "docs" / "scale.png"
K = 5


class SyntheticVectors(Embeddings):
    """Synthetic passage vectors, real question vectors."""

    def __init__(self, real: Embeddings, size: int) -> None:
        self.fake = DeterministicFakeEmbedding(size=size)
        self.real = real

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return self.fake.embed_documents(texts)

    def embed_query(self, text: str) -> list[float]:
        return self.real.embed_query(text)


class SyntheticBackend(EmbeddingBackend):
    def __init__(self, settings: Settings, real: EmbeddingBackend) -> None:
        super().__init__(settings)
        size = len(real.embeddings.embed_query("proef"))
        self.model_id = f"synthetic-{size}"
        self._embeddings = SyntheticVectors(real.embeddings, size)


@dataclass
class SizePoint:
    chunks: int
    documents: int
    ingest_s: float
    ingest_chunks_per_s: float  # without embedding (synthetic vectors)
    lexical_build_s: float
    dense_p50_ms: float
    dense_p95_ms: float
    lexical_p50_ms: float
    lexical_p95_ms: float
    hybrid_p50_ms: float
    hybrid_p95_ms: float
    bench_rss_mb: float  # this process: BM25 index, catalog, model, Python
    server_rss_mb: float  # the Chroma server


def rss_mb(pid: int | str = "self") -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def questions() -> list[str]:
    rows = (PROJECT_ROOT / "evals" / "datasets" / "known_facts.jsonl").read_text(encoding="utf-8")
    return [json.loads(line)["question"] for line in rows.splitlines() if line.strip()][:80]


def timed_ms(action: Callable[[], object]) -> float:
    started = time.perf_counter()
    action()
    return (time.perf_counter() - started) * 1000


def measure_queries(searcher: HybridSearcher, asked: list[str]) -> dict[str, list[float]]:
    store, lexical = searcher.store, searcher.lexical
    embed = store.backend.embeddings.embed_query
    for question in asked[:5]:  # warm-up: model, caches, connections
        searcher.search(question, K)
    return {
        "dense": [timed_ms(lambda q=q: store.dense_ranking(embed(q), K)) for q in asked],
        "lexical": [timed_ms(lambda q=q: lexical.search(q, K)) for q in asked],
        "hybrid": [timed_ms(lambda q=q: searcher.search(q, K)) for q in asked],
    }


def grow(
    store: VectorStore,
    preparer: DocumentPreparer,
    files: list[Path],
    server_pid: int,
    asked: list[str],
    searcher: HybridSearcher,
) -> SizePoint:
    started = time.perf_counter()
    before = store.count()
    report = ingest_paths(files, preparer, store, progress=False)
    ingest_s = time.perf_counter() - started
    added = store.count() - before
    assert not report.failed, report.summary()
    build_s = timed_ms(searcher.lexical.refresh) / 1000
    latency = measure_queries(searcher, asked)
    point = SizePoint(
        chunks=store.count(),
        documents=len(store.documents()),
        ingest_s=round(ingest_s, 2),
        ingest_chunks_per_s=round(added / ingest_s),
        lexical_build_s=round(build_s, 2),
        **{
            f"{mode}_{name}_ms": round(percentile(values, share), 1)
            for mode, values in latency.items()
            for name, share in (("p50", 0.5), ("p95", 0.95))
        },
        bench_rss_mb=round(rss_mb()),
        server_rss_mb=round(rss_mb(server_pid)),
    )
    log.info("%s", point)
    return point


def embedding_overhead(settings: Settings, files: list[Path]) -> dict[str, float]:
    """The model alone on the sample's chunks, then the whole ingest of the same files."""
    real_settings = settings.model_copy(
        update={"collection": "scale-embedded", "embedding_cache": False}
    )
    backend = app.build_embeddings(real_settings)
    preparer = app.build_preparer(real_settings)
    texts = [chunk.embed_text for path in files for chunk in preparer.prepare(path).chunks]
    backend.embeddings.embed_query("opwarmen")
    model_runs = [timed_ms(lambda: backend.embeddings.embed_documents(texts)) / 1000]
    store = app.build_store(real_settings, backend)
    pipeline_s = timed_ms(lambda: ingest_paths(files, preparer, store, progress=False)) / 1000
    # The model alone before and after the pipeline; the faster run is the fairer yardstick.
    model_runs.append(timed_ms(lambda: backend.embeddings.embed_documents(texts)) / 1000)
    model_s = min(model_runs)
    assert store.count() == len(texts)
    return {
        "sample_chunks": len(texts),
        "model_s": round(model_s, 2),
        "model_runs_s": [round(run, 2) for run in model_runs],
        "model_chunks_per_s": round(len(texts) / model_s, 2),
        "pipeline_s": round(pipeline_s, 2),
        "pipeline_chunks_per_s": round(len(texts) / pipeline_s, 2),
        "pipeline_over_model": round(pipeline_s / model_s, 3),
        "extrapolated_100k_hours": round(100_000 / (len(texts) / pipeline_s) / 3600, 1),
    }


def ceilings(settings: Settings, files: list[Path]) -> dict[str, float]:
    """The two stages' own speeds on the same files: preparation alone (load, clean, metadata,
    chunk) and Chroma's own write speed for the prepared chunks in batches of 1000 (vectors,
    texts and metadata, as the store writes them), into a scratch collection."""
    from vectorstore.chroma_client import make_client
    from vectorstore.chunk_metadata import chunk_metadatas

    preparer = app.build_preparer(settings)
    started = time.perf_counter()
    documents = [preparer.prepare(path) for path in files]
    prepare_s = time.perf_counter() - started
    rows = [
        (chunk, meta)
        for document in documents
        for chunk, meta in zip(document.chunks, chunk_metadatas(document), strict=True)
    ]
    vectors = DeterministicFakeEmbedding(size=384).embed_documents([c.embed_text for c, _ in rows])
    scratch = make_client(settings).create_collection(
        "scale-ceiling", configuration={"hnsw": {"space": "cosine"}}, embedding_function=None
    )
    started = time.perf_counter()
    for start in range(0, len(rows), 1000):
        part = rows[start : start + 1000]
        scratch.upsert(
            ids=[c.chunk_id for c, _ in part],
            embeddings=vectors[start : start + 1000],
            documents=[c.text for c, _ in part],
            metadatas=[m for _, m in part],
        )
    write_s = time.perf_counter() - started
    return {
        "sample_chunks": len(rows),
        "prepare_chunks_per_s": round(len(rows) / prepare_s),
        "chroma_write_chunks_per_s": round(len(rows) / write_s),
    }


def plot(points: list[SizePoint], path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    sizes = [p.chunks / 1000 for p in points]
    figure, (latency, throughput, memory) = plt.subplots(1, 3, figsize=(13, 3.8))
    for mode in ("dense", "lexical", "hybrid"):
        latency.plot(
            sizes, [getattr(p, f"{mode}_p95_ms") for p in points], marker="o", label=f"{mode} p95"
        )
    latency.axhline(150, color="grey", linestyle="--", label="doel hybride p95")
    latency.set(title="Zoektijd (ms)", xlabel="passages (×1000)")
    latency.legend(fontsize=8)
    throughput.plot(
        sizes, [p.ingest_chunks_per_s for p in points], marker="o", label="zonder embedding"
    )
    throughput.axhline(2000, color="grey", linestyle="--", label="doel")
    throughput.set(title="Inlezen (passages/s)", xlabel="passages (×1000)")
    throughput.legend(fontsize=8)
    memory.plot(sizes, [p.server_rss_mb for p in points], marker="o", label="Chroma-server")
    memory.plot(sizes, [p.bench_rss_mb for p in points], marker="o", label="zoekproces")
    memory.set(title="Geheugen (MB RSS)", xlabel="passages (×1000)")
    memory.legend(fontsize=8)
    figure.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    figure.savefig(path, dpi=110)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="10000,50000,100000")
    parser.add_argument("--embed-docs", type=int, default=1, help="files embedded for real")
    parser.add_argument("--queries", type=int, default=80)
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    sizes = [int(size) for size in args.sizes.split(",")]

    with tempfile.TemporaryDirectory(prefix="uitvoering-scale-") as tmp:
        root = Path(tmp)
        # One synthetic document is about 95 chunks; write enough for the largest size.
        files = write_corpus(root / "corpus", max(sizes) // 90 + 1, PARAGRAPHS_PER_DOCUMENT)
        with local_chroma_server(root / "server") as server:
            settings = Settings(
                data_dir=root / "data",
                chroma_host="127.0.0.1",
                chroma_port=server.port,
                collection="scale",
                embedding_cache=False,
            )
            real = app.build_embeddings(settings)
            store = app.build_store(settings, SyntheticBackend(settings, real))
            preparer = app.build_preparer(settings)
            searcher = app.build_searcher(settings, store)
            asked = questions()[: args.queries]
            points: list[SizePoint] = []
            taken = 0
            for size in sizes:
                batch: list[Path] = []
                # Files are added until the collection holds `size` chunks (estimated per file).
                while taken < len(files) and store.count() + 95 * len(batch) < size:
                    batch.append(files[taken])
                    taken += 1
                points.append(grow(store, preparer, batch, server.pid, asked, searcher))
            stages = ceilings(settings, files[:20])
            sample = files[len(files) - args.embed_docs :]
            embedded = embedding_overhead(settings, sample)
    results = {
        "machine": f"{os.cpu_count()} CPU cores",
        "points": [asdict(point) for point in points],
        "embedding": embedded,
        "stages_without_embedding": stages,
        "growth_100k_over_10k": {
            key: round(getattr(points[-1], key) / max(getattr(points[0], key), 1e-9), 2)
            for key in (
                "hybrid_p95_ms",
                "lexical_p95_ms",
                "dense_p95_ms",
                "server_rss_mb",
                "bench_rss_mb",
                "lexical_build_s",
                "ingest_chunks_per_s",
            )
        },
    }
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(results, indent=2) + "\n")
    plot(points, PLOT)
    print_table(results)


def print_table(results: dict[str, object]) -> None:
    points = results["points"]
    assert isinstance(points, list)
    header = (
        "chunks",
        "docs",
        "ingest/s",
        "bm25 build s",
        "dense p50/p95",
        "lexical p50/p95",
        "hybrid p50/p95",
        "rss bench/server MB",
    )
    print(" | ".join(header))
    for p in points:
        print(
            " | ".join(
                [
                    str(p["chunks"]),
                    str(p["documents"]),
                    str(p["ingest_chunks_per_s"]),
                    str(p["lexical_build_s"]),
                    f"{p['dense_p50_ms']}/{p['dense_p95_ms']}",
                    f"{p['lexical_p50_ms']}/{p['lexical_p95_ms']}",
                    f"{p['hybrid_p50_ms']}/{p['hybrid_p95_ms']}",
                    f"{p['bench_rss_mb']}/{p['server_rss_mb']}",
                ]
            )
        )
    print("embedding (sample):", json.dumps(results["embedding"]))
    print("stages on their own:", json.dumps(results["stages_without_embedding"]))
    print("growth 100k/10k:", json.dumps(results["growth_100k_over_10k"]))
    print(f"results: {RESULTS}  plot: {PLOT}")


if __name__ == "__main__":
    main()
