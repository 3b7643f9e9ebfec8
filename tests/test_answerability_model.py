"""The answerability model read from JSON gives sklearn's probabilities; the shipped file loads."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from assistant.answering.answerability_features import FEATURE_NAMES
from assistant.answering.answerability_model import AnswerabilityModel
from evals.fit_answerability import fitted_model, new_model

pytestmark = pytest.mark.unit


def _data(rows: int = 80, seed: int = 1) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    features = rng.normal(size=(rows, len(FEATURE_NAMES))) * 3 + 1
    labels = (features[:, 0] + rng.normal(size=rows) > 1).astype(np.int64)
    return features, labels


def test_json_model_gives_the_same_probability_as_sklearn(tmp_path: Path) -> None:
    features, labels = _data()
    path = tmp_path / "model.json"
    path.write_text(json.dumps(fitted_model(features, labels, 0.4)), encoding="utf-8")
    model = AnswerabilityModel.load(path)
    expected = new_model().fit(features, labels).predict_proba(features[:5])[:, 1]
    actual = [model.probability(list(row)) for row in features[:5]]
    assert actual == pytest.approx(expected.tolist(), abs=1e-9)
    assert [model.answers(list(row)) for row in features[:5]] == [p >= 0.4 for p in expected]


def test_shipped_model_describes_the_current_features() -> None:
    model = AnswerabilityModel.load()
    assert model.feature_names == FEATURE_NAMES
    assert 0.0 < model.threshold < 1.0


def test_a_file_without_a_model_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "model.json"
    path.write_text(json.dumps({"feature_names": ["a"]}), encoding="utf-8")
    with pytest.raises(ValueError, match="geen antwoordbaarheidsmodel"):
        AnswerabilityModel.load(path)
