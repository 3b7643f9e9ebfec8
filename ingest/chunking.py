"""Structure-aware chunking sized in tiktoken tokens, with character offsets into the clean text."""

from __future__ import annotations

import bisect
import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from langchain_text_splitters import RecursiveCharacterTextSplitter

from ingest.footnotes import ChunkSpan, FootnoteLink, FootnoteMark, link_chunks
from ingest.tokens import get_encoding, install_offline_encoding

# Paragraphs first, then lines, sentences, clauses, words.
SEPARATORS = ["\n\n", "\n", ". ", "; ", ", ", " ", ""]
_HEADING = re.compile(
    r"^(?:\d{1,2}[.)]\s+|[a-h]\.\s+)?[A-ZË][^\n]{2,80}$"  # "1. Toeslagen", "Herstel voor ouders"
)


@dataclass(frozen=True)
class Chunk:
    """A piece of one document, quotable by its offsets in the document's clean text."""

    chunk_id: str
    index: int
    text: str
    start: int
    end: int
    section: str | None
    tokens: int
    embed_text: str  # what the embedding model sees: document context + chunk text
    footnotes: tuple[FootnoteLink, ...] = ()  # the footnotes of the markers inside it


def find_headings(text: str) -> list[tuple[int, str]]:
    """Offsets and texts of paragraphs that read as headings (short, no closing punctuation)."""
    headings = []
    for match in re.finditer(r"(?:^|\n\n)([^\n]+)(?=\n\n|$)", text):
        line = match.group(1).strip()
        if _HEADING.match(line) and not re.search(r"[.,;:]$", line) and len(line.split()) <= 10:
            headings.append((match.start(1), line))
    return headings


def _section_at(headings: list[tuple[int, str]], offset: int) -> str | None:
    position = bisect.bisect_right([start for start, _ in headings], offset) - 1
    return headings[position][1] if position >= 0 else None


def make_splitter(
    chunk_tokens: int, overlap_tokens: int, encoding: str, cache_dir: Path
) -> RecursiveCharacterTextSplitter:
    install_offline_encoding(cache_dir)
    return RecursiveCharacterTextSplitter.from_tiktoken_encoder(
        encoding_name=encoding,
        chunk_size=chunk_tokens,
        chunk_overlap=overlap_tokens,
        separators=SEPARATORS,
        keep_separator="end",
    )


def chunk_document(
    doc_id: str,
    text: str,
    context: str,
    splitter: RecursiveCharacterTextSplitter,
    encoding: str,
    cache_dir: Path,
    marks: Sequence[FootnoteMark] = (),
) -> list[Chunk]:
    """Split clean text into chunks; ids derive from document and content, so they are stable.
    Each chunk links the footnote markers inside it (`marks`) to their footnotes."""
    encoder = get_encoding(encoding, cache_dir)
    headings = find_headings(text)
    chunks: list[Chunk] = []
    seen: dict[str, int] = {}
    search_from = 0
    for index, body in enumerate(splitter.split_text(text)):
        # Chunks come in document order; find each one after the previous chunk's start (the
        # splitter's own start_index gives -1 when a passage repeats earlier text).
        start = text.find(body, search_from)
        if start < 0:
            raise ValueError(f"chunk {index} of {doc_id} is not a substring of its text")
        search_from = start + 1
        section = _section_at(headings, start)
        embed_text = "\n".join(part for part in (context, section, body) if part)
        digest = hashlib.sha256(f"{doc_id}\n{embed_text}".encode()).hexdigest()[:24]
        seen[digest] = seen.get(digest, 0) + 1
        chunk_id = digest if seen[digest] == 1 else f"{digest}-{seen[digest]}"
        chunks.append(
            Chunk(
                chunk_id=chunk_id,
                index=index,
                text=body,
                start=start,
                end=start + len(body),
                section=section,
                tokens=len(encoder.encode(body)),
                embed_text=embed_text,
            )
        )
    spans = [ChunkSpan(chunk.chunk_id, chunk.start, chunk.end) for chunk in chunks]
    links = link_chunks(spans, text, marks)
    return [replace(chunk, footnotes=tuple(links[chunk.chunk_id])) for chunk in chunks]
