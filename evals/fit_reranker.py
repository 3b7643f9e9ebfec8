"""Fits the passage reranker: `python -m evals.fit_reranker [--ingest corpus/uitvoering]`.

Searches every answerable question with an evidence quote of the dev set and blind-dev (never
blind-test) with the reranker off, takes the first DEPTH fused passages with their features
(`vectorstore.passage_reranker`), labels a passage 1 when it holds the evidence, and fits a
logistic regression (standardised features, balanced class weights). Five-fold cross-validation
by question prints, per fold, recall@5 and MRR@10 of the evidence passage in fused order and in
reranked order; the model fitted on all questions goes to vectorstore/passage_reranker.json.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import logging
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from sklearn.pipeline import Pipeline

from assistant.app import build_searcher
from assistant.config import get_settings
from evals.cases import DATASETS, DEV_SET, EvalCase, load_eval_cases
from evals.command import script_store
from evals.fit_answerability import linear_model_json, new_model
from evals.scoring import evidence_rank
from evals.split import select
from vectorstore.passage_reranker import DEPTH, FEATURE_NAMES, MODEL_FILE, RerankFeatures
from vectorstore.search import HybridSearcher

FOLDS = 5
RECALL_AT = 5
MRR_AT = 10


@dataclass(frozen=True)
class Question:
    """One question's candidate passages: their features and which hold the evidence."""

    case_id: str
    features: np.ndarray
    labels: np.ndarray


def training_cases() -> list[EvalCase]:
    """The dev set and blind-dev: the questions one may tune on, answerable, with evidence."""
    blind_dev = select(load_eval_cases(DATASETS / "blind.jsonl"), "blind-dev")
    return [c for c in load_eval_cases(DEV_SET) + blind_dev if c.evidence and not c.expects_refusal]


def extract(searcher: HybridSearcher, cases: list[EvalCase]) -> list[Question]:
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
        questions.append(Question(case.id, rows, np.asarray(labels, dtype=np.int64)))
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
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--ingest", type=Path, help="read these documents in first")
    parser.add_argument("--out", type=Path, default=MODEL_FILE)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING)
    settings = get_settings().model_copy(update={"passage_reranking": False})
    store = script_store(settings, args.ingest)
    questions = extract(build_searcher(settings, store), training_cases())
    rows = cross_validate(questions)
    print_folds(rows)
    model = {
        **linear_model_json(fit(questions), FEATURE_NAMES),
        "questions": len(questions),
        "passages": int(sum(len(q.labels) for q in questions)),
        "cross_validation": rows,
    }
    args.out.write_text(json.dumps(model, indent=1) + "\n", encoding="utf-8")
    print(f"Written: {args.out}")


if __name__ == "__main__":
    main()
