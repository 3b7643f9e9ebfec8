"""False premises: an asserted date, amount or Kamerstuk number is checked against the stukken."""

from __future__ import annotations

import pytest

from assistant.answering.premise import asked_part, counts, values
from assistant.app import build_service
from assistant.config import Settings
from assistant.service import AnswerService


@pytest.mark.unit
def test_values_at_the_precision_written() -> None:
    (full,) = values("Den Haag, 22 december 2022")
    (month,) = values("Het kabinet is in juni 2019 gestart met het traject")
    (day,) = values("Het resultaat van fase 1 is op 14 februari jl. aan uw Kamer aangeboden")
    assert (full.text, month.text, day.text) == ("22 december 2022", "juni 2019", "14 februari")
    (claim,) = values("op 22 november 2022")
    assert claim.comparable(full) and not claim.agrees(full)
    assert values("in december 2022")[0].agrees(full)  # the month and year are right
    assert not values("14 maart 2020")[0].agrees(day)


@pytest.mark.unit
def test_amounts_compare_in_the_same_unit() -> None:
    (source,) = values("Met de kabinetsreactie is een bedrag van € 0,8 miljard gereserveerd")
    (claim,) = values("blijvend 1,2 miljard opzij gezet")
    (same,) = values("800 miljoen")
    (share,) = values("1,2 procent")
    assert claim.comparable(source) and not claim.agrees(source)
    assert same.agrees(source)
    assert not share.comparable(source)


@pytest.mark.unit
def test_shares_in_words_are_percentages_in_the_order_written() -> None:
    found = values("(9%) gestegen; zeven op de tien Nederlanders; een kwart; de helft; 70 procent")
    assert [v.text for v in found] == [
        "9%",
        "zeven op de tien",
        "een kwart",
        "de helft",
        "70 procent",
    ]
    assert found[1].agrees(found[4]) and not found[2].agrees(values("15 procent")[0])
    assert values("Wat is de derde actie?") == []  # an ordinal, not a third


@pytest.mark.unit
def test_the_asked_part_of_a_message_is_its_question_sentences() -> None:
    message = "Het kabinet is in juni 2018 begonnen met WaU. Welk bureau deed de analyse?"
    assert asked_part(message) == "Welk bureau deed de analyse?"
    statement = "Het kabinet begon in juni 2018 met WaU."
    assert asked_part(statement) == statement
    # a sentence asking to confirm is not what else the message asks
    confirm = "Dat leverde toch 80 reacties op? Hoeveel daarvan zijn uit de bijlage gehaald?"
    assert asked_part(confirm) == "Hoeveel daarvan zijn uit de bijlage gehaald?"
    assert asked_part("Klopt het dat dat 80 reacties waren?") == (
        "Klopt het dat dat 80 reacties waren?"
    )


@pytest.mark.unit
def test_counts_with_what_they_count() -> None:
    (count,) = counts("De uitvraag leverde toch 80 reacties op?")
    assert count.text == "80 reacties" and count.parts == (80.0, "reactie")
    assert count.comparable(counts("een lijst met 70 reacties")[0])
    assert not count.comparable(counts("ongeveer 18.000 ouders")[0])
    # a count of the same thing under another word of policy language
    assert counts("zo'n 90 meldingen")[0].comparable(counts("70 reacties")[0])
    assert counts("Op 14 februari 2020 ging 30 procent naar 2 maart") == []


@pytest.fixture(scope="module")
def service(corpus_env: Settings) -> AnswerService:
    return build_service(corpus_env)


