"""A quoted sentence's footnotes as passages of their own, quotable and citable.

A sentence often leaves its source to a footnote: "… het rapport ‘Geen powerplay maar fair
play’ publiceerde" has the report's date, "… verschillende moties van de Tweede Kamer" the
moties' Kamerstuk numbers. Ingest links each marker to its footnote and to the chunk that prints
it (`ingest.footnotes`); here such a footnote becomes a `Passage` of that chunk, so an answer can
lead with a fact from it and the citation guard can check it like any other quote.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from assistant.answering.spans import find_spans
from assistant.plan import QuestionPlan
from assistant.sentences import Passage
from vectorstore.chunk_metadata import footnotes_between
from vectorstore.store import VectorStore
from vectorstore.stored_chunk import StoredChunk

_Found = TypeVar("_Found")


def footnote_states_fact(passage: Passage, plan: QuestionPlan) -> bool:
    """Whether a footnote of the passage states a fact of the type the question asks for (the
    sentence names the report, its footnote gives the date)."""
    links = footnotes_between(passage.chunk.metadata, passage.start, passage.end)
    return any(find_spans(link.text, plan) for link in links)


class FootnoteReader:
    """Reads the footnotes of quoted sentences from the store."""

    def __init__(self, store: VectorStore) -> None:
        self.store = store

    def footnotes(self, passage: Passage) -> list[Passage]:
        """The footnotes of the markers in the passage, in order, each as the passage of the
        chunk that prints it (one store read for all; a link whose chunk is gone, because its
        document was re-ingested or removed since, is left out)."""
        links = footnotes_between(passage.chunk.metadata, passage.start, passage.end)
        if not links:
            return []
        ids = list(dict.fromkeys(link.chunk_id for link in links))
        printed = {
            chunk_id: StoredChunk(chunk_id, text, metadata, 0.0)
            for chunk_id, text, metadata, _ in self.store.chunks_with_vectors(
                ids, with_vectors=False
            )
        }
        notes = []
        for link in links:
            chunk = printed.get(link.chunk_id)
            note = Passage(chunk, link.start, link.end) if chunk else None
            if note is not None and note.text == link.text:  # the text it was linked to
                notes.append(note)
        return notes

    def first_found(
        self, passages: list[Passage], find: Callable[[Passage], _Found | None]
    ) -> tuple[int, Passage, _Found] | None:
        """The first footnote of the passages (in order) in which `find` finds something: the
        index of its passage, the footnote and what was found."""
        for index, passage in enumerate(passages):
            for note in self.footnotes(passage):
                if (found := find(note)) is not None:
                    return index, note, found
        return None
