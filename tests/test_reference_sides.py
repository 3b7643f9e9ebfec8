"""A side about "dat stuk" goes to the stored document an earlier side answered with."""

from __future__ import annotations

import pytest

from assistant.answering.document_sides import Side
from assistant.answering.reference_sides import answer_in_turn, follow_reference
from assistant.answering.side_facts import SideAnswer

pytestmark = pytest.mark.unit

_WAU = {"doc_id": "003", "kamerstuk": "29362-290", "date": "2021-03-05"}
_FASE_2 = {"doc_id": "001", "kamerstuk": "31490-284", "date": "2020-09-11"}


def _side(question: str) -> Side:
    return Side(question, question, _WAU, "de WaU-kabinetsreactie", leans=True)


@pytest.mark.parametrize(
    "question",
    ["op welke datum stuurde Koolmees de brief met dat nummer?", "wie ondertekende dat stuk?"],
)
def test_a_side_about_that_document_goes_to_the_one_answered_before(question: str) -> None:
    earlier = [SideAnswer("…", True, "Kamerstuk 31 490, nr. 284 [1]")]
    followed = follow_reference(_side(question), earlier, [_WAU, _FASE_2])
    assert followed.document == _FASE_2 and not followed.leans


def test_a_side_stays_without_that_or_without_a_stored_document_answered() -> None:
    earlier = [SideAnswer("…", True, "Kamerstuk 31 490, nr. 284 [1]")]
    plain = _side("wie ondertekende de kabinetsreactie?")
    assert follow_reference(plain, earlier, [_WAU, _FASE_2]) == plain
    that = _side("wie ondertekende dat stuk?")
    assert follow_reference(that, earlier, [_WAU]) == that  # 31 490, nr. 284 is not stored
    assert follow_reference(that, [SideAnswer("…", True, "5 maart 2021 [1]")], [_FASE_2]) == that
    assert follow_reference(that, [], [_FASE_2]) == that


def test_sides_are_answered_in_turn_each_seeing_the_answers_before() -> None:
    seen: list[dict[str, object] | None] = []

    def answer(side: Side) -> SideAnswer:
        seen.append(side.document)
        return SideAnswer("…", True, "Kamerstuk 31 490, nr. 284 [1]")

    first, second = _side("Welk nummer is dat"), _side("wie ondertekende dat stuk?")
    asked, answered = answer_in_turn([first, second], answer, [_WAU, _FASE_2])
    assert seen == [_WAU, _FASE_2] and asked[0] == first and len(answered) == 2
