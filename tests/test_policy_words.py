"""Nouns of Dutch policy language that name the same thing."""

from __future__ import annotations

import pytest

from assistant.answering.spans import best_span, names_counted
from assistant.plan import plan_question
from vectorstore.policy_words import same_thing
from vectorstore.text_analysis import terms

pytestmark = pytest.mark.unit


def _same(word: str, other: str) -> bool:
    return same_thing(terms(word)[0], terms(other)[0])


def test_nouns_of_one_group_name_the_same_thing_in_either_number() -> None:
    assert _same("maatregelen", "acties") and _same("actie", "maatregel")
    assert _same("zaken", "casussen") and _same("meldingen", "signalen")
    assert _same("huishoudens", "gezinnen") and _same("speerpunt", "prioriteiten")


def test_nouns_of_different_groups_or_none_do_not() -> None:
    assert not _same("maatregelen", "gemeenten")
    assert not _same("zaken", "meldingen")
    assert not _same("gemeenten", "provincies")  # neither is in a group


def test_a_word_is_the_same_thing_as_itself() -> None:
    assert _same("gemeenten", "gemeente")


def test_a_count_of_households_answers_how_many_families() -> None:
    plan = plan_question("Over hoeveel huishoudens ging het ombudsmanrapport?")
    span = best_span("een harde aanpak van 232 gezinnen met kinderopvangtoeslag", plan)
    assert span is not None and names_counted(span, plan)
