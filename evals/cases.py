"""Eval cases: a question with what its answer must and must not say and which stukken it must
cite. The JSONL format is documented in the README ("Evals")."""

from __future__ import annotations

import json
import re
from pathlib import Path

from pydantic import BaseModel, Field, ValidationError, field_validator

from assistant.config import PROJECT_ROOT

DATASETS = PROJECT_ROOT / "evals" / "datasets"
KNOWN_FACTS = DATASETS / "known_facts.jsonl"
DEV_SET = DATASETS / "dev.jsonl"
# The blind set. A new version is a new file and the old ones stay, with their numbers in the
# README: each version replaces the blind-test questions the one before exposed by new
# questions written the same way (from the documents only, before any run).
BLIND_V1 = DATASETS / "blind.jsonl"
BLIND_V2 = DATASETS / "blind_v2.jsonl"
BLIND = DATASETS / "blind_v3.jsonl"
BLIND_VERSIONS = (BLIND_V1, BLIND_V2, BLIND)
# Blind-test questions that were seen: of version 1, whose must_match patterns a probe printed
# (2026-11-30); of version 2, printed whole by a diff of the data (2026-12-02).
EXPOSED_IN_V1 = frozenset({"b-092", "b-093", "b-094", "b-104", "b-106", "b-111", "b-112"})
EXPOSED_IN_V2 = frozenset(
    "b-007 b-008 b-010 b-011 b-014 b-044 b-045 b-048 b-052 b-053 b-055 b-057 b-058 b-060 b-061 "
    "b-062 b-066 b-067 b-071 b-072 b-073 b-077".split()
)
# Written from the documents only, to fit and calibrate on (never reported as blind results).
CALIBRATION = PROJECT_ROOT / "evals" / "calibration"
ANSWERABILITY_QUESTIONS = CALIBRATION / "answerability_questions.jsonl"
PARAPHRASE_QUESTIONS = CALIBRATION / "paraphrase_questions.jsonl"
CATEGORIES = (
    # the known-facts set
    "fact",
    "date",
    "commitment",
    "which_document",
    "reference",
    "multi_document",
    "unanswerable",
    "adversarial",
    # the retrieval dev set
    "meaning",
    "lexical",
    "number",
    "kamerstuk",
    # the blind set
    "chatty",
    "english",
    "false_premise",
)


class EvalCase(BaseModel):
    id: str = Field(min_length=1)
    question: str = Field(min_length=1)
    category: str = Field(min_length=1)  # one of CATEGORIES in the shipped sets; free in others
    must_match: list[str] = Field(default_factory=list)  # regexes that must all match the answer
    must_not_match: list[str] = Field(default_factory=list)  # regexes that must not match
    # Each entry: a document id (file name) or Kamerstuk id ("29362-290"); "a|b" accepts either.
    must_cite: list[str] = Field(default_factory=list)
    evidence: list[str] = Field(default_factory=list)  # verbatim quotes retrieval must find
    refuse: bool | None = None  # expected refusal; default: category is "unanswerable"
    how: str | None = None  # the author's note on how the case was made; not scored

    @field_validator("must_match", "must_not_match")
    @classmethod
    def _compiles(cls, patterns: list[str]) -> list[str]:
        for pattern in patterns:
            try:
                re.compile(pattern)
            except re.error as exc:
                raise ValueError(f"ongeldige reguliere expressie {pattern!r}: {exc}") from exc
        return patterns

    @property
    def expects_refusal(self) -> bool:
        return self.refuse if self.refuse is not None else self.category == "unanswerable"


def verbatim_pattern(quote: str) -> str:
    """A regex matching `quote` verbatim, any run of whitespace for each of its own."""
    return r"\s+".join(re.escape(word) for word in quote.split())


def _from_dev_line(data: dict[str, object]) -> dict[str, object]:
    """A line of the retrieval dev set (`source`, one `evidence` string) as an eval case: the
    evidence must appear verbatim (whitespace-insensitive) in the answer and the source must be
    cited."""
    evidence = data.get("evidence")
    source = data.get("source")
    return {
        "id": data.get("id"),
        "question": data.get("question"),
        "category": data.get("category"),
        "must_match": [verbatim_pattern(str(evidence))] if evidence else [],
        "must_cite": [source] if source else [],
        "evidence": [evidence] if evidence else [],
    }


def load_eval_cases(path: Path) -> list[EvalCase]:
    """The cases of one JSONL file. A bad line raises ValueError naming the file, the line and
    the field; duplicate ids too."""
    cases: list[EvalCase] = []
    seen: set[str] = set()
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise ValueError(f"{path}: kan de evaluatieset niet lezen ({exc.strerror})") from exc
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
            if not isinstance(data, dict):
                raise ValueError("een regel moet een JSON-object zijn")
            case = EvalCase.model_validate(_from_dev_line(data) if "source" in data else data)
        except ValidationError as exc:
            fields = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors())
            raise ValueError(f"{path}:{number}: {fields}") from exc
        except ValueError as exc:
            raise ValueError(f"{path}:{number}: {exc}") from exc
        if case.id in seen:
            raise ValueError(f"{path}:{number}: id {case.id!r} komt al eerder voor")
        seen.add(case.id)
        cases.append(case)
    return cases
