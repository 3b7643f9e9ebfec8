"""A real Chroma server on 127.0.0.1, started by the test, used through HttpClient."""

import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from ingest.pipeline import DocumentPreparer
from ingest.runner import ingest_paths
from tests.conftest import SEEDS, make_settings
from vectorstore.embeddings import EmbeddingBackend
from vectorstore.store import VectorStore


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
def chroma_server(tmp_path: Path) -> Iterator[int]:
    chroma = shutil.which("chroma") or str(Path(sys.executable).parent / "chroma")
    port = _free_port()
    process = subprocess.Popen(
        [chroma, "run", "--path", str(tmp_path / "server"), "--host", "127.0.0.1", "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                time.sleep(0.3)
        else:
            pytest.fail("chroma server did not start within 60 s")
        yield port
    finally:
        process.terminate()
        process.wait(timeout=30)


@pytest.mark.server
def test_ingest_and_search_through_http_client(tmp_path: Path, chroma_server: int) -> None:
    settings = make_settings(tmp_path / "data", chroma_host="127.0.0.1", chroma_port=chroma_server)
    store = VectorStore(settings, EmbeddingBackend(settings))
    assert type(store.client).__name__ != "PersistentClient"
    report = ingest_paths([SEEDS[1]], DocumentPreparer(settings), store, progress=False)
    assert report.added == [SEEDS[1].name]
    assert not (settings.data_dir / "chroma").exists()  # nothing stored locally
    documents = VectorStore(settings, EmbeddingBackend(settings)).documents()
    assert [d["kamerstuk"] for d in documents] == ["31490-284"]
    again = ingest_paths([SEEDS[1]], DocumentPreparer(settings), store, progress=False)
    assert again.unchanged == [SEEDS[1].name]
