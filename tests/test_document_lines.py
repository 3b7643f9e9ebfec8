"""Finding the line of a document that prints a value."""

import pytest

from assistant.answering.document_lines import first_line, printed_or_head, spaced
from vectorstore.stored_chunk import StoredChunk

pytestmark = pytest.mark.unit

SIGNATURE = (
    "Hoogachtend,\n\nde staatssecretaris van Financién - Toeslagen en Douane,\n\nA. Jansen\n"
)


def test_a_value_matches_across_line_breaks_and_with_another_accent() -> None:
    chunk = StoredChunk("c1", SIGNATURE, {"doc_id": "d"}, 1.0)
    found = first_line([chunk], spaced("Staatssecretaris van Financiën -\nToeslagen en Douane"))
    assert found is not None and found.text.startswith("de staatssecretaris van Financién")
    assert first_line([chunk], spaced("Financiën - Belastingdienst")) is None


def test_a_value_not_printed_cites_the_documents_first_line() -> None:
    chunk = StoredChunk("c1", "  Betreft Stand van zaken\nTekst.", {"doc_id": "d"}, 1.0)
    head = printed_or_head([chunk], "2021-0000126162")
    assert head is not None and head.text == "Betreft Stand van zaken"
