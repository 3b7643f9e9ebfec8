"""Fits the answerability model: `python -m evals.fit_answerability [--ingest corpus/uitvoering]`.

Runs every case of blind-dev, the dev set, the known-facts set and the calibration questions
(evals/calibration/answerability_questions.jsonl) through the resolver and the search of
`assistant.app` (so a re-run follows retrieval changes), takes the answerability features of
those the model decides (not the hard rules: no passages, an unknown Kamerstuk, no subject), and
fits a logistic regression (standardised features, balanced class weights) to "should be
answered". Five-fold cross-validation prints AUC and the refusals per fold. The model only adds
refusals to those of the hand rules (min_relevance, unknown words), so the decision threshold is
chosen on the out-of-fold probabilities together with the rules' verdicts: among those where the
model wrongly refuses at most `--max-wrongly-refused` of the answerable questions the rules let
through, the one that refuses the most unanswerable ones, with the fewest wrongly refused on a
tie.
Coefficients, scaler and threshold go to assistant/answering/answerability.json, read at run
time with numpy only. `--features F` keeps the extracted features in F (an .npz) and reads them
from there on a re-run, to try thresholds without searching again. Blind-test is never read
here.
"""

from __future__ import annotations

import json
import logging
import math
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import StratifiedKFold
from sklearn.pipeline import Pipeline, make_pipeline
from sklearn.preprocessing import StandardScaler

from assistant.answering.answerability_features import FEATURE_NAMES
from assistant.answering.answerability_model import MODEL_FILE
from assistant.app import build_service
from assistant.config import get_settings
from assistant.service import AnswerService
from evals.cases import (
    ANSWERABILITY_QUESTIONS,
    BLIND,
    DEV_SET,
    KNOWN_FACTS,
    EvalCase,
    load_eval_cases,
)
from evals.command import script_parser, script_store
from evals.split import select

log = logging.getLogger(__name__)
FOLDS = 5
SEED = 0
MAX_WRONGLY_REFUSED = 0.02  # of the answerable cases, refused by the model beyond the rules


@dataclass(frozen=True)
class FoldScore:
    """One fold's held-out cases scored at the chosen threshold (refusal is the positive)."""

    cases: int
    unanswerable: int
    auc: float
    refusal_recall: float  # unanswerable cases refused
    refusal_precision: float  # refusals that were right
    wrongly_refused: float  # answerable cases refused


def training_cases() -> list[EvalCase]:
    """Blind-dev, the dev set, the known-facts set and the calibration questions: the cases one
    may fit on."""
    blind_dev = select(load_eval_cases(BLIND), "blind-dev")
    shipped = load_eval_cases(DEV_SET) + load_eval_cases(KNOWN_FACTS)
    return blind_dev + shipped + load_eval_cases(ANSWERABILITY_QUESTIONS)


@dataclass(frozen=True)
class Extracted:
    """Of the cases the model decides: their features, labels (1 = should be answered) and
    whether the hand rules refuse them anyway (the model only adds refusals)."""

    features: np.ndarray
    labels: np.ndarray
    by_rules_refused: np.ndarray


def extract(service: AnswerService, cases: list[EvalCase]) -> Extracted:
    """The features, labels and rule verdicts of the cases the model decides."""
    rows: list[list[float]] = []
    labels: list[int] = []
    refused: list[bool] = []
    for case in cases:
        resolved = service.resolver.resolve(case.question, [])
        result = service.searcher.search_with_hints(
            resolved.text, k=service.settings.top_k, prefer_documents=resolved.documents
        )
        if service.policy.judged_by_model(resolved.text, result):
            rows.append(service.policy.features(resolved.text, result))
            labels.append(0 if case.expects_refusal else 1)
            refused.append(not service.policy.by_rules(resolved.text, result))
    return Extracted(
        np.asarray(rows, dtype=np.float64),
        np.asarray(labels, dtype=np.int64),
        np.asarray(refused, dtype=bool),
    )


