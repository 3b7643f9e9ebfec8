"""The opening of a document's body: what a letter says it is about, for "Waar gaat … over?"."""

from __future__ import annotations

import re

from assistant.sentences import Passage, answer_units, glued_cells
from vectorstore.stored_chunk import StoredChunk

# The line after which a letter's body starts: its place and date, or the salutation.
_BODY_START = re.compile(r"^\s*(Den Haag, |Geachte |Aan de Voorzitter)", re.MULTILINE)
_PROSE = 80  # shorter units are letterhead lines, headings or labels


def opening_passages(chunks: list[StoredChunk], most: int = 2) -> list[Passage]:
    """The first `most` prose units (sentences or a lead-in with its list) after the letterhead
    of a document whose leading chunks are `chunks`, in order; overlapping chunk text is read
    once."""
    found: list[Passage] = []
    body_from = max(
        (
            int(chunk.metadata.get("start", 0)) + match.end()
            for chunk in chunks
            for match in _BODY_START.finditer(chunk.text)
        ),
        default=0,
    )
    read_to = -1  # offset in the document up to which text was read
    for chunk in chunks:
        offset = int(chunk.metadata.get("start", 0))
        for start, end in answer_units(chunk.text):
            if offset + start < max(read_to, body_from):
                continue
            read_to = offset + end
            text = chunk.text[start:end].strip()
            if len(text) >= _PROSE and text[-1] in ".:;!?" and not glued_cells(text):
                found.append(Passage(chunk, start, end))
                if len(found) == most:
                    return found
    return found
