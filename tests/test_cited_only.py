"""A question about a Kamerstuk the corpus only cites is not answered with another document's
facts; asking where it is cited, or what a stored document says about it, still is."""

from __future__ import annotations

import pytest

from assistant.answering.cited_only import about_cited_only
from assistant.answering.reading_notes import reading_notes
from vectorstore.query_analysis import QueryHints

pytestmark = pytest.mark.unit

CITED = QueryHints(named=("31490-269",), cited=("31490-269",))
STORED = QueryHints(named=("29362-290",), documents=frozenset({"003"}))


@pytest.mark.parametrize(
    "question",
    [
        "Waar ging Kamerstuk 31 490, nr. 269 over en wanneer is het verstuurd?",
        "Wanneer is Kamerstuk 31 490, nr. 269 verstuurd?",
        "Wie hebben de motie (31490, nr. 269) mede ondertekend?",
        "What is parliamentary paper 31 490, no. 269 about?",
    ],
)
def test_a_question_about_a_cited_kamerstuk_itself_is_about_one_the_stukken_lack(
    question: str,
) -> None:
    assert about_cited_only(question, CITED)


@pytest.mark.parametrize(
    "question",
    [
        # where it is cited
        "Welke stukken verwijzen naar Kamerstuk 31 490, nr. 269?",
        "Waar wordt Kamerstuk 31 490, nr. 269 genoemd?",
        "Which letters cite parliamentary paper 31 490, no. 269?",
        # what a stored document says about it
        "Wat zegt de kabinetsreactie over Kamerstuk 31 490, nr. 269?",
    ],
)
def test_a_question_about_where_it_is_cited_is_answerable(question: str) -> None:
    assert not about_cited_only(question, CITED)


def test_a_stored_kamerstuk_or_one_stored_beside_it_is_answerable() -> None:
    question = "Wanneer is Kamerstuk 29 362, nr. 290 verstuurd?"
    assert not about_cited_only(question, STORED)
    both = QueryHints(
        named=("29362-290", "31490-269"), cited=("31490-269",), documents=frozenset({"003"})
    )
    assert not about_cited_only("Wanneer zijn 29362-290 en 31490-269 verstuurd?", both)


def test_a_cited_kamerstuk_gets_a_note_that_only_its_citation_is_there() -> None:
    assert reading_notes(CITED) == [
        "Kamerstuk 31 490, nr. 269 zit niet in de stukken die ik kan doorzoeken; het wordt er "
        "alleen in genoemd."
    ]
    assert reading_notes(STORED) == []
