"""The answerer family: from the passages found for a question to a cited, guarded answer."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Protocol

from assistant.answer_models import Answer
from assistant.conversation import ResolvedQuestion
from assistant.plan import QuestionPlan
from vectorstore.search import SearchResult


@dataclass(frozen=True)
class AnswerRequest:
    """A question the refusal policy let through, with what the search found for it."""

    question: str  # as the user asked it
    resolved: ResolvedQuestion  # read against the conversation: what was searched for
    result: SearchResult
    plan: QuestionPlan  # how the question was read (asked type, focus terms, sub-questions)


class AnswererFailed(RuntimeError):
    """The answerer could not answer at all (its model failed); the message says why, in Dutch,
    for the user."""


class Answerer(Protocol):
    """Writes the answer to one request."""

    mode: str  # "extractive" or "llm": recorded on the answers it gives

    def answer(self, request: AnswerRequest, answer: Answer) -> Iterator[str]:
        """Text pieces as soon as they passed the citation guard. When it can answer, it fills
        in `answer` (text, citations, refused=False); otherwise it leaves it refused. Sentences
        the guard removed are added to `answer.guard_removed`. Raises `AnswererFailed` when it
        cannot answer at all."""
        ...
