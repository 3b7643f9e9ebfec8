"""Scoring one eval case, and the metrics over many: the one definition of a right fact, a
right citation, a right refusal and a retrieval hit, for every eval set and benchmark."""

from __future__ import annotations

import re
import statistics
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field

from assistant.answer_models import Answer, Citation
from assistant.question_types import FACT_TYPES
from evals.cases import EvalCase, verbatim_pattern
from evals.stats import percentile
from ingest.text import squash

# Higher is better for all of these; the regression gate compares them with the baseline.
QUALITY_METRICS = (
    "pass_rate",
    "hit_at_k",
    "fact_accuracy",
    "citation_precision",
    "citation_recall",
    "refusal_accuracy",
    "direct_answer_accuracy",
)
METRIC_LABELS = {
    "pass_rate": "geslaagd",
    "hit_at_k": "retrieval hit@k",
    "fact_accuracy": "feiten juist",
    "citation_precision": "bronnen: precisie",
    "citation_recall": "bronnen: recall",
    "refusal_accuracy": "weigering juist",
    "direct_answer_accuracy": "direct antwoord juist",
    "typed_cases": "vragen naar een feit (getypeerd)",
    "guard_interventions": "guard-ingrepen",
    "latency_p50_ms": "latentie p50 (ms)",
    "latency_p95_ms": "latentie p95 (ms)",
}


@dataclass
class CaseResult:
    id: str
    category: str
    question: str
    expected_refusal: bool
    answer: str
    refused: bool
    citations: list[str]  # labels as shown to the user
    retrieved: bool | None  # every evidence quote in the retrieved passages; None: no evidence
    facts_ok: bool  # all must_match found and no must_not_match
    missing: list[str]  # must_match patterns not found
    forbidden: list[str]  # must_not_match patterns found
    cited_right: int  # citations to a document in must_cite
    cited_total: int
    cite_recall: float | None  # share of must_cite entries cited; None: nothing required
    guard_interventions: int
    latency_ms: float
    passed: bool = field(default=False)
    asks: str | None = None  # the asked type from the answer's plan
    direct_answer: str | None = None
    # The direct answer holds an asked fact (a `must_match` pattern); None: not a typed,
    # answerable case with fact patterns.
    direct_ok: bool | None = None

    def to_dict(self) -> dict[str, object]:
        return asdict(self)


def _names(wanted: str, source: str, kamerstuk: str | None = None) -> bool:
    """Whether a document (file name, Kamerstuk id) is the `must_cite` entry `wanted` ("a|b"
    accepts either)."""
    return any(option in (source, kamerstuk) for option in wanted.split("|"))


def _cites(citation: Citation, wanted: str) -> bool:
    """The one definition of a right citation: it names a document the case must cite."""
    return _names(wanted, citation.source, citation.kamerstuk)


def hit_rank(case: EvalCase, results: list[tuple[str, str]]) -> int | None:
    """1-based rank of the first (source, text) search result from a document named in
    `must_cite` (by file name) whose text contains every evidence quote (whitespace-insensitive),
    or None."""
    return _first_rank(case, results, all)


def evidence_rank(case: EvalCase, results: list[tuple[str, str]]) -> int | None:
    """1-based rank of the first (source, text) search result from a document named in
    `must_cite` whose text contains at least one evidence quote (whitespace-insensitive: line
    breaks and non-breaking spaces count as one space), or None. With one quote per case this is
    `hit_rank`; a case whose quotes lie in different passages or documents (multi_document) hits
    on the first of them."""
    return _first_rank(case, results, any)


def _first_rank(
    case: EvalCase, results: list[tuple[str, str]], quotes_needed: Callable[[Iterable[bool]], bool]
) -> int | None:
    """1-based rank of the first result from a gold document whose squashed text holds the
    evidence quotes as `quotes_needed` (all or any) asks, or None."""
    quotes = [squash(quote) for quote in case.evidence]
    for rank, (source, text) in enumerate(results, start=1):
        passage = squash(text)
        if any(_names(w, source) for w in case.must_cite) and quotes_needed(
            q in passage for q in quotes
        ):
            return rank
    return None


def cites_every_document(case: EvalCase, sources: list[str]) -> bool:
    """Whether every `must_cite` document is among `sources` (file names)."""
    return all(any(_names(w, source) for source in sources) for w in case.must_cite)


def _fact_patterns(case: EvalCase) -> list[str]:
    """The `must_match` patterns that name a fact; a pattern that is an evidence quote verbatim
    (the retrieval dev set's lines) tests the quote, not the span that answers."""
    quotes = {verbatim_pattern(quote) for quote in case.evidence}
    return [p for p in case.must_match if p not in quotes]


