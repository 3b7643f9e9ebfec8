"""The refusal policy on hand-made search results, and what a refusal says."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace
from typing import cast

import pytest

from assistant.answering.refusal import NOT_IN_DOCUMENTS, RefusalPolicy, refusal_text
from tests.conftest import make_settings
from vectorstore.query_analysis import QueryHints
from vectorstore.search import HybridSearcher, SearchResult
from vectorstore.stored_chunk import StoredChunk
from vectorstore.text_analysis import terms

pytestmark = pytest.mark.unit

META = {
    "doc_id": "d1",
    "source": "kst-29362-290.txt",
    "kamerstuk": "29362-290",
    "date": "2021-03-05",
}
CLOSE = StoredChunk("a", "De compensatie van ouders.", META, 1.0, dense_score=0.9)
FAR = StoredChunk("b", "Iets anders.", META, 1.0, dense_score=0.5)


@pytest.fixture
def policy(tmp_path: Path) -> RefusalPolicy:
    vocabulary = set(terms("compensatie ouders trialoog"))
    # the policy asks the searcher only whether the corpus knows a word
    searcher = SimpleNamespace(lexical=SimpleNamespace(knows=vocabulary.__contains__))
    return RefusalPolicy(make_settings(tmp_path), cast(HybridSearcher, searcher))


def test_passages_about_known_words_can_answer(policy: RefusalPolicy) -> None:
    result = SearchResult([CLOSE], QueryHints())
    assert policy.relevant("Hoeveel ouders kregen compensatie?", result)


@pytest.mark.parametrize(
    ("question", "result"),
    [
        ("Hoeveel ouders kregen compensatie?", SearchResult([], QueryHints())),
        ("Hoeveel ouders kregen compensatie?", SearchResult([FAR], QueryHints())),
        ("Wat kost de stikstofuitstoot van dienstplicht?", SearchResult([CLOSE], QueryHints())),
        ("En dan?", SearchResult([CLOSE], QueryHints())),
        ("Wat zegt 99999-1 over ouders?", SearchResult([CLOSE], QueryHints(unknown=("99999-1",)))),
    ],
    ids=["nothing found", "weak match", "unknown words", "no subject", "unknown kamerstuk"],
)
def test_refuses(policy: RefusalPolicy, question: str, result: SearchResult) -> None:
    assert not policy.relevant(question, result)


def test_english_questions_are_judged_by_meaning_only(policy: RefusalPolicy) -> None:
    result = SearchResult([CLOSE], QueryHints())
    assert policy.relevant("How many parents received the first compensation?", result)


def test_refusal_names_each_nearest_document_once() -> None:
    text = refusal_text([CLOSE, FAR])
    assert (
        text
        == f"{NOT_IN_DOCUMENTS} Het dichtst in de buurt komen: Kamerstuk 29 362, nr. 290, 5 maart 2021."
    )
    assert refusal_text([]).endswith("geen documenten om te doorzoeken.")
