"""Kamerstukken a question names, also in English numbering."""

from __future__ import annotations

from types import SimpleNamespace
from typing import cast

import pytest

from vectorstore.catalog import DocumentCatalog
from vectorstore.query_analysis import analyze_query, english_references, strip_english_references

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("What does parliamentary paper 36 410, no. 1 say about the budget?", ["36410-1"]),
        ("What is in Kamerstuk 29362 no. 290?", ["29362-290"]),
        ("Parliamentary document 29 362, number 318", ["29362-318"]),
        ("Budget papers 36410-XIV, nos. 3 and 4", ["36410-XIV-3", "36410-XIV-4"]),
        ("How many people work at the UWV in 2023?", []),
        ("No. 5 of 2022 in 12 rows", []),
    ],
)
def test_english_numbering_names_a_kamerstuk(question: str, expected: list[str]) -> None:
    assert english_references(question) == expected


def test_stripping_leaves_what_the_question_is_about() -> None:
    text = strip_english_references("When was parliamentary paper 36 200, no. 12 sent?")
    assert "36" not in text and "12" not in text and "sent" in text


def _catalog(stored: set[str]) -> DocumentCatalog:
    catalog = SimpleNamespace(
        stored_kamerstukken=lambda: stored,
        referenced_kamerstukken=set,
        correct_kamerstuk=lambda typed: None,
        documents_for_kamerstuk=lambda k: [f"kst-{k}"],
        documents=list,
    )
    return cast(DocumentCatalog, catalog)


def test_an_english_reference_the_corpus_lacks_is_unknown() -> None:
    hints = analyze_query("When was parliamentary paper 36 200, no. 12 sent?", _catalog(set()))
    assert hints.unknown == ("36200-12",) and not hints.named


def test_an_english_reference_to_a_stored_kamerstuk_names_it() -> None:
    hints = analyze_query("What is in Kamerstuk 29362 no. 290?", _catalog({"29362-290"}))
    assert hints.named == ("29362-290",) and hints.documents == {"kst-29362-290"}
