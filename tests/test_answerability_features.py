"""Answerability features on hand-made passages, read through the question's plan."""

from __future__ import annotations

import pytest

from assistant.answering.answerability_features import (
    FEATURE_NAMES,
    ScoredSentences,
    answer_candidate,
    answerability_features,
    constraint_missing,
    counted_missing,
    coverage,
    missing_idf,
    typed_share,
    unknown_fraction,
)
from assistant.plan import plan_question
from assistant.sentence_scoring import Candidate
from assistant.sentences import Passage
from vectorstore.query_analysis import QueryHints
from vectorstore.search import SearchResult
from vectorstore.stored_chunk import StoredChunk
from vectorstore.text_analysis import terms

pytestmark = pytest.mark.unit

TEXT = (
    "Het kabinet compenseert ouders. "
    "Tot dusver hebben ongeveer 18.000 ouders deze eerste compensatie van 30.000 euro ontvangen."
)
META = {"doc_id": "d1", "title": "Voortgangsbrief hersteloperatie", "sender": "BZK"}
CHUNK = StoredChunk("a", TEXT, META, 1.0, dense_score=0.88)
SECOND = StoredChunk("b", "Iets anders.", {"doc_id": "d2"}, 0.5, dense_score=0.80)
FIRST_END = TEXT.index(".") + 1
SECOND_START = TEXT.index("Tot dusver")


def _candidate(start: int, end: int, covered: float, score: float = 1.0) -> Candidate:
    return Candidate(Passage(CHUNK, start, end), covered, score)


def _sentences(*ranked: Candidate) -> ScoredSentences:
    return ScoredSentences(ranked, {c.passage.text: 0.9 - 0.1 * i for i, c in enumerate(ranked)})


def _features(question: str, sentences: ScoredSentences) -> dict[str, float]:
    result = SearchResult([CHUNK, SECOND], QueryHints())
    values = answerability_features(question, result, sentences, lambda t: True, lambda t: 1.0)
    return dict(zip(FEATURE_NAMES, values, strict=True))


def test_coverage_counts_compounds_with_the_term_as_head() -> None:
    assert coverage(terms("regeling ouders"), "De Catshuisregeling helpt.") == 0.5
    assert coverage([], "Wat dan ook.") == 1.0


def test_a_number_question_is_answered_only_by_a_sentence_stating_a_new_number() -> None:
    plan = plan_question("Hoeveel ouders ontvingen compensatie?")
    topic, fact = _candidate(0, FIRST_END, 0.8, 2.0), _candidate(SECOND_START, len(TEXT), 0.6)
    assert answer_candidate((topic, fact), plan, by_words=True) is fact
    assert answer_candidate((topic,), plan, by_words=True) is None
    off_subject = _candidate(SECOND_START, len(TEXT), 0.1)
    assert answer_candidate((topic, off_subject), plan, by_words=True) is None


def test_the_number_must_count_what_the_question_counts() -> None:
    sentence = TEXT[SECOND_START:]
    assert counted_missing(plan_question("Hoeveel ouders kregen compensatie?"), sentence) == 0.0
    assert counted_missing(plan_question("Hoeveel gemeenten deden mee?"), sentence) == 1.0
    assert counted_missing(plan_question("Wat kregen de ouders?"), sentence) == 0.0


def test_constraints_are_looked_up_in_the_passage_and_its_metadata() -> None:
    assert constraint_missing(plan_question("Wat deed BZK voor ouders?"), CHUNK) == 0.0
    assert constraint_missing(plan_question("Wat deed het CAK in 2021?"), CHUNK) == 1.0
    assert constraint_missing(plan_question("Wat deed het kabinet?"), CHUNK) == 0.0


def test_a_missing_rare_word_weighs_more_than_a_missing_common_one() -> None:
    idf = {"ouder": 1.0, "compensatie": 1.0, "leercirkel": 6.0}.get
    subject = terms("leercirkels ouders")
    assert coverage(subject, TEXT, lambda t: idf(t, 1.0)) == pytest.approx(1 / 7)
    assert missing_idf(subject, TEXT, lambda t: idf(t, 1.0)) == 6.0
    assert missing_idf(terms("ouders compensatie"), TEXT, lambda t: idf(t, 1.0)) == 0.0


def test_typed_share_counts_the_best_units_stating_the_asked_fact() -> None:
    topic, fact = _candidate(0, FIRST_END, 0.8), _candidate(SECOND_START, len(TEXT), 0.6)
    plan = plan_question("Hoeveel ouders ontvingen compensatie?")
    assert typed_share((topic, fact), plan) == pytest.approx(1 / 5)
    assert typed_share((topic,), plan) == 0.0
    assert typed_share((topic,), plan_question("Waarom compenseert het kabinet?")) == 1.0


def test_unknown_fraction_of_subject_words() -> None:
    vocabulary = set(terms("ouders compensatie"))
    assert unknown_fraction("Hoeveel ouders krijgen dienstplicht?", vocabulary.__contains__) == 0.5


def test_feature_vector_of_an_answerable_question() -> None:
    topic, fact = _candidate(0, FIRST_END, 0.8, 2.0), _candidate(SECOND_START, len(TEXT), 0.6)
    features = _features("Hoeveel ouders ontvangen compensatie?", _sentences(topic, fact))
    assert features["asked_fact_missing"] == 0.0
    assert features["counted_missing"] == 0.0
    assert features["constraint_missing"] == 0.0
    assert features["answer_coverage"] == 0.6  # the fact's sentence, not the topic sentence
    assert features["answer_cosine"] == pytest.approx(0.8)
    assert features["best_cosine"] == pytest.approx(0.9)
    assert features["passage_coverage"] == 1.0
    assert features["passage_cosine"] == pytest.approx(0.88)
    assert features["passage_margin"] == pytest.approx(0.08)
    assert features["score_margin"] == pytest.approx(1.0)
    assert features["english"] == 0.0
    assert features["names_kamerstuk"] == 0.0
    assert features["best_passage_coverage"] == 1.0
    assert features["answer_idf_coverage"] == 1.0
    assert features["missing_idf"] == 0.0
    assert features["typed_share"] == pytest.approx(1 / 5)


def test_a_near_miss_question_lacks_its_fact() -> None:
    topic = _candidate(0, FIRST_END, 0.8)
    features = _features("Hoeveel gemeenten compenseren ouders in 2023?", _sentences(topic))
    assert features["asked_fact_missing"] == 1.0
    assert features["counted_missing"] == 1.0
    assert features["constraint_missing"] == 1.0
    assert features["score_margin"] == 0.0
