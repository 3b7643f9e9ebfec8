"""Conversation memory for every channel: the last turns per conversation id, in this process.

A conversation id is whatever identifies a conversation in its channel: a browser session's
id in the web chat, (channel, thread ts) in Slack, one fixed id in the terminal. Both the turns
kept per conversation and the number of conversations are bounded; the conversation used
longest ago is forgotten first.
"""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Hashable
from dataclasses import dataclass, field

from assistant.channels.bounded import LRUDict
from assistant.conversation import Turn

MAX_TURNS = 20  # turns kept per conversation (follow-ups look back a few turns at most)
MAX_CONVERSATIONS = 2000


@dataclass
class _Conversation:
    turns: deque[Turn]
    count: int = field(default=0)  # turns ever added, also those no longer kept


class ConversationStore:
    """Thread-safe: channels answer several conversations at once."""

    def __init__(
        self, max_turns: int = MAX_TURNS, max_conversations: int = MAX_CONVERSATIONS
    ) -> None:
        if max_turns < 1:
            raise ValueError(f"max_turns: {max_turns} (verwacht minstens 1)")
        self.max_turns = max_turns
        self._conversations: LRUDict[_Conversation] = LRUDict(max_conversations)
        self._lock = threading.Lock()

    def __contains__(self, conversation_id: Hashable) -> bool:
        with self._lock:
            return conversation_id in self._conversations

    def history(self, conversation_id: Hashable) -> list[Turn]:
        """The kept turns, oldest first (empty for an unknown conversation)."""
        with self._lock:
            conversation = self._conversations.get(conversation_id)
            return list(conversation.turns) if conversation else []

    def add(self, conversation_id: Hashable, turn: Turn) -> int:
        """Append a turn; returns its number in the conversation (0 for the first)."""
        with self._lock:
            conversation = self._conversations.get(conversation_id)
            if conversation is None:
                conversation = _Conversation(deque(maxlen=self.max_turns))
            conversation.turns.append(turn)
            conversation.count += 1
            self._conversations.remember(conversation_id, conversation)
            return conversation.count - 1

    def turn(self, conversation_id: Hashable, number: int) -> Turn | None:
        """Turn `number` of the conversation, or None when it was never added or is forgotten."""
        with self._lock:
            conversation = self._conversations.get(conversation_id)
            if conversation is None:
                return None
            index = number - (conversation.count - len(conversation.turns))
            return conversation.turns[index] if 0 <= index < len(conversation.turns) else None

    def forget(self, conversation_id: Hashable) -> None:
        with self._lock:
            self._conversations.pop(conversation_id, None)
