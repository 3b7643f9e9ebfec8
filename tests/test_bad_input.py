"""A folder of real-world bad files: each is reported by path with a one-line reason, every
good file is ingested, and the store never holds part of a document."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter

from assistant.app import build_preparer, build_store
from ingest.loaders import load_text
from tests.conftest import SEEDS, SHARED_FORMATS, make_settings
from vectorstore.ingestion import ingest_paths

pytestmark = pytest.mark.slow

REAL_PDF = SHARED_FORMATS / "pm_kst-21501-02-3121.pdf"
needs_shared = pytest.mark.skipif(
    not REAL_PDF.exists(), reason="shared/formats not beside the repo"
)


def _encrypted_copy(
    source: Path, target: Path, user_password: str, algorithm: str = "RC4-128"
) -> None:
    writer = PdfWriter(clone_from=PdfReader(source))
    writer.encrypt(user_password=user_password, owner_password="eigenaar", algorithm=algorithm)
    with target.open("wb") as handle:
        writer.write(handle)


def _bad_folder(root: Path) -> dict[str, str]:
    """Writes good and bad files; returns bad file name -> a phrase its reason must contain."""
    folder = root / "aangeleverd"
    (folder / "sub").mkdir(parents=True)
    shutil.copy(SEEDS[0], folder / SEEDS[0].name)
    shutil.copy(SEEDS[1], folder / "sub" / SEEDS[1].name)
    shutil.copy(SEEDS[0], folder / "sub" / "kopie-van-brief.txt")  # same content, other name
    os.symlink(folder, folder / "sub" / "lus")  # a folder that contains itself
    os.symlink(folder / "weg.txt", folder / "kapotte-link.txt")
    (folder / "leeg.txt").write_bytes(b"")
    (folder / "binair.txt").write_bytes(os.urandom(8192))
    (folder / "binair.docx").write_bytes(os.urandom(8192))
    (folder / "binair.pdf").write_bytes(b"\x7fELF" + os.urandom(4096))
    (folder / "alleen-opmaak.html").write_text(
        "<html><head><style>p{}</style><script>laad()</script></head>"
        "<body><nav>Home | Zoeken</nav></body></html>"
    )
    with (folder / "enorm.txt").open("wb") as handle:  # 50 MB of text
        line = b"De uitvoering van de regeling vraagt om meer capaciteit bij de organisaties.\n"
        handle.write(line * (50_000_000 // len(line) + 1))
    raw = REAL_PDF.read_bytes()
    (folder / "afgekapt.pdf").write_bytes(raw[: len(raw) // 2])
    _encrypted_copy(REAL_PDF, folder / "wachtwoord.pdf", user_password="geheim")
    _encrypted_copy(REAL_PDF, folder / "alleen-bewerken-op-slot.pdf", user_password="")
    _encrypted_copy(
        REAL_PDF, folder / "sub" / "aes-bewerken-op-slot.pdf", user_password="", algorithm="AES-256"
    )
    (folder / "notitie.odt").write_bytes(b"PK\x03\x04")
    return {
        "leeg.txt": "leeg",
        "binair.txt": "binaire of onleesbare tekens",
        "binair.docx": "onleesbaar Word-document",
        "binair.pdf": "geen PDF",
        "alleen-opmaak.html": "alleen opmaak",
        "enorm.txt": "te groot",
        "afgekapt.pdf": "afgekapt",
        "wachtwoord.pdf": "wachtwoord",
        "kapotte-link.txt": "niet bestaat",
    }


@needs_shared
def test_bad_files_are_named_and_good_files_ingested(tmp_path: Path) -> None:
    expected = _bad_folder(tmp_path)
    settings = make_settings(tmp_path / "data")
    store = build_store(settings)
    report = ingest_paths(
        [tmp_path / "aangeleverd"], build_preparer(settings), store, progress=False
    )

    failed = {Path(path).name: reason for path, reason in report.failed}
    for name, phrase in expected.items():
        assert name in failed, f"{name} not reported: {report.summary()}"
        assert phrase in failed[name], (name, failed[name])
    assert all("\n" not in reason for reason in failed.values())
    skipped = dict((Path(path).name, reason) for path, reason in report.skipped)
    assert f"zelfde inhoud als {SEEDS[0].name}" in skipped["kopie-van-brief.txt"]
    assert "niet ondersteund" in skipped["notitie.odt"]
    assert any("symbolische link" in reason for _, reason in report.failed)  # the loop, once

    # Encrypted with an empty user password (RC4 or AES): only editing is locked, so they are read.
    assert sorted(report.added) == sorted(
        [SEEDS[0].name, SEEDS[1].name, "alleen-bewerken-op-slot.pdf", "aes-bewerken-op-slot.pdf"]
    )
    # Nothing partial: every stored chunk belongs to a committed document, in full.
    documents = {d["source"]: d["chunks"] for d in store.documents()}
    assert sorted(documents) == sorted(report.added)
    assert store.count() == len(store.live_ids()) == sum(documents.values())


def test_utf8_with_a_few_damaged_bytes_keeps_its_accents(tmp_path: Path) -> None:
    text = "De Belastingdienst heeft één maatregel genomen voor de ouders. " * 40
    raw = text.encode("utf-8")
    damaged = tmp_path / "brief.txt"
    damaged.write_bytes(raw[:500] + b"\x81" + raw[500:])
    loaded = load_text(damaged)[0]
    assert "één maatregel" in loaded and "\ufffd" not in loaded and "Ã" not in loaded


def test_a_failing_write_leaves_the_store_as_it_was(
    tmp_path: Path, corpus_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = make_settings(tmp_path / "data")
    store = build_store(settings)
    first, second = sorted(corpus_copy.glob("*.txt"))
    ingest_paths([first], build_preparer(settings), store, progress=False)
    before = (store.documents(), store.count(), store.live_ids())

    def broken_write(**_: object) -> None:
        raise ConnectionError("Chroma weg")

    monkeypatch.setattr(store.collection, "upsert", broken_write)
    report = ingest_paths([second], build_preparer(settings), store, progress=False)
    assert [Path(p).name for p, _ in report.failed] == [second.name]
    assert "Chroma weg" in report.failed[0][1]
    assert (store.documents(), store.count(), store.live_ids()) == before
