"""Answer quality on a set of cases: facts found, refusals, citations and latency.

Used by `make bench-answers` and by the dev-set floor in the tests, so both measure the same way.
"""

from __future__ import annotations

import statistics
import time
from dataclasses import dataclass, field

from assistant.service import AnswerService
from evals.dataset import RetrievalCase, squash


@dataclass
class AnswerQuality:
    answerable: int = 0
    unanswerable: int = 0
    correct: int = 0  # answered with the gold evidence verbatim in the answer
    refused_right: int = 0  # unanswerable and refused
    refused_wrong: int = 0  # answerable but refused
    wrong_citations: int = 0  # citations to a document that does not contain the evidence
    misses: list[str] = field(default_factory=list)
    latencies_ms: list[float] = field(default_factory=list)

    @property
    def fact_accuracy(self) -> float:
        return self.correct / max(self.answerable, 1)

    @property
    def latency_p50_p95(self) -> tuple[float, float]:
        ordered = sorted(self.latencies_ms)
        return statistics.median(ordered), ordered[round(0.95 * (len(ordered) - 1))]


def measure_answers(service: AnswerService, cases: list[RetrievalCase]) -> AnswerQuality:
    """Ask every case once and score the answers."""
    documents: dict[str, str] = {}
    for _, text, metadata in service.store.all_chunks():
        documents[str(metadata["source"])] = documents.get(str(metadata["source"]), "") + text
    quality = AnswerQuality()
    for case in cases:
        started = time.perf_counter()
        answer = service.ask(case.question)
        quality.latencies_ms.append((time.perf_counter() - started) * 1000)
        if not case.answerable:
            quality.unanswerable += 1
            quality.refused_right += answer.refused
            quality.wrong_citations += len(answer.citations)
            if not answer.refused:
                quality.misses.append(f"{case.id} (answered, should refuse)")
            continue
        quality.answerable += 1
        quality.refused_wrong += answer.refused
        evidence = squash(case.evidence or "")
        if not answer.refused and evidence in squash(answer.answer):
            quality.correct += 1
        else:
            quality.misses.append(f"{case.id}{' (refused)' if answer.refused else ''}")
        quality.wrong_citations += sum(
            1 for c in answer.citations if evidence not in squash(documents.get(c.source, ""))
        )
    return quality
