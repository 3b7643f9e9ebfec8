"""The saved BM25 index belongs to the analyser that built it."""

from __future__ import annotations

import pytest

from vectorstore import lexical
from vectorstore.lexical import analyser_fingerprint

pytestmark = pytest.mark.unit


def test_fingerprint_is_stable_for_one_analyser() -> None:
    assert analyser_fingerprint(False) == analyser_fingerprint(False)


def test_compound_splitting_is_another_analyser() -> None:
    assert analyser_fingerprint(True) != analyser_fingerprint(False)


def test_a_changed_stemmer_gets_a_new_fingerprint(monkeypatch: pytest.MonkeyPatch) -> None:
    shipped = analyser_fingerprint(False)
    monkeypatch.setattr(lexical, "terms", lambda text, compounds=False: text.lower().split())
    assert analyser_fingerprint(False) != shipped


def test_a_changed_dictionary_form_gets_a_new_fingerprint(monkeypatch: pytest.MonkeyPatch) -> None:
    # the saved index keeps the corpus's dictionary forms (`LexicalIndex.knows_lemma`)
    shipped = analyser_fingerprint(False)
    monkeypatch.setattr(lexical, "lemma", lambda word: word.replace("toe", "toe_"))
    assert analyser_fingerprint(False) != shipped
