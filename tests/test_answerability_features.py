"""Answerability features on hand-made passages."""

from __future__ import annotations

import pytest

from assistant.answering.answerability_features import (
    FEATURE_NAMES,
    BestSentence,
    answerability_features,
    constraint_missing,
    coverage,
    has_asked_type,
    unknown_fraction,
)
from assistant.sentence_scoring import Candidate
from assistant.sentences import Passage
from vectorstore.query_analysis import QueryHints
from vectorstore.search import SearchResult
from vectorstore.stored_chunk import StoredChunk
from vectorstore.text_analysis import terms

pytestmark = pytest.mark.unit

TEXT = "Het kabinet compenseert ouders. In 2021 kregen 9.000 ouders van UWV een betaling."
CHUNK = StoredChunk("a", TEXT, {"doc_id": "d1"}, 1.0, dense_score=0.88)
SECOND = StoredChunk("b", "Iets anders.", {"doc_id": "d2"}, 0.5, dense_score=0.80)


def _best(start: int, end: int, covered: float = 0.5) -> BestSentence:
    return BestSentence((Candidate(Passage(CHUNK, start, end), covered, 1.0),), 0.9)


@pytest.mark.parametrize(
    ("question", "sentence", "expected"),
    [
        ("Hoeveel ouders kregen een betaling?", "In 2021 kregen 9.000 ouders een betaling.", True),
        ("Hoeveel ouders kregen een betaling?", "In 2021 kregen ouders een betaling.", False),
        ("Hoeveel van de 70 reacties kwamen van het CAK?", "Er kwamen 70 reacties.", False),
        ("Wanneer volgt de toets?", "De toets volgt een jaar na inwerkingtreding.", True),
        ("Wanneer volgt de toets?", "De toets volgt op 3 maart 2022.", True),
        ("Wanneer volgt de toets?", "De toets is belangrijk.", False),
        ("Wat vindt het kabinet?", "Het kabinet vindt herstel belangrijk.", True),
    ],
)
def test_asked_type(question: str, sentence: str, expected: bool) -> None:
    assert has_asked_type(question, sentence) is expected


def test_coverage_counts_compounds_with_the_term_as_head() -> None:
    assert coverage(terms("regeling ouders"), "De Catshuisregeling helpt.") == 0.5
    assert coverage([], "Wat dan ook.") == 1.0


def test_constraints_named_in_the_question_must_be_in_the_passage() -> None:
    assert constraint_missing("Wat deed UWV in 2021?", TEXT) == 0.0
    assert constraint_missing("Wat deed het CAK in 2021?", TEXT) == 0.5
    assert constraint_missing("Wat deed het kabinet?", TEXT) == 0.0


def test_unknown_fraction_of_subject_words() -> None:
    vocabulary = set(terms("ouders compensatie"))
    assert unknown_fraction("Hoeveel ouders krijgen dienstplicht?", vocabulary.__contains__) == 0.5


def test_feature_vector() -> None:
    question = "Hoeveel ouders kregen in 2021 een betaling?"
    start = TEXT.index("In 2021")
    result = SearchResult([CHUNK, SECOND], QueryHints())
    features = dict(
        zip(
            FEATURE_NAMES,
            answerability_features(question, result, _best(start, len(TEXT)), lambda t: True),
            strict=True,
        )
    )
    assert features["asked_type_missing"] == 0.0
    assert features["passage_coverage"] == 1.0
    assert features["sentence_coverage"] == 0.5
    assert features["passage_cosine"] == pytest.approx(0.88)
    assert features["sentence_cosine"] == pytest.approx(0.9)
    assert features["passage_margin"] == pytest.approx(0.08)
    assert features["unknown_fraction"] == 0.0
    assert features["constraint_missing"] == 0.0
    assert features["english"] == 0.0
    assert features["names_kamerstuk"] == 0.0


def test_a_number_only_in_a_sentence_that_is_not_among_the_best_is_missing() -> None:
    result = SearchResult([CHUNK], QueryHints())
    first = TEXT.index(".") + 1
    features = answerability_features(
        "Hoeveel ouders compenseert het kabinet?", result, _best(0, first), lambda t: True
    )
    assert features[FEATURE_NAMES.index("asked_type_missing")] == 1.0
    assert features[FEATURE_NAMES.index("passage_margin")] == 0.0
