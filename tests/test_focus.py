"""Focus extraction for long and chatty messages."""

from __future__ import annotations

import pytest

from vectorstore.focus import focus, sentences, without_courtesies

pytestmark = pytest.mark.unit


def test_greeting_introduction_and_thanks_are_dropped() -> None:
    message = (
        "Goedemorgen! Ik werk bij de directie Zorgverzekeringen. Een collega noemde een nota "
        "over de brief aan de Kamer. Weet jij wat de deadline was? Alvast bedankt!"
    )
    assert focus(message) == (
        "Een collega noemde een nota over de brief aan de Kamer. Weet jij wat de deadline was?"
    )


def test_introduction_keeps_what_follows_and() -> None:
    message = (
        "Hallo, ik werk op een juridische directie en er is onduidelijkheid over de "
        "Landsadvocaat. Vanaf wanneer gaan die notities naar de Kamer? Groet."
    )
    assert focus(message) == (
        "er is onduidelijkheid over de Landsadvocaat. Vanaf wanneer gaan die notities naar de Kamer?"
    )


def test_sentences_after_the_last_question_are_dropped_english_too() -> None:
    message = "Hi, I work at UWV. Which event does the letter mention? I want to quote it. Thanks!"
    assert focus(message) == "Which event does the letter mention?"


def test_short_questions_and_messages_without_a_question_are_kept() -> None:
    assert focus("Wat is de trialoog? Dank.") == "Wat is de trialoog? Dank."
    no_question = "Hallo. Ik werk bij BZK. Vertel iets over RvIG."
    assert focus(no_question) == no_question


def test_a_number_with_a_thousands_point_does_not_end_a_sentence() -> None:
    message = "Hoi! Ik werk bij UWV. Hoeveel van de 18.000 ouders kregen 30.000 euro? Dank!"
    assert focus(message) == "Hoeveel van de 18.000 ouders kregen 30.000 euro?"


def test_the_point_of_nr_before_its_number_does_not_end_a_sentence() -> None:
    message = "De reactie is toch Kamerstuk 29 362, nr. 318? Kun je dat bevestigen?"
    assert sentences(message) == [
        "De reactie is toch Kamerstuk 29 362, nr. 318?",
        "Kun je dat bevestigen?",
    ]
    assert sentences("Zie Nr. 2. Dank.") == ["Zie Nr. 2.", "Dank."]
    several = "Wat staat er in Kamerstukken 26 643, nrs. 866 en 928? Dank."
    assert sentences(several) == ["Wat staat er in Kamerstukken 26 643, nrs. 866 en 928?", "Dank."]


def test_courtesies_go_but_introduction_and_context_stay() -> None:
    message = (
        "Goedemorgen! Ik werk sinds kort bij de directie Zorgverzekeringen. Een collega had het "
        "over een nota voor de bewindspersoon. Weet jij wat die uiterste datum was? Alvast bedankt!"
    )
    assert without_courtesies(message) == (
        "Ik werk sinds kort bij de directie Zorgverzekeringen. Een collega had het over een nota "
        "voor de bewindspersoon. Weet jij wat die uiterste datum was?"
    )


def test_a_question_with_a_courtesy_word_is_no_pleasantry() -> None:
    assert without_courtesies("Hoi, wie bedankt de minister?") == "wie bedankt de minister?"
    assert without_courtesies("Alvast bedankt!") == "Alvast bedankt!"
