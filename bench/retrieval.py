"""Retrieval benchmark on three question sets side by side: the team's dev set
(evals/datasets/dev.jsonl) and the two fixed halves of the blind set (evals/split.py).

One run scores, on each set's answerable questions, recall@5, MRR@10, recall@5 on the questions
that share no content stem with their evidence and, for multi_document questions, the share whose
every gold document is in the top 10 (bench/retrieval_metrics.py), of
  (a) a naive baseline as a LangChain tutorial builds it: raw text files, RecursiveCharacterTextSplitter
      1000/200, all-MiniLM-L6-v2, dense only;
  (b) BM25 only on the project's chunks;
  (c) dense only, the shipped embedding model;
  (d) the shipped hybrid (settings as configured), with its search latency p50/p95.
Then recall@5 per category on blind-dev, how the refusal threshold separates the unanswerable
questions, and the ablation: the shipped hybrid with one change per row of ABLATIONS.
`--calibrate` grid-searches the fusion weights with 5-fold cross-validation on dev + blind-dev,
and only then prints the chosen setting's blind-test numbers, once.

Blind-test is for reporting aggregates and is never tuned on: none of its questions or per-case
results is printed or written, and the ablation and the calibration look at dev and blind-dev
only. Everything printed also goes to bench/results/retrieval.json.
Run: `make bench-retrieval` (`CALIBRATE=1 make bench-retrieval` for the grid search).
"""

from __future__ import annotations

import argparse
import itertools
import json
import logging
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from assistant import app
from assistant.config import BUNDLED_CORPUS, PROJECT_ROOT, Settings, get_settings
from bench.cross_validation import assign_folds, choose, fold_scores, nested_estimate
from bench.retrieval_metrics import (
    RECALL_AT,
    K,
    mrr,
    recall_by_category,
    set_metrics,
)
from bench.retrieval_setups import (
    RememberedQueries,
    Search,
    bm25_search,
    dense_search,
    hybrid_search,
    naive_baseline,
    project_store,
    run,
)
from evals.cases import BLIND, DEV_SET, EvalCase, load_eval_cases
from evals.overlap import overlap
from evals.split import HALVES, select
from evals.stats import percentile
from vectorstore.store import VectorStore

# The ablation: the shipped hybrid with one settings change per row (SearchSettings in
# vectorstore/settings.py). A new retrieval setting is one more line here.
ABLATIONS: tuple[tuple[str, dict[str, Any]], ...] = (
    ("without dense ranking", {"fusion_dense_weight": 0.0}),
    ("without BM25 ranking", {"fusion_lexical_weight": 0.0}),
    ("without Kamerstuk boost", {"kamerstuk_boost_weight": 0.0}),
    ("without date boost", {"date_boost_weight": 0.0}),
    ("fusion depth 60", {"fusion_depth": 60}),
    ("without sentence index", {"sentence_fusion_weight": 0.0}),
    ("without the query adapter", {"query_adapter": False}),
    ("compound splitting", {"compound_splitting": True}),
    ("without the organisation thesaurus", {"organisation_aliases": False}),
    ("without document cards", {"document_card_weight": 0.0}),
    ("without focus on the question sentence", {"focus_long_questions": False}),
    ("without each named document in the top k", {"ensure_named_documents": False}),
    ("without the passage reranker", {"passage_reranking": False}),
    (
        "before recalibration: dense 0.4, c=10",
        {"fusion_dense_weight": 0.4, "fusion_rank_constant": 10},
    ),
)
# The calibration grid, one tuple of values per fusion setting.
GRID: dict[str, tuple[float, ...]] = {
    "fusion_lexical_weight": (1.0, 0.8, 0.6),
    "fusion_dense_weight": (0.2, 0.4, 0.7, 1.0),
    "fusion_rank_constant": (5, 10, 30),
    "sentence_fusion_weight": (0.0, 0.5, 1.0, 1.5, 2.0),
    "fusion_depth": (30, 50),
}
TUNING = ("dev", "blind-dev")  # what the ablation and the calibration may look at
RESULTS = PROJECT_ROOT / "bench" / "results" / "retrieval.json"


