"""From a file to a prepared document: clean text, metadata and chunks, ready for the store."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from langchain_text_splitters import RecursiveCharacterTextSplitter

from ingest.chunking import Chunk, chunk_document, make_splitter
from ingest.cleaning import clean_text, footnote_marks, normalize_characters
from ingest.labels import label_with_date
from ingest.loaders import LoaderError, load_text
from ingest.metadata import DocumentMetadata, extract_metadata
from ingest.settings import IngestSettings


@dataclass(frozen=True)
class PreparedDocument:
    doc_id: str
    source: str
    content_hash: str
    metadata: DocumentMetadata
    text: str
    chunks: list[Chunk]


def doc_id_for(path: Path) -> str:
    """A document's identity is its file name: re-ingesting an edited file replaces it."""
    return re.sub(r"[^A-Za-z0-9_.-]+", "_", path.name)


class DocumentPreparer:
    """Loads, cleans, describes and chunks files with one configured splitter."""

    def __init__(self, settings: IngestSettings) -> None:
        self.settings = settings
        self.splitter: RecursiveCharacterTextSplitter = make_splitter(
            settings.chunk_tokens,
            settings.chunk_overlap_tokens,
            settings.tokenizer_encoding,
            settings.tiktoken_cache_dir,
        )

    def prepare(self, path: Path) -> PreparedDocument:
        raw_text, raw_bytes = load_text(path, int(self.settings.max_file_mb * 1_000_000))
        text = clean_text(raw_text)
        if len(text) < 20:
            raise LoaderError(path, "na opschonen blijft (vrijwel) geen tekst over")
        metadata = extract_metadata(normalize_characters(raw_text), text)
        doc_id = doc_id_for(path)
        context = label_with_date({**metadata.to_dict(), "source": path.name})
        if metadata.title and metadata.kamerstuk:
            context += f": {metadata.title}"
        chunks = chunk_document(
            doc_id,
            text,
            context,
            self.splitter,
            self.settings.tokenizer_encoding,
            self.settings.tiktoken_cache_dir,
            footnote_marks(raw_text, text),
        )
        return PreparedDocument(
            doc_id=doc_id,
            source=path.name,
            content_hash=hashlib.sha256(raw_bytes).hexdigest(),
            metadata=metadata,
            text=text,
            chunks=chunks,
        )
