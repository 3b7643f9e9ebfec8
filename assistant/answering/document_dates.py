"""Questions about the dates of several documents: "Hoeveel tijd zat er tussen de brief over
fase 2 en de kabinetsreactie? Geef beide data.", "Zet de nota en de BZK-brief in chronologische
volgorde."

Each document's date comes from its metadata and is cited to the line that prints it; the
documents are told oldest first, and the time between two of them is worked out from those
two dates (in words, so no number appears that the cited lines do not print).
"""

from __future__ import annotations

import re
from calendar import monthrange
from dataclasses import dataclass
from datetime import date

from ingest.dates import format_dutch_date
from ingest.labels import document_label

_ASKS_DOCUMENT_DATES = re.compile(
    r"\b(?:hoeveel\s+tijd|hoe\s+lang|hoeveel\s+(?:dagen|weken|maanden|jaar|jaren))\b[^?]*"
    r"\b(?:er|daar)?tussen\b|\bchronologisch\w*\b|\bvolgorde\b[^?]*\b(?:data|datums?)\b|"
    r"\b(?:beide|allebei|hun|alle)\s+(?:data|datums)\b|\bboth\s+dates\b|\bhow\s+(?:long|much\s+"
    r"time)\b[^?]*\bbetween\b|\bchronological\b|"
    # "Van welke data zijn die (brieven)?": the documents' own dates, not dates they name
    r"\b(?:van|op)\s+welke\s+(?:data|datums)\s+(?:zijn|waren)\b",
    re.IGNORECASE,
)
_ASKS_TIME_BETWEEN = re.compile(
    r"\b(?:hoeveel\s+tijd|hoe\s+lang|hoeveel\s+(?:dagen|weken|maanden|jaar|jaren)|how\s+long|"
    r"how\s+much\s+time)\b",
    re.IGNORECASE,
)
_WORDS = "een twee drie vier vijf zes zeven acht negen tien elf twaalf".split()


def asks_document_dates(question: str) -> bool:
    """Whether the question asks when several documents were written: the time between them,
    their order, or both their dates."""
    return bool(_ASKS_DOCUMENT_DATES.search(question))


@dataclass(frozen=True)
class DatedDocument:
    """A document the question names, its date, and the citation marker of the line that
    prints that date."""

    document: dict[str, object]
    written: date
    marker: int


def _count(n: int, one: str, many: str) -> str:
    """ "een maand", "drie maanden" (1 <= n <= 12)."""
    return f"{_WORDS[n - 1]} {one if n == 1 else many}"


def _months_between(first: date, last: date) -> tuple[int, int]:
    """Whole months from `first` to `last`, and the days left over."""
    months = (last.year - first.year) * 12 + last.month - first.month
    if last.day < first.day:
        months -= 1
    years, month = divmod(first.month - 1 + months, 12)
    year = first.year + years
    anchor = date(year, month + 1, min(first.day, monthrange(year, month + 1)[1]))
    return months, (last - anchor).days


def _days(days: int) -> str | None:
    """ "twaalf dagen", "ruim twee weken"; None for no time at all."""
    if days <= 0:
        return None
    if days <= len(_WORDS):
        return _count(days, "dag", "dagen")
    weeks, rest = divmod(days, 7)
    return f"{'ruim' if rest else 'precies'} {_count(weeks, 'week', 'weken')}"


def time_between(first: date, last: date) -> str | None:
    """ "ruim vijf maanden", "precies een jaar", "ruim een jaar en drie maanden", "twaalf
    dagen", "precies vier weken"; None for no time, or beyond what the words can say."""
    months, days = _months_between(first, last)
    if months <= 0:
        return _days((last - first).days)
    years, rest = divmod(months, 12)
    if years > len(_WORDS):
        return None
    parts = ([_count(years, "jaar", "jaar")] if years else []) + (
        [_count(rest, "maand", "maanden")] if rest else []
    )
    return f"{'ruim' if days else 'precies'} {' en '.join(parts)}"


def dates_sentences(dated: list[DatedDocument], question: str) -> list[str]:
    """One sentence per document, oldest first, and for "hoeveel tijd … tussen" the time from
    the first to the last."""
    ordered = sorted(dated, key=lambda d: d.written)
    sentences = [
        f"{document_label(d.document)} is van {format_dutch_date(d.written.isoformat())} "
        f"[{d.marker}]."
        for d in ordered
    ]
    if _ASKS_TIME_BETWEEN.search(question) and len(ordered) >= 2:
        gap = time_between(ordered[0].written, ordered[-1].written)
        if gap:
            markers = "".join(f"[{d.marker}]" for d in (ordered[0], ordered[-1]))
            sentences.append(f"Daartussen zit {gap} {markers}.")
    return sentences
