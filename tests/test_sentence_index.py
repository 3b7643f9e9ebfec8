"""The sentence-level dense index: sentence splitting, a chunk ranked by its best sentence,
document restriction and rebuild per revision (a fake store and keyword embeddings, no model)."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import numpy as np
import pytest

from vectorstore.sentence_index import SentenceIndex, split_sentences, store_vectors

pytestmark = pytest.mark.unit

_KEYWORDS = ("loket", "begroting", "archief", "digitaal")


class KeywordEmbeddings:
    """A unit vector per text over a few keywords: enough to tell sentences apart."""

    def __init__(self) -> None:
        self.calls = 0

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        self.calls += 1
        vectors = []
        for text in texts:
            vector = np.array([text.lower().count(word) for word in _KEYWORDS], dtype=float) + 0.01
            vectors.append((vector / np.linalg.norm(vector)).tolist())
        return vectors


class FakeStore:
    def __init__(self, chunks: list[tuple[str, str, dict[str, Any]]]) -> None:
        self.chunks = chunks
        self.current = "r1"
        self.backend = SimpleNamespace(embeddings=KeywordEmbeddings())

    def revision(self) -> str:
        return self.current

    def all_chunks(self) -> list[tuple[str, str, dict[str, Any]]]:
        return self.chunks


def _query(word: str) -> list[float]:
    return [1.0 if keyword == word else 0.0 for keyword in _KEYWORDS]


def test_split_sentences_joins_short_fragments_and_keeps_abbreviations() -> None:
    text = (
        "1.\nInleiding van de brief aan de Kamer. Zie Kamerstuk 31 490, nr. 284 voor meer.\nKort."
    )
    assert split_sentences(text) == [
        "1. Inleiding van de brief aan de Kamer.",
        "Zie Kamerstuk 31 490, nr. 284 voor meer. Kort.",
    ]


def test_split_sentences_cuts_runs_without_punctuation() -> None:
    assert [len(s) for s in split_sentences("woord " * 200)] == [600, 599]


def test_chunk_ranks_by_its_best_sentence_not_its_average() -> None:
    # The long chunk is mostly about the budget but has one sentence about the loket.
    long_chunk = " ".join(["De begroting voor dit jaar is opgesteld door het kabinet."] * 5)
    long_chunk += " Er komt een nieuw loket voor burgers met vragen."
    store = FakeStore(
        [
            ("c1", long_chunk, {"doc_id": "a"}),
            ("c2", "Het archief wordt digitaal bewaard door het ministerie.", {"doc_id": "b"}),
        ]
    )
    index = SentenceIndex(store)  # type: ignore[arg-type]
    ranked = index.search(_query("loket"), 2)
    assert ranked[0][0] == "c1"
    assert ranked[0][1] > 0.99


def test_search_within_documents_and_rebuild_on_new_revision() -> None:
    store = FakeStore(
        [
            ("c1", "Een nieuw loket opent voor alle burgers in het land.", {"doc_id": "a"}),
            ("c2", "Het loket van de gemeente sluit eerder dan gepland.", {"doc_id": "b"}),
        ]
    )
    index = SentenceIndex(store)  # type: ignore[arg-type]
    assert [cid for cid, _ in index.search(_query("loket"), 5, doc_ids={"b"})] == ["c2"]
    assert index.search(_query("loket"), 5, doc_ids=set()) == []
    index.refresh("r1")
    assert store.backend.embeddings.calls == 1  # same revision: nothing rebuilt
    store.chunks = [("c3", "Het archief wordt digitaal bewaard door het Rijk.", {"doc_id": "c"})]
    store.current = "r2"
    index.refresh()
    assert [cid for cid, _ in index.search(_query("archief"), 5)] == ["c3"]


def test_store_vectors_embeds_each_sentence_once_and_keeps_rows_in_order() -> None:
    store = FakeStore([])
    recorded: list[list[str]] = []
    embed = store.backend.embeddings.embed_documents
    store.backend.embeddings.embed_documents = lambda texts: recorded.append(texts) or embed(texts)
    sentences = [
        "Het digitale archief wordt vernieuwd.",
        "Het loket helpt.",
        "Het digitale archief wordt vernieuwd.",
    ]
    vectors = store_vectors(store, sentences)  # type: ignore[arg-type]
    assert recorded == [["Het loket helpt.", "Het digitale archief wordt vernieuwd."]]
    assert vectors.shape[0] == 3
    assert np.array_equal(vectors[0], vectors[2])
    assert int(np.argmax(vectors[1])) == _KEYWORDS.index("loket")
