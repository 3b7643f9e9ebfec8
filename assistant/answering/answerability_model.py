"""The fitted answerability model: a logistic regression over standardised features with a
decision threshold, read from JSON and evaluated with numpy (scikit-learn is needed only to fit
it: `python -m evals.fit_answerability`)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from vectorstore.linear_model import LinearModel

MODEL_FILE = Path(__file__).with_name("answerability.json")


@dataclass(frozen=True)
class AnswerabilityModel(LinearModel):
    """P(the stukken answer the question) from its features; answer when it reaches threshold."""

    threshold: float

    @classmethod
    def load(cls, path: Path = MODEL_FILE) -> AnswerabilityModel:
        """The model a fit wrote; ValueError when the file does not describe one."""
        data = json.loads(path.read_text(encoding="utf-8"))
        try:
            linear = LinearModel.from_dict(data, path)
            threshold = float(data["threshold"])
        except (KeyError, TypeError, ValueError) as exc:
            raise ValueError(f"{path}: geen antwoordbaarheidsmodel ({exc})") from exc
        return cls(
            linear.feature_names,
            linear.means,
            linear.scales,
            linear.coefficients,
            linear.intercept,
            threshold,
        )

    def answers(self, features: list[float]) -> bool:
        return self.probability(features) >= self.threshold
