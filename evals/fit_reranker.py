"""Fits the passage reranker:
`python -m evals.fit_reranker [--ingest corpus/uitvoering] [--calibration]`.

Searches every answerable question with an evidence quote of the dev set and blind-dev (never
blind-test) and of the two calibration sets written from the documents only
(evals/calibration/paraphrase_questions.jsonl, answerability_questions.jsonl) with the reranker
off, takes the first DEPTH fused passages with their features (`vectorstore.passage_reranker`),
labels a passage 1 when it holds the evidence, and fits a logistic regression (standardised
features, balanced class weights).

Five-fold cross-validation by question compares two training sets on the same folds: the
shipped questions (dev + blind-dev) and those plus the calibration questions. Per fold it prints
recall@5 and MRR@10 of the evidence passage in fused order and reranked by either model, on the
held-out shipped questions and, separately, on the held-out paraphrase and answerability
questions. The model fitted on all questions of the chosen training set (`--calibration`: with
the calibration questions) goes to vectorstore/passage_reranker.json with its folds.
"""

from __future__ import annotations

import hashlib
import json
import logging
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from sklearn.pipeline import Pipeline

from assistant.app import build_searcher
from assistant.config import get_settings
from evals.cases import (
    ANSWERABILITY_QUESTIONS,
    BLIND,
    DEV_SET,
    PARAPHRASE_QUESTIONS,
    EvalCase,
    load_eval_cases,
)
from evals.command import script_parser, script_store
from evals.fit_answerability import linear_model_json, new_model
from evals.scoring import evidence_rank
from evals.split import select
from vectorstore.passage_reranker import DEPTH, FEATURE_NAMES, MODEL_FILE, RerankFeatures
from vectorstore.search import HybridSearcher

FOLDS = 5
RECALL_AT = 5
MRR_AT = 10
SHIPPED = ("dev", "blind-dev")
CALIBRATION_SETS = {
    "paraphrase": PARAPHRASE_QUESTIONS,
    "answerability": ANSWERABILITY_QUESTIONS,
}


@dataclass(frozen=True)
class Question:
    """One question's candidate passages: their features and which hold the evidence."""

    case_id: str
    features: np.ndarray
    labels: np.ndarray
    group: str = "dev"


def training_cases(calibration: bool = True) -> dict[str, list[EvalCase]]:
    """Per group, the answerable questions with evidence one may tune on: the dev set and
    blind-dev and, with `calibration`, the two calibration sets."""
    paths = {"dev": DEV_SET} | (CALIBRATION_SETS if calibration else {})
    groups = {name: load_eval_cases(path) for name, path in paths.items()}
    groups["blind-dev"] = select(load_eval_cases(BLIND), "blind-dev")
    return {
        name: [c for c in cases if c.evidence and not c.expects_refusal]
        for name, cases in groups.items()
    }


def extract(searcher: HybridSearcher, cases: list[EvalCase], group: str = "dev") -> list[Question]:
    features = RerankFeatures(searcher.sentences, searcher.lexical.idf)
    questions = []
    for case in cases:
        result = searcher.search_with_hints(case.question, DEPTH)
        named = set(result.referenced_documents) | result.hints.documents
        assert result.query_vector is not None
        rows = features(result.query, result.query_vector, result.chunks, named)
        labels = [
            int(evidence_rank(case, [(str(c.metadata.get("source", "")), c.text)]) is not None)
            for c in result.chunks
        ]
        questions.append(Question(case.id, rows, np.asarray(labels, dtype=np.int64), group))
    return questions


def evidence_ranks(questions: list[Question], scores: list[np.ndarray]) -> list[int | None]:
    """The rank of the first evidence passage per question when ordered by `scores`."""
    ranks: list[int | None] = []
    for question, score in zip(questions, scores, strict=True):
        order = np.argsort(-score, kind="stable")
        hits = [rank for rank, i in enumerate(order, start=1) if question.labels[i]]
        ranks.append(hits[0] if hits else None)
    return ranks


def recall_and_mrr(ranks: list[int | None]) -> tuple[float, float]:
    if not ranks:
        return 0.0, 0.0
    recall = sum(1 for r in ranks if r is not None and r <= RECALL_AT) / len(ranks)
    mrr = sum(1 / r for r in ranks if r is not None and r <= MRR_AT) / len(ranks)
    return recall, mrr


def fold_of(case_id: str) -> int:
    """A fold from the id's hash (byte 1; the blind split uses byte 0)."""
    return hashlib.sha256(case_id.encode("utf-8")).digest()[1] % FOLDS


def fit(questions: list[Question]) -> Pipeline:
    features = np.vstack([q.features for q in questions])
    labels = np.concatenate([q.labels for q in questions])
    return new_model().fit(features, labels)


def cross_validate(questions: list[Question]) -> list[dict[str, float]]:
    """Per fold: recall@5 and MRR@10 in fused order and reranked by a model fitted on the
    other folds."""
    rows = []
    for fold in range(FOLDS):
        held = [q for q in questions if fold_of(q.case_id) == fold]
        model = fit([q for q in questions if fold_of(q.case_id) != fold])
        fused = recall_and_mrr(evidence_ranks(held, [q.features[:, 0] for q in held]))
        reranked = recall_and_mrr(
            evidence_ranks(held, [model.decision_function(q.features) for q in held])
        )
        rows.append(
            {
                "questions": len(held),
                "fused_recall@5": fused[0],
                "reranked_recall@5": reranked[0],
                "fused_mrr@10": fused[1],
                "reranked_mrr@10": reranked[1],
            }
        )
    return rows


