"""Lines of a document that print one of its facts: the passage a document fact is cited to."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from assistant.sentences import Passage
from vectorstore.stored_chunk import StoredChunk


@dataclass(frozen=True)
class Fact:
    """A lead sentence (without its marker) and the passages it is cited to, in order; more
    passages follow the lead as quotes."""

    lead: str
    passages: tuple[Passage, ...]


def every_line(chunks: list[StoredChunk]) -> Iterator[Passage]:
    """Every line of the chunks, in order, as a passage."""
    for chunk in chunks:
        for line in re.finditer(r"[^\n]+", chunk.text):
            yield Passage(chunk, line.start(), line.end())


def line_passage(chunk: StoredChunk, start: int, end: int) -> Passage:
    """The whole line(s) of `chunk` holding the text from `start` to `end`."""
    line_start = chunk.text.rfind("\n", 0, start) + 1
    line_end = chunk.text.find("\n", end)
    return Passage(chunk, line_start, line_end if line_end >= 0 else len(chunk.text))


# Letters that scans and conversions print with another accent ("Financién" for "Financiën").
_ACCENTED = {
    letter: f"[{group}]" for group in ("eëéèê", "iïí", "oöó", "aäá", "uüú") for letter in group
}


def spaced(text: str) -> str:
    """A regex for `text` with any whitespace between its words and any accent on a vowel."""
    return r"\s+".join(
        "".join(_ACCENTED.get(letter, re.escape(letter)) for letter in word)
        for word in text.split()
    )


def first_line(chunks: list[StoredChunk], pattern: str, last: bool = False) -> Passage | None:
    """The line(s) of the first (or last) match of `pattern` in the document's chunks."""
    order = reversed(chunks) if last else chunks
    for chunk in order:
        matches = list(re.finditer(pattern, chunk.text, re.IGNORECASE | re.MULTILINE))
        if matches:
            match = matches[-1] if last else matches[0]
            return line_passage(chunk, match.start(), match.end())
    return None


def printed_or_head(chunks: list[StoredChunk], value: str) -> Passage | None:
    """The line printing `value`, else the document's first line: some letters print their
    kenmerk only in the page margin, which cleaning removed; the citation guard then finds it
    in the document's label."""
    found = first_line(chunks, spaced(value))
    if found is not None or not chunks:
        return found
    head = chunks[0]
    start = len(head.text) - len(head.text.lstrip())
    return line_passage(head, start, start)


def printed_in_head(
    chunks: list[StoredChunk], pattern: re.Pattern[str]
) -> tuple[Passage, re.Match[str]] | None:
    """The line of the document's head (its first two chunks) that prints `pattern`, and the
    match in it."""
    passage = first_line(chunks[:2], pattern.pattern)
    found = pattern.search(passage.text) if passage else None
    return (passage, found) if passage and found else None
