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


# corpus/uitvoering/002: the POK letter prints its sender only in its signature (scanned as
# "Financién"), and is addressed only in its salutation.
POK_HEAD = "Betreft Stand van zaken maatregelen\n\nGeachte voorzitter,\n\nHet is in augustus …"
POK_END = (
    "Hoogachtend,\n\nde staatssecretaris van Financién - Toeslagen en Douane,\n\n"
    "Alexandra C. Van Huffelen\n"
)
POK = {
    "doc_id": "002",
    "kenmerk": "2021-0000126162",
    "doc_type": "kamerbrief",
    "title": "Stand van zaken maatregelen",
    "sender": "Staatssecretaris van Financiën - Toeslagen en Douane",
    "signer": "Alexandra C. Van Huffelen",
}


def _pok_chunks() -> list[StoredChunk]:
    return [
        StoredChunk("p1", POK_HEAD, {"doc_id": "002"}, 1.0),
        StoredChunk("p2", "Midden van de brief.", {"doc_id": "002"}, 1.0),
        StoredChunk("p3", POK_END, {"doc_id": "002"}, 1.0),
    ]


def test_a_sender_printed_only_in_the_signature_with_another_accent_is_found() -> None:
    fact = document_fact(DocumentField.SENDER, POK, _pok_chunks(), "Van wie kwam de brief?")
    assert fact is not None and "Toeslagen en Douane" in fact.lead
    assert fact.passages[0].text.startswith("de staatssecretaris van Financién")


def test_a_letter_without_an_aan_line_is_addressed_in_its_salutation() -> None:
    fact = document_fact(DocumentField.ADDRESSEE, POK, _pok_chunks(), "Aan wie is hij gericht?")
    assert fact is not None and fact.lead.endswith("is gericht aan de voorzitter")
    assert fact.passages[0].text == "Geachte voorzitter,"


# corpus/uitvoering/000: the head of the VWS beslisnota, each label above its value.
NOTA_HEAD = (
    "Kenmerk\n\n3383909-1031059-BPZ\n\nUw kenmerk\n\nZaaknummer\n\n1031059\n\nBijlage(n)\n\n"
    "-Kamerbrief\n-Standen CAK, CIBG, CIZ en\nDUS-I\n-Overzicht inventarisatie\nhardvochtigheden\n\n"
    "1. Aanleiding\n"
)
NOTA = {
    "doc_id": "000",
    "kenmerk": "3383909-1031059-BPZ",
    "doc_type": "beslisnota",
    "title": "Kamerbrief Stand van de Uitvoering",
}


def test_the_case_number_under_its_label_is_read() -> None:
    chunks = [StoredChunk("n1", NOTA_HEAD, {"doc_id": "000"}, 1.0)]
    fact = document_fact(DocumentField.CASE_NUMBER, NOTA, chunks, "Welk zaaknummer?")
    assert fact is not None and fact.lead.endswith("hoort bij zaaknummer 1031059")
    assert fact.passages[0].text.endswith("1031059")


def test_the_attachments_listed_under_their_label_are_read_whole() -> None:
    chunks = [StoredChunk("n1", NOTA_HEAD, {"doc_id": "000"}, 1.0)]
    fact = document_fact(DocumentField.ATTACHMENTS, NOTA, chunks, "Welke bijlagen?")
    assert fact is not None
    assert fact.lead.endswith(
        "heeft als bijlagen: Kamerbrief; Standen CAK, CIBG, CIZ en DUS-I; "
        "Overzicht inventarisatie hardvochtigheden"
    )
    without = [StoredChunk("n1", "Kenmerk\n\n3383909-1031059-BPZ\n", {"doc_id": "000"}, 1.0)]
    assert document_fact(DocumentField.ATTACHMENTS, NOTA, without, "Welke bijlagen?") is None