def compare(questions: list[Question]) -> list[dict[str, float | str]]:
    """Per fold and held-out group: recall@5 and MRR@10 in fused order, reranked by a model
    fitted on the other folds' shipped questions, and by one fitted on the other folds' shipped
    and calibration questions."""
    rows: list[dict[str, float | str]] = []
    for fold in range(FOLDS):
        train = [q for q in questions if fold_of(q.case_id) != fold]
        models = {
            "shipped": fit([q for q in train if q.group in SHIPPED]),
            "calibrated": fit(train),
        }
        held = [q for q in questions if fold_of(q.case_id) == fold]
        groups = {"shipped": [q for q in held if q.group in SHIPPED]}
        groups |= {name: [q for q in held if q.group == name] for name in CALIBRATION_SETS}
        for group, evaluated in groups.items():
            if not evaluated:
                continue
            scores = {"fused": [q.features[:, 0] for q in evaluated]}
            for name, model in models.items():
                scores[name] = [model.decision_function(q.features) for q in evaluated]
            row: dict[str, float | str] = {"fold": fold + 1, "group": group}
            row["questions"] = len(evaluated)
            for name, score in scores.items():
                recall, mrr = recall_and_mrr(evidence_ranks(evaluated, score))
                row[f"{name}_recall@5"], row[f"{name}_mrr@10"] = recall, mrr
            rows.append(row)
    return rows


def print_comparison(rows: list[dict[str, float | str]]) -> None:
    print("fold  held-out       n  R@5 fused / shipped / +calibration  MRR@10 same")
    for row in rows:
        print(
            f"{row['fold']:>4}  {row['group']:<13} {row['questions']:>3}  "
            f"{row['fused_recall@5']:.3f} / {row['shipped_recall@5']:.3f} / "
            f"{row['calibrated_recall@5']:.3f}            {row['fused_mrr@10']:.3f} / "
            f"{row['shipped_mrr@10']:.3f} / {row['calibrated_mrr@10']:.3f}"
        )
    for group in dict.fromkeys(str(row["group"]) for row in rows):
        held = [row for row in rows if row["group"] == group]
        total = sum(int(row["questions"]) for row in held)
        pooled = [
            sum(float(row[f"{name}_recall@5"]) * int(row["questions"]) for row in held) / total
            for name in ("fused", "shipped", "calibrated")
        ]
        print(
            f"{group} out-of-fold R@5, {total} questions: " + " / ".join(f"{r:.3f}" for r in pooled)
        )
        for metric in ("recall@5", "mrr@10"):
            gains = [
                float(row[f"calibrated_{metric}"]) - float(row[f"shipped_{metric}"])
                for row in rows
                if row["group"] == group
            ]
            print(
                f"{group} {metric} gain of +calibration per fold: "
                + " ".join(f"{g:+.3f}" for g in gains)
                + f"; mean {np.mean(gains):+.3f}, std {np.std(gains):.3f}"
            )


def print_folds(rows: list[dict[str, float]]) -> None:
    print("fold  questions  R@5 fused -> reranked  MRR@10 fused -> reranked")
    for n, row in enumerate(rows, start=1):
        print(
            f"{n:>4}  {row['questions']:>9}  {row['fused_recall@5']:.3f} -> "
            f"{row['reranked_recall@5']:.3f}          {row['fused_mrr@10']:.3f} -> "
            f"{row['reranked_mrr@10']:.3f}"
        )
    gains = [row["reranked_recall@5"] - row["fused_recall@5"] for row in rows]
    print(f"R@5 gain per fold: mean {np.mean(gains):+.3f}, std {np.std(gains):.3f}")


def main(argv: list[str] | None = None) -> None:
    parser = script_parser(__doc__)
    parser.add_argument("--out", type=Path, default=MODEL_FILE)
    parser.add_argument(
        "--calibration",
        action="store_true",
        help="fit on the calibration questions too (the comparison is printed either way)",
    )
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING)
    settings = get_settings().model_copy(update={"passage_reranking": False})
    store = script_store(settings, args.ingest)
    searcher = build_searcher(settings, store)
    questions = [
        question
        for group, cases in training_cases().items()
        for question in extract(searcher, cases, group)
    ]
    print_comparison(compare(questions))
    if not args.calibration:
        questions = [q for q in questions if q.group in SHIPPED]
    rows = cross_validate(questions)
    print_folds(rows)
    model = {
        **linear_model_json(fit(questions), FEATURE_NAMES),
        "training_sets": sorted({q.group for q in questions}),
        "questions": len(questions),
        "passages": int(sum(len(q.labels) for q in questions)),
        "cross_validation": rows,
    }
    args.out.write_text(json.dumps(model, indent=1) + "\n", encoding="utf-8")
    print(f"Written: {args.out}")


if __name__ == "__main__":
    main()
