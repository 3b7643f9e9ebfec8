"""Which stored document a question about "de brief van …" means."""

from __future__ import annotations

from collections import Counter

import pytest

from assistant.answering.document_target import target_document
from vectorstore.query_analysis import QueryHints
from vectorstore.search import SearchResult
from vectorstore.stored_chunk import StoredChunk
from vectorstore.text_analysis import terms

pytestmark = pytest.mark.unit

SEPTEMBER = {"doc_id": "sept", "signer": "W. Koolmees", "sender": "Minister van SZW"}
MARCH = {"doc_id": "march", "signer": "W. Koolmees", "sender": "Minister van SZW"}
CARDS = {
    "sept": "Vernieuwing van de rijksdienst. Het kabinet heeft fase 2 van het traject afgerond.",
    "march": "Kabinetsreactie inzake rapporten Werk aan Uitvoering.",
}
TEXTS = {doc_id: Counter(terms(text)) for doc_id, text in CARDS.items()}


def _found(*doc_ids: str) -> SearchResult:
    chunks = [StoredChunk(f"c{i}", "tekst", {"doc_id": d}, 1.0) for i, d in enumerate(doc_ids)]
    return SearchResult(chunks, QueryHints())


def test_a_compound_on_one_card_chooses_that_document_over_the_search_order() -> None:
    # Both letters are Koolmees's and the search ranks them about equally; only the March
    # card holds "kabinetsreactie". "kabinet" on the September card does not show it.
    question = "In welk vergaderjaar verscheen de kabinetsreactie van Koolmees?"
    chosen = target_document(
        question, _found("sept", "march", "march"), [SEPTEMBER, MARCH], CARDS, TEXTS
    )
    assert chosen is MARCH


def test_an_inflected_word_on_a_card_counts() -> None:
    # "fasen" in the question, "fase" on the September card.
    question = "Welk Kamerstuk is de brief van Koolmees over de fasen van het traject?"
    chosen = target_document(
        question, _found("march", "sept", "sept"), [SEPTEMBER, MARCH], CARDS, TEXTS
    )
    assert chosen is SEPTEMBER


def test_the_document_whose_text_is_about_the_described_thing_wins_a_tie_on_the_cards() -> None:
    # Both cards name Werk aan Uitvoering; only the September letter's text is about fase 2,
    # the March letter mentions phases once in a long text. The search ranks March first.
    cards = {"sept": "Werk aan Uitvoering", "march": "Werk aan Uitvoering"}
    september = "Werk aan Uitvoering: fase 1 is aangeboden, fase 2 is afgerond. Fase 1 en 2 tonen …"
    march = "Werk aan Uitvoering verbetert in alle fasen. " + "Het kabinet investeert. " * 20
    texts = {"sept": Counter(terms(september)), "march": Counter(terms(march))}
    question = "Welk Kamerstuk is de brief over de tweede fase van Werk aan Uitvoering?"
    found = _found("march", "sept", "march")
    assert target_document(question, found, [SEPTEMBER, MARCH], cards, texts) is SEPTEMBER
    even = {"sept": Counter(terms(september)), "march": Counter(terms(september))}
    assert target_document(question, found, [SEPTEMBER, MARCH], cards, even) is MARCH


def test_the_regeringsantwoord_is_the_kabinetsreactie() -> None:
    question = "Wanneer verscheen het regeringsantwoord van Koolmees?"
    chosen = target_document(
        question, _found("sept", "march", "march"), [SEPTEMBER, MARCH], CARDS, TEXTS
    )
    assert chosen is MARCH