@pytest.mark.integration
@pytest.mark.parametrize(
    ("question", "lead"),
    [
        (
            "Klopt het dat de brief over de Standen van RvIG en Logius op 22 november 2022 "
            "naar de Kamer is verstuurd?",
            "Nee, dat klopt niet: volgens de stukken is dat 22 december 2022",
        ),
        (
            "De Tijdelijke commissie Uitvoeringsorganisaties leverde haar rapport in april 2021 "
            "op, toch?",
            "Nee, dat klopt niet: volgens de stukken is dat 25 februari 2021",
        ),
        (
            "Klopt het dat de kabinetsreactie op Werk aan Uitvoering op 5 maart 2021 is verstuurd?",
            "Ja, dat klopt: volgens de stukken is dat 5 maart 2021",
        ),
        (
            "Klopt het dat de WaU-kabinetsreactie van Koolmees Kamerstuk 29 362, nr. 318 is?",
            "Nee, dat klopt niet: dit is Kamerstuk 29 362, nr. 290, 5 maart 2021",
        ),
        (
            "De BZK-brief over de Standen van RvIG en Logius is toch Kamerstuk 29 362, nr. 318?",
            "Ja, dat klopt: dit is Kamerstuk 29 362, nr. 318, 22 december 2022",
        ),
        (
            "De POK-voortgangsbrief van Van Huffelen is Kamerstuk 29 362, nr. 290, nietwaar?",
            "Nee, dat klopt niet: dit is geen Kamerstuk; het is een Kamerbrief met kenmerk "
            "2021-0000126162",
        ),
        (
            "Bij RvIG staat ongeveer een kwart van de functies open, klopt dat?",
            "Nee, dat klopt niet: volgens de stukken is dat 15 procent",
        ),
        (
            "Het kabinet is in juni 2018 begonnen met Werk aan Uitvoering. Welk bureau deed de "
            "analyse?",
            "Let op: volgens de stukken is dat juni 2019",
        ),
        # asked to confirm in other words, a count under another noun, a document by its kind
        (
            "Kun je bevestigen dat ongeveer 25.000 ouders de eerste compensatie hebben ontvangen?",
            "Nee, dat klopt niet: volgens de stukken is dat 18.000 ouders",
        ),
        (
            "Ik heb begrepen dat de brede uitvraag van VWS naar hardvochtigheden 90 meldingen "
            "opleverde. Kun je dat bevestigen?",
            "Nee, dat klopt niet: volgens de stukken is dat 70 reacties",
        ),
        (
            "Het regeringsantwoord op de WaU-rapporten dateert van 5 mei 2021, toch?",
            "Nee, dat klopt niet: volgens de stukken is dat 5 maart 2021",
        ),
        (
            "De brief van de BZK-staatssecretaris over de Standen van RvIG en Logius is toch van "
            "22 november 2022?",
            "Nee, dat klopt niet: volgens de stukken is dat 22 december 2022",
        ),
    ],
)
def test_premise_is_corrected_or_confirmed_first_and_cited(
    service: AnswerService, question: str, lead: str
) -> None:
    answer = service.ask(question)
    assert answer.direct_answer and answer.direct_answer.startswith(lead)
    assert answer.answer.startswith(answer.direct_answer)  # the correction comes first
    assert not answer.guard_removed and answer.citations


@pytest.mark.integration
def test_question_asserting_nothing_gets_no_premise_sentence(service: AnswerService) -> None:
    answer = service.ask(
        "Wanneer leverde de Tijdelijke commissie Uitvoeringsorganisaties haar rapport op?"
    )
    assert not answer.answer.startswith(("Nee", "Ja"))


@pytest.mark.integration
def test_a_date_the_message_tells_right_gets_no_premise_sentence(service: AnswerService) -> None:
    answer = service.ask(
        "Het kabinet is in juni 2019 begonnen met Werk aan Uitvoering. Welk bureau deed de analyse?"
    )
    assert not answer.answer.startswith(("Let op", "Nee", "Ja"))


@pytest.mark.integration
def test_after_correcting_a_stated_premise_the_question_itself_is_answered(
    service: AnswerService,
) -> None:
    answer = service.ask(
        "Het kabinet is in juni 2018 begonnen met Werk aan Uitvoering. Welk bureau deed de analyse?"
    )
    assert answer.answer.startswith("Let op: volgens de stukken is dat juni 2019")
    assert "ABD TOPConsult" in answer.answer and not answer.guard_removed


@pytest.mark.integration
def test_after_correcting_a_count_asked_to_confirm_the_other_question_is_answered(
    service: AnswerService,
) -> None:
    answer = service.ask(
        "De VWS-uitvraag naar hardvochtigheden leverde toch 80 reacties op? Hoeveel daarvan zijn "
        "uit de bijlage gehaald?"
    )
    lead = "Nee, dat klopt niet: volgens de stukken is dat 70 reacties [1]."
    assert answer.direct_answer == lead and answer.answer.startswith(lead)
    assert "Twee reacties" in answer.answer and not answer.guard_removed


@pytest.mark.integration
def test_a_value_about_another_numbered_thing_is_no_correction(service: AnswerService) -> None:
    # "Het resultaat van fase 1 is op 14 februari jl. aan uw Kamer aangeboden" is about phase 1
    answer = service.ask(
        "Koolmees stuurde het fase 2-rapport van Werk aan Uitvoering op 11 oktober 2020 naar "
        "de Kamer, toch?"
    )
    assert "14 februari" not in answer.answer.split("[1]")[0]
    assert "11 september 2020" in answer.answer