def new_model() -> Pipeline:
    return make_pipeline(
        StandardScaler(), LogisticRegression(class_weight="balanced", max_iter=1000)
    )


def out_of_fold(
    features: np.ndarray, labels: np.ndarray, folds: int = FOLDS
) -> tuple[np.ndarray, np.ndarray]:
    """P(answerable) of every case from the model fitted without its fold, and its fold."""
    probabilities = np.zeros(len(labels))
    fold_of = np.zeros(len(labels), dtype=np.int64)
    splitter = StratifiedKFold(n_splits=folds, shuffle=True, random_state=SEED)
    for fold, (train, held_out) in enumerate(splitter.split(features, labels)):
        model = new_model().fit(features[train], labels[train])
        probabilities[held_out] = model.predict_proba(features[held_out])[:, 1]
        fold_of[held_out] = fold
    return probabilities, fold_of


def choose_threshold(
    probabilities: np.ndarray,
    labels: np.ndarray,
    most_wrong: float = MAX_WRONGLY_REFUSED,
    refused_anyway: np.ndarray | None = None,
) -> float:
    """The threshold (answer when P >= it) that, among those refusing at most `most_wrong` of
    the answerable cases beyond those `refused_anyway` (by the hand rules), refuses the most
    unanswerable cases, with the rules' refusals; on a tie the lowest, which refuses the fewest
    answerable ones."""
    answerable = labels == 1
    anyway = np.zeros(len(labels), dtype=bool) if refused_anyway is None else refused_anyway
    best, best_right = 0.0, int((anyway & ~answerable).sum())
    for threshold in np.unique(probabilities):
        refused = (probabilities < threshold) | anyway
        if (refused & answerable & ~anyway).sum() > most_wrong * answerable.sum():
            break
        right = int((refused & ~answerable).sum())
        if right > best_right:
            best, best_right = float(threshold), right
    return best


def trade_off(
    probabilities: np.ndarray, labels: np.ndarray, refused_anyway: np.ndarray | None = None
) -> str:
    """Out of fold, per share of answerable cases the model wrongly refuses beyond the rules:
    the unanswerable and answerable refused by rules and model together."""
    anyway = np.zeros(len(labels), dtype=bool) if refused_anyway is None else refused_anyway
    lines = [
        "model wrongly refuses at most -> threshold, unanswerable refused, answerable refused "
        f"(the rules alone: {int((anyway & (labels == 0)).sum())}, "
        f"{int((anyway & (labels == 1)).sum())})"
    ]
    for most in (0.0, 0.01, 0.02, 0.03, 0.05, 0.10):
        threshold = choose_threshold(probabilities, labels, most, anyway)
        refused = (probabilities < threshold) | anyway
        lines.append(
            f"  {most:.2f} -> {threshold:.3f}, {int((refused & (labels == 0)).sum())} of "
            f"{int((labels == 0).sum())}, {int((refused & (labels == 1)).sum())} of "
            f"{int((labels == 1).sum())}"
        )
    return "\n".join(lines)


def score_folds(
    probabilities: np.ndarray,
    labels: np.ndarray,
    fold_of: np.ndarray,
    threshold: float,
    refused_anyway: np.ndarray | None = None,
) -> list[FoldScore]:
    """Per fold: the model's AUC and the refusals of rules and model together."""
    anyway = np.zeros(len(labels), dtype=bool) if refused_anyway is None else refused_anyway
    scores = []
    for fold in range(int(fold_of.max()) + 1):
        p, y = probabilities[fold_of == fold], labels[fold_of == fold]
        refused = (p < threshold) | anyway[fold_of == fold]
        unanswerable = int((y == 0).sum())
        scores.append(
            FoldScore(
                cases=len(y),
                unanswerable=unanswerable,
                auc=float(roc_auc_score(y, p)) if 0 < unanswerable < len(y) else math.nan,
                refusal_recall=float((refused & (y == 0)).sum() / max(unanswerable, 1)),
                refusal_precision=float((refused & (y == 0)).sum() / max(refused.sum(), 1)),
                wrongly_refused=float((refused & (y == 1)).sum() / max((y == 1).sum(), 1)),
            )
        )
    return scores


