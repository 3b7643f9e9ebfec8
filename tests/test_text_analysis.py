"""Dutch word analysis: content words, their stems and their dictionary forms."""

from __future__ import annotations

import pytest

from vectorstore.text_analysis import lemma, terms, words

pytestmark = pytest.mark.unit


def test_content_words_are_lower_case_without_stop_words() -> None:
    assert words("De meldingen over het Rijk") == ["meldingen", "rijk"]


def test_a_strong_verbs_forms_share_their_dictionary_form_not_their_stem() -> None:
    assert lemma("verscheen") == lemma("verschijnt") == "verschijnen"
    assert terms("verscheen") != terms("verschijnt")
    assert lemma("kwamen") == lemma("komt") and terms("kwamen") != terms("komt")


@pytest.mark.parametrize("form", ["toepast", "toegepast", "toepassen", "oplevert", "opgeleverd"])
def test_a_separable_verbs_forms_share_one_dictionary_form(form: str) -> None:
    # simplemma writes "toe_passen" for some forms and "toepassen" for others
    assert lemma(form) in {"toepassen", "opleveren"}
    assert "_" not in lemma(form)
