"""Who a document is from and to, read from the lines that print it."""

import pytest

from assistant.answering.document_fields import document_fact
from assistant.answering.document_people import signed_office
from assistant.answering.document_questions import DocumentField
from vectorstore.stored_chunk import StoredChunk

pytestmark = pytest.mark.unit

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


NOTA_HEAD = (
    "Kamerbrief Stand van de Uitvoering\n\nTER BESLISSING\n\n"
    "Directie Bestuurlijke en\nPolitieke Zaken\nBureau Concernsturing\n\nOpgesteld door\n"
)
NOTA = {"doc_id": "000", "kenmerk": "3383909-1031059-BPZ", "doc_type": "beslisnota"}


def test_the_directie_that_wrote_a_nota_is_read_from_its_head() -> None:
    chunk = StoredChunk("n1", NOTA_HEAD, {"doc_id": "000"}, 1.0)
    fact = document_fact(DocumentField.WRITER_UNIT, NOTA, [chunk], "Welke directie …")
    assert fact is not None
    assert fact.lead.endswith(
        "is opgesteld door de Directie Bestuurlijke en Politieke Zaken, Bureau Concernsturing"
    )
    assert (
        fact.passages[0].text.startswith("Directie") and "Concernsturing" in fact.passages[0].text
    )
    letter = StoredChunk("p1", POK_HEAD, {"doc_id": "002"}, 1.0)
    assert document_fact(DocumentField.WRITER_UNIT, POK, [letter], "Welke directie …") is None


@pytest.mark.parametrize(
    ("sender", "office"),
    [
        ("Staatssecretaris van Binnenlandse Zaken", "staatssecretaris van Binnenlandse Zaken"),
        (
            "Minister van Sociale Zaken en Werkgelegenheid",
            "minister van Sociale Zaken en Werkgelegenheid",
        ),
        # a ministry is no office a signer holds
        ("Ministerie van Volksgezondheid, Welzijn en Sport", None),
        ("", None),
    ],
)
def test_the_office_a_signer_signed_in_is_the_sender_when_that_is_an_office(
    sender: str, office: str | None
) -> None:
    assert signed_office({"sender": sender}) == office
