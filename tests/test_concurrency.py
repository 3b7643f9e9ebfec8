"""Answers stay right while an ingest runs; several answering processes share one Chroma server;
a store from another schema version is upgraded or refused with a clear message."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import bm25s
import chromadb
import pytest

from assistant.app import build_preparer, build_service, build_store
from assistant.config import Settings
from assistant.service import AnswerService
from tests.conftest import SEEDS, SHARED_FORMATS, make_settings
from vectorstore.chroma_client import StoreError
from vectorstore.compatibility import SCHEMA_VERSION
from vectorstore.ingestion import ingest_paths
from vectorstore.lexical import LexicalIndex
from vectorstore.local_server import local_chroma_server
from vectorstore.registry import registry_name

pytestmark = pytest.mark.slow

QUESTIONS = [
    {"id": "datum", "question": "Van welke datum is Kamerstuk 29362-290?"},
    {"id": "logius", "question": "Wat is de stand van de uitvoering bij Logius?"},
    {
        "id": "vws",
        "question": "Hoeveel reacties leverde de inventarisatie van hardvochtigheden binnen VWS op?",
    },
]
NEW_FILES = ["pm_kst-21501-02-3121.pdf", "pm_kst-36278-32.docx", "pm_kst-36682-10.docx"]


def _cli(args: list[str], env: dict[str, str]) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "assistant.cli", *args],
        env={**os.environ, **env},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _answers(service: AnswerService) -> dict[str, tuple[str, list[str]]]:
    return {item["id"]: _essence(service.ask(item["question"]).to_dict()) for item in QUESTIONS}


def _essence(answer: dict[str, object]) -> tuple[str, list[str]]:
    citations = answer["citations"]
    assert isinstance(citations, list) and citations, answer["answer"]
    return str(answer["answer"]), [str(c["chunk_id"]) for c in citations]


def test_processes_building_the_bm25_index_at_once_do_not_share_files(
    tmp_path: Path, corpus_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two answering processes that see a new revision at the same moment both build and save
    BM25. Here the second one builds and saves in full while the first is half-way through its
    save (the interleaving that once made one of them crash on a vanished temporary folder)."""
    settings = make_settings(tmp_path / "data")
    store = build_store(settings)
    ingest_paths([corpus_copy], build_preparer(settings), store, progress=False)
    first, second = LexicalIndex(store), LexicalIndex(store)
    stale = first.directory / "index"  # the one-folder layout of earlier versions
    stale.mkdir(parents=True)
    (first.directory / "ids.json").write_text("{}")
    real_save = bm25s.BM25.save
    interleaved: list[bool] = []

    def save_with_a_rival(self: bm25s.BM25, *args: object, **kwargs: object) -> None:
        real_save(self, *args, **kwargs)
        if not interleaved:
            interleaved.append(True)
            second.refresh()

    monkeypatch.setattr(bm25s.BM25, "save", save_with_a_rival)
    first.refresh()
    assert interleaved and first.size == second.size > 0
    query = "ABD TOPConsult"
    assert first.search(query, 5) == second.search(query, 5) != []
    saved = first._saved(store.revision()).name  # the revision and the analyser's hash
    assert saved.startswith(store.revision())
    assert sorted(p.name for p in first.directory.iterdir()) == [saved]

    def no_build(revision: str) -> None:
        raise AssertionError("the saved index should have been loaded")

    third = LexicalIndex(store)
    monkeypatch.setattr(third, "_build", no_build)
    third.refresh()
    assert third.search(query, 5) == first.search(query, 5)


