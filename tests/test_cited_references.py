"""Which Kamerstuk a document refers to: not itself, and the one its own words describe."""

from __future__ import annotations

import pytest

from assistant.answering.cited_references import (
    best_cited_kamerstuk,
    cited_kamerstuk,
    described_reference,
)
from assistant.plan import plan_question
from assistant.sentences import Passage
from vectorstore.stored_chunk import StoredChunk

pytestmark = pytest.mark.unit

_OWN = {"doc_id": "d1", "kamerstuk": "29362-290"}


def _passage(text: str, doc_id: str = "d1") -> Passage:
    return Passage(StoredChunk("c1", text, {"doc_id": doc_id}, 0.0), 0, len(text))


def test_the_reference_whose_label_the_question_names_is_chosen() -> None:
    note = _passage("4 Kamerstuk 31 490, nr. 271 (Fase I) Kamerstuk 31 490, nr. 284 (Fase II).")
    terms = plan_question("Naar welk Kamerstuk verwijst de brief voor fase II?").terms
    found = best_cited_kamerstuk([_passage("Aan de Voorzitter."), note], _OWN, terms)
    assert found == (note, "Kamerstuk 31 490, nr. 284")


def test_the_words_before_an_inline_reference_describe_it() -> None:
    text = (
        "Het resultaat van fase 1 is aangeboden (Kamerstuk 31 490, nr. 271). De motie is "
        "uitgevoerd (Kamerstuk 35 510, nr. 13)."
    )
    terms = plan_question("Naar welk Kamerstuk verwijst de brief voor de motie?").terms
    assert best_cited_kamerstuk([_passage(text)], _OWN, terms)[1] == "Kamerstuk 35 510, nr. 13"


def test_neither_the_document_itself_nor_another_documents_sentence_is_a_reference() -> None:
    terms = plan_question("Naar welk Kamerstuk verwijst de brief?").terms
    own = _passage("Kenmerk Kamerstuk 29 362, nr. 290 (de brief).")
    other = _passage("Zie Kamerstuk 31 490, nr. 284 (de brief).", doc_id="d2")
    assert best_cited_kamerstuk([own, other], _OWN, terms) is None
    assert cited_kamerstuk(own, _OWN) is None


def test_without_words_to_choose_by_the_first_sentences_first_reference_is_taken() -> None:
    first = _passage("Zie Kamerstuk 31 490, nr. 271 en Kamerstuk 31 490, nr. 284.")
    found = best_cited_kamerstuk([first], _OWN, ())
    assert found == (first, "Kamerstuk 31 490, nr. 271")


def test_the_first_kamerstuk_a_sentence_refers_to_is_named_but_not_the_document_itself() -> None:
    passage = _passage(
        "Het resultaat van fase 1 is op 14 februari jl. aan uw Kamer aangeboden (Kamerstuk "
        "31 490, nr. 271). Zie ook Kamerstuk 31 490, nr. 284."
    )
    assert cited_kamerstuk(passage, {"kamerstuk": "31490-284"}) == "Kamerstuk 31 490, nr. 271"
    own = _passage("Zie ook Kamerstuk 31 490, nr. 284.")
    assert cited_kamerstuk(own, {"kamerstuk": "31490-284"}) is None


# corpus/uitvoering/003: the kabinetsreactie's own number and a footnote with two references.
_NOTE = (
    "De brief met de reactie op de rapporten Werk aan Uitvoering (Kamerstuk 35 510, nr. 2) is "
    "verstuurd.\n4 Kamerstuk 31 490, nr. 271 (Fase I) Kamerstuk 31 490, nr. 284 (Fase II)."
)


def test_the_whole_document_is_searched_for_the_reference_the_question_describes() -> None:
    chunks = [StoredChunk("c1", _NOTE, {"doc_id": "d1"}, 0.0)]
    question = (
        "In de voetnoten van de WaU-kabinetsreactie staat het nummer van het Fase II-rapport."
    )
    found = described_reference(question, _OWN, chunks, "de WaU-kabinetsreactie")
    assert found is not None and found[1] == "Kamerstuk 31 490, nr. 284"
    assert found[0].text.endswith("(Fase II).")
    # a question that asks no referred number, or describes none of them, finds nothing
    assert described_reference("Wat zegt de brief over fase II?", _OWN, chunks) is None
    unknown = "Naar welk Kamerstuk verwijst de brief voor het advies van de Raad van State?"
    assert described_reference(unknown, _OWN, chunks) is None


def test_the_chamber_a_reference_is_cited_by_does_not_describe_it() -> None:
    chunks = [StoredChunk("c1", "2 Kamerstukken II 2020/21, 35510, nr. 49", {"doc_id": "d1"}, 0.0)]
    question = "Voor fase II verwijst de brief naar een Kamerstuk. Welk nummer is dat?"
    assert described_reference(question, _OWN, chunks) is None
