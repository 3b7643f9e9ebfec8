"""Dutch compound splitting and its use in the lexical analysis."""

from __future__ import annotations

import pytest

from vectorstore.compounds import coined_parts, compound_parts
from vectorstore.text_analysis import terms

pytestmark = pytest.mark.unit


def test_compound_split_into_known_parts_with_linking_s() -> None:
    assert compound_parts("kabinetsreactie") == ("kabinet", "reactie")
    assert compound_parts("uitvoeringsorganisaties") == ("uitvoering", "organisaties")


def test_head_is_split_again() -> None:
    assert compound_parts("informatiehuishouding")[:2] == ("informatie", "huishouding")


def test_short_words_particle_verbs_and_plain_words_stay_whole() -> None:
    assert compound_parts("brief") == ()
    assert compound_parts("voorstellen") == ()  # voor + stellen: a verb, not a compound
    assert compound_parts("ondertekende") == ()
    assert compound_parts("verschillende") == ()


def test_hyphenated_words_split_at_hyphens() -> None:
    assert compound_parts("wau-kabinetsreactie") == (
        "wau",
        "kabinetsreactie",
        "kabinet",
        "reactie",
    )


def test_terms_add_parts_only_when_asked() -> None:
    assert terms("De kabinetsreactie") == terms("kabinetsreactie")
    assert terms("de kabinetsreactie", compounds=True) == terms("kabinetsreactie kabinet reactie")


def test_a_compound_made_for_the_occasion_has_parts_a_word_of_its_own_none() -> None:
    assert coined_parts("gastouderzaak") == ("gastouder", "zaak")
    assert coined_parts("ombudsmanstuk") == ("ombudsman", "stuk")
    assert coined_parts("landbouw") == ()  # land + bouw: a common word of its own
    assert coined_parts("dienstplicht") == ()
