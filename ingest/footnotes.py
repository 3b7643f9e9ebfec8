"""Footnotes: which sentence each footnote belongs to.

Cleaning removes footnote markers from sentences ("positief gewaardeerd1" becomes "positief
gewaardeerd") and keeps the footnotes themselves as paragraphs ("1 Eindrapport onderzoek …").
`ingest.cleaning.footnote_marks` records where each marker stood in the clean text; here a mark
is paired with the footnote of its number, and each chunk keeps the links of the marks inside it
(`link_chunks`), so an answer that quotes a sentence can quote its footnote too.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import asdict, dataclass

# A footnote paragraph: its number, a space, and a text that starts like a sentence or a title.
_FOOTNOTE = re.compile(r"^(\d{1,2}) (?=[A-ZÀ-Þ«‘“\"'(])(.+)$", re.M)


@dataclass(frozen=True)
class FootnoteMark:
    """Where a footnote marker stood in the clean text (right after the word it annotates)."""

    offset: int
    number: int


@dataclass(frozen=True)
class Footnote:
    """A footnote paragraph of the clean text; `start` is where its text starts, after its number."""

    number: int
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class FootnoteLink:
    """A marker inside a chunk and the footnote it refers to, with where that footnote is
    printed (the chunk that holds it and its offsets there), so it can be quoted and cited."""

    at: int  # the marker's offset in the chunk's text
    number: int
    text: str
    chunk_id: str
    start: int
    end: int


def _next_footnote(number: int) -> re.Pattern[str]:
    """Where the footnote after `number` starts inside a paragraph (the cleaning joins a page's
    footnote lines into one paragraph when they are wrapped alike)."""
    return re.compile(rf"(?<=\S) {number + 1} (?=[A-ZÀ-Þ«‘“\"'(])")


def find_footnotes(text: str) -> list[Footnote]:
    """Every footnote of the clean text, in order."""
    found: list[Footnote] = []
    for paragraph in _FOOTNOTE.finditer(text):
        number, start, end = int(paragraph.group(1)), paragraph.start(2), paragraph.end(2)
        while following := _next_footnote(number).search(text, start, end):
            found.append(
                Footnote(number, start, following.start(), text[start : following.start()])
            )
            number, start = number + 1, following.end()
        found.append(Footnote(number, start, end, text[start:end].strip()))
    return found


def footnote_for(mark: FootnoteMark, footnotes: Sequence[Footnote]) -> Footnote | None:
    """The footnote a mark refers to: the one of its number printed after the mark (footnotes
    stand at the foot of the page or at the end of the document). None when there is none, or
    when two different texts after the mark carry that number (a document that numbers its
    footnotes twice, an OCR slip): a wrong footnote is worse than none."""
    after = [f for f in footnotes if f.number == mark.number and f.start > mark.offset]
    return after[0] if after and len({f.text for f in after}) == 1 else None


@dataclass(frozen=True)
class ChunkSpan:
    """A chunk's identity and where it lies in the clean text."""

    chunk_id: str
    start: int
    end: int


def link_chunks(
    chunks: Sequence[ChunkSpan], text: str, marks: Sequence[FootnoteMark]
) -> dict[str, list[FootnoteLink]]:
    """Per chunk id, the links of the marks inside it (chunks overlap: a mark may be in two);
    a mark without a footnote, or whose footnote no chunk holds whole, is left out."""
    footnotes = find_footnotes(text)
    links: dict[str, list[FootnoteLink]] = {chunk.chunk_id: [] for chunk in chunks}
    for mark in marks:
        note = footnote_for(mark, footnotes)
        if note is None:
            continue
        printed = next((c for c in chunks if c.start <= note.start and note.end <= c.end), None)
        if printed is None:
            continue
        for chunk in chunks:
            if chunk.start <= mark.offset <= chunk.end:
                links[chunk.chunk_id].append(
                    FootnoteLink(
                        at=mark.offset - chunk.start,
                        number=note.number,
                        text=note.text,
                        chunk_id=printed.chunk_id,
                        start=note.start - printed.start,
                        end=note.end - printed.start,
                    )
                )
    return links


def links_to_json(links: Sequence[FootnoteLink]) -> str:
    """Links as one metadata value ('' for none: the store keeps scalars only)."""
    return json.dumps([asdict(link) for link in links], ensure_ascii=False) if links else ""


def links_from_json(value: object) -> list[FootnoteLink]:
    """Links back from a metadata value; none for '' or a store written before footnotes."""
    if not isinstance(value, str) or not value:
        return []
    return [FootnoteLink(**item) for item in json.loads(value)]
