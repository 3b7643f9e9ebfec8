"""The fit script's cross-validation and threshold choice on a small synthetic data set."""

from __future__ import annotations

import numpy as np
import pytest

from evals.fit_answerability import (
    choose_threshold,
    cv_table,
    out_of_fold,
    score_folds,
    trade_off,
)

pytestmark = pytest.mark.unit


def test_threshold_refuses_at_most_the_allowed_share_of_answerable() -> None:
    probabilities = np.array([0.1, 0.2, 0.3, 0.35, 0.6, 0.7, 0.8, 0.9, 0.95, 0.99, 0.5, 0.05])
    labels = np.array([1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0])
    assert choose_threshold(probabilities, labels, 0.0) == pytest.approx(0.1)  # refuses 0.05
    # refusing 0.5 too costs four answerable cases: allowed at 40 %, not at 30 %
    assert choose_threshold(probabilities, labels, 0.4) == pytest.approx(0.6)
    assert choose_threshold(probabilities, labels, 0.3) == pytest.approx(0.1)
    labels[1:3] = 0  # 0.2 and 0.3 unanswerable: refusing up to 0.3 nets two more for one
    assert choose_threshold(probabilities, labels, 0.2) == pytest.approx(0.35)
    assert choose_threshold(probabilities, labels, 0.1) == pytest.approx(0.1)  # not one of 8


def test_cross_validation_on_synthetic_cases() -> None:
    rng = np.random.default_rng(0)
    labels = np.array([0] * 15 + [1] * 60)
    features = rng.normal(size=(75, 3)) + labels[:, None] * 2.0  # answerable lie apart
    probabilities, fold_of = out_of_fold(features, labels, folds=5)
    threshold = choose_threshold(probabilities, labels, 0.05)
    scores = score_folds(probabilities, labels, fold_of, threshold)
    assert len(scores) == 5 and sum(s.cases for s in scores) == 75
    assert all(s.unanswerable == 3 for s in scores)  # stratified
    assert np.mean([s.auc for s in scores]) > 0.9
    wrongly_refused = ((probabilities < threshold) & (labels == 1)).sum()
    assert wrongly_refused <= 3  # 5 % of 60
    assert np.mean([s.refusal_recall for s in scores]) > 0.5
    table = cv_table(scores, threshold)
    assert table.splitlines()[-2].startswith("mean") and len(table.splitlines()) == 9


def test_trade_off_lists_unanswerable_refused_per_allowed_share() -> None:
    probabilities = np.array([0.05, 0.1, 0.2, 0.5, 0.9])
    labels = np.array([0, 1, 1, 0, 1])
    lines = trade_off(probabilities, labels).splitlines()
    assert lines[1] == "  0.00 -> 0.100, 1 of 2, 0 of 3"
    assert lines[-1] == "  0.10 -> 0.100, 1 of 2, 0 of 3"  # 0.5 would cost two of three


def test_the_threshold_counts_only_refusals_beyond_the_rules() -> None:
    probabilities = np.array([0.05, 0.1, 0.2, 0.3, 0.9, 0.95])
    labels = np.array([0, 1, 1, 0, 1, 1])
    # without the rules, refusing 0.3 costs two of four answerable cases
    assert choose_threshold(probabilities, labels, 0.25) == pytest.approx(0.1)
    # the rules refuse 0.1 and 0.2 anyway: refusing up to 0.3 costs nothing more
    anyway = np.array([False, True, True, False, False, False])
    assert choose_threshold(probabilities, labels, 0.0, anyway) == pytest.approx(0.9)
    lines = trade_off(probabilities, labels, anyway).splitlines()
    assert lines[0].endswith("(the rules alone: 0, 2)")
    assert lines[1] == "  0.00 -> 0.900, 2 of 2, 2 of 4"