def _asked(answer: Answer) -> str | None:
    """The asked type in the answer's plan ("number", "date", …), None without a plan."""
    asks = (answer.plan or {}).get("asks")
    return asks if isinstance(asks, str) else None


def direct_answer_ok(case: EvalCase, answer: Answer) -> bool | None:
    """Whether an answerable question asking for a typed fact was answered with that fact
    first: the direct answer is set and holds at least one of the case's fact patterns. None
    for a case that expects a refusal, an untyped question or a case without fact patterns."""
    patterns = _fact_patterns(case)
    if case.expects_refusal or _asked(answer) not in FACT_TYPES or not patterns:
        return None
    direct = answer.direct_answer
    if direct is None:
        return False
    # The lead is capitalised as a sentence ("Zestig gemeenten [1]."); a pattern for the fact as
    # the stukken write it mid-sentence ("zestig") still matches it.
    leads = (direct, direct[:1].lower() + direct[1:])
    return any(re.search(p, lead) for p in patterns for lead in leads)


def score_case(
    case: EvalCase, answer: Answer, retrieved_text: str, latency_ms: float
) -> CaseResult:
    """Compare one answer with what the case expects."""
    text = answer.answer
    missing = [] if case.expects_refusal else [p for p in case.must_match if not re.search(p, text)]
    forbidden = [p for p in case.must_not_match if re.search(p, text)]
    wanted = case.must_cite
    cited_right = sum(1 for c in answer.citations if any(_cites(c, w) for w in wanted))
    recall = (
        sum(1 for w in wanted if any(_cites(c, w) for c in answer.citations)) / len(wanted)
        if wanted and not case.expects_refusal
        else None
    )
    retrieved = all(squash(e) in retrieved_text for e in case.evidence) if case.evidence else None
    result = CaseResult(
        id=case.id,
        category=case.category,
        question=case.question,
        expected_refusal=case.expects_refusal,
        answer=text,
        refused=answer.refused,
        citations=[c.label for c in answer.citations],
        retrieved=retrieved,
        facts_ok=not missing and not forbidden and (case.expects_refusal or not answer.refused),
        missing=missing,
        forbidden=forbidden,
        cited_right=cited_right,
        cited_total=len(answer.citations) if wanted else 0,
        cite_recall=recall,
        guard_interventions=len(answer.guard_removed),
        latency_ms=round(latency_ms, 1),
        asks=_asked(answer),
        direct_answer=answer.direct_answer,
        direct_ok=direct_answer_ok(case, answer),
    )
    result.passed = (
        result.refused == case.expects_refusal
        and result.facts_ok
        and (recall is None or recall == 1.0)
    )
    return result


def wrong_citations(results: list[CaseResult]) -> int:
    """Citations of answerable cases to a document outside `must_cite`: what citation precision
    counts against."""
    return sum(r.cited_total - r.cited_right for r in results if not r.expected_refusal)


def _share(values: list[bool]) -> float | None:
    return round(sum(values) / len(values), 3) if values else None


def refusal_confusion(results: list[CaseResult]) -> dict[str, int]:
    """Counts of should-refuse x did-refuse: `refuse_refused` (right refusal), `refuse_answered`
    (answered what the corpus does not say), `answer_refused` (wrongly refused) and
    `answer_answered`."""
    counts = {"refuse_refused": 0, "refuse_answered": 0, "answer_refused": 0, "answer_answered": 0}
    for r in results:
        should = "refuse" if r.expected_refusal else "answer"
        counts[f"{should}_{'refused' if r.refused else 'answered'}"] += 1
    return counts


def metrics(results: list[CaseResult]) -> dict[str, float | int | None]:
    """Overall metrics of a set of results (None where no case measures it)."""
    answerable = [r for r in results if not r.expected_refusal]
    cited = sum(r.cited_total for r in answerable)
    recalls = [r.cite_recall for r in answerable if r.cite_recall is not None]
    latencies = [r.latency_ms for r in results]
    direct = [r.direct_ok for r in results if r.direct_ok is not None]
    return {
        "cases": len(results),
        "pass_rate": _share([r.passed for r in results]),
        "hit_at_k": _share([r.retrieved for r in results if r.retrieved is not None]),
        "fact_accuracy": _share([r.facts_ok for r in answerable]),
        "citation_precision": round(sum(r.cited_right for r in answerable) / cited, 3)
        if cited
        else None,
        "citation_recall": round(statistics.fmean(recalls), 3) if recalls else None,
        "refusal_accuracy": _share([r.refused == r.expected_refusal for r in results]),
        "direct_answer_accuracy": _share(direct),
        "typed_cases": len(direct),
        "guard_interventions": sum(r.guard_interventions for r in results),
        "latency_p50_ms": percentile(latencies, 0.5) if latencies else None,
        "latency_p95_ms": percentile(latencies, 0.95) if latencies else None,
    }
