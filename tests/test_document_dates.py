"""Questions about the dates of several documents (assistant/answering/document_dates.py)."""

from __future__ import annotations

from datetime import date

import pytest

from assistant.answering.document_dates import (
    DatedDocument,
    asks_document_dates,
    dates_sentences,
    time_between,
)
from assistant.guard import MARKER

pytestmark = pytest.mark.unit

SEPTEMBER = DatedDocument({"kamerstuk": "31490-284"}, date(2020, 9, 11), 1)
MARCH = DatedDocument({"kamerstuk": "29362-290"}, date(2021, 3, 5), 2)


@pytest.mark.parametrize(
    "question",
    [
        "Hoeveel tijd zat er tussen de brief over fase 2 en de kabinetsreactie?",
        "Hoe lang na de nota kwam de BZK-brief, en hoeveel maanden zitten ertussen?",
        "Zet de nota en de BZK-brief in chronologische volgorde.",
        "Geef van de WaU-reactie en de POK-brief beide data.",
        "How much time passed between the two letters?",
        "Koolmees stuurde twee brieven. Van welke data zijn die?",
    ],
)
def test_asking_for_the_dates_of_documents(question: str) -> None:
    assert asks_document_dates(question)


@pytest.mark.parametrize(
    "question",
    [
        "Wanneer is de brief over fase 2 verstuurd?",  # one document's date: a field question
        "Hoeveel tijd krijgen uitvoerders om een Stand te maken?",  # no 'between'
        "Welke data noemt de POK-brief voor de compensatie?",  # dates in a text
    ],
)
def test_other_questions_do_not_ask_for_dates_of_documents(question: str) -> None:
    assert not asks_document_dates(question)


def test_time_between_two_dates_in_words() -> None:
    assert time_between(date(2020, 9, 11), date(2021, 3, 5)) == "ruim vijf maanden"
    assert time_between(date(2021, 3, 5), date(2022, 3, 5)) == "precies een jaar"
    assert time_between(date(2021, 3, 5), date(2022, 6, 14)) == "ruim een jaar en drie maanden"
    assert time_between(date(2022, 6, 1), date(2022, 6, 13)) == "twaalf dagen"
    assert time_between(date(2021, 1, 31), date(2021, 2, 28)) == "precies vier weken"
    assert time_between(date(2021, 1, 31), date(2021, 3, 1)) == "ruim een maand"
    assert time_between(date(2021, 3, 5), date(2021, 3, 5)) is None


def test_the_documents_are_told_oldest_first_with_the_time_between() -> None:
    question = "Hoeveel tijd zat er tussen de kabinetsreactie en de brief over fase 2?"
    sentences = dates_sentences([MARCH, SEPTEMBER], question)
    assert sentences == [
        "Kamerstuk 31 490, nr. 284 is van 11 september 2020 [1].",
        "Kamerstuk 29 362, nr. 290 is van 5 maart 2021 [2].",
        "Daartussen zit ruim vijf maanden [1][2].",
    ]
    # no digit is computed: the guard can check every number against the cited lines
    assert not any(ch.isdigit() for ch in MARKER.sub("", sentences[-1]))
    ordered = dates_sentences([MARCH, SEPTEMBER], "Zet ze in chronologische volgorde.")
    assert len(ordered) == 2 and ordered[0].startswith("Kamerstuk 31 490")