def question_sets() -> dict[str, list[EvalCase]]:
    """Every question of the dev set and of each half of the blind set."""
    blind = load_eval_cases(BLIND)
    return {"dev": load_eval_cases(DEV_SET), **{half: select(blind, half) for half in HALVES}}


def refusal_separation(cases: list[EvalCase], search: Search, threshold: float) -> dict[str, int]:
    """How refusing below `threshold` cosine similarity of the best passage sorts the questions."""
    counts = {"unanswerable": 0, "unanswerable_refused": 0, "answerable": 0, "wrongly_refused": 0}
    for case in cases:
        best = max((cos or 0.0 for _, _, cos in search(case.question)), default=0.0)
        kind = "unanswerable" if case.expects_refusal else "answerable"
        counts[kind] += 1
        if best < threshold:
            counts["unanswerable_refused" if case.expects_refusal else "wrongly_refused"] += 1
    return counts


def _cell(value: float | None) -> str:
    return "    -" if value is None else f"{value:5.3f}"


def print_sets_table(rows: list[dict[str, Any]], sets: list[str]) -> None:
    """One row per set-up; per set R@5, MRR@10, R@5 without shared stems, multi-doc all docs."""
    first = rows[0]["sets"]
    titles = [f"{s} ({first[s]['n']})" for s in sets]
    print(f"\n{'':<50}" + "".join(f" | {title:<23}" for title in titles))
    print(f"{'set-up':<50}" + " |   R@5   MRR   nss    MD" * len(sets))
    for row in rows:
        cells = (
            " | "
            + " ".join(
                _cell(row["sets"][s][m])
                for m in ("recall@5", "mrr@10", "recall@5_no_shared_stem", "multi_doc_all_docs@10")
            )
            for s in sets
        )
        print(f"{row['setup'][:50]:<50}" + "".join(cells))
    legend = ", ".join(
        f"{s}: nss {first[s]['n_no_shared_stem']}, MD {first[s]['n_multi_doc']}" for s in sets
    )
    print(
        f"nss = R@5 on the questions sharing no content stem with their evidence; MD = share of "
        f"multi_document questions with every gold document in the top {K} ({legend})"
    )


def print_categories(by_setup: dict[str, dict[str, tuple[int, float | None]]]) -> None:
    labels = list(by_setup)
    categories = sorted({c for table in by_setup.values() for c in table})
    print(
        f"\nblind-dev R@5 per category\n{'category':<20}" + "".join(f" {x[:3]:>6}" for x in labels)
    )
    for category in categories:
        n = next(t[category][0] for t in by_setup.values() if category in t)
        cells = "".join(f" {_cell(by_setup[x].get(category, (0, None))[1]):>6}" for x in labels)
        print(f"{f'{category} ({n})':<20}{cells}")


def ablation(
    shipped: Settings, store: VectorStore, sets: dict[str, list[EvalCase]], stemless: set[str]
) -> list[dict[str, Any]]:
    """The shipped hybrid and each row of ABLATIONS, on the tuning sets."""
    unknown = {key for _, update in ABLATIONS for key in update} - set(Settings.model_fields)
    if unknown:
        raise SystemExit(
            f"ABLATIONS names settings that do not exist: {', '.join(sorted(unknown))}"
        )
    tuning = {name: sets[name] for name in TUNING}
    rows = []
    for label, update in (("shipped hybrid", {}), *ABLATIONS):
        settings = shipped.model_copy(update=update)
        started = time.perf_counter()
        outcomes = run(hybrid_search(app.build_searcher(settings, store)), tuning)
        change = ", ".join(f"{k}: {getattr(shipped, k)} -> {v}" for k, v in update.items())
        rows.append(
            {
                "setup": label,
                "change": change or "as shipped",
                "seconds": round(time.perf_counter() - started, 1),
                "sets": {s: set_metrics(o, stemless) for s, o in outcomes.items()},
            }
        )
    print("\nAblation: the shipped hybrid with one change (dev and blind-dev only)")
    print_sets_table(rows, list(TUNING))
    for row in rows[1:]:
        print(f"  {row['setup']}: {row['change']} ({row['seconds']} s)")
    return rows


