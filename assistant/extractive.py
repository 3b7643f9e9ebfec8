"""Extractive answering: the sentences of the retrieved passages that answer the question, verbatim.

Each sentence is scored by how much of the question's meaning-carrying words it contains
(weighted by how rare they are in the corpus), plus a bonus when it has what the question asks
for (a date for "wanneer", a number for "hoeveel") and a small bonus for the passage's rank.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from assistant.question import (
    ASKS_DATE,
    ASKS_NUMBER,
    ASKS_REASON,
    content_terms,
    has_quantity,
    is_english,
)
from ingest.dates import DUTCH_DATE, ISO_DATE, MONTHS, NUMERIC_DATE
from vectorstore.store import StoredChunk
from vectorstore.text_analysis import terms

# A sentence ends after a word of two or more letters ("1." of a numbered heading does not).
_SENTENCE_END = re.compile(
    r"(?:(?<=[a-zà-ÿ)»”’\"][a-zà-ÿ)»”’\"][.!?])|(?<=\d\)[.!?]))\s+(?=[A-Z0-9«“‘'(\[])|\n+"
)
_MONTH_OR_YEAR = re.compile(r"\b(" + "|".join(MONTHS) + r"|(?:19|20)\d{2}|voorjaar|zomer|najaar|"
                            r"winter|kwartaal)\b", re.IGNORECASE)  # fmt: skip
_ABBREVIATION = re.compile(
    r"\b(nr|nrs|jl|blz|art|bijv|ca|mr|drs|dhr|mw|resp|incl|excl|zgn|vgl|etc|o\.a|d\.d|z\.s\.m|"
    r"a\.s|i\.p\.v|m\.b\.t|t\.a\.v)\.$",
    re.IGNORECASE,
)
_CARRY = 0.7
_LEXICAL_SHARE = 0.5  # sentence score: this much word coverage, the rest meaning (embedding)
_REASON = re.compile(r"\b(daarom|omdat|want|doordat|vanwege|dus|zodat|waardoor|door)\b", re.I)
_REASON_BONUS = 0.2
_DATE_BONUS = 0.3
_NUMBER_BONUS = 0.3
_RANK_BONUS = 0.15
_LIST_ITEMS = 6
_SHORT = 60  # a best sentence shorter than this (a heading, "U wordt gevraagd om:") takes the next
_SECOND_SENTENCE_RATIO = 0.8  # further sentences must score this close to the best
_MIN_NUMBER_COVERAGE = 0.15


@dataclass(frozen=True)
class Passage:
    """A verbatim span of one retrieved chunk used in an answer."""

    chunk: StoredChunk
    start: int
    end: int

    @property
    def text(self) -> str:
        return self.chunk.text[self.start : self.end].strip()


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence or line in `text` ('nr.', 'jl.' do not end a sentence)."""
    spans = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        if "\n" not in match.group() and _ABBREVIATION.search(text, 0, match.start()):
            continue
        if text[start : match.start()].strip():
            spans.append((start, match.start()))
        start = match.end()
    if text[start:].strip():
        spans.append((start, len(text)))
    return spans


def has_date(sentence: str) -> bool:
    return any(p.search(sentence) for p in (DUTCH_DATE, NUMERIC_DATE, ISO_DATE, _MONTH_OR_YEAR))


@dataclass(frozen=True)
class _Candidate:
    passage: Passage
    coverage: float
    score: float
    covered: frozenset[str]


Similarity = Callable[[list[str]], list[float]]  # sentences -> cosine similarity to the question


def _relative(values: list[float]) -> list[float]:
    """Min-max scaled to [0, 1]: the small model's cosines all lie close together."""
    low, high = min(values, default=0.0), max(values, default=0.0)
    return [(v - low) / (high - low) if high > low else 0.0 for v in values]


