"""The retrieval benchmark's metrics and its cross-validation, on hand-made outcomes (no model,
no store)."""

from __future__ import annotations

import pytest

from bench.cross_validation import assign_folds, choose, fold_scores, nested_estimate
from bench.retrieval import ABLATIONS, GRID
from bench.retrieval_metrics import Outcome, outcome, recall_by_category, set_metrics
from evals.cases import EvalCase
from vectorstore.settings import SearchSettings

pytestmark = pytest.mark.unit


def _case(case_id: str, category: str = "fact", cite: tuple[str, ...] = ("a.txt",)) -> EvalCase:
    return EvalCase(
        id=case_id, question="Q?", category=category, must_cite=list(cite), evidence=["70 reacties"]
    )


def test_an_outcome_is_the_evidence_rank_and_whether_every_gold_document_is_in_the_top_10() -> None:
    multi = _case("m", "multi_document", ("a.txt", "b.txt"))
    results = [("c.txt", "x")] * 3 + [("a.txt", "70\u00a0reacties")] + [("c.txt", "x")] * 6
    assert outcome(multi, results) == Outcome(multi, 4, False)
    assert outcome(multi, [*results[:9], ("b.txt", "y")]).all_documents
    assert not outcome(multi, [*results, ("b.txt", "y")]).all_documents  # 11th is not looked at


def test_set_metrics_count_recall_mrr_the_stemless_subset_and_multi_document_coverage() -> None:
    outcomes = [
        Outcome(_case("a"), 1, True),
        Outcome(_case("b"), 5, True),
        Outcome(_case("c"), 6, True),
        Outcome(_case("d", "multi_document"), None, False),
    ]
    got = set_metrics(outcomes, no_shared_stem={"c", "d"})
    assert got["recall@5"] == 0.5 and got["mrr@10"] == pytest.approx((1 + 1 / 5 + 1 / 6) / 4)
    assert got["recall@5_no_shared_stem"] == 0.0 and got["n_no_shared_stem"] == 2
    assert got["multi_doc_all_docs@10"] == 0.0 and got["n_multi_doc"] == 1
    assert set_metrics(outcomes[:3], set())["multi_doc_all_docs@10"] is None
    assert recall_by_category(outcomes) == {"fact": (3, 2 / 3), "multi_document": (1, 0.0)}


def test_folds_are_even_and_follow_from_the_ids() -> None:
    ids = [f"q{n}" for n in range(23)]
    fold_of = assign_folds(ids)
    sizes = sorted(fold_of.count(f) for f in range(5))
    assert sizes == [4, 4, 5, 5, 5]
    assert assign_folds(list(reversed(ids))) == list(reversed(fold_of))


def test_the_choice_is_by_mean_over_folds_and_the_nested_estimate_scores_held_out_folds() -> None:
    fold_of = [0, 1, 2, 3, 4] * 2
    hits = {
        "steady": [True, True, True, True, False] * 2,  # misses the whole last fold
        "lucky": [True, False, False, False, False] * 2,
        "tied": [True, True, True, True, False] * 2,
    }
    scores = {name: fold_scores(h, fold_of) for name, h in hits.items()}
    assert scores["steady"].per_fold == (1.0, 1.0, 1.0, 1.0, 0.0)
    assert scores["steady"].mean == 0.8 and scores["lucky"].spread > 0
    assert choose(scores, {"steady": 0.1, "lucky": 0.9, "tied": 0.5}.__getitem__) == "tied"
    nested, chosen = nested_estimate(hits, fold_of, {"steady": 1, "lucky": 0, "tied": 0}.get)
    assert chosen == ["steady"] * 5 and nested.per_fold == (1.0, 1.0, 1.0, 1.0, 0.0)


def test_every_ablation_row_and_grid_setting_is_a_search_setting() -> None:
    for label, update in ABLATIONS:
        assert label and update and set(update) <= set(SearchSettings.model_fields), label
    assert set(GRID) <= set(SearchSettings.model_fields)
