"""Whether a question asks for things to be listed: the asked noun and the verb after it."""

import pytest

from assistant.answering.list_questions import asks_for_items
from assistant.plan import plan_question

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(
    "question",
    [
        "Welke meldpunten heeft RvIG ingericht om burgers op maat te helpen?",
        "Which services does Logius run a helpdesk for?",
        "Welke directies heeft de nota als afstemming genoemd?",
    ],
)
def test_a_plural_noun_whose_verb_has_its_own_subject_asks_for_a_list(question: str) -> None:
    # the singular verb agrees with the subject after it (RvIG, Logius, de nota)
    assert asks_for_items(plan_question(question))


@pytest.mark.parametrize(
    "question",
    [
        "Welke maatwerkplaats heeft de gemeente ingericht?",  # a singular noun
        "In welke jaren werd er fors bezuinigd op uitvoeringsorganisaties?",  # no subject after it
        "In welke vormen wordt binnen de rijksdienst gewerkt aan vakmanschap?",
    ],
)
def test_a_singular_verb_without_a_subject_of_its_own_asks_for_one_thing(question: str) -> None:
    assert not asks_for_items(plan_question(question))
