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

from assistant.config import BUNDLED_CORPUS, get_settings
from assistant.service import AnswerService
from evals.answer_quality import measure_answers
from evals.dataset import load_cases
from ingest.pipeline import DocumentPreparer
from ingest.runner import ingest_paths
from vectorstore.embeddings import EmbeddingBackend
from vectorstore.store import VectorStore


def main() -> None:
    logging.basicConfig(level=logging.WARNING)
    settings = get_settings()
    store = VectorStore(settings, EmbeddingBackend(settings))
    ingest_paths([BUNDLED_CORPUS], DocumentPreparer(settings), store, progress=False)
    quality = measure_answers(AnswerService(settings, store), load_cases())
    answerable, unanswerable = quality.answerable, quality.unanswerable
    refused = quality.refused_right + quality.refused_wrong
    p50, p95 = quality.latency_p50_p95
    print(
        f"mode {settings.answer_mode}; {answerable + unanswerable} questions "
        f"({answerable} answerable)"
    )
    print(f"fact accuracy          {quality.correct}/{answerable} = {quality.fact_accuracy:.3f}")
    print(
        f"refusal recall         {quality.refused_right}/{unanswerable} = "
        f"{quality.refused_right / max(unanswerable, 1):.3f}"
    )
    print(
        f"refusal precision      {quality.refused_right}/{refused} = "
        f"{quality.refused_right / max(refused, 1):.3f}  "
        f"({quality.refused_wrong} answerable refused)"
    )
    print(f"wrong citations        {quality.wrong_citations}")
    print(f"latency p50 / p95 ms   {p50:.1f} / {p95:.1f}")
    print("misses: " + (", ".join(quality.misses) or "-"))


if __name__ == "__main__":
    main()
