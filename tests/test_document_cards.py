"""Document cards: acronyms, field passages and which document's head a question ranks."""

from __future__ import annotations

import pytest

from tests.test_sentence_index import FakeStore
from vectorstore.document_cards import DocumentCards, acronyms, field_chunks
from vectorstore.query_analysis import _DOCUMENT_FIELD

pytestmark = pytest.mark.unit


def _meta(doc_id: str, index: int, **fields: object) -> dict[str, object]:
    return {"doc_id": doc_id, "chunk_index": index, **fields}


def test_acronyms_of_name_runs() -> None:
    found = acronyms("Staatssecretaris van Binnenlandse Zaken en Koninkrijksrelaties")
    assert "BZK" in found
    assert "WaU" in acronyms("rapporten Werk aan Uitvoering")
    assert acronyms("een brief zonder namen") == []


def test_field_chunks_are_head_then_date_and_signer_passages() -> None:
    document = {"date": "2020-09-11", "signer": "W. Koolmees", "kenmerk": None}
    chunks = [("h", "Kamerstuk 31490"), ("m", "Den Haag, 11 september 2020"), ("s", "W.  Koolmees")]
    assert field_chunks(document, chunks) == ("h", "m", "s")


def test_card_ranks_the_document_the_question_describes() -> None:
    bzk = {"title": "Standen van de Uitvoering", "signer": "A.C. van Huffelen"}
    bzk["sender"] = "Staatssecretaris van Binnenlandse Zaken en Koninkrijksrelaties"
    vws = {"title": "Kamerbrief Stand van de Uitvoering", "sender": "Ministerie van VWS"}
    store = FakeStore(
        [
            ("v0", "Nota aan de minister over de Kamerbrief.", _meta("vws", 0, **vws)),
            ("b1", "De digitale loketten van Logius.", _meta("bzk", 1, **bzk)),
            ("b0", "Nummer: 2022D56402, brief regering.", _meta("bzk", 0, **bzk)),
        ]
    )
    cards = DocumentCards(store)  # type: ignore[arg-type]
    ranked = cards.rank("Met welke D-code staat de BZK-brief in het archief?", [0.0] * 4)
    assert ranked[0] == "b0"  # the head chunk (chunk_index 0), not the first one stored
    assert cards.rank("welke D-code", [0.0] * 4, doc_ids={"vws"}) == ["v0"]


def test_document_field_questions_are_recognised() -> None:
    assert _DOCUMENT_FIELD.search("Welk Kamerstuknummer draagt de kabinetsreactie?")
    assert _DOCUMENT_FIELD.search("Wie zette zijn handtekening onder de brief?")
    assert not _DOCUMENT_FIELD.search("Wat zegt Kamerstuk 29362-290 over persoonlijk contact?")
