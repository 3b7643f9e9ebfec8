"""Answer quality on the development set: facts, refusals and citations.

For every dev question the configured answering service answers once, through the same runner
and scorer as `uitvoering eval` (evals/runner.py, evals/scoring.py). Reported:
- fact accuracy: answerable questions whose answer contains the gold evidence verbatim;
- refusal recall / precision over the questions the corpus cannot answer;
- citation precision / recall: citations to the gold document, gold documents cited; wrong
  citations are the citations to any other document;
- answer latency p50 / p95.
Run: `make bench-answers` (uses the data dir of the settings; ingests the bundled corpus first).
"""

from __future__ import annotations

import logging

from assistant import app
from assistant.config import BUNDLED_CORPUS, get_settings
from evals.cases import DEV_SET, load_eval_cases
from evals.runner import run_cases
from evals.scoring import CaseResult, metrics, wrong_citations


def _miss(result: CaseResult) -> str | None:
    """The case id with what went wrong, or None when facts and refusal are right."""
    if result.expected_refusal:
        return None if result.refused else f"{result.id} (answered, should refuse)"
    if result.facts_ok:
        return None
    return f"{result.id}{' (refused)' if result.refused else ''}"


def _shown(value: float | int | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def main() -> None:
    logging.basicConfig(level=logging.WARNING)
    settings = get_settings()
    store = app.build_store(settings)
    app.ingest(settings, [BUNDLED_CORPUS], store)
    results = run_cases(app.build_service(settings, store), load_eval_cases(DEV_SET))
    scores = metrics(results)
    answerable = [r for r in results if not r.expected_refusal]
    unanswerable = len(results) - len(answerable)
    refused_right = sum(r.refused for r in results if r.expected_refusal)
    refused_wrong = sum(r.refused for r in answerable)
    refused = refused_right + refused_wrong
    cited = sum(r.cited_total for r in answerable)
    print(f"mode {settings.answer_mode}; {len(results)} questions ({len(answerable)} answerable)")
    print(
        f"fact accuracy          {sum(r.facts_ok for r in answerable)}/{len(answerable)} = "
        f"{_shown(scores['fact_accuracy'])}"
    )
    print(
        f"refusal recall         {refused_right}/{unanswerable} = "
        f"{refused_right / max(unanswerable, 1):.3f}"
    )
    print(
        f"refusal precision      {refused_right}/{refused} = "
        f"{refused_right / max(refused, 1):.3f}  ({refused_wrong} answerable refused)"
    )
    print(
        f"citation precision     {cited - wrong_citations(results)}/{cited} = "
        f"{_shown(scores['citation_precision'])}  ({wrong_citations(results)} wrong citations)"
    )
    print(f"citation recall        {_shown(scores['citation_recall'])}")
    print(f"latency p50 / p95 ms   {scores['latency_p50_ms']:.1f} / {scores['latency_p95_ms']:.1f}")
    print("misses: " + (", ".join(m for r in results if (m := _miss(r))) or "-"))


if __name__ == "__main__":
    main()
