"""SIGKILL a real ingest at several points; a re-run ends exactly where an uninterrupted run
ends: the same documents and chunk ids, no leftovers, and lexical and dense indexes that agree."""

from __future__ import annotations

import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from chromadb.api.shared_system_client import SharedSystemClient

from assistant.app import build_embeddings, build_preparer, build_store
from tests.conftest import SEEDS, make_settings
from vectorstore.ingestion import ingest_paths
from vectorstore.lexical import LexicalIndex
from vectorstore.store import VectorStore

pytestmark = pytest.mark.slow

Probe = Callable[[Path], bool]


def _stored_rows(data_dir: Path, collection: str) -> int:
    """Rows Chroma holds for a collection, read straight from its SQLite file (read-only)."""
    database = data_dir / "chroma" / "chroma.sqlite3"
    if not database.exists():
        return 0
    try:
        with sqlite3.connect(f"file:{database}?mode=ro", uri=True, timeout=0.1) as connection:
            row = connection.execute(
                "SELECT COUNT(*) FROM embeddings e JOIN segments s ON e.segment_id = s.id "
                "JOIN collections c ON s.collection = c.id WHERE c.name = ?",
                (collection,),
            ).fetchone()
    except sqlite3.OperationalError:  # locked or not created yet
        return 0
    return int(row[0])


def _chunks_written(data_dir: Path) -> bool:
    return _stored_rows(data_dir, "uitvoering") > 0


def _one_document_committed(data_dir: Path) -> bool:
    return _stored_rows(data_dir, "uitvoering.documents") >= 1


def _after(seconds: float) -> Probe:
    """Holds `seconds` after its first call (made right after the process started)."""
    started: list[float] = []

    def probe(_: Path) -> bool:
        started[:] = started or [time.monotonic()]
        return time.monotonic() - started[0] >= seconds

    return probe


