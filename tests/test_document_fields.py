"""Document fields read from the document's own lines: the Kamerstuk number is cited to the
line that prints it."""

import pytest

from assistant.answering.document_fields import document_fact
from assistant.answering.document_questions import DocumentField
from vectorstore.stored_chunk import StoredChunk

pytestmark = pytest.mark.unit

# corpus/uitvoering/004: the head of the BZK letter, whose number stands on a line of its own
# in the middle of its first chunk, not next to the dossier number.
HEAD = (
    "Standen van de Uitvoering\n"
    "Onderdeel van kamerstukdossier 29362 -318 Modernisering van de overheid.\n"
    "29 362 Modernisering van de overheid\n"
    "\n"
    "Nr. 318 BRIEF VAN DE STAATSSECRETARIS VAN BINNENLANDSE ZAKEN EN KONINKRIJKSRELATIES\n"
    "Den Haag, 22 december 2022\n"
)
LETTER = {
    "doc_id": "004",
    "kamerstuk": "29362-318",
    "date": "2022-12-22",
    "doc_type": "kamerstuk_brief",
}


def test_the_number_on_a_line_of_its_own_inside_a_chunk_is_found() -> None:
    chunk = StoredChunk("c1", HEAD, {"doc_id": "004"}, 1.0)
    fact = document_fact(DocumentField.KAMERSTUK, LETTER, [chunk], "Welk Kamerstuk is dit?")
    assert fact is not None
    assert fact.lead == "Dit is Kamerstuk 29 362, nr. 318, 22 december 2022"
    assert fact.passages[0].text.startswith("Nr. 318 BRIEF")


def test_a_number_the_document_does_not_print_gives_no_fact() -> None:
    chunk = StoredChunk("c1", HEAD.replace("318", "999"), {"doc_id": "004"}, 1.0)
    assert document_fact(DocumentField.KAMERSTUK, LETTER, [chunk], "Welk Kamerstuk?") is None
