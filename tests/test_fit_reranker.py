"""The reranker fit: its training groups and the same-fold comparison of the shipped training
set with the one that adds the calibration questions."""

from __future__ import annotations

import numpy as np
import pytest

from evals.fit_reranker import CALIBRATION_SETS, SHIPPED, Question, compare, training_cases
from vectorstore.passage_reranker import DEPTH, FEATURE_NAMES

pytestmark = pytest.mark.unit


def _questions(prefix: str, group: str, signal: str, seed: int) -> list[Question]:
    """Questions whose evidence sits at fused rank 8 and stands out on one feature only."""
    rng = np.random.default_rng(seed)
    questions = []
    for n in range(40):
        rows = rng.normal(size=(DEPTH, len(FEATURE_NAMES))) * 0.1
        rows[:, 0] = [1.0 / (5 + rank) for rank in range(1, DEPTH + 1)]
        rows[7, FEATURE_NAMES.index(signal)] += 1.0
        labels = np.zeros(DEPTH, dtype=np.int64)
        labels[7] = 1
        questions.append(Question(f"{prefix}{n}", rows, labels, group))
    return questions


def test_training_groups_hold_only_answerable_questions_with_evidence() -> None:
    groups = training_cases()
    assert set(groups) == set(SHIPPED) | set(CALIBRATION_SETS)
    assert all(groups[name] for name in groups)
    cases = [case for group in groups.values() for case in group]
    assert all(case.evidence and not case.expects_refusal for case in cases)
    assert len({case.id for case in cases}) == len(cases)  # folds go by id
    assert set(training_cases(calibration=False)) == set(SHIPPED)


def test_comparison_shows_what_only_the_calibration_questions_teach() -> None:
    """Shipped questions reward the best sentence, paraphrases only term coverage: the model
    fitted on the shipped questions mostly leaves held-out paraphrases' evidence at rank 8, the
    one fitted with the calibration questions lifts it on every fold."""
    questions = _questions("dev-", "dev", "best_sentence", 5)
    questions += _questions("par-", "paraphrase", "term_coverage", 6)
    rows = compare(questions)
    paraphrase = [row for row in rows if row["group"] == "paraphrase"]
    shipped = [row for row in rows if row["group"] == "shipped"]
    assert len(paraphrase) == len(shipped) == 5
    assert sum(int(row["questions"]) for row in paraphrase) == 40
    assert all(row["fused_recall@5"] == 0.0 for row in rows)
    assert all(row["calibrated_recall@5"] == 1.0 for row in paraphrase)
    assert np.mean([row["shipped_recall@5"] for row in paraphrase]) < 0.5
    assert all(row["shipped_recall@5"] == row["calibrated_recall@5"] == 1.0 for row in shipped)
