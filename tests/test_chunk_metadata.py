"""A chunk's metadata goes into Chroma as scalars and comes back as the document's fields."""

from __future__ import annotations

import pytest

from ingest.chunking import Chunk
from ingest.metadata import DocumentMetadata
from ingest.pipeline import PreparedDocument
from vectorstore.chunk_metadata import (
    chunk_metadatas,
    document_fields,
    document_from_metadata,
    written_year,
)

pytestmark = pytest.mark.unit


def _document() -> PreparedDocument:
    metadata = DocumentMetadata(
        doc_type="brief", kamerstuk="29362-290", ondernummer=290, references=["29362-1", "31066-2"]
    )
    chunks = [
        Chunk(f"c{i}", i, f"tekst {i}", i * 10, i * 10 + 8, "Inleiding" if i else None, 3, "x")
        for i in range(2)
    ]
    return PreparedDocument("doc.txt", "doc.txt", "hash", metadata, "tekst", chunks)


def test_chunks_carry_scalar_document_fields_and_their_own_position() -> None:
    first, second = chunk_metadatas(_document())
    assert first["references"] == "29362-1,31066-2"
    assert first["title"] == "" and first["section"] == ""
    assert (second["chunk_index"], second["start"], second["section"]) == (1, 10, "Inleiding")
    assert document_fields(first) == document_fields(second)


def test_document_fields_come_back_as_python_values() -> None:
    document = document_from_metadata(chunk_metadatas(_document())[0])
    assert document["references"] == ["29362-1", "31066-2"]
    assert document["ondernummer"] == 290
    assert document["title"] is None
    assert document["kamerstuk"] == "29362-290"


def test_an_undated_letter_is_dated_by_its_registration_kenmerk_only() -> None:
    assert written_year({"date": "2022-06-14", "kenmerk": "3383909-1031059-BPZ"}) == "2022"
    assert written_year({"date": None, "kenmerk": "2021-0000126162"}) == "2021"
    assert written_year({"date": None, "kenmerk": "3383909-1031059-BPZ"}) == ""
    assert written_year({}) == ""
