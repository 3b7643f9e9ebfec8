"""The LLM answer prompt: passages grouped per document, and what the question's plan asks."""

from __future__ import annotations

from typing import get_args

import pytest

from assistant.answering.answer_prompt import (
    answer_prompt,
    asked_words,
    grouped_passages,
    plan_instructions,
)
from assistant.plan import AskedType, plan_question
from assistant.prompts import load_prompt

pytestmark = pytest.mark.unit

BRIEF = "Kamerbrief “Stand van zaken maatregelen kabinetsreactie”, kenmerk 2021-0000126162"
NOTA = "Beslisnota “Kamerbrief Stand van de Uitvoering”, kenmerk 3383909-1031059-BPZ, 14 juni 2022"
FACT = "Tot dusver hebben ongeveer 18.000 ouders deze eerste compensatie van 30.000 euro ontvangen."
PROMISE = (
    "In de Stand van het CAK wordt toegezegd dat het CAK ook volgend jaar een Stand zal opstellen."
)
GOAL = "Doel van het herstelproces is om de ouders te geven waar zij recht op hebben."
PASSAGES = [(1, BRIEF, FACT), (2, NOTA, PROMISE), (3, BRIEF, GOAL)]


def test_passages_are_grouped_per_document_in_order_of_their_first_passage() -> None:
    assert grouped_passages(PASSAGES) == (
        f"Document A: {BRIEF}\n[1] {FACT}\n\n[3] {GOAL}\n\nDocument B: {NOTA}\n[2] {PROMISE}"
    )


def test_documents_past_z_get_two_letters() -> None:
    passages = [(n, f"Kamerstuk 29 362, nr. {n}", GOAL) for n in range(1, 29)]
    grouped = grouped_passages(passages)
    assert "Document Z: Kamerstuk 29 362, nr. 26\n" in grouped
    assert "Document AA: Kamerstuk 29 362, nr. 27\n" in grouped
    assert "Document AB: Kamerstuk 29 362, nr. 28\n" in grouped


def test_every_asked_type_but_other_has_dutch_words() -> None:
    words = load_prompt("asked_types").entries()
    assert set(words) == set(get_args(AskedType)) - {"other"} | {"date_day", "date_year"}
    assert words["number"] == "een aantal" and words["person"] == "een persoon"


def test_a_date_is_asked_as_precisely_as_the_question_wants() -> None:
    assert asked_words(plan_question("Wanneer verscheen de Stand van de Uitvoering?")) == (
        "een datum"
    )
    assert asked_words(plan_question("Op welke datum is de beslisnota getekend?")) == (
        "een datum (dag, maand en jaar)"
    )
    assert asked_words(plan_question("In welk jaar verscheen de eerste Stand?")) == "een jaar"


def test_a_typed_question_is_told_to_lead_with_its_fact() -> None:
    plan = plan_question("Hoeveel meldingen kreeg UWV in 2022?")
    typed, constraints = plan_instructions(plan)
    assert typed.startswith("Gevraagd wordt een aantal. Begin met het gevraagde feit")
    assert "(2022, UWV)" in constraints


def test_an_untyped_question_is_told_its_kind_without_a_fact_to_lead_with() -> None:
    (reason,) = plan_instructions(plan_question("Waarom werd de Catshuisregeling ingevoerd?"))
    assert reason.startswith("Gevraagd wordt een reden.") and "gevraagde feit" not in reason


def test_a_comparison_is_answered_per_side() -> None:
    question = "Wat is het verschil tussen de Stand van de Uitvoering en de kabinetsreactie?"
    (comparison,) = plan_instructions(plan_question(question))
    assert comparison.startswith("Beantwoord elke kant van de vergelijking apart")


def test_sub_questions_are_listed_with_their_asked_type() -> None:
    plan = plan_question("Wie tekende de beslisnota, en op welke datum?")
    (subs,) = plan_instructions(plan)
    assert subs.startswith("De vraag bestaat uit 2 deelvragen. Beantwoord elke deelvraag apart")
    assert f"\n1. {plan.sub_questions[0].focus} — een persoon\n" in subs
    assert f"\n2. {plan.sub_questions[1].focus} — een datum (dag, maand en jaar)\n" in subs


def test_a_question_of_no_type_adds_only_the_refusal_rule() -> None:
    plan = plan_question("Wat doet het kabinet aan de uitvoering?")
    assert asked_words(plan) == "" and plan_instructions(plan) == []
    prompt = answer_prompt(plan.question, PASSAGES, plan)
    assert f"Vraag: {plan.question}\n\nStaat het gevraagde niet in de passages" in prompt


def test_the_prompt_holds_passages_question_and_plan_in_that_order() -> None:
    plan = plan_question("Hoeveel ouders kregen de eerste compensatie?")
    prompt = answer_prompt(plan.question, PASSAGES, plan)
    passages = prompt.index("<passages>\nDocument A: ")
    question = prompt.index(f"Vraag: {plan.question}")
    lead = prompt.index("Gevraagd wordt een aantal.")
    refusal = prompt.index('"Dat staat niet in de stukken die ik kan doorzoeken."')
    assert passages < question < lead < refusal
    assert prompt.rstrip().endswith("Antwoord met bronnummers achter elke zin:")
