"""Ingest files and folders into the store, one document at a time, reporting per file."""

from __future__ import annotations

import logging
import os
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from tqdm import tqdm

from ingest.loaders import SUPPORTED_SUFFIXES, LoaderError
from ingest.pipeline import DocumentPreparer, PreparedDocument, doc_id_for
from vectorstore.sentence_index import embed_sentences
from vectorstore.settings import SearchSettings
from vectorstore.store import IngestStatus, VectorStore

log = logging.getLogger(__name__)


@dataclass
class IngestReport:
    added: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)
    # Files not ingested on purpose (same content as another file, unsupported format).
    skipped: list[tuple[str, str]] = field(default_factory=list)

    def record(self, source: str, status: IngestStatus) -> None:
        getattr(self, status.value).append(source)

    def summary(self) -> str:
        line = (
            f"{len(self.added)} toegevoegd, {len(self.unchanged)} ongewijzigd, "
            f"{len(self.replaced)} vervangen, {len(self.failed)} mislukt, "
            f"{len(self.skipped)} overgeslagen"
        )
        reasons = "".join(f"\n  mislukt: {source}: {reason}" for source, reason in self.failed)
        skips = "".join(f"\n  overgeslagen: {source}: {reason}" for source, reason in self.skipped)
        return line + reasons + skips


@dataclass
class FoundFiles:
    files: list[Path] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)


def _walk(folder: Path, found: FoundFiles) -> None:
    """Supported files under a folder, following symlinks but never into a loop."""
    visited: set[tuple[int, int]] = set()
    for root, dirs, names in os.walk(folder, followlinks=True):
        here = Path(root)
        status = here.stat()
        identity = (status.st_dev, status.st_ino)
        if identity in visited:
            found.failed.append(
                (
                    str(here),
                    "map is al doorzocht via een symbolische link "
                    "(lus of dubbele link); overgeslagen",
                )
            )
            dirs.clear()
            continue
        visited.add(identity)
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(names):
            path = here / name
            if name.startswith("."):
                continue
            if path.suffix.lower() not in SUPPORTED_SUFFIXES:
                found.skipped.append(
                    (str(path), f"formaat '{path.suffix or '(geen)'}' wordt niet ondersteund")
                )
            elif not path.exists():
                found.failed.append(
                    (str(path), "symbolische link naar een bestand dat niet bestaat")
                )
            else:
                found.files.append(path)


def collect_files(paths: Iterable[Path]) -> FoundFiles:
    """Files named directly plus supported files found in folders; missing paths are failures."""
    found = FoundFiles()
    for path in paths:
        if path.is_dir():
            _walk(path, found)
        elif path.is_file():
            found.files.append(path)
        else:
            found.failed.append((str(path), "bestand of map bestaat niet"))
    return found


def ingest_paths(
    paths: Iterable[Path], preparer: DocumentPreparer, store: VectorStore, progress: bool = True
) -> IngestReport:
    """Ingest every file; a failing file is reported and leaves the store as it was. Holds
    the corpus's writer lock, and first clears what a crashed run may have left."""
    found = collect_files(paths)
    report = IngestReport(failed=list(found.failed), skipped=list(found.skipped))
    files = _unique_names(found.files, report)
    with store.writing():
        store.sweep()
        by_content = {str(d["content_hash"]): str(d["source"]) for d in store.documents()}
        prepared = _prepared_ahead(files, preparer)
        for path, document in tqdm(
            prepared, total=len(files), desc="Inlezen", unit="doc", disable=not progress
        ):
            _store_document(path, document, store, report, by_content)
    return report


def _unique_names(files: list[Path], report: IngestReport) -> list[Path]:
    """Files whose name no earlier file has: the name is the document's identity."""
    claimed: dict[str, Path] = {}
    unique: list[Path] = []
    for path in files:
        doc_id = doc_id_for(path)
        if doc_id not in claimed:
            claimed[doc_id] = path
            unique.append(path)
        elif claimed[doc_id].resolve() != path.resolve():
            report.failed.append(
                (str(path), f"zelfde bestandsnaam als {claimed[doc_id]}; hernoem een van beide")
            )
    return unique


def _prepare(preparer: DocumentPreparer, path: Path) -> PreparedDocument | Exception:
    try:
        return preparer.prepare(path)
    except Exception as exc:  # handed to the writer, which reports it for this file
        return exc


def _prepared_ahead(
    files: list[Path], preparer: DocumentPreparer
) -> Iterator[tuple[Path, PreparedDocument | Exception]]:
    """Each file prepared (loaded, cleaned, chunked) in a helper thread while the previous one
    is embedded and written: both spend much of their time outside the GIL. One file ahead
    keeps memory bounded."""
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="prepare") as helper:
        pending: Future[PreparedDocument | Exception] | None = None
        for index, path in enumerate(files):
            current = pending or helper.submit(_prepare, preparer, path)
            pending = (
                helper.submit(_prepare, preparer, files[index + 1])
                if index + 1 < len(files)
                else None
            )
            yield path, current.result()


def _prebuild_derived(store: VectorStore, document: PreparedDocument) -> None:
    """Embed what the derived indexes of search will need (cached by content), so the first
    search after an ingest does not wait for the model."""
    settings = store.settings
    if isinstance(settings, SearchSettings) and settings.sentence_fusion_weight > 0:
        embed_sentences(store, [chunk.text for chunk in document.chunks])


def _store_document(
    path: Path,
    document: PreparedDocument | Exception,
    store: VectorStore,
    report: IngestReport,
    by_content: dict[str, str],
) -> None:
    try:
        if isinstance(document, Exception):
            raise document
        twin = by_content.get(document.content_hash)
        if twin is not None and twin != document.source:
            report.skipped.append((str(path), f"zelfde inhoud als {twin}, dat al is ingelezen"))
            return
        status = store.upsert_document(document)
        report.record(document.source, status)
        by_content[document.content_hash] = document.source
        if status is not IngestStatus.UNCHANGED:
            _prebuild_derived(store, document)
    except LoaderError as exc:
        report.failed.append((str(path), exc.reason))
    except Exception as exc:  # keep ingesting the other files, but say what went wrong
        log.exception("Ingest of %s failed", path)
        report.failed.append((str(path), f"{type(exc).__name__}: {exc}"))
