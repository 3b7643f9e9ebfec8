"""The LRU mapping behind the channels' memory."""

from __future__ import annotations

import pytest

from assistant.channels.bounded import LRUDict

pytestmark = pytest.mark.unit


def test_least_recently_remembered_goes_first() -> None:
    seen: LRUDict[int] = LRUDict(2)
    seen.remember("a", 1)
    seen.remember("b", 2)
    seen.remember("a", 3)  # a is now the most recent
    seen.remember("c", 4)
    assert list(seen.items()) == [("a", 3), ("c", 4)]


def test_limit_must_be_positive() -> None:
    with pytest.raises(ValueError, match="limit"):
        LRUDict(0)
