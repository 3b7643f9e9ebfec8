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


def test_a_description_with_its_own_subject_is_read_on_its_own() -> None:
    question = "Wat zegt de kabinetsreactie op de POK volgens WaU?"
    (described,) = describe(question, frozenset(), _resolve, generic=True)
    assert described.text == "de kabinetsreactie op de POK"
    assert described.document is POK
