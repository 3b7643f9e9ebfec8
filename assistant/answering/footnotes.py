"""A quoted sentence's footnotes as passages of their own, quotable and citable.

A sentence often leaves its source to a footnote: "… het rapport ‘Geen powerplay maar fair
play’ publiceerde" has the report's date, "… verschillende moties van de Tweede Kamer" the
moties' Kamerstuk numbers. Ingest links each marker to its footnote and to the chunk that prints
it (`ingest.footnotes`); here such a footnote becomes a `Passage` of that chunk, so an answer can
lead with a fact from it and the citation guard can check it like any other quote.
"""

from __future__ import annotations

from assistant.answering.spans import find_spans
from assistant.plan import QuestionPlan
from assistant.sentences import Passage
from ingest.footnotes import FootnoteLink
from vectorstore.chunk_metadata import footnotes_between
from vectorstore.store import VectorStore
from vectorstore.stored_chunk import StoredChunk


def footnote_states_fact(passage: Passage, plan: QuestionPlan) -> bool:
    """Whether a footnote of the passage states a fact of the type the question asks for (the
    sentence names the report, its footnote gives the date)."""
    links = footnotes_between(passage.chunk.metadata, passage.start, passage.end)
    return any(find_spans(link.text, plan) for link in links)


class FootnoteReader:
    """Reads the footnotes of quoted sentences from the store."""

    def __init__(self, store: VectorStore) -> None:
        self.store = store

    def _passage(self, link: FootnoteLink) -> Passage | None:
        rows = self.store.chunks_with_vectors([link.chunk_id], with_vectors=False)
        if not rows:
            return None  # the document was re-ingested or removed since
        chunk_id, text, metadata, _ = rows[0]
        passage = Passage(StoredChunk(chunk_id, text, metadata, 0.0), link.start, link.end)
        return passage if passage.text == link.text else None

    def footnotes(self, passage: Passage) -> list[Passage]:
        """The footnotes of the markers in the passage, in order, each as the passage of the
        chunk that prints it."""
        links = footnotes_between(passage.chunk.metadata, passage.start, passage.end)
        return [found for link in links if (found := self._passage(link))]
