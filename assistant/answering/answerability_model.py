"""The fitted answerability model: a logistic regression over standardised features, read from
JSON and evaluated with numpy (scikit-learn is needed only to fit it: `python -m
evals.fit_answerability`)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np

MODEL_FILE = Path(__file__).with_name("answerability.json")


@dataclass(frozen=True)
class AnswerabilityModel:
    """P(the stukken answer the question) from its features; answer when it reaches threshold."""

    feature_names: tuple[str, ...]
    means: np.ndarray
    scales: np.ndarray
    coefficients: np.ndarray
    intercept: float
    threshold: float

    @classmethod
    def load(cls, path: Path = MODEL_FILE) -> AnswerabilityModel:
        """The model a fit wrote; ValueError when the file does not describe one."""
        data = json.loads(path.read_text(encoding="utf-8"))
        try:
            model = cls(
                tuple(data["feature_names"]),
                np.asarray(data["scaler_means"], dtype=np.float64),
                np.asarray(data["scaler_scales"], dtype=np.float64),
                np.asarray(data["coefficients"], dtype=np.float64),
                float(data["intercept"]),
                float(data["threshold"]),
            )
        except (KeyError, TypeError) as exc:
            raise ValueError(f"{path}: geen antwoordbaarheidsmodel ({exc})") from exc
        sizes = {len(model.feature_names), model.means.size, model.scales.size}
        if sizes != {model.coefficients.size}:
            raise ValueError(f"{path}: kenmerken, schaal en coëfficiënten verschillen in aantal")
        return model

    def probability(self, features: list[float]) -> float:
        """P(answerable) for one feature vector in the order of `feature_names`."""
        scaled = (np.asarray(features, dtype=np.float64) - self.means) / self.scales
        return float(1.0 / (1.0 + np.exp(-(scaled @ self.coefficients + self.intercept))))

    def answers(self, features: list[float]) -> bool:
        return self.probability(features) >= self.threshold
