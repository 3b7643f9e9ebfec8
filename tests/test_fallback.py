"""The fallback answerer: the primary answers, or, when it fails, the fallback does and the user
is told why."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from assistant.answer_models import Answer
from assistant.answering.answerer import AnswererFailed, AnswerRequest
from assistant.answering.fallback import FallbackAnswerer
from assistant.conversation import ResolvedQuestion
from assistant.plan import plan_question
from vectorstore.query_analysis import QueryHints
from vectorstore.search import SearchResult

pytestmark = pytest.mark.unit

QUESTION = "Hoeveel ouders kregen compensatie?"
REQUEST = AnswerRequest(
    QUESTION,
    ResolvedQuestion(QUESTION, False, frozenset()),
    SearchResult([], QueryHints()),
    plan=plan_question(QUESTION),
)


class _Scripted:
    """An answerer that shows `pieces`, then answers with them or fails."""

    def __init__(self, mode: str, pieces: list[str], failure: str | None = None) -> None:
        self.mode = mode
        self.pieces = pieces
        self.failure = failure
        self.requests: list[AnswerRequest] = []

    def answer(self, request: AnswerRequest, answer: Answer) -> Iterator[str]:
        self.requests.append(request)
        answer.guard_removed.append(f"{self.mode}: een zin zonder bron")
        yield from self.pieces
        if self.failure is not None:
            raise AnswererFailed(self.failure)
        answer.answer = "".join(self.pieces)
        answer.refused = False


def _run(answerer: FallbackAnswerer) -> tuple[list[str], Answer]:
    answer = Answer(QUESTION, "", refused=True, mode=answerer.mode)
    return list(answerer.answer(REQUEST, answer)), answer


def test_a_working_primary_answers_alone() -> None:
    primary = _Scripted("llm", ["Ongeveer 18.000 ouders [1]."])
    fallback = _Scripted("extractive", ["niet gebruikt"])
    pieces, answer = _run(FallbackAnswerer(primary, fallback))
    assert pieces == ["Ongeveer 18.000 ouders [1]."] and not fallback.requests
    assert answer.mode == "llm" and answer.notes == [] and not answer.refused


def test_a_failing_primary_hands_over_with_a_note() -> None:
    primary = _Scripted("llm", ["Al getoond. "], failure="Het taalmodel gaf geen antwoord (weg)")
    fallback = _Scripted("extractive", ["Letterlijk citaat [1]"])
    pieces, answer = _run(FallbackAnswerer(primary, fallback))
    note = (
        "Het taalmodel gaf geen antwoord (weg); dit antwoord bestaat uit letterlijke passages "
        "uit de stukken."
    )
    assert pieces == ["Al getoond. ", note + "\n\n", "Letterlijk citaat [1]"]
    assert fallback.requests == [REQUEST]
    assert answer.notes == [note] and answer.mode == "extractive"
    assert answer.answer == "Letterlijk citaat [1]" and not answer.refused
    # what the guard held back from the primary stays on record
    assert answer.guard_removed == ["llm: een zin zonder bron", "extractive: een zin zonder bron"]


def test_other_errors_are_not_swallowed() -> None:
    class Broken(_Scripted):
        def answer(self, request: AnswerRequest, answer: Answer) -> Iterator[str]:
            raise ValueError("een fout in de code")
            yield ""

    fallback = _Scripted("extractive", ["niet gebruikt"])
    with pytest.raises(ValueError):
        _run(FallbackAnswerer(Broken("llm", []), fallback))
    assert not fallback.requests
