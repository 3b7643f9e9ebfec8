"""The Dutch development set for retrieval: questions with a gold document and evidence quote."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Literal

from pydantic import BaseModel

from assistant.config import PROJECT_ROOT

DEV_SET = PROJECT_ROOT / "evals" / "datasets" / "dev.jsonl"

Category = Literal["meaning", "lexical", "number", "date", "kamerstuk", "unanswerable"]


class RetrievalCase(BaseModel):
    id: str
    question: str
    source: str | None  # gold document (file name); None: the corpus has no answer
    evidence: str | None  # verbatim quote that a retrieved chunk of `source` must contain
    category: Category

    @property
    def answerable(self) -> bool:
        return self.source is not None


def load_cases(path: Path = DEV_SET) -> list[RetrievalCase]:
    """All cases of a JSONL file; a bad line raises ValueError naming file and line."""
    cases: list[RetrievalCase] = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            cases.append(RetrievalCase.model_validate(json.loads(line)))
        except ValueError as exc:
            raise ValueError(f"{path}:{number}: ongeldige regel ({exc})") from exc
    return cases


def squash(text: str) -> str:
    """Whitespace runs as one space: evidence matches across line breaks."""
    return re.sub(r"\s+", " ", text).strip()


def hit_rank(case: RetrievalCase, results: list[tuple[str, str]]) -> int | None:
    """1-based rank of the first (source, text) result from the gold document that contains the
    evidence (whitespace-insensitive), or None."""
    evidence = squash(case.evidence or "")
    for rank, (source, text) in enumerate(results, start=1):
        if source == case.source and evidence in squash(text):
            return rank
    return None
