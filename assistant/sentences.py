"""Passages and their sentences: a verbatim span of a chunk, and how chunk text splits into
sentences and answer units (a lead-in with the list that follows it)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ingest.text import squash
from vectorstore.stored_chunk import StoredChunk

# A sentence ends after a word of two or more letters ("1." of a numbered heading does not).
_SENTENCE_END = re.compile(
    r"(?:(?<=[a-zà-ÿ)»”’\"][a-zà-ÿ)»”’\"][.!?])|(?<=\d\)[.!?]))\s+(?=[A-Z0-9«“‘'(\[])|\n+"
)
_ABBREVIATION = re.compile(
    r"\b(nr|nrs|jl|blz|art|bijv|ca|mr|drs|dhr|mw|resp|incl|excl|zgn|vgl|etc|o\.a|d\.d|z\.s\.m|"
    r"a\.s|i\.p\.v|m\.b\.t|t\.a\.v)\.$",
    re.IGNORECASE,
)
_LIST_ITEMS = 6
SHORT = 60  # a best sentence shorter than this (a heading, "U wordt gevraagd om:") takes the next
_BULLET = re.compile(r"^\s*(?:[-–•·*]|\d{1,2}[.)])\s")
# Words glued across table cells ("Datum publicatieOrganisatieVergaderjaar"): not a sentence.
_GLUED_CELLS = re.compile(r"[a-z][A-Z][a-z]")


@dataclass(frozen=True)
class Passage:
    """A verbatim span of one retrieved chunk used in an answer."""

    chunk: StoredChunk
    start: int
    end: int

    @property
    def text(self) -> str:
        return self.chunk.text[self.start : self.end].strip()

    @property
    def one_line(self) -> str:
        """The text with every run of whitespace (line breaks too) as one space."""
        return squash(self.text)


def _wrapped(text: str, newline: int) -> bool:
    """Whether a single line break at `newline` only wraps a long line of running text (PDF
    text): the line before is long and does not end a sentence, and no list item follows."""
    line = text[text.rfind("\n", 0, newline) + 1 : newline].rstrip()
    return (
        len(line) >= SHORT and line[-1] not in ".!?:;»”\"'" and not _BULLET.match(text, newline + 1)
    )


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence or line in `text` ('nr.', 'jl.' do not end a sentence, nor
    does a line break that only wraps running text)."""
    spans = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        if "\n" not in match.group() and _ABBREVIATION.search(text, 0, match.start()):
            continue
        if match.group() == "\n" and _wrapped(text, match.start()):
            continue
        if text[start : match.start()].strip():
            spans.append((start, match.start()))
        start = match.end()
    if text[start:].strip():
        spans.append((start, len(text)))
    return spans


def glued_cells(text: str) -> bool:
    """Whether the text is a table row read without its cell borders."""
    return len(_GLUED_CELLS.findall(text)) > 1


def answer_units(text: str) -> list[tuple[int, int]]:
    """The sentences of `text`, with a lead-in ending in ':' and the list that follows it (up to
    six items: bulleted lines, or short lines) taken as one unit."""
    spans = sentence_spans(text)
    units = []
    index = 0
    while index < len(spans):
        start, end = spans[index]
        index += 1
        if text[start:end].rstrip().endswith(":"):
            items = 0
            bulleted = index < len(spans) and bool(_BULLET.match(text[spans[index][0] :]))
            while index < len(spans) and items < _LIST_ITEMS:
                item = text[spans[index][0] : spans[index][1]]
                # A bulleted list ends at the first line without a bullet; a plain one at the
                # first line too long to be an item.
                if not _BULLET.match(item) and (bulleted or len(item.strip()) >= SHORT):
                    break
                end = spans[index][1]
                index += 1
                items += 1
        units.append((start, end))
    return units
