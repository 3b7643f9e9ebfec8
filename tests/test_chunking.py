from pathlib import Path

import pytest

from assistant.app import build_preparer
from assistant.config import BUNDLED_CORPUS
from tests.conftest import make_settings

pytestmark = pytest.mark.unit


def test_chunks_respect_token_budget_and_offsets(tmp_path: Path) -> None:
    settings = make_settings(tmp_path, chunk_tokens=200, chunk_overlap_tokens=30)
    preparer = build_preparer(settings)
    for path in sorted(BUNDLED_CORPUS.glob("*.txt")):
        document = preparer.prepare(path)
        assert document.chunks, path.name
        for chunk in document.chunks:
            assert chunk.tokens <= 200
            assert document.text[chunk.start : chunk.end] == chunk.text
        assert len({c.chunk_id for c in document.chunks}) == len(document.chunks)


def test_chunk_ids_are_stable_and_content_derived(tmp_path: Path) -> None:
    preparer = build_preparer(make_settings(tmp_path))
    seed = BUNDLED_CORPUS / "001_2c27a83672055424.txt"
    first = [c.chunk_id for c in preparer.prepare(seed).chunks]
    assert first == [c.chunk_id for c in preparer.prepare(seed).chunks]
    edited = tmp_path / seed.name
    edited.write_text(seed.read_text(encoding="utf-8").replace("W. Koolmees", "W. Koolmees."))
    changed = [c.chunk_id for c in preparer.prepare(edited).chunks]
    assert changed != first and set(changed) & set(first)  # only the edited chunk differs


def test_chunks_carry_section_and_document_context(tmp_path: Path) -> None:
    document = build_preparer(make_settings(tmp_path)).prepare(
        BUNDLED_CORPUS / "003_e0f1918e4edf2938.txt"
    )
    assert all(
        c.embed_text.startswith("Kamerstuk 29 362, nr. 290, 5 maart 2021") for c in document.chunks
    )
    assert any(c.section and "Inleiding" in c.section for c in document.chunks)
