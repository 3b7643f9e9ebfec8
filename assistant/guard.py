"""The citation guard: nothing reaches the user that the cited passages do not support.

Applied to every answer, extractive or generated, sentence by sentence:
- every marker [n] must point to a passage that was retrieved and cited;
- every Kamerstuk number, date and number (amounts, counts, percentages) in the sentence must
  occur in the passages it cites, or in their documents' metadata (label, Kamerstuk id, date).
A sentence without a marker is checked against all cited passages. The service drops sentences
that fail (and says which, in `guard_removed`); an answer with nothing left is refused.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from ingest.dates import DUTCH_DATE, ISO_DATE, MONTHS, NUMERIC_DATE
from ingest.labels import label_with_date
from ingest.references import find_references, strip_references
from vectorstore.chunk_metadata import document_from_metadata
from vectorstore.stored_chunk import StoredChunk

MARKER = re.compile(r"\s*\[(\d{1,2})\]")
_SENTENCE_BREAK = re.compile(r"(?<=[.!?\]])\s+(?=[A-ZÀ-Ý«“‘(])|\n+")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


def split_sentences(text: str) -> list[str]:
    """Answer text into sentences; a marker after a full stop stays with its sentence."""
    return [part.strip() for part in _SENTENCE_BREAK.split(text) if part.strip()]


def _dates(text: str) -> set[date]:
    found: set[date] = set()
    for match in DUTCH_DATE.finditer(text):
        try:
            found.add(date(int(match["year"]), MONTHS[match["month"].lower()], int(match["day"])))
        except ValueError:
            continue
    for pattern in (NUMERIC_DATE, ISO_DATE):
        for match in pattern.finditer(text):
            try:
                found.add(date(int(match["year"]), int(match["month"]), int(match["day"])))
            except ValueError:
                continue
    return found


def _numbers(text: str) -> set[str]:
    """Numbers as digits: '18.000' and '18000' are the same; '0,8' keeps its comma."""
    found = set()
    for token in _NUMBER.findall(text):
        if re.fullmatch(r"\d{1,3}(?:\.\d{3})+", token):
            token = token.replace(".", "")
        found.add(token.rstrip(".,"))
    return found


@dataclass(frozen=True)
class Evidence:
    """What one cited passage can vouch for."""

    text: str
    kamerstukken: frozenset[str]
    dates: frozenset[date]
    numbers: frozenset[str]

    @classmethod
    def of(cls, chunk: StoredChunk) -> Evidence:
        document = document_from_metadata(chunk.metadata)
        text = "\n".join([chunk.text, label_with_date(document)])
        own = {document["kamerstuk"]} if document.get("kamerstuk") else set()
        written = {date.fromisoformat(document["date"])} if document.get("date") else set()
        refs = {ref.normalized for ref in find_references(text, include_bare=True)}
        return cls(
            text,
            frozenset(refs | own),
            frozenset(_dates(text) | written),
            frozenset(_numbers(text)),
        )


def check_sentence(sentence: str, evidence: Mapping[int, Evidence]) -> str | None:
    """Why the sentence may not be shown, or None when every fact in it is supported."""
    cited = [int(n) for n in MARKER.findall(sentence)]
    unknown = [n for n in cited if n not in evidence]
    if unknown:
        return f"verwijzing [{unknown[0]}] hoort bij geen opgehaalde passage"
    sources = [evidence[n] for n in cited] or list(evidence.values())
    body = MARKER.sub("", sentence)
    supported_refs = set().union(*(e.kamerstukken for e in sources)) if sources else set()
    for ref in find_references(body, include_bare=True):
        if ref.normalized not in supported_refs:
            return f"Kamerstuk {ref.normalized} staat niet in de geciteerde passages"
    supported_dates = set().union(*(e.dates for e in sources)) if sources else set()
    for day in _dates(body):
        if day not in supported_dates:
            return f"datum {day.isoformat()} staat niet in de geciteerde passages"
    supported_numbers = set().union(*(e.numbers for e in sources)) if sources else set()
    # Kamerstuk numbers and dates were checked above as a whole; the other numbers now.
    plain = strip_references(body)
    for pattern in (DUTCH_DATE, NUMERIC_DATE, ISO_DATE):
        plain = pattern.sub(" ", plain)
    for number in _numbers(plain):
        if number not in supported_numbers:
            return f"getal {number} staat niet in de geciteerde passages"
    return None
