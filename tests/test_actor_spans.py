"""The phrase in the role a "Wie …" question asks about, when the stukken name a group."""

import pytest

from assistant.answering.actor_spans import actor_span
from assistant.plan import plan_question

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(
    ("question", "sentence", "actor"),
    [
        (
            "Met wie gaat het kabinet praten om signalen uit het toezicht beter te benutten?",
            "Ook gaan we in gesprek met de rijksinspecties om te bezien hoe we signalen uit de "
            "toezichtspraktijk beter kunnen benutten.",
            "de rijksinspecties",
        ),
        (
            "Met wie wil het kabinet verkennen hoe direct contact met het parlement vorm krijgt?",
            "Het voorstel is om samen met het presidium van de Tweede Kamer en de "
            "uitvoeringsorganisaties te verkennen hoe we dit vorm kunnen geven.",
            "het presidium van de Tweede Kamer en de uitvoeringsorganisaties",
        ),
        (
            "Tegenover wie erkent het kabinet tekort te zijn geschoten, naast burgers?",
            "Zowel ten opzichte van burgers, alsook ten opzichte van onze professionals wier "
            "opmerkingen onvoldoende zijn gehoord.",
            "onze professionals",  # burgers: the question names them
        ),
        (
            "Wie doen het werk van de regeringscommissaris zolang die nog niet is gestart?",
            "De werkzaamheden van de regeringscommissaris zullen in tussentijd worden verricht "
            "door de kwartiermaker en het Bureau regeringscommissaris.",
            "de kwartiermaker en het Bureau regeringscommissaris",
        ),
        (
            "Who leads RvIG's critical programmes?",
            "Kritische programma’s worden geleid door externen.",
            "externen",
        ),
    ],
)
def test_the_phrase_in_the_asked_role(question: str, sentence: str, actor: str) -> None:
    span = actor_span(sentence, plan_question(question))
    assert span is not None and span.text == actor
    assert sentence[span.start : span.end] == actor


@pytest.mark.parametrize(
    ("question", "sentence"),
    [
        # not passive: "door" names no agent here, and the question has no preposition
        ("Wie leidt de programma's?", "Door de krapte lukt het niet alle functies te vullen."),
        # no phrase after the asked preposition
        ("Met wie praat het kabinet?", "Het kabinet praat vaak en graag."),
        # not a person question
        ("Met welk ministerie werkt BZK samen?", "BZK werkt samen met het ministerie van JenV."),
        # a phrase too long to be one
        (
            "Met wie spreekt het kabinet?",
            "Het kabinet spreekt met de mensen van de afdelingen van de diensten van de "
            "ministeries van de provincies van het land.",
        ),
    ],
)
def test_no_phrase_outside_the_asked_role(question: str, sentence: str) -> None:
    assert actor_span(sentence, plan_question(question)) is None
