from __future__ import annotations

import pytest

from assistant.answering.numbered_names import names_another, numbered

pytestmark = pytest.mark.unit


def test_a_noun_with_a_number_is_read_in_digits_or_roman_numerals() -> None:
    assert numbered("het fase 2-rapport") == {"fase": {2}}
    assert numbered("Fase II en fase IV") == {"fase": {2, 4}}
    assert numbered("Werk aan Uitvoering fase 1 en 2") == {"fase": {1, 2}}
    assert numbered("de tweede fase en de 3e stap") == {"fase": {2}, "stap": {3}}


def test_years_amounts_and_stopwords_are_not_numbered_names() -> None:
    assert numbered("in juni 2019 kregen ongeveer 18.000 ouders van 70 reacties") == {}
    assert numbered("Kamerstuk 35 510, nr. 4") == {}  # a dossier number names no phase


def test_the_same_noun_numbered_only_differently_names_another_thing() -> None:
    question = numbered(
        "Koolmees stuurde het fase 2-rapport op 11 oktober 2020 naar de Kamer, toch?"
    )
    assert names_another(question, "Het resultaat van fase 1 is op 14 februari aangeboden.")
    assert not names_another(question, "In fase 1 en fase 2 is een analyse verricht.")
    assert not names_another(question, "Den Haag, 11 september 2020")  # numbers nothing
    assert names_another(
        numbered("Wat leverde de tweede fase op?"), "In fase 1 is de situatie beschreven."
    )
    assert not names_another(numbered("Wat leverde de tweede fase op?"), "Fase 2 is afgerond.")
