"""The calibration sets (evals/calibration/*_questions.jsonl): they load as eval cases and every
evidence quote stands verbatim in a document the case cites, so the fits that pair questions
with evidence sentences (`evals.fit_query_adapter`, `evals.fit_reranker`) find what they read."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.config import PROJECT_ROOT
from evals.cases import CALIBRATION, load_eval_cases
from evals.scoring import squash

pytestmark = pytest.mark.unit

SETS = sorted(CALIBRATION.glob("*_questions.jsonl"))
CORPUS = PROJECT_ROOT / "corpus" / "uitvoering"


def test_the_four_question_sets_are_there() -> None:
    assert {path.name for path in SETS} >= {
        "answerability_questions.jsonl",
        "paraphrase_questions.jsonl",
        "coverage_questions.jsonl",
        "document_questions.jsonl",
    }


@pytest.mark.parametrize("path", SETS, ids=lambda path: path.name)
def test_every_evidence_quote_stands_in_a_cited_document(path: Path) -> None:
    documents = {doc.name: squash(doc.read_text(encoding="utf-8")) for doc in CORPUS.iterdir()}
    missing = [
        (case.id, quote)
        for case in load_eval_cases(path)
        for quote in case.evidence
        if not any(
            squash(quote) in documents.get(name, "")
            for cited in case.must_cite
            for name in cited.split("|")
        )
    ]
    assert missing == []