@pytest.mark.server
@pytest.mark.skipif(not SHARED_FORMATS.exists(), reason="shared/formats not beside the repo")
def test_answers_stay_right_while_another_process_ingests(tmp_path: Path) -> None:
    settings = make_settings(tmp_path / "data")
    service = build_service(settings)
    ingest_paths(SEEDS, build_preparer(settings), service.store, progress=False)
    expected = _answers(service)
    incoming = tmp_path / "nieuw"
    incoming.mkdir()
    for name in NEW_FILES:
        shutil.copy(SHARED_FORMATS / name, incoming / name)

    # The writer embeds for real (empty cache), so its ingest takes a while.
    writer = _cli(
        ["ingest", "--quiet", str(incoming)],
        {
            "UITVOERING_DATA_DIR": str(settings.data_dir),
            "UITVOERING_EMBEDDING_CACHE_DIR": str(tmp_path / "cache"),
        },
    )
    rounds = 0
    while writer.poll() is None:
        assert _answers(service) == expected
        rounds += 1
    assert writer.returncode == 0, writer.stderr.read() if writer.stderr else ""
    assert rounds >= 2, "the ingest finished before questions could be asked during it"

    # The reader sees the new documents without a restart, and its answers did not change.
    assert {"21501-02-3121", "36278-32"} <= {d["kamerstuk"] for d in service.store.documents()}
    assert _answers(service) == expected
    # A question about one of the new moties finds it (the bare word "motie" ranks the seed
    # letters that discuss moties first: the query adapter knows those; see the README).
    hits = service.searcher.search("motie over kwaliteitsregistraties in de zorg", k=3)
    assert any(h.metadata["source"] in NEW_FILES for h in hits)


@pytest.mark.server
@pytest.mark.skipif(not SHARED_FORMATS.exists(), reason="shared/formats not beside the repo")
def test_answering_processes_share_one_chroma_server_during_an_ingest(
    tmp_path: Path, corpus_env: Settings
) -> None:
    with local_chroma_server(tmp_path / "server") as server:
        env = {
            "UITVOERING_DATA_DIR": str(tmp_path / "data"),
            "UITVOERING_CHROMA_HOST": "127.0.0.1",
            "UITVOERING_CHROMA_PORT": str(server.port),
        }
        first = _cli(["ingest", "--quiet", *map(str, SEEDS)], env)
        assert first.wait(timeout=600) == 0
        batch = tmp_path / "vragen.jsonl"
        batch.write_text("".join(json.dumps(q) + "\n" for q in QUESTIONS * 3))
        writer = _cli(
            ["ingest", "--quiet", *(str(SHARED_FORMATS / name) for name in NEW_FILES)],
            {**env, "UITVOERING_EMBEDDING_CACHE_DIR": str(tmp_path / "cache")},
        )
        askers = [_cli(["ask", "--json", "--batch", str(batch)], env) for _ in range(3)]
        outputs = [asker.communicate(timeout=600) for asker in askers]
        assert writer.wait(timeout=600) == 0

    local = build_service(corpus_env)
    for (stdout, stderr), asker in zip(outputs, askers, strict=True):
        assert asker.returncode == 0, stderr
        lines = [json.loads(line) for line in stdout.splitlines()]
        assert len(lines) == len(QUESTIONS) * 3
        for line in lines:
            # The server holds the seeds, and the moties arrive meanwhile: these questions are
            # answered from the seeds, exactly as from the local corpus.
            question = next(q for q in QUESTIONS if q["id"] == line["id"])
            expected = local.ask(question["question"]).to_dict()
            assert line["answer"] == expected["answer"], line["id"]


def _strip_to_schema_1(settings: Settings) -> None:
    """What a store written before schema versions looked like: chunks only."""
    client = chromadb.PersistentClient(path=str(settings.chroma_path))
    client.delete_collection(registry_name(settings.collection))
    collection = client.get_collection(settings.collection)
    metadata = {k: v for k, v in (collection.metadata or {}).items() if k != "schema_version"}
    collection.modify(metadata=metadata)


def test_a_schema_1_store_is_upgraded_and_a_newer_one_refused(
    tmp_path: Path, corpus_copy: Path
) -> None:
    settings = make_settings(tmp_path / "data")
    store = build_store(settings)
    ingest_paths([corpus_copy], build_preparer(settings), store, progress=False)
    before = (store.documents(), sorted(store.live_ids()))
    _strip_to_schema_1(settings)

    from chromadb.api.shared_system_client import SharedSystemClient

    SharedSystemClient.clear_system_cache()
    upgraded = build_store(settings)
    assert (upgraded.documents(), sorted(upgraded.live_ids())) == before
    report = ingest_paths([corpus_copy], build_preparer(settings), upgraded, progress=False)
    assert len(report.unchanged) == 2

    upgraded.collection.modify(
        metadata={**(upgraded.collection.metadata or {}), "schema_version": SCHEMA_VERSION + 1}
    )
    with pytest.raises(
        StoreError,
        match=f"opslagschema {SCHEMA_VERSION + 1}; deze versie leest schema {SCHEMA_VERSION}",
    ):
        build_store(settings)
