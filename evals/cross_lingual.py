"""How much less similar an English question is to the Dutch stukken than its Dutch original:
`python -m evals.cross_lingual [--ingest corpus/uitvoering] [--out pairs.jsonl]`.

Reads evals/calibration/english_pairs.jsonl (a dev or known-facts case's Dutch question with a
faithful English translation; no blind question), runs both through the resolver, the search
and the sentence selection of `assistant.app`, and records the cosines the refusal policy
judges (`best_cosines`: best passage, best sentence to quote). It prints the distribution of the
English-minus-Dutch differences (median, quartiles), whose negated median is the default of the
setting `english_relevance_offset`, and how often the English question is refused where its
Dutch original is (with the configured settings), split by whether the case should be refused.
"""

from __future__ import annotations

import json
import logging
import statistics
from collections import Counter
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

from pydantic import BaseModel

from assistant.answering.refusal import Similarities, best_cosines
from assistant.app import build_service
from assistant.config import get_settings
from assistant.extractive import select_passages
from assistant.plan import plan_question
from assistant.sentence_scoring import question_similarity
from assistant.service import AnswerService
from evals.cases import CALIBRATION, DEV_SET, KNOWN_FACTS, EvalCase, load_eval_cases
from evals.command import script_parser, script_store

log = logging.getLogger(__name__)
PAIRS = CALIBRATION / "english_pairs.jsonl"
SETS = {"dev": DEV_SET, "known_facts": KNOWN_FACTS}


class EnglishPair(BaseModel):
    id: str  # the case's id in its set
    set: str  # "dev" or "known_facts"
    dutch: str
    english: str


@dataclass(frozen=True)
class Measured:
    """One question's cosines and whether the service refused it."""

    passage: float
    sentence: float | None
    refused: bool


@dataclass(frozen=True)
class PairResult:
    id: str
    should_refuse: bool
    dutch: Measured
    english: Measured


@dataclass(frozen=True)
class Shift:
    """The distribution of English-minus-Dutch differences of one cosine."""

    pairs: int
    q1: float
    median: float
    q3: float


def load_pairs(path: Path = PAIRS) -> list[EnglishPair]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [EnglishPair.model_validate_json(line) for line in lines if line.strip()]


def expected_refusals(pairs: Sequence[EnglishPair]) -> dict[tuple[str, str], bool]:
    """Whether each pair's case should be refused, by (set, id)."""
    cases: dict[tuple[str, str], EvalCase] = {
        (name, case.id): case for name, path in SETS.items() for case in load_eval_cases(path)
    }
    return {(p.set, p.id): cases[(p.set, p.id)].expects_refusal for p in pairs}


def measure(service: AnswerService, question: str) -> Measured:
    """The cosines the refusal policy judges for `question`, and the service's refusal."""
    settings = service.settings
    resolved = service.resolver.resolve(question, [])
    result = service.searcher.search_with_hints(
        resolved.text, k=settings.top_k, prefer_documents=resolved.documents
    )
    similarity = question_similarity(service.store.backend.embeddings, result.query_vector)
    passages = select_passages(
        resolved.text,
        result.chunks,
        service.searcher.lexical.idf,
        most=settings.answer_sentences,
        similarity=similarity,
        plan=plan_question(question),
    )
    found: Similarities = best_cosines(result, passages, similarity)
    return Measured(found.passage, found.sentence, service.ask(question).refused)


def shift(differences: Sequence[float]) -> Shift:
    """Median and quartiles of the differences (English minus Dutch)."""
    if len(differences) < 2:
        raise ValueError("a shift needs at least two pairs")
    q1, median, q3 = statistics.quantiles(differences, n=4, method="inclusive")
    return Shift(len(differences), q1, median, q3)


def shifts(results: Sequence[PairResult]) -> dict[str, Shift]:
    """The shift of the best passage's and the best sentence's cosine over the pairs (a
    sentence only where both questions had one)."""
    passage = [r.english.passage - r.dutch.passage for r in results]
    sentence = [
        r.english.sentence - r.dutch.sentence
        for r in results
        if r.english.sentence is not None and r.dutch.sentence is not None
    ]
    return {"passage": shift(passage), "sentence": shift(sentence)}


def refusal_agreement(results: Sequence[PairResult]) -> Counter[tuple[bool, bool, bool]]:
    """Counts of (should refuse, Dutch refused, English refused)."""
    return Counter((r.should_refuse, r.dutch.refused, r.english.refused) for r in results)


def agreement_table(counts: Counter[tuple[bool, bool, bool]]) -> str:
    lines = ["should refuse  Dutch refused  English refused  pairs"]
    for key in sorted(counts, reverse=True):
        should, dutch, english = key
        lines.append(f"{should!s:>13}  {dutch!s:>13}  {english!s:>15}  {counts[key]:>5}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = script_parser(__doc__)
    parser.add_argument("--pairs", type=Path, default=PAIRS)
    parser.add_argument("--out", type=Path, help="write each pair's measurements here (.jsonl)")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING)
    settings = get_settings()
    service = build_service(settings, script_store(settings, args.ingest))
    pairs = load_pairs(args.pairs)
    should_refuse = expected_refusals(pairs)
    results = [
        PairResult(
            p.id,
            should_refuse[(p.set, p.id)],
            measure(service, p.dutch),
            measure(service, p.english),
        )
        for p in pairs
    ]
    if args.out:
        rows = [json.dumps(asdict(r)) for r in results]
        args.out.write_text("\n".join(rows) + "\n", encoding="utf-8")
    print(f"english_relevance_offset {settings.english_relevance_offset:.3f}")
    for name, subset in (
        ("all", results),
        ("answerable", [r for r in results if not r.should_refuse]),
    ):
        for feature, s in shifts(subset).items():
            print(
                f"{name:<10} {feature:<8} English - Dutch over {s.pairs} pairs: "
                f"median {s.median:+.4f}, quartiles {s.q1:+.4f} .. {s.q3:+.4f}"
            )
    print(agreement_table(refusal_agreement(results)))


if __name__ == "__main__":
    main()
