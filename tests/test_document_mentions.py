"""Documents a question names by abbreviation, and a top k that holds each of them."""

from __future__ import annotations

import pytest

from vectorstore.document_cards import acronyms
from vectorstore.document_mentions import ensure_documents, name_index, named_documents

pytestmark = pytest.mark.unit

_CARDS = {
    "wau": "Kabinetsreactie inzake rapporten Werk aan Uitvoering\nMinister van Sociale Zaken",
    "pok": "Kabinetsreactie op het rapport van de Parlementaire Ondervragingscommissie "
    "Kinderopvangtoeslag (POK)",
    "bzk": "Standen van de Uitvoering\nStaatssecretaris van Binnenlandse Zaken en "
    "Koninkrijksrelaties",
    "rijksdienst": "Vernieuwing van de rijksdienst\nMinister van Sociale Zaken",
}
_PASSAGES = {"rijksdienst": "Het traject «Werk aan Uitvoering» is een analyse."}


def _index() -> dict[str, frozenset[str]]:
    rows = []
    for doc_id, fields in _CARDS.items():
        text = f"{fields}\n{_PASSAGES.get(doc_id, '')}"
        rows.append(
            (
                doc_id,
                f"{fields}\n{' '.join(acronyms(fields))}",
                f"{text}\n{' '.join(acronyms(text))}",
            )
        )
    return name_index(rows)


def test_abbreviations_in_a_title_beat_those_in_a_first_passage() -> None:
    names = _index()
    assert names["WaU"] == frozenset({"wau"})
    assert names["BZK"] == frozenset({"bzk"})
    assert names["MSZ"] == frozenset({"wau", "rijksdienst"})


def test_question_naming_two_documents_by_abbreviation() -> None:
    question = (
        "Welk motto gebruiken zowel de WaU-kabinetsreactie als de POK-voortgangsbrief, "
        "en wat zegt de BZK-brief?"
    )
    assert named_documents(question, _index()) == ("wau", "pok", "bzk")


def test_ambiguous_and_unknown_abbreviations_name_no_document() -> None:
    assert named_documents("Wat schrijft de MSZ-minister over de TCU?", _index()) == ()


def test_ensure_documents_replaces_the_lowest_passage_of_a_crowded_document() -> None:
    document_of = {"a1": "a", "a2": "a", "a3": "a", "b1": "b", "c1": "c", "c7": "c"}
    top = ["a1", "b1", "a2", "a3"]
    assert ensure_documents(top, {"c": "c7"}, document_of) == ["a1", "b1", "a2", "c7"]
    assert ensure_documents(top, {"b": "b9"}, document_of) == top


def test_ensure_documents_never_removes_a_documents_only_passage() -> None:
    document_of = {"a1": "a", "b1": "b", "c1": "c"}
    assert ensure_documents(["a1", "b1"], {"c": "c1"}, document_of) == ["a1", "b1"]
