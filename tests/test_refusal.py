"""The refusal policy on hand-made search results, and what a refusal says."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace
from typing import cast

import numpy as np
import pytest

from assistant.answering.answerability_features import FEATURE_NAMES
from assistant.answering.answerability_model import AnswerabilityModel
from assistant.answering.refusal import (
    NOT_IN_DOCUMENTS,
    RefusalPolicy,
    Similarities,
    refusal_text,
)
from assistant.plan import plan_question
from assistant.sentences import Passage
from tests.conftest import make_settings
from vectorstore.query_analysis import QueryHints
from vectorstore.search import HybridSearcher, SearchResult
from vectorstore.stored_chunk import StoredChunk
from vectorstore.text_analysis import lemma, terms, words

pytestmark = pytest.mark.unit

META = {
    "doc_id": "d1",
    "source": "kst-29362-290.txt",
    "kamerstuk": "29362-290",
    "date": "2021-03-05",
}
CLOSE = StoredChunk("a", "De compensatie van ouders.", META, 1.0, dense_score=0.9)
FAR = StoredChunk("b", "Iets anders.", META, 1.0, dense_score=0.5)


# the dictionary forms of the stub corpus's words: it writes "verschijnt"
LEMMAS = frozenset(lemma(word) for word in words("compensatie ouders trialoog verschijnt"))


@pytest.fixture
def policy(tmp_path: Path) -> RefusalPolicy:
    vocabulary = set(terms("compensatie ouders trialoog UWV Mulder 2021 Logius VWS"))
    # the policy asks the searcher only whether the corpus knows a word
    lexical = SimpleNamespace(
        knows=vocabulary.__contains__,
        knows_part=vocabulary.__contains__,
        knows_lemma=lambda word: lemma(word) in LEMMAS,
        aliases=True,
    )
    searcher = SimpleNamespace(lexical=lexical)
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
    assert refusal_text([CLOSE, FAR], off_topic=True) == NOT_IN_DOCUMENTS


def test_a_question_about_what_the_corpus_never_mentions_is_off_topic(
    policy: RefusalPolicy,
) -> None:
    assert policy.off_topic("Wat heeft de minister van Defensie besloten over de dienstplicht?")
    assert not policy.off_topic("Wat is de trialoog?")
    assert not policy.off_topic("When was the military service decided?")  # English: no names
    # the words naming an asked field of a document are known to its metadata
    assert not policy.off_topic("Wat voor soort document is Kamerstuk 29 362, nr. 290?")
    assert policy.off_topic("Wat voor soort dienstplicht geldt er?")  # not a document field
    # a field of a document described by words the corpus lacks is still off topic
    assert policy.off_topic("Welk Kamerstuknummer draagt de brief over de dienstplicht?")


@pytest.mark.parametrize(
    "question",
    [
        "How much will the new nuclear power plant in Borssele cost?",
        "What is the state pension age in 2030?",
        "How high is the state pension (AOW) benefit as of 1 January 2021?",
    ],
)
def test_an_english_question_about_names_the_corpus_lacks_is_off_topic(
    policy: RefusalPolicy, question: str
) -> None:
    assert policy.off_topic(question)
    assert not policy.relevant(question, SearchResult([CLOSE], QueryHints()))


@pytest.mark.parametrize(
    "question",
    [
        "How many people work at the UWV?",  # a known acronym
        "Which commitment was made to MP Mulder?",  # "MP" is English, "Mulder" known
        "Which priority does the Interior state secretary mention for Logius in 2021?",
        "When will the House receive the State of Implementation of the Benefits agency?",
    ],
)
def test_an_english_question_with_known_or_translated_names_is_not_off_topic(
    policy: RefusalPolicy, question: str
) -> None:
    assert not policy.off_topic(question)


def _model_on(feature: str, threshold: float = 0.5) -> AnswerabilityModel:
    """A model that answers when `feature` is above 0.5 (all else weighs nothing)."""
    weights = np.array([10.0 if name == feature else 0.0 for name in FEATURE_NAMES])
    zeros, ones = np.zeros(len(FEATURE_NAMES)), np.ones(len(FEATURE_NAMES))
    return AnswerabilityModel(FEATURE_NAMES, zeros, ones, weights, -5.0, threshold)


@pytest.fixture
def model_policy(tmp_path: Path) -> RefusalPolicy:
    vocabulary = set(terms("compensatie ouders trialoog"))
    lexical = SimpleNamespace(
        knows=vocabulary.__contains__,
        knows_part=vocabulary.__contains__,
        knows_lemma=lambda word: lemma(word) in LEMMAS,
        idf=lambda term: 1.0,
        aliases=True,
    )
    searcher = cast(HybridSearcher, SimpleNamespace(lexical=lexical))
    return RefusalPolicy(make_settings(tmp_path), searcher, _model_on("passage_coverage"))


def test_the_model_refuses_more_than_the_rules(model_policy: RefusalPolicy) -> None:
    # CLOSE passes the rules ("trialoog" is a known word) but does not cover the question
    assert model_policy.by_rules("Hoeveel trialoog?", SearchResult([CLOSE], QueryHints()))
    assert not model_policy.relevant("Hoeveel trialoog?", SearchResult([CLOSE], QueryHints()))
    assert model_policy.relevant("Hoeveel compensatie?", SearchResult([CLOSE], QueryHints()))


def test_the_rules_refusals_stand_with_the_model(model_policy: RefusalPolicy) -> None:
    # FAR is below min_relevance: refused although its words cover the question
    far_but_covering = StoredChunk("c", "Compensatie van ouders.", META, 1.0, dense_score=0.5)
    result = SearchResult([far_but_covering], QueryHints())
    assert model_policy.judged_by_model("Hoeveel compensatie?", result)
    assert not model_policy.relevant("Hoeveel compensatie?", result)


@pytest.mark.parametrize(
    ("question", "result"),
    [
        ("Hoeveel compensatie?", SearchResult([], QueryHints())),
        ("En dan?", SearchResult([CLOSE], QueryHints())),
        ("Wat zegt 99999-1 over ouders?", SearchResult([CLOSE], QueryHints(unknown=("99999-1",)))),
    ],
    ids=["nothing found", "no subject", "unknown kamerstuk"],
)
def test_hard_rules_stand_with_the_model(
    model_policy: RefusalPolicy, question: str, result: SearchResult
) -> None:
    assert not model_policy.judged_by_model(question, result)
    assert not model_policy.relevant(question, result)


def test_the_model_is_off_by_default(policy: RefusalPolicy) -> None:
    assert policy.model is None


PAYMENT = StoredChunk(
    "p",
    "Het kabinet compenseert ouders. "
    "Tot dusver hebben ongeveer 18.000 ouders deze eerste compensatie van 30.000 euro ontvangen.",
    META,
    1.0,
    dense_score=0.9,
)


def test_a_refusal_quotes_what_the_stukken_say_nearby(model_policy: RefusalPolicy) -> None:
    question = "Hoeveel gemeenten betalen compensatie aan ouders?"
    result = SearchResult([FAR, PAYMENT], QueryHints())
    nearby = model_policy.nearby(question, result, plan_question(question))
    assert nearby is not None
    text, citations = nearby
    assert text.startswith(NOT_IN_DOCUMENTS)  # still recognised as a refusal
    assert "De stukken noemen hier geen aantal voor." in text
    assert text.endswith("[1]") and "“" in text
    quoted = text.split("“")[1].split("”")[0]
    assert quoted in PAYMENT.text and "compensatie" in quoted
    assert [c.n for c in citations] == [1] and citations[0].chunk_id == "p"
    assert citations[0].quote == quoted


def test_an_untyped_question_is_refused_without_naming_a_type(
    model_policy: RefusalPolicy,
) -> None:
    question = "Wat vinden ouders van de compensatie?"
    nearby = model_policy.nearby(
        question, SearchResult([PAYMENT], QueryHints()), plan_question(question)
    )
    assert nearby is not None and "noemen hier geen" not in nearby[0]


@pytest.mark.parametrize(
    ("question", "result"),
    [
        ("Hoeveel compensatie?", SearchResult([], QueryHints())),
        ("En dan?", SearchResult([PAYMENT], QueryHints())),
        (
            "Wat zegt 99999-1 over ouders?",
            SearchResult([PAYMENT], QueryHints(unknown=("99999-1",))),
        ),
        ("Hoeveel dienstplichtigen?", SearchResult([PAYMENT], QueryHints())),
    ],
    ids=["nothing found", "no subject", "unknown kamerstuk", "no shared word"],
)
def test_no_nearby_quote_after_a_hard_rule_or_without_a_shared_word(
    model_policy: RefusalPolicy, question: str, result: SearchResult
) -> None:
    assert model_policy.nearby(question, result, plan_question(question)) is None


def test_a_hyphenated_word_is_known_when_its_parts_are(policy: RefusalPolicy) -> None:
    assert policy.knows("ouders-compensatie") and not policy.knows("ouders-dienstplicht")
    assert not policy.off_topic("Hoeveel ouders-compensatie noemt de trialoog?")


def test_another_name_for_an_organisation_the_corpus_has_is_known(
    policy: RefusalPolicy,
) -> None:
    assert policy.knows(terms("zorgministerie")[0])  # the corpus has 'VWS'
    assert not policy.knows(terms("senaat")[0])  # the corpus has no 'Eerste Kamer'
    assert not policy.off_topic("Wat vond het zorgministerie van de trialoog?")


def _offset_policy(
    tmp_path: Path, offset: float, corpus_words: str = "compensatie ouders"
) -> RefusalPolicy:
    vocabulary = set(terms(corpus_words))
    searcher = SimpleNamespace(
        lexical=SimpleNamespace(
            knows=vocabulary.__contains__,
            knows_part=vocabulary.__contains__,
            knows_lemma=lambda word: lemma(word) in LEMMAS,
            aliases=True,
        )
    )
    settings = make_settings(tmp_path, english_relevance_offset=offset)
    return RefusalPolicy(settings, cast(HybridSearcher, searcher))


# Below min_relevance (0.81), within 0.06 of it: the cosine of an English question that the
# stukken do answer.
CROSS_LINGUAL = StoredChunk("c", "De compensatie van ouders.", META, 1.0, dense_score=0.78)
ENGLISH = "How many parents received the first compensation?"
DUTCH = "Hoeveel ouders kregen compensatie?"


def sentence_cosine(sentences: list[str]) -> list[float]:
    return [0.8] * len(sentences)


def test_the_english_offset_lifts_an_english_question_to_the_dutch_scale(tmp_path: Path) -> None:
    result = SearchResult([CROSS_LINGUAL], QueryHints())
    assert not _offset_policy(tmp_path, 0.0).relevant(ENGLISH, result)
    assert _offset_policy(tmp_path, 0.06).relevant(ENGLISH, result)


@pytest.mark.parametrize("offset", [0.0, 0.06, 0.5])
def test_the_english_offset_leaves_a_dutch_question_alone(tmp_path: Path, offset: float) -> None:
    policy = _offset_policy(tmp_path, offset)
    assert not policy.relevant(DUTCH, SearchResult([CROSS_LINGUAL], QueryHints()))
    assert policy.relevant(DUTCH, SearchResult([CLOSE], QueryHints()))
    passage = [Passage(CROSS_LINGUAL, 0, len(CROSS_LINGUAL.text))]
    result = SearchResult([CROSS_LINGUAL], QueryHints())
    assert policy.similarities(DUTCH, result) == Similarities(0.78)
    assert policy.similarities(DUTCH, result, passage, sentence_cosine) == Similarities(0.78, 0.8)


def test_the_english_offset_applies_to_passage_and_sentence_cosines(tmp_path: Path) -> None:
    passage = [Passage(CROSS_LINGUAL, 0, len(CROSS_LINGUAL.text))]
    result = SearchResult([CROSS_LINGUAL], QueryHints())
    lifted = _offset_policy(tmp_path, 0.06)
    found = lifted.similarities(ENGLISH, result, passage, sentence_cosine)
    assert found.passage == pytest.approx(0.84) and found.sentence == pytest.approx(0.86)


def test_another_form_of_a_word_the_corpus_has_is_known(policy: RefusalPolicy) -> None:
    # 'verscheen' and 'verschijnt' share no Snowball stem, only the dictionary form
    assert not policy.off_topic("Wanneer verscheen de trialoog?")
    assert policy.off_topic("Wanneer verdween de trialoog?")


@pytest.mark.parametrize(
    ("question", "relevant"),
    [
        # two documents' dates: from their metadata, whatever the passages' cosine
        ("Zet de compensatie-brief en de ouders-nota in chronologische volgorde.", True),
        # one document, or dates not of documents: the cosine still decides
        ("Zet de compensatie-brief in chronologische volgorde.", False),
        ("Op welke data kregen ouders compensatie?", False),
    ],
)
def test_the_dates_of_two_described_documents_need_no_close_passage(
    tmp_path: Path, question: str, relevant: bool
) -> None:
    known = "compensatie ouders brief nota chronologische volgorde data kregen"
    policy = _offset_policy(tmp_path, 0.0, known)
    assert policy.relevant(question, SearchResult([CROSS_LINGUAL], QueryHints())) is relevant
