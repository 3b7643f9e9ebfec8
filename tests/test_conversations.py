"""The conversation store every channel shares: bounded turns per id, bounded ids, LRU."""

from __future__ import annotations

import threading

import pytest

from assistant.answer_models import Answer
from assistant.channels.conversations import ConversationStore
from assistant.conversation import Turn

pytestmark = pytest.mark.unit


def _turn(n: int) -> Turn:
    return Turn(f"vraag {n}", Answer(f"vraag {n}", f"antwoord {n}", refused=False))


def test_keeps_the_last_turns_and_numbers_them_from_the_start() -> None:
    store = ConversationStore(max_turns=3)
    numbers = [store.add("s", _turn(n)) for n in range(5)]
    assert numbers == [0, 1, 2, 3, 4]
    assert [t.question for t in store.history("s")] == ["vraag 2", "vraag 3", "vraag 4"]
    assert store.turn("s", 4) == _turn(4) and store.turn("s", 2) == _turn(2)
    assert store.turn("s", 1) is None and store.turn("s", 5) is None  # forgotten, not yet
    assert store.turn("onbekend", 0) is None and store.history("onbekend") == []


def test_conversation_used_longest_ago_is_forgotten() -> None:
    store = ConversationStore(max_conversations=2)
    store.add("a", _turn(1))
    store.add("b", _turn(2))
    store.add("a", _turn(3))  # a used again: b is now the oldest
    store.add("c", _turn(4))
    assert "a" in store and "c" in store and "b" not in store
    assert len(store.history("a")) == 2


def test_forget_and_keys_of_any_shape() -> None:
    store = ConversationStore()
    store.add(("C1", "1700.1"), _turn(1))
    assert ("C1", "1700.1") in store
    store.forget(("C1", "1700.1"))
    store.forget("never-there")
    assert ("C1", "1700.1") not in store


def test_concurrent_adds_lose_no_turn() -> None:
    store = ConversationStore(max_turns=1000)
    threads = [
        threading.Thread(target=lambda: [store.add("s", _turn(n)) for n in range(50)])
        for _ in range(8)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(store.history("s")) == 400 and store.add("s", _turn(0)) == 400
