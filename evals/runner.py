"""Running eval cases through the answering service, and the run's results as JSON."""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from assistant.config import Settings
from assistant.service import AnswerService
from evals.cases import EvalCase
from evals.scoring import CaseResult, metrics, refusal_confusion, score_case
from ingest.text import squash

Progress = Callable[[CaseResult], None]


@dataclass
class EvalRun:
    datasets: list[str]
    setup: dict[str, Any]  # the configuration that answered: mode, models, k
    results: list[CaseResult]
    created: str = field(default_factory=lambda: datetime.now(UTC).isoformat(timespec="seconds"))
    # The run holds blind-set cases: the report adds a table per category and the refusals.
    blind: bool = False
    split: str | None = None  # the half of the blind set that ran ("blind-dev", "blind-test")

    @property
    def aggregate_only(self) -> bool:
        """Blind-test cases are reported in aggregate only: no question, answer or per-case
        result leaves the run (the whole blind set holds blind-test cases too)."""
        return self.blind and self.split != "blind-dev"

    @property
    def overall(self) -> dict[str, float | int | None]:
        return metrics(self.results)

    def refusals(self) -> dict[str, int]:
        return refusal_confusion(self.results)

    def by_category(self) -> dict[str, dict[str, float | int | None]]:
        categories = sorted({r.category for r in self.results})
        return {c: metrics([r for r in self.results if r.category == c]) for c in categories}

    def to_json(self) -> dict[str, Any]:
        """The machine-readable results (also the format of a baseline file)."""
        data: dict[str, Any] = {
            "format": "uitvoering-eval/1",
            "created": self.created,
            "datasets": self.datasets,
            "setup": self.setup,
            "metrics": self.overall,
            "categories": self.by_category(),
            "cases": [] if self.aggregate_only else [r.to_dict() for r in self.results],
        }
        if self.blind:
            data |= {"split": self.split, "refusal_confusion": self.refusals()}
        return data

    def write_json(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(
            json.dumps(self.to_json(), ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
        )


def describe_setup(settings: Settings) -> dict[str, Any]:
    setup: dict[str, Any] = {
        "answer_mode": settings.answer_mode,
        "embedding_backend": settings.embedding_backend,
        "embedding_model": settings.embedding_model,
        "top_k": settings.top_k,
        "collection": settings.collection,
    }
    if settings.answer_mode == "llm":
        setup |= {"llm_model": settings.llm_model, "llm_base_url": settings.llm_base_url}
    return setup


def run_cases(
    service: AnswerService, cases: list[EvalCase], progress: Progress | None = None
) -> list[CaseResult]:
    """Ask every case once through the service; retrieval hit@k is checked on the passages the
    answer's own search returned (the configured k)."""
    results = []
    for case in cases:
        started = time.perf_counter()
        answer = service.ask(case.question)
        latency_ms = (time.perf_counter() - started) * 1000
        texts = service.passage_texts(answer.retrieved)
        retrieved = " ".join(squash(texts[cid]) for cid in answer.retrieved)
        result = score_case(case, answer, retrieved, latency_ms)
        results.append(result)
        if progress is not None:
            progress(result)
    return results
