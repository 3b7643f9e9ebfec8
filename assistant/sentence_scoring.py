"""How well each answer unit of the retrieved passages answers the question.

Each unit is scored by how much of the question's meaning-carrying words it contains (weighted by
how rare they are in the corpus), plus a bonus when it has what the question asks for (a date for
"wanneer", a number for "hoeveel") and a small bonus for the passage's rank.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
from langchain_core.embeddings import Embeddings

from assistant.answering.enumerations import find_enumerations
from assistant.answering.footnotes import footnote_states_fact
from assistant.answering.numbered_names import digit_ordinals, names_another, numbered
from assistant.answering.organisation_spans import organisation_span
from assistant.answering.spans import Span, find_spans
from assistant.plan import QuestionPlan, plan_question
from assistant.question import content_terms
from assistant.question_types import without_asked_phrase
from assistant.sentences import SHORT, Passage, answer_units, glued_cells
from vectorstore.focus import without_courtesies
from vectorstore.stored_chunk import StoredChunk
from vectorstore.text_analysis import term_matches, terms

_CARRY = 0.9
_LEXICAL_SHARE = 0.6  # sentence score: this much word coverage, the rest meaning (embedding)
_REASON = re.compile(r"\b(daarom|omdat|want|doordat|vanwege|dus|zodat|waardoor|door)\b", re.I)
_REASON_BONUS = 0.2
_TYPED_BONUS = 0.3  # the unit states a fact of the asked type (a number, a date …)
_RANK_BONUS = 0.3
_HEADING_SHARE = 0.5  # a question word found only in the sentence's section heading counts half
_ENUMERATION_BONUS = 0.3  # "Welke vier …": a unit enumerating that many things
# "Welke regeling …": a sentence naming a new kind of it ("Catshuisregeling"), or a lead-in that
# lists them ("… vier ervaren dilemma's:"), has the kind of answer asked for.
_ANSWER_KIND_BONUS = 0.2
# "fase 1" for the question's "fase 2": about another thing, however many words it shares
_OTHER_THING_PENALTY = 0.3
# "Hoe heet het plan …": a compound with the asked kind as head ("actieplan") names one of it;
# shorter stems than that ("wet") end too many unrelated words.
_MIN_KIND = 4


def _normalised_terms(text: str) -> set[str]:
    """Stemmed terms with ordinals as digits."""
    return set(terms(digit_ordinals(text)))


def _heading_before(chunk: StoredChunk, start: int) -> str:
    """The section heading a sentence stands under: the last heading line before it in the
    chunk, else the section the chunk starts in."""
    for line in reversed(chunk.text[:start].split("\n")[:-1]):  # the last is the sentence's own
        line = line.strip()
        if line and len(line) < SHORT * 2 and line[-1] not in ".:;,!?":
            return line
    return str(chunk.metadata.get("section") or "")


def _names_kind(unit: str, unit_terms: set[str], kind: str, question_terms: list[str]) -> bool:
    """Whether the unit names something of the asked kind that the question does not already
    name (a compound with `kind` as head), or is a lead-in listing things of that kind."""
    lines = unit.splitlines()
    if len(lines) > 1 and kind in _normalised_terms(lines[0]):
        return True
    return any(
        word.endswith(kind) and word != kind and word not in question_terms for word in unit_terms
    )


def _after_kind(sentence: str, spans: list[Span], kind: str) -> bool:
    """Whether one of the spans stands right after a word for the asked kind, as its name."""
    for span in spans:
        before = sentence[: span.start].rstrip(" ‘'“\"«").split()
        if before and any(t.endswith(kind) for t in terms(before[-1])):
            return True
    return False


@dataclass(frozen=True)
class Candidate:
    """An answer unit with the share of the question's words it covers and its score."""

    passage: Passage
    coverage: float
    score: float
    closeness: float = 0.0  # the question similarity, min-max scaled over the candidates
    shares_words: bool = False  # the unit itself holds a word of the question (not carried)


Similarity = Callable[[list[str]], list[float]]  # sentences -> cosine similarity to the question


def question_similarity(
    embeddings: Embeddings, query_vector: Sequence[float] | None
) -> Similarity | None:
    """Cosine similarity of sentences to the question whose vector the search computed (the
    embeddings cache sentence vectors); None when the search made no question vector."""
    if query_vector is None:
        return None
    question = np.asarray(query_vector, dtype=np.float32)

    def similarity(sentences: list[str]) -> list[float]:
        vectors = embeddings.embed_documents(sentences)
        return [float(v) for v in np.asarray(vectors, dtype=np.float32) @ question]

    return similarity


def _relative(values: list[float]) -> list[float]:
    """Min-max scaled to [0, 1]: the small model's cosines all lie close together."""
    low, high = min(values, default=0.0), max(values, default=0.0)
    return [(v - low) / (high - low) if high > low else 0.0 for v in values]