def _ingest_process(folder: Path, data_dir: Path, cache_dir: Path) -> subprocess.Popen[bytes]:
    env = {
        **os.environ,
        "UITVOERING_DATA_DIR": str(data_dir),
        "UITVOERING_EMBEDDING_CACHE_DIR": str(cache_dir),
    }
    return subprocess.Popen(
        [sys.executable, "-m", "assistant.cli", "ingest", "--quiet", str(folder)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )


def _kill_when(process: subprocess.Popen[bytes], data_dir: Path, probe: Probe) -> bool:
    """SIGKILL the process as soon as `probe` holds; False if it finished first."""
    while process.poll() is None:
        if probe(data_dir):
            process.send_signal(signal.SIGKILL)
            process.wait()
            return True
        time.sleep(0.01)
    return False


def _open(data_dir: Path) -> VectorStore:
    SharedSystemClient.clear_system_cache()  # read what is on disk, not a cached index
    settings = make_settings(data_dir)
    return build_store(settings)


def _only_whole_documents_visible(data_dir: Path) -> bool:
    """What a reader sees after a crash: each listed document with all of its chunks."""
    store = _open(data_dir)
    live = store.live_ids()
    present = {cid for cid, _, _, _ in store.chunks_with_vectors(sorted(live), with_vectors=False)}
    listed = sum(d["chunks"] for d in store.documents())
    return present == live and listed == len(live) == len(list(store.all_chunks()))


def _state(data_dir: Path) -> dict[str, object]:
    store = _open(data_dir)
    live = store.live_ids()
    lexical = LexicalIndex(store)
    lexical.refresh()
    vectors = store.chunks_with_vectors(sorted(live))
    dense_finds_itself = all(
        store.dense_ranking(list(vector), 1)[0][0] == chunk_id for chunk_id, _, _, vector in vectors
    )
    return {
        "documents": [
            (d["source"], d["chunks"], d["kamerstuk"], d["date"]) for d in store.documents()
        ],
        "chunks": sorted(
            (cid, text, meta["doc_id"], meta["chunk_index"]) for cid, text, meta, _ in vectors
        ),
        "stored_rows": store.count(),
        "lexical_ids": sorted(lexical._ids),
        "dense_finds_itself": dense_finds_itself,
    }


@pytest.mark.server
def test_sigkill_mid_ingest_then_rerun_equals_an_uninterrupted_run(tmp_path: Path) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    for seed in (SEEDS[0], SEEDS[1], SEEDS[4]):
        shutil.copy(seed, folder / seed.name)

    reference_dir = tmp_path / "reference"
    settings = make_settings(reference_dir)
    ingest_paths(
        [folder],
        build_preparer(settings),
        build_store(settings),
        progress=False,
    )
    expected = _state(reference_dir)
    assert expected["dense_finds_itself"] and expected["stored_rows"] == len(expected["chunks"])

    # A private, empty embedding cache: the child really embeds, so there is time to kill it
    # while it embeds, after it wrote chunks, and after it committed a document.
    crashed_dir, cache_dir = tmp_path / "crashed", tmp_path / "cache"
    kills = 0
    for probe in (_after(1.0), _chunks_written, _one_document_committed):
        kills += _kill_when(_ingest_process(folder, crashed_dir, cache_dir), crashed_dir, probe)
        assert _only_whole_documents_visible(crashed_dir)
    assert kills >= 2, "the ingest finished before it could be killed"

    rerun = _ingest_process(folder, crashed_dir, cache_dir)
    _, stderr = rerun.communicate(timeout=600)
    assert rerun.returncode == 0, stderr.decode()
    assert _state(crashed_dir) == expected


class _Killed(BaseException):
    """Stands for SIGKILL: no `except Exception` clean-up runs."""


def _crash_after(target: object, method: str, monkeypatch: pytest.MonkeyPatch) -> None:
    real = getattr(target, method)

    def call_then_die(*args: object, **kwargs: object) -> None:
        real(*args, **kwargs)
        raise _Killed(method)

    monkeypatch.setattr(target, method, call_then_die)


@pytest.mark.parametrize(
    ("part", "method"),
    [
        ("collection", "upsert"),
        ("registry", "commit"),
        ("collection", "update"),
        ("collection", "delete"),
    ],
)
def test_a_replacement_killed_after_any_write_shows_one_whole_version(
    tmp_path: Path, corpus_copy: Path, monkeypatch: pytest.MonkeyPatch, part: str, method: str
) -> None:
    """Between any two writes of a replacement, readers see the old or the new version whole,
    and a re-run ends where an uninterrupted run ends."""
    settings = make_settings(tmp_path / "data")
    store = build_store(settings)
    ingest_paths([corpus_copy], build_preparer(settings), store, progress=False)
    edited = sorted(corpus_copy.glob("*.txt"))[1]
    old_ids = {cid for cid, _, m in store.all_chunks() if m["doc_id"] == edited.name}
    edited.write_text(edited.read_text(encoding="utf-8").replace("ABD TOPConsult", "ABD (extern)"))

    _crash_after(getattr(store, part), method, monkeypatch)
    with pytest.raises(_Killed):
        ingest_paths([corpus_copy], build_preparer(settings), store, progress=False)
    monkeypatch.undo()

    reader = build_store(settings)
    visible = {cid for cid, _, m in reader.all_chunks() if m["doc_id"] == edited.name}
    new_ids = {c.chunk_id for c in build_preparer(settings).prepare(edited).chunks}
    assert visible in (old_ids, new_ids)
    assert _only_whole_documents_visible(settings.data_dir)

    ingest_paths([corpus_copy], build_preparer(settings), reader, progress=False)
    reference = make_settings(tmp_path / "reference")
    ingest_paths(
        [corpus_copy],
        build_preparer(reference),
        build_store(reference),
        progress=False,
    )
    assert _state(settings.data_dir) == _state(reference.data_dir)


def test_a_cache_write_cut_short_leaves_no_partial_vector(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A vector is cached whole or not at all: a write that fails before its rename leaves
    nothing behind, and the next embedding of that text works and fills the cache."""
    cache_dir = tmp_path / "cache"
    backend = build_embeddings(make_settings(tmp_path / "data", embedding_cache_dir=cache_dir))
    text = "De Belastingdienst meldt een achterstand bij de afhandeling van bezwaren."

    def cut_short(source: str, target: str) -> None:
        raise OSError("schijf vol")

    monkeypatch.setattr("ingest.atomic_write.os.replace", cut_short)
    with pytest.raises(OSError, match="schijf vol"):
        backend.embeddings.embed_documents([text])
    assert [p for p in cache_dir.rglob("*") if p.is_file()] == []

    monkeypatch.undo()
    vector = backend.embeddings.embed_documents([text])[0]
    cached = [p for p in cache_dir.rglob("*") if p.is_file()]
    assert len(cached) == 1 and json.loads(cached[0].read_bytes()) == pytest.approx(vector)
