"""The chat model family: what LLM mode asks of a language model backend."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Protocol

from assistant.plan import QuestionPlan

# (number, document label, passage text): a passage as the model sees it, cited as [number].
NumberedPassage = tuple[int, str, str]


class ChatModelError(RuntimeError):
    """The chat model failed (unreachable, an API error, bad settings); the message says which."""


class ChatModel(Protocol):
    """A language model that phrases answers from numbered passages; `assistant.llm.LLMClient`
    is the OpenAI-compatible one. Both methods raise `ChatModelError` when the model fails."""

    def stream_answer(
        self, question: str, passages: Sequence[NumberedPassage], plan: QuestionPlan
    ) -> Iterator[str]:
        """Text pieces of the answer to `question`, citing the passages as [n], written as its
        `plan` asks (see `assistant.answering.answer_prompt`)."""
        ...

    def condense(self, question: str, history: Sequence[tuple[str, str]]) -> str:
        """The follow-up `question` rewritten as a standalone question, given the (question,
        answer) pairs of the conversation so far."""
        ...
