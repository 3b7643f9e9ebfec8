"""Citation numbering: cited chunks numbered in order of first use, each with a verbatim quote."""

from __future__ import annotations

from dataclasses import replace

from assistant.answer_models import Citation
from assistant.sentences import Passage
from ingest.labels import document_label
from vectorstore.chunk_metadata import document_from_metadata
from vectorstore.stored_chunk import StoredChunk


class Citations:
    """Numbers cited chunks in order of first use. A citation's quote is the verbatim span of
    its chunk that covers every passage the answer used from it."""

    def __init__(self) -> None:
        self._by_chunk: dict[str, Citation] = {}
        self._spans: dict[str, tuple[int, int]] = {}
        self.chunks: dict[int, StoredChunk] = {}  # citation number -> cited chunk

    def number(self, passage: Passage) -> int:
        """The citation number for a passage; its chunk's quote grows to cover it."""
        chunk_id = passage.chunk.chunk_id
        start, end = self._spans.get(chunk_id, (passage.start, passage.end))
        self._spans[chunk_id] = (min(start, passage.start), max(end, passage.end))
        return self.number_chunk(passage.chunk)

    def number_chunk(self, chunk: StoredChunk) -> int:
        """The citation number for a whole chunk (quoted only where passages of it are used)."""
        citation = self._by_chunk.get(chunk.chunk_id) or self._new(chunk)
        if chunk.chunk_id in self._spans:
            start, end = self._spans[chunk.chunk_id]
            citation = replace(citation, quote=chunk.text[start:end].strip())
        self._by_chunk[chunk.chunk_id] = citation
        return citation.n

    def _new(self, chunk: StoredChunk) -> Citation:
        document = document_from_metadata(chunk.metadata)
        citation = Citation(
            n=len(self._by_chunk) + 1,
            label=document_label(document),
            kamerstuk=document["kamerstuk"],
            source=str(document["source"]),
            title=document["title"],
            date=document["date"],
            quote="",
            chunk_id=chunk.chunk_id,
        )
        self.chunks[citation.n] = chunk
        return citation

    def documents(self) -> set[str]:
        """The documents the citations are of."""
        return {str(chunk.metadata.get("doc_id")) for chunk in self.chunks.values()}

    def listed(self) -> list[Citation]:
        """Every citation, by number."""
        return sorted(self._by_chunk.values(), key=lambda c: c.n)
