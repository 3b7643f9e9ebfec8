"""The one service every chat channel talks to: answers with per-conversation memory, a Dutch
message instead of an error, the cited passages' context, and feedback on answers.

A channel (web chat, Slack, terminal, …) only turns its events into calls here and lays out
what comes back (see `assistant/channels/__init__.py`).
"""

from __future__ import annotations

from collections.abc import Hashable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from assistant.answer_models import Answer
from assistant.channels.conversations import ConversationStore
from assistant.channels.errors import user_message
from assistant.config import Settings
from assistant.conversation import Turn
from assistant.feedback import FeedbackStore
from assistant.service import AnswerService
from vectorstore.filters import build_filters


@dataclass(frozen=True)
class Reply:
    """What to show: the answer's text, or (with `answer` None) why there is no answer."""

    text: str
    answer: Answer | None = None


class ChannelService:
    def __init__(
        self, service: AnswerService, conversations: ConversationStore | None = None
    ) -> None:
        self.service = service
        self.conversations = conversations or ConversationStore()
        self.feedback = FeedbackStore(service.settings)

    @property
    def settings(self) -> Settings:
        return self.service.settings

    def ask_stream(
        self,
        question: str,
        conversation_id: Hashable | None = None,
        filters: Mapping[str, object] | None = None,
    ) -> Iterator[str | Reply]:
        """Text pieces as the service streams them, then one `Reply`. With a conversation id the
        question is read against that conversation, and the answer is added to it."""
        history = [] if conversation_id is None else self.conversations.history(conversation_id)
        answer: Answer | None = None
        try:
            chosen = build_filters(filters) if filters else None
            for event in self.service.ask_stream(question, history=history, filters=chosen):
                if isinstance(event, Answer):
                    answer = event
                else:
                    yield event
        except Exception as exc:  # a channel shows a message, never a stack trace
            yield Reply(user_message(exc))
            return
        assert answer is not None  # the service's stream always ends with an Answer
        if conversation_id is not None:
            self.conversations.add(conversation_id, Turn(question, answer))
        yield Reply(answer.answer, answer)

    def ask(self, question: str, conversation_id: Hashable | None = None) -> Reply:
        """The complete reply (the last event of `ask_stream`)."""
        *_, reply = self.ask_stream(question, conversation_id)
        assert isinstance(reply, Reply)
        return reply

    def knows(self, conversation_id: Hashable) -> bool:
        """Whether this conversation has an answered turn still in memory."""
        return conversation_id in self.conversations

    def turn(self, conversation_id: Hashable, number: int) -> Turn | None:
        return self.conversations.turn(conversation_id, number)

    def forget(self, conversation_id: Hashable) -> None:
        self.conversations.forget(conversation_id)

    def rate(self, answer: Answer, rating: int, comment: str = "") -> None:
        """Store a thumb (+1 or -1) on an answer, with an optional comment."""
        self.feedback.record(answer, rating, comment)

    def documents(self) -> list[dict[str, Any]]:
        return self.service.documents()

    def cited_passages(self, answer: Answer) -> dict[str, str]:
        """The full text of each cited passage, by chunk id (a quote's context)."""
        return self.service.passage_texts([c.chunk_id for c in answer.citations])

    def senders(self) -> dict[str, str]:
        """The sender of each stored document, by source file name ('' when unknown)."""
        return {str(d["source"]): str(d.get("sender") or "") for d in self.documents()}
