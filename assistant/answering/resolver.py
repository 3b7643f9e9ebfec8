"""Follow-up questions read against the conversation, rewritten by the chat model when there is
one (LLM mode); see `assistant.conversation` for the extractive reading."""

from __future__ import annotations

import logging
from collections.abc import Sequence

from assistant.answering.chat_model import ChatModel, ChatModelError
from assistant.conversation import ResolvedQuestion, Turn, resolve

log = logging.getLogger(__name__)

_CONDENSED_TURNS = 3  # the chat model sees this many previous turns


class QuestionResolver:
    """What to search for: the question, or a follow-up read against the conversation."""

    def __init__(self, chat_model: ChatModel | None = None) -> None:
        self.chat_model = chat_model

    def resolve(self, question: str, history: Sequence[Turn]) -> ResolvedQuestion:
        """The extractive reading; with a chat model, a follow-up becomes a standalone question
        (still preferring the documents cited before). When the model fails, the extractive
        reading stands; the answer step says the model failed."""
        turns = list(history)
        resolved = resolve(question, turns)
        if not resolved.follow_up or self.chat_model is None:
            return resolved
        pairs = [(t.question, t.answer.answer) for t in turns[-_CONDENSED_TURNS:]]
        try:
            standalone = self.chat_model.condense(question, pairs)
        except ChatModelError as exc:
            log.warning("condensing failed, reading the follow-up extractively: %s", exc)
            return resolved
        return ResolvedQuestion(standalone, True, resolved.documents)
