"""What the answerability model sees of a question and the passages found for it.

One vector of numbers per (question, search result, best candidate sentence): whether the best
sentence has what the question asks for (a number for "hoeveel", a date for "wanneer"), how much
of the question's subject the best passage and sentence cover, how similar they are to the
question, how clearly the best passage stands out, how much of the subject the corpus does not
know at all, whether a year or organisation the question names is in the best passage, and the
kind of question (English, length, naming a Kamerstuk). Cheap: text matching plus the sentence
similarities the extractive answerer computes anyway.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass

from assistant.question import ASKS_NUMBER, content_terms, has_quantity, is_english
from assistant.sentence_scoring import Candidate, has_date
from vectorstore.query_analysis import ASKS_DATE
from vectorstore.search import SearchResult
from vectorstore.text_analysis import terms

FEATURE_NAMES: tuple[str, ...] = (
    "asked_type_missing",
    "passage_coverage",
    "sentence_coverage",
    "passage_cosine",
    "sentence_cosine",
    "passage_margin",
    "unknown_fraction",
    "constraint_missing",
    "english",
    "question_words",
    "names_kamerstuk",
)
_MIN_COMPOUND = 5  # "regeling" is found in "Catshuisregeling"; shorter stems only as words
# "een jaar na inwerkingtreding", "eind 2022", "sinds de zomer": a time, not only a date.
_TIME = re.compile(
    r"\b(jaar|jaren|maand|maanden|week|weken|dag|dagen|kwartaal|eind|begin|halverwege|sinds|"
    r"vanaf|year|month|since)\b",
    re.IGNORECASE,
)
_NUMBER = re.compile(r"\d[\d.,]*\d|\d")
_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")
# An organisation or other name written as an abbreviation: "VWS", "BZK", "RvIG", "CAK".
_ABBREVIATION = re.compile(r"\b[A-Z][A-Za-z]*[A-Z][A-Za-z]*\b")


@dataclass(frozen=True)
class BestSentence:
    """The best-scoring answer unit with the runners-up (best first), and the best cosine
    similarity of any answer unit of the passages to the question."""

    ranked: tuple[Candidate, ...]
    best_cosine: float

    @property
    def candidate(self) -> Candidate | None:
        return self.ranked[0] if self.ranked else None


def _found(term: str, text_terms: set[str]) -> bool:
    """The term itself, or a compound with it as its head ("regeling" in "Catshuisregeling")."""
    return term in text_terms or (
        len(term) >= _MIN_COMPOUND and any(word.endswith(term) for word in text_terms)
    )


def coverage(subject: list[str], text: str) -> float:
    """The share of the subject terms found in the text (1.0 without subject terms)."""
    if not subject:
        return 1.0
    text_terms = set(terms(text))
    return sum(_found(t, text_terms) for t in subject) / len(subject)


def has_asked_type(question: str, sentence: str) -> bool:
    """The sentence has what the question asks for: a number other than those the question
    names itself for "hoeveel", a date or time for "wanneer"; any sentence for other questions."""
    if ASKS_NUMBER.search(question):
        for number in _NUMBER.findall(question):
            sentence = re.sub(rf"(?<![\d.,]){re.escape(number)}(?![.,]?\d)", " ", sentence)
        return has_quantity(sentence)
    if ASKS_DATE.search(question):
        return has_date(sentence) or bool(_TIME.search(sentence))
    return True


def constraints(question: str) -> list[str]:
    """Years and abbreviated names the question ties its subject to ("in 2022", "bij VWS")."""
    named = _YEAR.findall(question) + _ABBREVIATION.findall(question)
    return list(dict.fromkeys(named))


def constraint_missing(question: str, passage: str) -> float:
    """The share of the question's years and abbreviated names absent from the passage."""
    wanted = constraints(question)
    if not wanted:
        return 0.0
    return sum(not re.search(rf"\b{re.escape(w)}\b", passage) for w in wanted) / len(wanted)


def unknown_fraction(question: str, knows: Callable[[str], bool]) -> float:
    """The share of the question's subject words that no passage of the corpus contains."""
    subject = [t for t in content_terms(question) if not t[0].isdigit()]
    if not subject:
        return 0.0
    return sum(not knows(t) for t in subject) / len(subject)


def answerability_features(
    question: str, result: SearchResult, best: BestSentence, knows: Callable[[str], bool]
) -> list[float]:
    """The features of FEATURE_NAMES, in that order, for a result with at least one passage."""
    cosines = sorted((c.dense_score or 0.0 for c in result.chunks), reverse=True)
    passage = best.candidate.passage.chunk.text if best.candidate else result.chunks[0].text
    subject = [t for t in content_terms(question) if not t[0].isdigit()]
    return [
        float(not any(has_asked_type(question, c.passage.text) for c in best.ranked)),
        coverage(subject, passage),
        best.candidate.coverage if best.candidate else 0.0,
        cosines[0],
        best.best_cosine,
        cosines[0] - cosines[1] if len(cosines) > 1 else 0.0,
        unknown_fraction(question, knows),
        constraint_missing(question, passage),
        float(is_english(question)),
        math.log1p(len(question.split())),
        float(bool(result.hints.named)),
    ]
