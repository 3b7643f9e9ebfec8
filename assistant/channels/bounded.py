"""A mapping that keeps only its most recently used entries (least recently used go first)."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Hashable
from typing import Generic, TypeVar

V = TypeVar("V")


class LRUDict(OrderedDict[Hashable, V], Generic[V]):
    """At most `limit` entries; `remember` stores one and drops the least recently used."""

    def __init__(self, limit: int) -> None:
        super().__init__()
        if limit < 1:
            raise ValueError(f"limit: {limit} (verwacht minstens 1)")
        self.limit = limit

    def remember(self, key: Hashable, value: V) -> None:
        self[key] = value
        self.move_to_end(key)
        while len(self) > self.limit:
            self.popitem(last=False)
