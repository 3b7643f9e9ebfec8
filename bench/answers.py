"""Answer quality on the development set: facts, refusals and citations.

For every dev question the configured answering service answers once. Reported:
- fact accuracy: answerable questions whose answer contains the gold evidence verbatim;
- refusal precision / recall over the questions the corpus cannot answer;
- wrong citations: citations to a document that does not contain the evidence at all;
- answer latency p50 / p95.
Run: `make bench-answers` (uses the data dir of the settings; ingests the bundled corpus first).
"""

from __future__ import annotations

import logging
import re
import statistics
import time

from assistant.config import BUNDLED_CORPUS, get_settings
from assistant.service import AnswerService
from evals.dataset import load_cases
from ingest.pipeline import DocumentPreparer
from ingest.runner import ingest_paths
from vectorstore.embeddings import EmbeddingBackend
from vectorstore.store import VectorStore


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def main() -> None:
    logging.basicConfig(level=logging.WARNING)
    settings = get_settings()
    store = VectorStore(settings, EmbeddingBackend(settings))
    ingest_paths([BUNDLED_CORPUS], DocumentPreparer(settings), store, progress=False)
    service = AnswerService(settings, store)
    documents: dict[str, str] = {}
    for _, text, metadata in store.all_chunks():
        documents[str(metadata["source"])] = documents.get(str(metadata["source"]), "") + text
    cases = load_cases()
    correct = refused_right = refused_wrong = wrong_citations = 0
    misses: list[str] = []
    latencies: list[float] = []
    for case in cases:
        started = time.perf_counter()
        answer = service.ask(case.question)
        latencies.append((time.perf_counter() - started) * 1000)
        if not case.answerable:
            refused_right += answer.refused
            wrong_citations += len(answer.citations)
            if not answer.refused:
                misses.append(f"{case.id} (answered, should refuse)")
            continue
        refused_wrong += answer.refused
        evidence = _squash(case.evidence or "")
        if not answer.refused and evidence in _squash(answer.answer):
            correct += 1
        else:
            misses.append(f"{case.id}{' (refused)' if answer.refused else ''}")
        wrong_citations += sum(
            1 for c in answer.citations if evidence not in _squash(documents.get(c.source, ""))
        )
    answerable = sum(1 for c in cases if c.answerable)
    unanswerable = len(cases) - answerable
    refused = refused_right + refused_wrong
    print(f"mode {settings.answer_mode}; {len(cases)} questions ({answerable} answerable)")
    print(f"fact accuracy          {correct}/{answerable} = {correct / answerable:.3f}")
    print(f"refusal recall         {refused_right}/{unanswerable} = "
          f"{refused_right / max(unanswerable, 1):.3f}")  # fmt: skip
    print(f"refusal precision      {refused_right}/{refused} = "
          f"{refused_right / max(refused, 1):.3f}  ({refused_wrong} answerable refused)")
    print(f"wrong citations        {wrong_citations}")
    print(f"latency p50 / p95 ms   {statistics.median(latencies):.1f} / "
          f"{sorted(latencies)[round(0.95 * (len(latencies) - 1))]:.1f}")
    print("misses: " + (", ".join(misses) or "-"))


if __name__ == "__main__":
    main()
