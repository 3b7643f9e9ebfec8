"""The passage reranker: its features, the pins it keeps, its model file, and its wiring into
hybrid search."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from assistant.app import build_searcher
from assistant.config import Settings
from evals.fit_answerability import linear_model_json, new_model
from evals.fit_reranker import Question, cross_validate, evidence_ranks
from vectorstore.linear_model import LinearModel
from vectorstore.passage_reranker import (
    DEPTH,
    FEATURE_NAMES,
    MODEL_FILE,
    PassageReranker,
    RerankFeatures,
    pinned,
    rerank_features,
)
from vectorstore.stored_chunk import StoredChunk
from vectorstore.text_analysis import terms

NUMBER = "De uitvraag leverde een lijst met 70 reacties van mogelijke hardvochtige effecten op."
TRIALOGUE = (
    "De trialoog, waaraan beleid, uitvoering en politiek als gelijkwaardige partners deelnemen."
)


def _chunk(chunk_id: str, text: str, doc_id: str, score: float, lexical: float | None):
    return StoredChunk(chunk_id, text, {"doc_id": doc_id}, score, 0.8, lexical)


@pytest.mark.unit
def test_features_follow_rank_bm25_sentences_coverage_and_named_documents() -> None:
    chunks = [_chunk("a", TRIALOGUE, "wau", 0.5, 4.0), _chunk("b", NUMBER, "vws", 0.4, None)]
    weights = {term: 1.0 for term in terms("hardvochtige reacties trialoog uitvraag")}
    rows = rerank_features(chunks, [(0.9, 0.85), (0.8, 0.8)], weights, {"vws"})
    column = {name: rows[:, i].tolist() for i, name in enumerate(FEATURE_NAMES)}
    assert column["fused_rank"][0] > column["fused_rank"][1]
    assert column["lexical"] == [1.0, 0.0]  # BM25 relative to the best; not found: 0
    assert column["best_sentence"] == [0.9, 0.8]
    assert column["sentence_pair"] == [0.85, 0.8]
    assert column["term_coverage"] == pytest.approx([0.25, 0.75])
    assert column["named_document"] == [0.0, 1.0]


@pytest.mark.unit
def test_pins_keep_the_dated_head_first_and_every_named_document_in_the_window() -> None:
    ranked = [
        _chunk("a1", "a", "A", 0.9, None),
        _chunk("a2", "a", "A", 0.8, None),
        _chunk("h", "h", "A", 0.7, None),
        _chunk("a3", "a", "A", 0.6, None),
        _chunk("b1", "b", "B", 0.5, None),
    ]
    result = pinned(ranked, "h", ("A", "B"), window=3)
    ids = [c.chunk_id for c in result]
    assert ids[0] == "h"
    assert "b1" in ids[:3]
    assert sorted(ids) == sorted(c.chunk_id for c in ranked)
    assert [c.score for c in result] == [0.9, 0.8, 0.7, 0.6, 0.5]  # scores still fall


@pytest.mark.unit
def test_the_json_model_scores_like_sklearn_and_refuses_other_features(tmp_path: Path) -> None:
    rng = np.random.default_rng(3)
    features = rng.normal(size=(60, len(FEATURE_NAMES)))
    labels = (features[:, 2] + rng.normal(size=60) > 0).astype(np.int64)
    fitted = new_model().fit(features, labels)
    path = tmp_path / "model.json"
    path.write_text(json.dumps(linear_model_json(fitted, FEATURE_NAMES)), encoding="utf-8")
    model = LinearModel.read(path, FEATURE_NAMES)
    assert model.decision(features[:5]) == pytest.approx(fitted.decision_function(features[:5]))
    with pytest.raises(ValueError, match="model.json.*fit het model opnieuw"):
        LinearModel.read(path, FEATURE_NAMES[::-1])


@pytest.mark.unit
def test_the_shipped_model_reads_and_its_cross_validation_never_lost_recall() -> None:
    LinearModel.read(MODEL_FILE, FEATURE_NAMES)
    folds = json.loads(MODEL_FILE.read_text(encoding="utf-8"))["cross_validation"]
    assert len(folds) == 5
    assert all(f["reranked_recall@5"] >= f["fused_recall@5"] for f in folds)


@pytest.mark.integration
def test_search_orders_the_fused_candidates_by_the_model(corpus_env: Settings) -> None:
    """A model that prefers the worst fused rank returns the fused top DEPTH reversed."""
    question = "Hoeveel reacties leverde de uitvraag naar hardvochtigheden bij VWS op?"
    fused = build_searcher(corpus_env.model_copy(update={"passage_reranking": False}))
    expected = [c.chunk_id for c in fused.search(question, DEPTH)][::-1][:5]
    searcher = build_searcher(corpus_env)
    weights = np.array([-1.0 if name == "fused_rank" else 0.0 for name in FEATURE_NAMES])
    ones = np.ones(len(FEATURE_NAMES))
    model = LinearModel(FEATURE_NAMES, np.zeros(len(FEATURE_NAMES)), ones, weights, 0.0)
    searcher.reranker = PassageReranker(
        model, RerankFeatures(searcher.sentences, searcher.lexical.idf)
    )
    found = searcher.search(question, 5)
    assert [c.chunk_id for c in found] == expected
    assert [c.score for c in found] == sorted((c.score for c in found), reverse=True)


@pytest.mark.unit
def test_the_fit_cross_validates_by_question_and_finds_a_better_order() -> None:
    """Synthetic questions whose evidence sits at fused rank 8 but has the best sentence: the
    cross-validated reranker lifts it into the top 5 on every fold."""
    rng = np.random.default_rng(5)
    questions = []
    for n in range(40):
        rows = rng.normal(size=(DEPTH, len(FEATURE_NAMES))) * 0.1
        rows[:, 0] = [1.0 / (5 + rank) for rank in range(1, DEPTH + 1)]
        labels = np.zeros(DEPTH, dtype=np.int64)
        labels[7] = 1
        rows[7, FEATURE_NAMES.index("best_sentence")] += 1.0
        questions.append(Question(f"q{n}", rows, labels))
    assert evidence_ranks(questions[:1], [questions[0].features[:, 0]]) == [8]
    folds = cross_validate(questions)
    assert sum(f["questions"] for f in folds) == 40
    assert all(f["fused_recall@5"] == 0.0 and f["reranked_recall@5"] == 1.0 for f in folds)
