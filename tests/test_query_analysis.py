"""Kamerstukken a question names, also in English numbering."""

from __future__ import annotations

from types import SimpleNamespace
from typing import cast

import pytest

from vectorstore.catalog import DocumentCatalog
from vectorstore.query_analysis import analyze_query

pytestmark = pytest.mark.unit


def _catalog(stored: set[str], documents: list[dict[str, object]] | None = None) -> DocumentCatalog:
    catalog = SimpleNamespace(
        stored_kamerstukken=lambda: stored,
        referenced_kamerstukken=set,
        correct_kamerstuk=lambda typed: None,
        documents_for_kamerstuk=lambda k: [f"kst-{k}"],
        documents=lambda: list(documents or []),
    )
    return cast(DocumentCatalog, catalog)


def test_an_english_reference_the_corpus_lacks_is_unknown() -> None:
    hints = analyze_query("When was parliamentary paper 36 200, no. 12 sent?", _catalog(set()))
    assert hints.unknown == ("36200-12",) and not hints.named


def test_an_english_reference_to_a_stored_kamerstuk_names_it() -> None:
    hints = analyze_query("What is in Kamerstuk 29362 no. 290?", _catalog({"29362-290"}))
    assert hints.named == ("29362-290",) and hints.documents == {"kst-29362-290"}


def test_a_kamerstuk_the_corpus_only_cites_is_named_and_marked_cited() -> None:
    catalog = _catalog({"29362-290"})
    catalog.referenced_kamerstukken = lambda: {"31490-269"}  # type: ignore[method-assign]
    hints = analyze_query("Wat staat in 29362-290 en 31490-269?", catalog)
    assert hints.named == ("29362-290", "31490-269") and hints.cited == ("31490-269",)


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


@pytest.mark.parametrize(
    ("question", "own_date"),
    [
        ("Welke datum hoort bij de WaU-kabinetsreactie?", True),
        ("Welke datum draagt de VWS-nota over de Standen?", True),
        ("Welke datum staat op de brief over fase 2?", True),
        ("Wat is de dagtekening van de brief?", True),
        # a date the document gives for something else
        ("Welke datum noemt de VWS-nota voor de Dag van de Publieke Dienstverlening?", False),
        # a document noun only in what the sent thing is about
        (
            "Wanneer stuurde de minister een concept beleidslijn over het openbaar maken van "
            "beslisnota's naar het parlement?",
            False,
        ),
        ("Wanneer is de brief over beslisnota's verstuurd?", True),
    ],
)
def test_a_date_belonging_to_a_document_is_its_own(question: str, own_date: bool) -> None:
    assert analyze_query(question, _catalog(set())).asks_document_date is own_date


def test_an_undated_letter_registered_in_a_year_is_dated_in_that_whole_year() -> None:
    catalog = _catalog(
        set(),
        [
            {"doc_id": "wau", "date": "2021-03-05", "kenmerk": None},
            {"doc_id": "pok", "date": None, "kenmerk": "2021-0000126162"},
            {"doc_id": "nota", "date": None, "kenmerk": "3383909-1031059-BPZ"},
        ],
    )
    year = analyze_query("Wat staat in de voortgangsbrief uit 2021?", catalog)
    assert year.dated_documents == {"wau", "pok"}
    # A month of that year may not be when it was written: only the dated letter is.
    month = analyze_query("Wat staat in de brief van maart 2021?", catalog)
    assert month.dated_documents == {"wau"}


@pytest.mark.parametrize(
    ("question", "dated"),
    [
        ("Who signed the December 2022 letter?", {"bzk"}),
        ("Which dossier does the 2020 letter about phase two belong to?", {"fase2"}),
        ("What does the letter of March 2021 say about the trialogue?", {"wau"}),
        ("What is the reference of the cabinet response from 5 March 2021?", {"wau"}),
        # a date of an event, tied to no document
        ("What happened in December 2022?", set()),
        ("Which report of 2020 does the letter cite?", set()),
    ],
)
def test_an_english_date_of_a_document_dates_it(question: str, dated: set[str]) -> None:
    catalog = _catalog(
        set(),
        [
            {"doc_id": "fase2", "date": "2020-09-11", "kenmerk": None},
            {"doc_id": "wau", "date": "2021-03-05", "kenmerk": None},
            {"doc_id": "bzk", "date": "2022-12-12", "kenmerk": None},
        ],
    )
    assert analyze_query(question, catalog).dated_documents == dated


def test_a_given_kenmerk_names_its_document_and_an_unknown_one_is_noted() -> None:
    catalog = _catalog(
        set(),
        [
            {"doc_id": "pok", "kenmerk": "2021-0000126162"},
            {"doc_id": "vws", "kenmerk": "3383909-1031059-BPZ"},
        ],
    )
    known = analyze_query("Welk document heeft kenmerk 2021-0000126162?", catalog)
    assert known.documents == frozenset({"pok"}) and not known.unknown_kenmerken
    spaced = analyze_query("Waar gaat het stuk met kenmerk 3383909-1031059-bpz over?", catalog)
    assert spaced.documents == frozenset({"vws"})
    unknown = analyze_query("Welk stuk heeft kenmerk 2021-0000999999?", catalog)
    assert unknown.documents == frozenset() and unknown.unknown_kenmerken == ("2021-0000999999",)
    # a kenmerk the question does not give is no unknown one
    assert not analyze_query("Wat is het kenmerk van de nota?", catalog).unknown_kenmerken
