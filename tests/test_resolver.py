"""Follow-ups read against the conversation: with a chat model, rewritten as a standalone
question; when the model fails, the extractive reading stands."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

import pytest

from assistant.answer_models import Answer, Citation
from assistant.answering.chat_model import ChatModelError, NumberedPassage
from assistant.answering.resolver import QuestionResolver
from assistant.conversation import Turn

pytestmark = pytest.mark.unit

FIRST = "Wat is de trialoog volgens het kabinet?"
CITED = Citation(
    1, "Kamerstuk 29 362, nr. 290", "29362-290", "kst-29362-290.txt", None, None, "", "c"
)
HISTORY = [Turn(FIRST, Answer(FIRST, "De trialoog is overleg [1].", False, [CITED]))]


class _Condenser:
    def __init__(self, standalone: str | None) -> None:
        self.standalone = standalone
        self.asked: list[tuple[str, list[tuple[str, str]]]] = []

    def stream_answer(self, question: str, passages: Sequence[NumberedPassage]) -> Iterator[str]:
        raise AssertionError("resolving never asks for an answer")

    def condense(self, question: str, history: Sequence[tuple[str, str]]) -> str:
        self.asked.append((question, list(history)))
        if self.standalone is None:
            raise ChatModelError("weg")
        return self.standalone


def test_without_a_model_a_follow_up_carries_the_previous_question() -> None:
    resolved = QuestionResolver().resolve("En wanneer was dat?", HISTORY)
    assert resolved.text == f"{FIRST} En wanneer was dat?" and resolved.follow_up
    assert resolved.documents == frozenset({"kst-29362-290.txt"})


def test_a_model_rewrites_a_follow_up_and_keeps_the_cited_documents() -> None:
    model = _Condenser("Wanneer verscheen de brief over de trialoog?")
    resolved = QuestionResolver(model).resolve("En wanneer was dat?", HISTORY)
    assert model.asked == [("En wanneer was dat?", [(FIRST, "De trialoog is overleg [1].")])]
    assert resolved.text == "Wanneer verscheen de brief over de trialoog?"
    assert resolved.documents == frozenset({"kst-29362-290.txt"})


def test_a_failing_model_leaves_the_extractive_reading() -> None:
    resolved = QuestionResolver(_Condenser(None)).resolve("En wanneer was dat?", HISTORY)
    assert resolved.text == f"{FIRST} En wanneer was dat?"


def test_a_question_that_stands_alone_is_not_sent_to_the_model() -> None:
    model = _Condenser("niet gebruikt")
    question = "Hoeveel ouders kregen de eerste compensatie van 30.000 euro?"
    assert QuestionResolver(model).resolve(question, HISTORY).text == question
    assert model.asked == []
