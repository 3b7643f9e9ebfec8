"""Kamerstukken a question names, also in English numbering."""

from __future__ import annotations

from types import SimpleNamespace
from typing import cast

import pytest

from vectorstore.catalog import DocumentCatalog
from vectorstore.query_analysis import analyze_query

pytestmark = pytest.mark.unit


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


def test_a_compound_document_noun_asks_for_the_documents_own_date() -> None:
    catalog = _catalog(set())
    assert analyze_query(
        "Op welke datum is de voortgangsbrief verstuurd?", catalog
    ).asks_document_date
    assert analyze_query("Wanneer is de VWS-notitie opgesteld?", catalog).asks_document_date
    # An event the document mentions, not its own date.
    assert not analyze_query(
        "Wanneer start de pilot met de invoeringstoets?", catalog
    ).asks_document_date
