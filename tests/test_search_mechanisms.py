"""The retrieval mechanisms behind settings (sentence ranking, compound splitting, document cards,
focus) wired into hybrid search, and ingest pre-embedding sentences."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.app import build_searcher, build_store, ingest
from assistant.config import Settings
from tests.conftest import make_settings
from vectorstore.sentence_index import split_sentences

pytestmark = pytest.mark.integration

ALL_ON = {
    "sentence_fusion_weight": 1.0,
    "compound_splitting": True,
    "document_card_weight": 2.0,
    "focus_long_questions": True,
}


def _cached_vectors(settings: Settings) -> int:
    assert settings.embedding_cache_dir is not None
    return sum(1 for path in settings.embedding_cache_dir.rglob("*") if path.is_file())


def test_ingest_pre_embeds_sentences_only_when_the_sentence_ranking_is_on(
    tmp_path: Path, corpus_copy: Path
) -> None:
    counts = {}
    for weight in (0.0, 1.0):
        settings = make_settings(
            tmp_path / f"data-{weight}",
            embedding_cache_dir=tmp_path / f"cache-{weight}",
            sentence_fusion_weight=weight,
        )
        store = build_store(settings)
        ingest(settings, [corpus_copy], store)
        counts[weight] = _cached_vectors(settings)
        chunks = list(store.all_chunks())
    sentences = {s for _, text, _ in chunks for s in split_sentences(text)}
    whole_chunks = sentences & {text for _, text, _ in chunks}  # a one-sentence chunk
    assert counts[0.0] == len(chunks)
    assert len(sentences) - len(whole_chunks) <= counts[1.0] - counts[0.0] <= len(sentences)


def test_document_question_ranks_the_documents_head_with_cards(corpus_env: Settings) -> None:
    question = "Welk Kamerstuknummer draagt de kabinetsreactie op de WaU-rapporten?"
    searcher = build_searcher(corpus_env.model_copy(update=ALL_ON))
    heads = [
        (c.metadata["kamerstuk"], c.metadata["chunk_index"]) for c in searcher.search(question, k=3)
    ]
    assert ("29362-290", 0) in heads


def test_chatty_message_searches_like_its_question(corpus_env: Settings) -> None:
    searcher = build_searcher(corpus_env.model_copy(update=ALL_ON))
    question = "Hoe heet de evaluatie een jaar na de start van de uitvoering?"
    chatty = f"Goedemorgen! Ik werk bij een gemeente. {question} Alvast heel erg bedankt!"
    plain = [c.chunk_id for c in searcher.search(question, k=5)]
    assert [c.chunk_id for c in searcher.search(chatty, k=5)] == plain


def test_an_organisation_named_otherwise_finds_its_documents_lexically(
    corpus_env: Settings,
) -> None:
    question = "Met welke afdelingen van het zorgministerie is de brief afgestemd?"
    top_documents = {}
    for aliases in (False, True):
        searcher = build_searcher(corpus_env.model_copy(update={"organisation_aliases": aliases}))
        hits = searcher.lexical.search(question, 3)
        top_documents[aliases] = [searcher.lexical.document_of(chunk_id) for chunk_id, _ in hits]
    vws_note = "000_beff440f605c888c.txt"  # the VWS beslisnota, which writes 'VWS'
    assert top_documents[True] == [vws_note] * 3
    assert top_documents[False].count(vws_note) < 3
