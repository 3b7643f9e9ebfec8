"""A fitted linear model over standardised features, read from JSON and evaluated with numpy
(scikit-learn is needed only to fit one): the answerability decision and the passage reranker
are both such models."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np


@dataclass(frozen=True)
class LinearModel:
    """score(x) = ((x - means) / scales) · coefficients + intercept."""

    feature_names: tuple[str, ...]
    means: np.ndarray
    scales: np.ndarray
    coefficients: np.ndarray
    intercept: float

    @classmethod
    def from_dict(cls, data: dict[str, Any], path: Path) -> LinearModel:
        """The model in a fit's JSON; ValueError naming `path` when it does not describe one."""
        try:
            model = cls(
                tuple(data["feature_names"]),
                np.asarray(data["scaler_means"], dtype=np.float64),
                np.asarray(data["scaler_scales"], dtype=np.float64),
                np.asarray(data["coefficients"], dtype=np.float64),
                float(data["intercept"]),
            )
        except (KeyError, TypeError) as exc:
            raise ValueError(f"{path}: geen lineair model ({exc})") from exc
        sizes = {len(model.feature_names), model.means.size, model.scales.size}
        if sizes != {model.coefficients.size}:
            raise ValueError(f"{path}: kenmerken, schaal en coëfficiënten verschillen in aantal")
        return model

    @classmethod
    def read(cls, path: Path, expected: tuple[str, ...]) -> LinearModel:
        """The model a fit wrote to `path`, whose features must be `expected`, in that order."""
        model = cls.from_dict(json.loads(path.read_text(encoding="utf-8")), path)
        if model.feature_names != expected:
            raise ValueError(
                f"{path}: het model verwacht de kenmerken {', '.join(model.feature_names)}, "
                f"de code levert {', '.join(expected)}; fit het model opnieuw"
            )
        return model

    def decision(self, features: np.ndarray) -> np.ndarray:
        """The score of each row of `features` (one row per item, columns in feature order)."""
        scaled = (np.asarray(features, dtype=np.float64) - self.means) / self.scales
        return scaled @ self.coefficients + self.intercept

    def probability(self, features: list[float]) -> float:
        """The logistic probability of one feature vector."""
        return float(1.0 / (1.0 + np.exp(-self.decision(np.asarray([features]))[0])))
