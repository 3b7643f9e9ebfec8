"""What the answerability model sees of a question and the passages found for it.

One vector of numbers per (question, search result, scored answer units), read through the
question's plan (`assistant.plan`): whether a sentence states a fact of the asked type (a
number the question does not name itself for "hoeveel", a date for "wanneer") about the
question's subject, whether that fact counts what the question counts ("Hoeveel ouders" —
"18.000 ouders", not "drie lijnen"), whether the question's years and organisations appear with
it (in its passage or its document's metadata), how much of the subject the answer sentence and
its passage cover (compounds and derived words count), how similar they are to the question, how
clearly the best passage and the best sentence stand out, how much of the subject the corpus does
not know at all, and the kind of question (English, length, naming a Kamerstuk). Rare words
weigh more: the answer sentence's idf-weighted coverage and the rarest subject word its passage
lacks tell a near miss ("Hoeveel leercirkels …" next to a sentence about the platform) from a
paraphrase. Cheap: text matching plus the sentence similarities the extractive answerer computes
anyway.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from assistant.answering.spans import best_span, names_counted
from assistant.extractive import may_answer
from assistant.plan import QuestionPlan, plan_question
from assistant.question import is_english, subject_terms
from assistant.sentence_scoring import Candidate
from vectorstore.search import SearchResult
from vectorstore.stored_chunk import StoredChunk
from vectorstore.text_analysis import terms

FEATURE_NAMES: tuple[str, ...] = (
    "asked_fact_missing",
    "counted_missing",
    "constraint_missing",
    "answer_coverage",
    "passage_coverage",
    "answer_cosine",
    "best_cosine",
    "passage_cosine",
    "passage_margin",
    "score_margin",
    "unknown_fraction",
    "english",
    "question_words",
    "names_kamerstuk",
    "best_passage_coverage",
    "answer_idf_coverage",
    "missing_idf",
    "typed_share",
)
TOP_UNITS = 5  # the best-scoring units `typed_share` looks at
_MIN_COMPOUND = 5  # "regeling" is found in "Catshuisregeling"; shorter stems only as words


@dataclass(frozen=True)
class ScoredSentences:
    """The answer units of the passages found, best-scoring first, and the cosine similarity to
    the question of each unit the similarity was computed for (by text)."""

    ranked: tuple[Candidate, ...]
    cosines: Mapping[str, float]

    def cosine(self, candidate: Candidate | None) -> float:
        return self.cosines.get(candidate.passage.text, 0.0) if candidate else 0.0


def _found(term: str, text_terms: set[str]) -> bool:
    """The term itself, or a compound with it as its head ("regeling" in "Catshuisregeling")."""
    return term in text_terms or (
        len(term) >= _MIN_COMPOUND and any(word.endswith(term) for word in text_terms)
    )


def _same_weight(term: str) -> float:
    return 1.0


def coverage(subject: list[str], text: str, idf: Callable[[str], float] = _same_weight) -> float:
    """The share of the subject terms found in the text (1.0 without subject terms), each term
    weighted by `idf` (by default all alike): with the corpus's idf, missing the rare word of a
    question weighs more than missing a common one."""
    weights = [idf(t) for t in subject]
    if not subject or sum(weights) <= 0:
        return 1.0
    text_terms = set(terms(text))
    found = sum(w for t, w in zip(subject, weights, strict=True) if _found(t, text_terms))
    return found / sum(weights)


def answer_candidate(
    ranked: tuple[Candidate, ...], plan: QuestionPlan, by_words: bool
) -> Candidate | None:
    """The best unit that may answer, as the extractive answerer chooses it (`may_answer`);
    None when no unit may answer."""
    return next((c for c in ranked if may_answer(c, plan, by_words)), None)


def counted_missing(plan: QuestionPlan, sentence: str) -> float:
    """1.0 when the question counts something ("Hoeveel ouders …") and the sentence's number
    counts something else ("drie lijnen"); 0.0 otherwise."""
    if not plan.counted:
        return 0.0
    span = best_span(sentence, plan)
    return float(span is None or not names_counted(span, plan))


def _metadata_text(chunk: StoredChunk) -> str:
    return " ".join(str(value) for value in chunk.metadata.values() if value)


def constraint_missing(plan: QuestionPlan, chunk: StoredChunk | None) -> float:
    """The share of the question's years and organisations ("in 2022", "bij VWS") absent from
    the passage and its document's metadata (title, sender, date)."""
    wanted = list(plan.years) + list(plan.organisations)
    if not wanted:
        return 0.0
    if chunk is None:
        return 1.0
    text = chunk.text + "\n" + _metadata_text(chunk)
    return sum(not re.search(rf"\b{re.escape(w)}\b", text) for w in wanted) / len(wanted)


def missing_idf(subject: list[str], text: str, idf: Callable[[str], float]) -> float:
    """The idf of the rarest subject term the text lacks (0.0 when it has them all)."""
    text_terms = set(terms(text))
    return max((idf(t) for t in subject if not _found(t, text_terms)), default=0.0)


def typed_share(ranked: tuple[Candidate, ...], plan: QuestionPlan) -> float:
    """For a question that needs a typed fact, the share of the best TOP_UNITS units that state
    one; 1.0 for other questions."""
    if not plan.requires_span:
        return 1.0
    return sum(best_span(c.passage.text, plan) is not None for c in ranked[:TOP_UNITS]) / TOP_UNITS


def unknown_fraction(question: str, knows: Callable[[str], bool]) -> float:
    """The share of the question's subject words that no passage of the corpus contains."""
    subject = subject_terms(question)
    if not subject:
        return 0.0
    return sum(not knows(t) for t in subject) / len(subject)


def answerability_features(
    question: str,
    result: SearchResult,
    sentences: ScoredSentences,
    knows: Callable[[str], bool],
    idf: Callable[[str], float],
) -> list[float]:
    """The features of FEATURE_NAMES, in that order, for a result with at least one passage;
    `knows` and `idf` are the corpus vocabulary's."""
    plan = plan_question(question)
    subject = subject_terms(question)
    by_words = bool(subject) and not is_english(question)
    answer = answer_candidate(sentences.ranked, plan, by_words)
    shown = answer or (sentences.ranked[0] if sentences.ranked else None)
    chunk = shown.passage.chunk if shown else result.chunks[0]
    cosines = sorted((c.dense_score or 0.0 for c in result.chunks), reverse=True)
    scores = [c.score for c in sentences.ranked[:2]]
    return [
        float(answer is None),
        counted_missing(plan, answer.passage.text) if answer else float(bool(plan.counted)),
        constraint_missing(plan, chunk),
        shown.coverage if shown else 0.0,
        coverage(subject, chunk.text),
        sentences.cosine(shown),
        max(sentences.cosines.values(), default=0.0),
        cosines[0],
        cosines[0] - cosines[1] if len(cosines) > 1 else 0.0,
        scores[0] - scores[1] if len(scores) > 1 else 0.0,
        unknown_fraction(question, knows),
        float(is_english(question)),
        math.log1p(len(question.split())),
        float(bool(result.hints.named)),
        max(coverage(subject, c.text) for c in result.chunks),
        coverage(subject, shown.passage.text, idf) if shown else 0.0,
        missing_idf(subject, chunk.text, idf),
        typed_share(sentences.ranked, plan),
    ]
