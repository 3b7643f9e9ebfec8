"""The organisation a singular "Welke instantie …" question is answered with."""

from __future__ import annotations

import pytest

from assistant.answering.organisation_spans import organisation_span
from assistant.plan import plan_question

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(
    ("question", "sentence", "span"),
    [
        (
            "Welke instantie geeft trainingen over discriminatie?",
            "Het College voor de Rechten van de Mens biedt trainingen aan.",
            "Het College voor de Rechten van de Mens",
        ),
        (
            "Bij welk ministerie loopt een initiatief voor burgerbrieven?",
            "Er zijn initiatieven, bijvoorbeeld bij het ministerie van Sociale Zaken en "
            "Werkgelegenheid, om burgerbrieven anders te behandelen.",
            "het ministerie van Sociale Zaken en Werkgelegenheid",
        ),
        (
            "Welke uitvoeringsorganisatie houdt een Diversiteitsmaand?",
            "De UWV kent bijvoorbeeld de jaarlijkse Diversiteitsmaand.",
            "UWV",
        ),
    ],
)
def test_the_first_organisation_the_sentence_names(question: str, sentence: str, span: str) -> None:
    found = organisation_span(sentence, plan_question(question))
    assert found is not None and found.text == span
    assert sentence[found.start : found.end] == span  # verbatim, so the guard finds it


def test_an_organisation_the_question_names_or_the_kamer_is_no_answer() -> None:
    plan = plan_question("Welke organisatie werkt samen met het UWV?")
    assert organisation_span("Het UWV werkt samen met de SVB.", plan).text == "SVB"  # type: ignore[union-attr]
    assert organisation_span("Het UWV stuurt de brief naar de Tweede Kamer.", plan) is None
    assert organisation_span("Er wordt samengewerkt.", plan) is None


# corpus/uitvoering/002: the partner follows "met", the one who acts is the subject.
TOETS = (
    "In de samenwerking met het ministerie van JenV bij de wetgevingstoetsing zal het ministerie "
    "van Binnenlandse Zaken en Koninkrijksrelaties een discriminatietoets verrichten."
)


@pytest.mark.parametrize(
    ("question", "span"),
    [
        (
            "Welk ministerie gaat een discriminatietoets verrichten?",
            "het ministerie van Binnenlandse Zaken en Koninkrijksrelaties",
        ),
        ("Met welk ministerie werkt BZK samen bij de toetsing?", "het ministerie van JenV"),
    ],
)
def test_the_organisation_in_the_role_the_question_asks_for(question: str, span: str) -> None:
    found = organisation_span(TOETS, plan_question(question))
    assert found is not None and found.text == span


def test_without_one_in_the_asked_role_the_first_is_taken() -> None:
    found = organisation_span(
        "De directeur van het UWV schreef aan de Belastingdienst.",
        plan_question("Welke organisatie schreef de brief?"),
    )
    assert found is not None and found.text == "UWV"
