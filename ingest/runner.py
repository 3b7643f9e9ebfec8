"""Ingest files and folders into the store, one document at a time, reporting per file."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from tqdm import tqdm

from ingest.loaders import SUPPORTED_SUFFIXES, LoaderError
from ingest.pipeline import DocumentPreparer, doc_id_for
from vectorstore.store import IngestStatus, VectorStore

log = logging.getLogger(__name__)


@dataclass
class IngestReport:
    added: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)

    def record(self, source: str, status: IngestStatus) -> None:
        getattr(self, status.value).append(source)

    def summary(self) -> str:
        line = (
            f"{len(self.added)} toegevoegd, {len(self.unchanged)} ongewijzigd, "
            f"{len(self.replaced)} vervangen, {len(self.failed)} mislukt"
        )
        reasons = "".join(f"\n  mislukt: {source}: {reason}" for source, reason in self.failed)
        return line + reasons


def collect_files(paths: Iterable[Path]) -> tuple[list[Path], list[tuple[str, str]]]:
    """Files named directly plus supported files found in folders; missing paths are failures."""
    files: list[Path] = []
    missing: list[tuple[str, str]] = []
    for path in paths:
        if path.is_dir():
            files.extend(
                sorted(
                    p for p in path.rglob("*")
                    if p.is_file() and p.suffix.lower() in SUPPORTED_SUFFIXES
                    and not p.name.startswith(".")
                )
            )  # fmt: skip
        elif path.is_file():
            files.append(path)
        else:
            missing.append((str(path), "bestand of map bestaat niet"))
    return files, missing


def ingest_paths(
    paths: Iterable[Path], preparer: DocumentPreparer, store: VectorStore, progress: bool = True
) -> IngestReport:
    """Ingest every file; a failing file is reported and leaves the store as it was."""
    files, missing = collect_files(paths)
    report = IngestReport(failed=list(missing))
    claimed: dict[str, Path] = {}
    for path in tqdm(files, desc="Inlezen", unit="doc", disable=not progress):
        doc_id = doc_id_for(path)
        if doc_id in claimed and claimed[doc_id].resolve() != path.resolve():
            report.failed.append(
                (str(path), f"zelfde bestandsnaam als {claimed[doc_id]}; hernoem een van beide")
            )
            continue
        claimed[doc_id] = path
        try:
            document = preparer.prepare(path)
            report.record(document.source, store.upsert_document(document))
        except LoaderError as exc:
            report.failed.append((str(path), exc.reason))
        except Exception as exc:  # keep ingesting the other files, but say what went wrong
            log.exception("Ingest of %s failed", path)
            report.failed.append((str(path), f"{type(exc).__name__}: {exc}"))
    return report
