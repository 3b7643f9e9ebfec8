"""Retrieval metrics of one set-up on one question set: recall@5, MRR@10, recall@5 on the
questions that share no content stem with their evidence, and for multi_document questions the
share whose every gold document is among the documents of the top 10.

An evidence hit is a passage of a gold document whose whitespace-squashed text contains a
squashed evidence quote (`evals.scoring.evidence_rank`); questions without an answer in the
corpus are left out before anything here is computed.
"""

from __future__ import annotations

from dataclasses import dataclass

from evals.cases import EvalCase
from evals.scoring import cites_every_document, evidence_rank

K = 10  # passages looked at per question
RECALL_AT = 5
MULTI_DOCUMENT = "multi_document"


@dataclass(frozen=True)
class Outcome:
    """What one search did for one question."""

    case: EvalCase
    rank: int | None  # evidence rank in the top K; None: no hit
    all_documents: bool  # every gold document among the documents of the top K
    all_documents_at_5: bool = False  # … of the top RECALL_AT


def outcome(case: EvalCase, results: list[tuple[str, str]]) -> Outcome:
    """Score the (source, text) results of one search, best first."""
    top = results[:K]
    sources = [source for source, _ in top]
    return Outcome(
        case,
        evidence_rank(case, top),
        cites_every_document(case, sources),
        cites_every_document(case, sources[:RECALL_AT]),
    )


def recall(outcomes: list[Outcome], at: int = RECALL_AT) -> float | None:
    if not outcomes:
        return None
    return sum(1 for o in outcomes if o.rank is not None and o.rank <= at) / len(outcomes)


def mrr(outcomes: list[Outcome]) -> float | None:
    if not outcomes:
        return None
    return sum(1 / o.rank for o in outcomes if o.rank) / len(outcomes)


def set_metrics(outcomes: list[Outcome], no_shared_stem: set[str]) -> dict[str, float | None]:
    """The metrics of one set-up on one set; `no_shared_stem`: ids of the questions that share
    no content stem with their evidence (evals/overlap.py). None where no question counts."""
    unborrowed = [o for o in outcomes if o.case.id in no_shared_stem]
    multi = [o for o in outcomes if o.case.category == MULTI_DOCUMENT]
    return {
        "n": len(outcomes),
        "recall@5": recall(outcomes),
        "mrr@10": mrr(outcomes),
        "recall@5_no_shared_stem": recall(unborrowed),
        "n_no_shared_stem": len(unborrowed),
        "multi_doc_all_docs@10": (
            sum(o.all_documents for o in multi) / len(multi) if multi else None
        ),
        "multi_doc_all_docs@5": (
            sum(o.all_documents_at_5 for o in multi) / len(multi) if multi else None
        ),
        "n_multi_doc": len(multi),
    }


def recall_by_category(outcomes: list[Outcome]) -> dict[str, tuple[int, float | None]]:
    """(questions, recall@5) per category, categories sorted."""
    categories = sorted({o.case.category for o in outcomes})
    return {
        c: (len(group), recall(group))
        for c in categories
        for group in [[o for o in outcomes if o.case.category == c]]
    }
