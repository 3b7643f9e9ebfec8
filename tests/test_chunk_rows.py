"""Stored chunk rows kept by id for the collection's revision (vectorstore/chunk_rows.py)."""

from __future__ import annotations

from typing import Any, cast

import pytest

from vectorstore.chunk_rows import ChunkRows
from vectorstore.store import VectorStore

pytestmark = pytest.mark.unit


class CountingStore:
    """Holds rows by id and counts the ids each read asks for."""

    def __init__(self) -> None:
        self.rows = {f"c{i}": (f"tekst {i}", {"doc_id": "d"}, [float(i)]) for i in range(6)}
        self.asked: list[list[str]] = []

    def chunks_with_vectors(self, ids: list[str]) -> list[tuple[str, str, dict[str, Any], Any]]:
        self.asked.append(list(ids))
        return [(cid, *self.rows[cid]) for cid in ids if cid in self.rows]


def _rows(store: CountingStore, most: int = 100) -> ChunkRows:
    rows = ChunkRows(cast(VectorStore, store), most=most)
    rows.refresh("r1")
    return rows


def test_a_row_is_read_from_the_store_once_per_revision() -> None:
    store = CountingStore()
    rows = _rows(store)
    assert rows.get(["c1", "c2"])["c2"][0] == "tekst 2"
    assert set(rows.get(["c2", "c3"])) == {"c2", "c3"}
    assert store.asked == [["c1", "c2"], ["c3"]]
    rows.refresh("r1")
    rows.get(["c1"])
    assert store.asked[-1] == ["c3"]  # same revision: nothing read again
    store.rows["c1"] = ("tekst 1", {"doc_id": "d", "title": "nieuw"}, [1.0])
    rows.refresh("r2")  # a chunk's metadata may change under the same id
    assert rows.get(["c1"])["c1"][1]["title"] == "nieuw"
    assert store.asked[-1] == ["c1"]


def test_an_id_the_store_lacks_is_left_out_and_the_cache_stays_bounded() -> None:
    store = CountingStore()
    rows = _rows(store, most=3)
    assert rows.get(["c1", "onbekend"]).keys() == {"c1"}
    rows.get(["c2", "c3", "c4"])  # more than three: the cache starts over
    rows.get(["c1"])
    assert store.asked[-1] == ["c1"]