def _candidates(
    question: str,
    chunks: list[StoredChunk],
    idf: Callable[[str], float],
    similarity: Similarity | None,
) -> list[_Candidate]:
    wanted = content_terms(question)
    total = sum(idf(t) for t in wanted) or 1.0
    asks_date = bool(ASKS_DATE.search(question))
    asks_number = bool(ASKS_NUMBER.search(question))
    asks_reason = bool(ASKS_REASON.search(question))
    spans = [(rank, chunk, start, end) for rank, chunk in enumerate(chunks)
             for start, end in sentence_spans(chunk.text)]  # fmt: skip
    meaning = _relative(similarity([chunk.text[s:e] for _, chunk, s, e in spans])) \
        if similarity and spans else [0.0] * len(spans)  # fmt: skip
    found: list[_Candidate] = []
    previous: tuple[str, float] = ("", 0.0)  # (chunk id, coverage) of the sentence before
    for (rank, chunk, start, end), close in zip(spans, meaning, strict=True):
        sentence = chunk.text[start:end]
        covered = frozenset(t for t in wanted if t in set(terms(sentence)))
        own = sum(idf(t) for t in covered) / total
        # A sentence continues the topic of the one before it ("… dialoogsessies georganiseerd.
        # Ongeveer 300 medewerkers …"), so it inherits part of that sentence's coverage.
        carried = _CARRY * previous[1] if previous[0] == chunk.chunk_id else 0.0
        coverage = max(own, carried)
        previous = (chunk.chunk_id, own)
        score = (_LEXICAL_SHARE * coverage + (1 - _LEXICAL_SHARE) * close
                 + _RANK_BONUS * (1 - rank / len(chunks)))  # fmt: skip
        if asks_date and has_date(sentence):
            score += _DATE_BONUS
        if asks_reason and _REASON.search(sentence):
            score += _REASON_BONUS
        if asks_number and has_quantity(sentence):
            score += _NUMBER_BONUS
        found.append(_Candidate(Passage(chunk, start, end), coverage, score, covered))
    return found


def _extend_short(passage: Passage) -> Passage:
    """A heading says little alone: take the next sentence too. A lead-in ending in ':' takes
    the list that follows it (up to six items)."""
    if len(passage.text) >= _SHORT and not passage.text.endswith(":"):
        return passage
    following = [s for s in sentence_spans(passage.chunk.text) if s[0] >= passage.end]
    if not following:
        return passage
    end = following[0][1]
    if passage.text.endswith(":"):
        for start, stop in following[1:_LIST_ITEMS]:
            if stop - start >= _SHORT:
                break
            end = stop
    return Passage(passage.chunk, passage.start, end)


def select_passages(
    question: str,
    chunks: list[StoredChunk],
    idf: Callable[[str], float],
    most: int = 2,
    similarity: Similarity | None = None,
) -> list[Passage]:
    """The sentences (at most `most`, all from the best sentence's document) that answer the
    question best; empty when none does (no sentence shares a meaningful word with it, or a
    "hoeveel" question finds no number)."""
    candidates = _candidates(question, chunks, idf, similarity)
    # Dutch words must match; an English question can only match by meaning (the embedding is
    # multilingual), and "Waar gaat kst-31490-284 over?" has no subject words at all.
    by_words = bool(content_terms(question)) and not is_english(question)
    if by_words:
        candidates = [c for c in candidates if c.coverage > 0]
    if ASKS_NUMBER.search(question):
        candidates = [c for c in candidates if has_quantity(c.passage.text)
                      and (c.coverage >= _MIN_NUMBER_COVERAGE or not by_words)]  # fmt: skip
    if not candidates:
        return []
    ranked = sorted(candidates, key=lambda c: -c.score)
    best = ranked[0]
    chosen = [_extend_short(best.passage)]
    doc_id = best.passage.chunk.metadata.get("doc_id")
    for other in ranked[1:]:
        if len(chosen) >= most or other.score < _SECOND_SENTENCE_RATIO * best.score:
            break
        same_document = other.passage.chunk.metadata.get("doc_id") == doc_id
        overlaps = any(
            p.chunk.chunk_id == other.passage.chunk.chunk_id
            and p.start <= other.passage.start < p.end
            for p in chosen
        )
        if same_document and not overlaps and len(other.passage.text) >= _SHORT:
            chosen.append(other.passage)
    return chosen
