"""Citation numbering: first use decides the number; the quote covers every passage used."""

from __future__ import annotations

import pytest

from assistant.answering.citations import Citations
from assistant.sentences import Passage
from vectorstore.stored_chunk import StoredChunk

pytestmark = pytest.mark.unit

TEXT = "Eerste zin over de trialoog. Tweede zin over de uitvoering. Derde zin."
META = {"doc_id": "d1", "source": "kst-29362-290.txt", "kamerstuk": "29362-290"}
FIRST = StoredChunk("a", TEXT, META, 1.0)
SECOND = StoredChunk("b", "Een andere passage.", {**META, "doc_id": "d2"}, 0.5)


def _passage(chunk: StoredChunk, sentence: str) -> Passage:
    start = chunk.text.index(sentence)
    return Passage(chunk, start, start + len(sentence))


def test_numbers_follow_first_use_and_repeat_for_the_same_chunk() -> None:
    citations = Citations()
    assert citations.number(_passage(SECOND, "Een andere passage.")) == 1
    assert citations.number(_passage(FIRST, "Derde zin.")) == 2
    assert citations.number(_passage(FIRST, "Eerste zin over de trialoog.")) == 2
    assert [c.chunk_id for c in citations.listed()] == ["b", "a"]
    assert citations.chunks == {1: SECOND, 2: FIRST}


def test_quote_spans_every_passage_used_from_a_chunk() -> None:
    citations = Citations()
    citations.number(_passage(FIRST, "Derde zin."))
    citations.number(_passage(FIRST, "Tweede zin over de uitvoering."))
    (citation,) = citations.listed()
    assert citation.quote == "Tweede zin over de uitvoering. Derde zin."
    assert citation.kamerstuk == "29362-290" and citation.source == "kst-29362-290.txt"


def test_a_whole_chunk_cited_without_a_passage_has_no_quote_until_one_is_used() -> None:
    citations = Citations()
    assert citations.number_chunk(FIRST) == 1
    assert citations.listed()[0].quote == ""
    assert citations.number(_passage(FIRST, "Derde zin.")) == 1
    assert citations.listed()[0].quote == "Derde zin."
