"""An answerer with a stand-in: when the primary answerer fails, another one answers.

After Haystack's `FallbackChatGenerator`: the LLM answerer is wrapped with the extractive one,
so an unreachable model still gets the user an answer, and a note that says so.
"""

from __future__ import annotations

from collections.abc import Iterator

from assistant.answer_models import Answer
from assistant.answering.answerer import Answerer, AnswererFailed, AnswerRequest

# The fallback in this product is the extractive answerer; the note says what its answer is.
_NOTE = "{failure}; dit antwoord bestaat uit letterlijke passages uit de stukken."


class FallbackAnswerer:
    """Answers with `primary`; when it fails, notes why and answers with `fallback`. Pieces the
    primary already showed stay shown."""

    def __init__(self, primary: Answerer, fallback: Answerer) -> None:
        self.primary = primary
        self.fallback = fallback
        self.mode = primary.mode

    def answer(self, request: AnswerRequest, answer: Answer) -> Iterator[str]:
        try:
            yield from self.primary.answer(request, answer)
            return
        except AnswererFailed as exc:
            note = _NOTE.format(failure=exc)
        answer.notes.append(note)
        answer.mode = self.fallback.mode
        yield note + "\n\n"
        yield from self.fallback.answer(request, answer)
