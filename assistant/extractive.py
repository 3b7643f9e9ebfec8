"""Extractive answering: pick the sentences of a passage that answer the question, verbatim."""

from __future__ import annotations

import math
import re

from ingest.dates import DUTCH_DATE, ISO_DATE, NUMERIC_DATE
from vectorstore.text_analysis import terms

# A sentence ends after a word of two or more letters ("1." of a numbered heading does not).
_SENTENCE_END = re.compile(r"(?<=[a-zà-ÿ)»”’\"][a-zà-ÿ)»”’\"][.!?])\s+(?=[A-Z0-9«“‘'(\[])|\n+")
ASKS_DATE = re.compile(r"\b(wanneer|datum|welke dag|sinds wanneer|when|date)\b", re.IGNORECASE)
_ASKS_NUMBER = re.compile(r"\b(hoeveel|hoe veel|welk bedrag|hoe groot|how many|how much)\b", re.I)
_NUMBER = re.compile(r"\d")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence or line in `text`."""
    spans = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        if text[start : match.start()].strip():
            spans.append((start, match.start()))
        start = match.end()
    if text[start:].strip():
        spans.append((start, len(text)))
    return spans


def _sentence_score(question_terms: set[str], sentence: str, question: str) -> float:
    sentence_terms = set(terms(sentence))
    if not sentence_terms:
        return 0.0
    score = len(question_terms & sentence_terms) / math.sqrt(len(sentence_terms) + 4)
    if ASKS_DATE.search(question):
        if DUTCH_DATE.search(sentence):
            score += 1.0
        elif NUMERIC_DATE.search(sentence) or ISO_DATE.search(sentence):
            score += 0.5
    if _ASKS_NUMBER.search(question) and _NUMBER.search(sentence):
        score += 0.5
    return score


def shares_terms(question: str, text: str) -> bool:
    """Whether a passage has at least one content term of the question."""
    return bool(set(terms(question)) & set(terms(text)))


def best_quote(question: str, text: str, max_chars: int = 450) -> str:
    """The best-matching sentence of `text`, widened with matching neighbours: an exact substring."""
    spans = sentence_spans(text)
    if not spans:
        return text.strip()
    question_terms = set(terms(question))
    scores = [_sentence_score(question_terms, text[s:e], question) for s, e in spans]
    best = max(range(len(spans)), key=lambda i: scores[i])
    first, last = best, best
    while True:
        candidates = [i for i in (first - 1, last + 1) if 0 <= i < len(spans) and scores[i] > 0]
        grown = False
        for i in sorted(candidates, key=lambda i: -scores[i]):
            lo, hi = min(first, i), max(last, i)
            if spans[hi][1] - spans[lo][0] <= max_chars:
                first, last, grown = lo, hi, True
                break
        if not grown:
            break
    start, end = spans[first][0], spans[last][1]
    if end - start > max_chars:  # one very long sentence: cut at a word boundary
        cut = text.rfind(" ", start, start + max_chars)
        end = cut if cut > start else start + max_chars
    return text[start:end].strip()
