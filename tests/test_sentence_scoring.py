"""How the answer units of retrieved passages are scored against a question."""

from __future__ import annotations

import pytest

from assistant.sentence_scoring import candidates
from vectorstore.stored_chunk import StoredChunk

pytestmark = pytest.mark.unit

META = {"doc_id": "d1", "source": "kst-31490-284.txt", "kamerstuk": "31490-284"}


def _best(question: str, *texts: str) -> str:
    chunks = [StoredChunk(f"c{i}", text, META, 1.0) for i, text in enumerate(texts)]
    found = candidates(question, chunks, lambda term: 1.0, None)
    best = max(found, key=lambda candidate: candidate.score)
    return best.passage.text


def test_a_sentence_about_another_numbered_thing_loses_to_one_about_the_asked_thing() -> None:
    fase_1 = "Het resultaat van fase 1 is aan uw Kamer aangeboden met voorstellen."
    fase_2 = "Fase 2 leverde voorstellen op."
    assert _best("Wat leverde fase 2 op aan voorstellen voor de Kamer?", fase_1, fase_2) == fase_2
    # the same sentences, asked about the first phase in words
    assert _best("Wat is in de eerste fase aan uw Kamer aangeboden?", fase_1, fase_2) == fase_1
