"""Which words of a question are its names, and which language it is in."""

from __future__ import annotations

import pytest

from assistant.question import is_english, names, subject_terms

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("How much do the new F-35 fighter jets cost?", ["F-35"]),
        ("How high is the state pension (AOW) benefit as of 1 January 2024?", ["AOW", "2024"]),
        ("When will the new metro line in Amsterdam open?", ["Amsterdam"]),
        # translated names are no names: the corpus writes "Binnenlandse Zaken", "Kamer"
        ("What did the Interior minister report to the House?", []),
        # Kamerstuk numbers are the Kamerstuk rule's, however written
        ("What does parliamentary paper 31409, no. 284 say about kst-31490-284?", []),
        ("How many of the 18,000 parents were helped on 23 June?", []),
    ],
)
def test_names_are_what_a_translation_leaves_as_it_is(question: str, expected: list[str]) -> None:
    assert names(question) == expected


@pytest.mark.parametrize(
    "question",
    [
        "Which dilemmas do the Interior ministry's implementing organisations face?",
        "May politicians promise society more than the implementing organisations can deliver?",
        "When will the new metro line in Amsterdam open?",
        "Who signed it?",
    ],
)
def test_english_questions_are_recognised(question: str) -> None:
    assert is_english(question)


@pytest.mark.parametrize(
    "question",
    [
        "Wat zegt de brief 'The state of the union' over de uitvoering?",
        "Welke organisaties van BZK hebben een Staat van de Uitvoering opgesteld?",
        "Is er in 2021 een trialoog geweest?",
        "En dan?",
    ],
)
def test_dutch_questions_are_not_english(question: str) -> None:
    assert not is_english(question)


def test_where_a_document_says_something_is_no_subject_word() -> None:
    # "opent", "citaat" say where in a letter something stands; the Troonrede is the subject
    assert subject_terms("Welke brief opent met een citaat uit de Troonrede van 2019?") == [
        "brief",
        "troonrede",
    ]
    # words that only share a stem with them stay subject words
    assert "begin" in subject_terms("Wat zijn de beginselen van de code voor goed bestuur?")