def candidates(
    question: str,
    chunks: list[StoredChunk],
    idf: Callable[[str], float],
    similarity: Similarity | None,
    plan: QuestionPlan | None = None,
) -> list[Candidate]:
    """Every answer unit of `chunks` scored against the question (read as `plan`, by default
    the plan of `question`); table rows read without their cell borders are left out. Their
    meaning score ranks them by `similarity` (the answerers give the similarity to the
    search's sentence vector, `SearchResult.sentence_vector`)."""
    plan = plan or plan_question(question)
    wanted = content_terms(digit_ordinals(without_asked_phrase(without_courtesies(question))))
    total = sum(idf(t) for t in wanted) or 1.0
    numbered_things = numbered(question)
    kind = plan.kind if plan.kind and len(plan.kind) >= _MIN_KIND else None
    spans = [
        (rank, chunk, start, end)
        for rank, chunk in enumerate(chunks)
        for start, end in answer_units(chunk.text)
    ]
    meaning = (
        _relative(similarity([chunk.text[s:e] for _, chunk, s, e in spans]))
        if similarity and spans
        else [0.0] * len(spans)
    )
    found: list[Candidate] = []
    heading_terms: dict[str, set[str]] = {}  # heading -> its terms; many sentences share one
    previous: tuple[str, float] = ("", 0.0)  # (chunk id, coverage) of the sentence before
    for (rank, chunk, start, end), close in zip(spans, meaning, strict=True):
        sentence = chunk.text[start:end]
        if glued_cells(sentence):
            continue
        sentence_terms = _normalised_terms(sentence)
        names_kind = bool(kind) and _names_kind(sentence, sentence_terms, kind, wanted)
        # a sentence naming an "actieplan" covers the asked "plan"
        covered = frozenset(
            t for t in wanted if term_matches(t, sentence_terms) or (names_kind and t == kind)
        )
        heading = _heading_before(chunk, start)
        if heading not in heading_terms:
            heading_terms[heading] = _normalised_terms(heading)
        under_heading = [
            t for t in wanted if t not in covered and term_matches(t, heading_terms[heading])
        ]
        own = (
            sum(idf(t) for t in covered) + _HEADING_SHARE * sum(idf(t) for t in under_heading)
        ) / total
        # A sentence continues the topic of the one before it ("… dialoogsessies georganiseerd.
        # Ongeveer 300 medewerkers …"), so it inherits part of that sentence's coverage.
        carried = _CARRY * previous[1] if previous[0] == chunk.chunk_id else 0.0
        coverage = max(own, carried)
        previous = (chunk.chunk_id, own)
        score = (
            _LEXICAL_SHARE * coverage
            + (1 - _LEXICAL_SHARE) * close
            + _RANK_BONUS * (1 - rank / len(chunks))
        )
        if plan.requires_span and (
            find_spans(sentence, plan) or footnote_states_fact(Passage(chunk, start, end), plan)
        ):
            score += _TYPED_BONUS
        elif plan.asks in ("person", "name") and (named := find_spans(sentence, plan)):
            # "Wie …", "Hoe heet het plan …": a sentence naming one, the more when the name
            # stands after the asked kind ("het actieplan ‘Open op orde’")
            apposed = kind is not None and _after_kind(sentence, named, kind)
            score += _TYPED_BONUS if apposed else _ANSWER_KIND_BONUS
        elif plan.asks == "organisation" and organisation_span(sentence, plan):
            # "Welke instanties …": a sentence naming one the question does not name
            score += _ANSWER_KIND_BONUS
        if plan.asks == "reason" and _REASON.search(sentence):
            score += _REASON_BONUS
        if plan.count and plan.count in {len(e.items) for e in find_enumerations(sentence)}:
            score += _ENUMERATION_BONUS
        if names_kind:
            score += _ANSWER_KIND_BONUS
        if names_another(numbered_things, sentence):
            score -= _OTHER_THING_PENALTY
        found.append(Candidate(Passage(chunk, start, end), coverage, score, close, own > 0))
    return found


_ABOUT_SUBJECT = 0.5  # a sentence with half the question's words is about its subject
_BESIDE = 0.25


def fact_beside_the_subject(found: list[Candidate], stating: list[Candidate]) -> bool:
    """Whether the sentence most about the question's subject (of those `found`) is not among
    those `stating` a fact of the asked type, and each of those covers under a quarter of its
    words: the stukken speak of the subject but do not give the fact."""
    most = max((c.coverage for c in found), default=0.0)
    told = max((c.coverage for c in stating), default=0.0)
    return most >= _ABOUT_SUBJECT and told < _BESIDE * most