def linear_model_json(model: Pipeline, feature_names: tuple[str, ...]) -> dict[str, object]:
    """A fitted scaler + logistic regression as the JSON `LinearModel.from_dict` reads."""
    scaler: StandardScaler = model[0]
    regression: LogisticRegression = model[1]
    return {
        "feature_names": list(feature_names),
        "scaler_means": scaler.mean_.tolist(),
        "scaler_scales": scaler.scale_.tolist(),
        "coefficients": regression.coef_[0].tolist(),
        "intercept": float(regression.intercept_[0]),
    }


def fitted_model(features: np.ndarray, labels: np.ndarray, threshold: float) -> dict[str, object]:
    """The model fitted on all cases, as the JSON `AnswerabilityModel.load` reads."""
    return {
        **linear_model_json(new_model().fit(features, labels), FEATURE_NAMES),
        "threshold": threshold,
        "cases": len(labels),
        "unanswerable": int((labels == 0).sum()),
    }


def cv_table(scores: list[FoldScore], threshold: float) -> str:
    """The cross-validation per fold, with mean and standard deviation."""
    names = ("auc", "refusal_recall", "refusal_precision", "wrongly_refused")
    lines = [f"threshold {threshold:.3f}", "fold  cases  unanswerable  " + "  ".join(names)]
    for n, s in enumerate(scores, start=1):
        values = "  ".join(f"{getattr(s, name):>{len(name)}.3f}" for name in names)
        lines.append(f"{n:>4}  {s.cases:>5}  {s.unanswerable:>12}  {values}")
    for label, reduce in (("mean", np.nanmean), ("std", np.nanstd)):
        values = "  ".join(
            f"{reduce([getattr(s, name) for s in scores]):>{len(name)}.3f}" for name in names
        )
        lines.append(f"{label:>4}  {'':>5}  {'':>12}  {values}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = script_parser(__doc__)
    parser.add_argument("--out", type=Path, default=MODEL_FILE)
    parser.add_argument("--max-wrongly-refused", type=float, default=MAX_WRONGLY_REFUSED)
    parser.add_argument("--features", type=Path, help="keep (or read) the features here (.npz)")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING)
    if args.features and args.features.exists():
        kept = np.load(args.features)
        data = Extracted(kept["features"], kept["labels"], kept["by_rules_refused"])
    else:
        settings = get_settings()
        store = script_store(settings, args.ingest)
        data = extract(build_service(settings, store), training_cases())
        if args.features:
            np.savez(
                args.features,
                features=data.features,
                labels=data.labels,
                by_rules_refused=data.by_rules_refused,
            )
    features, labels, anyway = data.features, data.labels, data.by_rules_refused
    probabilities, fold_of = out_of_fold(features, labels)
    threshold = choose_threshold(probabilities, labels, args.max_wrongly_refused, anyway)
    print(f"{len(labels)} cases, {int((labels == 0).sum())} unanswerable")
    print(f"out-of-fold AUC {roc_auc_score(labels, probabilities):.3f}")
    print(trade_off(probabilities, labels, anyway))
    print(cv_table(score_folds(probabilities, labels, fold_of, threshold, anyway), threshold))
    model = fitted_model(features, labels, threshold)
    for name, weight in zip(FEATURE_NAMES, model["coefficients"], strict=True):  # type: ignore[call-overload]
        print(f"  {name:<20} {weight:+.3f}")
    args.out.write_text(json.dumps(model, indent=1) + "\n", encoding="utf-8")
    print(f"written: {args.out}")


if __name__ == "__main__":
    main()
