"""A real Chroma server on 127.0.0.1, started by the test, used through HttpClient."""

from collections.abc import Iterator
from pathlib import Path

import pytest

from assistant.app import build_preparer, build_store
from tests.conftest import SEEDS, make_settings
from vectorstore.ingestion import ingest_paths
from vectorstore.local_server import local_chroma_server

pytestmark = pytest.mark.slow


@pytest.fixture
def chroma_server(tmp_path: Path) -> Iterator[int]:
    with local_chroma_server(tmp_path / "server") as server:
        yield server.port


@pytest.mark.server
def test_ingest_and_search_through_http_client(tmp_path: Path, chroma_server: int) -> None:
    settings = make_settings(tmp_path / "data", chroma_host="127.0.0.1", chroma_port=chroma_server)
    store = build_store(settings)
    assert type(store.client).__name__ != "PersistentClient"
    report = ingest_paths([SEEDS[1]], build_preparer(settings), store, progress=False)
    assert report.added == [SEEDS[1].name]
    assert not (settings.data_dir / "chroma").exists()  # nothing stored locally
    documents = build_store(settings).documents()
    assert [d["kamerstuk"] for d in documents] == ["31490-284"]
    again = ingest_paths([SEEDS[1]], build_preparer(settings), store, progress=False)
    assert again.unchanged == [SEEDS[1].name]
