"""The line that links a described document to the one that answers (answering/bridges)."""

from __future__ import annotations

import pytest

from assistant.answering.bridges import bridge_line
from vectorstore.stored_chunk import StoredChunk

pytestmark = pytest.mark.unit

NOTA = {"doc_id": "nota", "kamerstuk": None, "references": ["29362-290", "35510-13"]}
WAU = {"doc_id": "wau", "kamerstuk": "29362-290", "references": ["35387-2"]}
BZK = {"doc_id": "bzk", "kamerstuk": "29362-318", "references": ["35510-4"]}
TEXTS = {
    "nota": "Er is een brede uitvraag gedaan.\n¹ Kamerstukken II, 2020-2021, 29 362 nr. 290.\n",
    "bzk": "Zie de kabinetsreactie (Kamerstuk 35 510, nr. 4).\n",
}


def _chunks(doc_id: str) -> list[StoredChunk]:
    return [StoredChunk(f"{doc_id}-0", TEXTS.get(doc_id, ""), {"doc_id": doc_id}, 1.0)]


def test_the_described_document_that_cites_the_answering_one_gives_its_line() -> None:
    found = bridge_line([NOTA, WAU], WAU, _chunks)
    assert found is not None
    document, line = found
    assert document is NOTA and line.text == "¹ Kamerstukken II, 2020-2021, 29 362 nr. 290."


def test_no_line_when_no_described_document_cites_the_answering_one() -> None:
    assert bridge_line([BZK, WAU], WAU, _chunks) is None  # the BZK letter cites another paper
    assert bridge_line([NOTA, WAU], NOTA, _chunks) is None  # the nota has no Kamerstuk number
