from typing import Any

import pytest

from assistant.answering.document_descriptions import describe

pytestmark = pytest.mark.unit

WAU = {"doc_id": "wau", "title": "Kabinetsreactie inzake rapporten Werk aan Uitvoering"}
POK = {"doc_id": "pok", "title": "Stand van zaken maatregelen kabinetsreactie POK"}


def _resolve(words: str, besides: frozenset[str]) -> dict[str, Any] | None:
    """Both documents are a kabinetsreactie; only words about WaU choose one of them."""
    return WAU if "WaU" in words else POK


def test_a_description_that_only_places_a_document_is_read_with_the_question() -> None:
    question = "In welke maand is het kabinet volgens de latere kabinetsreactie met WaU begonnen?"
    (described,) = describe(question, frozenset(), _resolve, generic=True)
    assert described.text == "de latere kabinetsreactie"
    assert described.document is WAU


def test_a_description_that_only_says_what_kind_of_text_is_read_with_the_question() -> None:
    question = "Hoeveel tijd zat er tussen WaU fase 2 en de formele kabinetsreactie daarop?"
    (described,) = describe(question, frozenset(), _resolve, generic=True)
    assert described.text == "de formele kabinetsreactie"
    assert described.document is WAU


def test_a_description_with_its_own_subject_is_read_on_its_own() -> None:
    question = "Wat zegt de kabinetsreactie op de POK volgens WaU?"
    (described,) = describe(question, frozenset(), _resolve, generic=True)
    assert described.text == "de kabinetsreactie op de POK"
    assert described.document is POK


@pytest.mark.parametrize(
    ("question", "text"),
    [
        # "een eerste Stand" is the subject of "verscheen", not what the brief is about
        (
            "Voor welke twee onderdelen verscheen volgens de brief over de POK-maatregelen een "
            "eerste Stand van de Uitvoering?",
            "de brief over de POK-maatregelen",
        ),
        # an article after a preposition goes on with the description
        (
            "Wie ondertekende de kabinetsreactie op het rapport van de POK?",
            "de kabinetsreactie op het rapport van de POK",
        ),
    ],
)
def test_an_article_after_a_complete_phrase_ends_the_description(question: str, text: str) -> None:
    (described,) = describe(question, frozenset(), _resolve, generic=True)
    assert described.text == text


SEPTEMBER = {"doc_id": "sep", "title": "Werk aan Uitvoering fase 2"}


def _resolve_besides(words: str, besides: frozenset[str]) -> dict[str, Any] | None:
    """The best document for any words, besides those already taken."""
    return next((d for d in (WAU, SEPTEMBER, POK) if d["doc_id"] not in besides), None)


@pytest.mark.parametrize(
    ("question", "described"),
    [
        ("Zet de twee Koolmees-brieven in chronologische volgorde.", "de twee Koolmees-brieven"),
        ("Koolmees stuurde twee brieven over WaU. Van welke data zijn die?", "brieven over WaU"),
    ],
)
def test_a_counted_plural_describes_that_many_documents(question: str, described: str) -> None:
    found = describe(question, frozenset(), _resolve_besides, generic=True)
    assert [d.text for d in found] == [described, described]
    assert [d.document for d in found] == [WAU, SEPTEMBER]  # distinct documents


def test_a_plural_without_a_count_describes_no_document() -> None:
    # "beslisnota's" in general: what is asked about, not which documents
    question = "Vanaf wanneer worden beslisnota's openbaar gemaakt?"
    assert describe(question, frozenset(), _resolve_besides, generic=True) == []