def calibrate(
    shipped: Settings, store: VectorStore, sets: dict[str, list[EvalCase]], stemless: set[str]
) -> dict[str, Any]:
    """The fusion grid on dev + blind-dev with 5-fold cross-validation: R@5 mean and spread over
    the folds per candidate, chosen by mean (then MRR@10); a nested estimate of the choice; then
    the chosen setting's blind-test numbers, once."""
    started = time.perf_counter()
    cases = [case for name in TUNING for case in sets[name]]
    fold_of = assign_folds([case.id for case in cases])
    searcher = app.build_searcher(shipped, store)
    search = hybrid_search(searcher)
    hits: dict[tuple[float, ...], list[bool]] = {}
    mrrs: dict[tuple[float, ...], float] = {}
    for candidate in itertools.product(*GRID.values()):
        # Fusion settings are read at every search: one searcher (one BM25 index) serves all.
        searcher.settings = shipped.model_copy(update=dict(zip(GRID, candidate, strict=True)))
        outcomes = run(search, {"tuning": cases})["tuning"]
        hits[candidate] = [o.rank is not None and o.rank <= RECALL_AT for o in outcomes]
        mrrs[candidate] = mrr(outcomes) or 0.0
    scores = {candidate: fold_scores(h, fold_of) for candidate, h in hits.items()}
    best = choose(scores, mrrs.__getitem__)
    nested, per_fold_choice = nested_estimate(hits, fold_of, mrrs.__getitem__)
    current = tuple(getattr(shipped, name) for name in GRID)
    print(
        f"\nCalibration on dev + blind-dev ({len(cases)} questions, 5 folds): "
        f"({', '.join(GRID)}): R@5 mean ± spread over the folds | MRR@10"
    )
    ranked = sorted(scores, key=lambda c: (-scores[c].mean, -mrrs[c]))
    for candidate in ranked[:15] + ([current] if current in ranked[15:] else []):
        mark = " (shipped)" if candidate == current else " (chosen)" if candidate == best else ""
        print(
            f"  {' '.join(f'{v:g}' for v in candidate):<16} {scores[candidate].mean:.3f} ± "
            f"{scores[candidate].spread:.3f} | {mrrs[candidate]:.3f}{mark}"
        )
    print(
        f"Nested estimate (choose on 4 folds, score the 5th): R@5 {nested.mean:.3f} ± "
        f"{nested.spread:.3f}; choices per fold: "
        + "; ".join(" ".join(f"{v:g}" for v in c) for c in per_fold_choice)
    )
    searcher.settings = shipped.model_copy(update=dict(zip(GRID, best, strict=True)))
    blind_test = set_metrics(
        run(search, {"blind-test": sets["blind-test"]})["blind-test"], stemless
    )
    searcher.settings = shipped
    print(f"Calibration time: {time.perf_counter() - started:.0f} s")
    print(
        f"Chosen {dict(zip(GRID, best, strict=True))} on blind-test (reported once, not tuned "
        f"on): R@5 {_cell(blind_test['recall@5'])}, MRR@10 {_cell(blind_test['mrr@10'])}, nss "
        f"{_cell(blind_test['recall@5_no_shared_stem'])}, MD "
        f"{_cell(blind_test['multi_doc_all_docs@10'])}"
    )
    return {
        "grid": GRID,
        "questions": len(cases),
        "folds": 5,
        "candidates": [
            {
                "settings": dict(zip(GRID, c, strict=True)),
                "recall@5_folds": scores[c].per_fold,
                "recall@5_mean": scores[c].mean,
                "recall@5_spread": scores[c].spread,
                "mrr@10": mrrs[c],
            }
            for c in ranked
        ],
        "chosen": dict(zip(GRID, best, strict=True)),
        "nested_recall@5": {"per_fold": nested.per_fold, "mean": nested.mean},
        "chosen_blind_test": blind_test,
        "seconds": round(time.perf_counter() - started, 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calibrate", action="store_true", help="grid-search fusion weights")
    args = parser.parse_args()
    logging.basicConfig(level=logging.WARNING)
    began = time.perf_counter()
    shipped = get_settings()
    every = question_sets()
    sets = {name: [c for c in cases if not c.expects_refusal] for name, cases in every.items()}
    stemless = {
        c.id
        for cases in sets.values()
        for c in cases
        if c.evidence and not overlap(c, BUNDLED_CORPUS).shared
    }
    print(
        "Answerable questions (without an answer in the corpus): "
        + ", ".join(f"{n} {len(sets[n])} ({len(every[n]) - len(sets[n])})" for n in every)
    )
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        naive = run(naive_baseline(root), sets)
        settings = shipped.model_copy(
            update={
                "data_dir": root / "project",
                "embedding_cache_dir": shipped.embedding_cache_dir,
            }
        )
        store = project_store(settings)
        store.backend._embeddings = RememberedQueries(store.backend.embeddings)
        searcher = app.build_searcher(settings, store)
        latencies: list[float] = []
        hybrid = run(hybrid_search(searcher), sets, latencies)  # first: every question embedded
        s = settings
        setups = {
            "(a) naive: 1000/200 chars, MiniLM, dense": naive,
            "(b) BM25 only (bm25s, Dutch stems)": run(bm25_search(searcher), sets),
            f"(c) dense only, {store.backend.model_id}": run(dense_search(store), sets),
            f"(d) shipped hybrid (BM25 {s.fusion_lexical_weight} + dense "
            f"{s.fusion_dense_weight}, c={s.fusion_rank_constant})": hybrid,
        }
        rows = [
            {"setup": label, "sets": {n: set_metrics(o, stemless) for n, o in outcomes.items()}}
            for label, outcomes in setups.items()
        ]
        print_sets_table(rows, list(sets))
        latency = {
            "searches": len(latencies),
            "p50": percentile(latencies, 0.5),
            "p95": percentile(latencies, 0.95),
        }
        print(
            f"Shipped hybrid search latency (models loaded, {latency['searches']} searches): "
            f"p50 {latency['p50']:.1f} ms, p95 {latency['p95']:.1f} ms"
        )
        categories = {label: recall_by_category(o["blind-dev"]) for label, o in setups.items()}
        print_categories(categories)
        misses = {
            name: [o.case.id for o in hybrid[name] if o.rank is None or o.rank > RECALL_AT]
            for name in TUNING
        }
        for name, ids in misses.items():
            print(f"Shipped hybrid, missed at 5 on {name}: {', '.join(ids) or '-'}")
        refusals = {
            name: refusal_separation(cases, hybrid_search(searcher), s.min_relevance)
            for name, cases in every.items()
        }
        print(
            f"\nRefusal at cosine < {s.min_relevance} (unanswerable refused; answerable refused):"
        )
        for name, c in refusals.items():
            print(
                f"  {name}: {c['unanswerable_refused']}/{c['unanswerable']}; "
                f"{c['wrongly_refused']}/{c['answerable']}"
            )
        ablations = ablation(settings, store, sets, stemless)
        calibration = calibrate(settings, store, sets, stemless) if args.calibrate else None
    seconds = round(time.perf_counter() - began, 1)
    print(f"\nBench time: {seconds} s")
    results = {
        "created": datetime.now(UTC).isoformat(timespec="seconds"),
        "k": K,
        "questions": {n: {"all": len(every[n]), "answerable": len(sets[n])} for n in every},
        "setups": rows,
        "latency_ms": latency,
        "blind_dev_recall@5_by_category": {
            label: {c: {"n": n, "recall@5": r} for c, (n, r) in table.items()}
            for label, table in categories.items()
        },
        "missed_at_5": misses,
        "refusal": {"min_relevance": s.min_relevance, **refusals},
        "ablation": ablations,
        "calibration": calibration,
        "seconds": seconds,
    }
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
