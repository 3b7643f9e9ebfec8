"""Answer quality on the development set: facts, refusals and citations.

For every dev question the configured answering service answers once. Reported:
- fact accuracy: answerable questions whose answer contains the gold evidence verbatim;
- refusal precision / recall over the questions the corpus cannot answer;
- wrong citations: citations to a document that does not contain the evidence at all;
- answer latency p50 / p95.
Run: `make bench-answers` (uses the data dir of the settings; ingests the bundled corpus first).
"""

from __future__ import annotations

import logging

from assistant import app
from assistant.config import BUNDLED_CORPUS, get_settings
from evals.answer_quality import measure_answers
from evals.dataset import load_cases


def main() -> None:
    logging.basicConfig(level=logging.WARNING)
    settings = get_settings()
    store = app.build_store(settings)
    app.ingest(settings, [BUNDLED_CORPUS], store)
    quality = measure_answers(app.build_service(settings, store), load_cases())
    answerable, unanswerable = quality.answerable, quality.unanswerable
    refused = quality.refused_right + quality.refused_wrong
    p50, p95 = quality.latency_p50_p95
    print(
        f"mode {settings.answer_mode}; {answerable + unanswerable} questions "
        f"({answerable} answerable)"
    )
    print(f"fact accuracy          {quality.correct}/{answerable} = {quality.fact_accuracy:.3f}")
    print(
        f"refusal recall         {quality.refused_right}/{unanswerable} = "
        f"{quality.refused_right / max(unanswerable, 1):.3f}"
    )
    print(
        f"refusal precision      {quality.refused_right}/{refused} = "
        f"{quality.refused_right / max(refused, 1):.3f}  "
        f"({quality.refused_wrong} answerable refused)"
    )
    print(f"wrong citations        {quality.wrong_citations}")
    print(f"latency p50 / p95 ms   {p50:.1f} / {p95:.1f}")
    print("misses: " + (", ".join(quality.misses) or "-"))


if __name__ == "__main__":
    main()
