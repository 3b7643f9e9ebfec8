"""A document's new chunks against its stored ones, and a failed write taken back."""

from __future__ import annotations

from typing import Any

import pytest

from vectorstore.chunk_writes import chunk_changes, write_pending

pytestmark = pytest.mark.unit


def test_changes_name_new_outdated_and_stale_chunks_in_document_order() -> None:
    stored = {"a": {"i": 0}, "b": {"i": 1}, "gone": {"i": 2}}
    fresh = {"new": {"i": 0}, "b": {"i": 9}, "a": {"i": 0}}
    changes = chunk_changes(stored, fresh)
    assert (changes.new, changes.outdated, changes.stale) == (["new"], ["b"], ["gone"])
    assert changes
    assert not chunk_changes({"a": {"i": 0}}, {"a": {"i": 0}})


class _BrokenCollection:
    def __init__(self) -> None:
        self.written: list[str] = []
        self.deleted: list[str] = []

    def upsert(self, ids: list[str], **_: Any) -> None:
        if self.written:
            raise RuntimeError("schijf vol")
        self.written.extend(ids)

    def delete(self, ids: list[str]) -> None:
        self.deleted.extend(ids)


def test_a_failed_write_takes_back_every_pending_chunk() -> None:
    collection = _BrokenCollection()
    ids = ["a", "b", "c"]
    with pytest.raises(RuntimeError, match="schijf vol"):
        write_pending(collection, 2, ids, [[0.0]] * 3, ["t"] * 3, [{}] * 3)  # type: ignore[arg-type]
    assert collection.written == ["a", "b"]
    assert collection.deleted == ids
