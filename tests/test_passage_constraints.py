"""Whether a passage is about what a typed question constrains: its organisation, its names,
its years."""

import pytest

from assistant.passage_constraints import (
    about_names,
    about_organisation,
    another_instance,
    told_of_another_organisation,
    written_before_asked_years,
)
from assistant.plan import plan_question
from assistant.sentences import Passage
from vectorstore.stored_chunk import StoredChunk

pytestmark = pytest.mark.unit

STAFF = (
    "Krapte op de arbeidsmarkt speelt bij het UWV en bij RvIG.\n\n"
    "Het lukt RvIG niet om alle posities met IT-profielen te vullen. Ongeveer 15 procent "
    "van de functies is op dit moment niet ingevuld."
)


def _figure(metadata: dict[str, str] | None = None) -> Passage:
    chunk = StoredChunk("c1", STAFF, {"doc_id": "d", **(metadata or {})}, 1.0)
    start = STAFF.index("Ongeveer 15 procent")
    return Passage(chunk, start, len(STAFF))


def test_the_organisation_asked_about_must_be_named_by_the_passage_or_its_document() -> None:
    passage = _figure()
    assert about_organisation(passage.chunk, plan_question("Hoeveel procent bij het UWV?"))
    assert not about_organisation(passage.chunk, plan_question("Hoeveel procent bij het CAK?"))
    sent = _figure({"sender": "Minister van VWS"})
    assert about_organisation(sent.chunk, plan_question("Hoeveel procent bij VWS?"))


def test_a_figure_after_a_sentence_about_another_organisation_is_that_ones() -> None:
    passage = _figure()
    assert told_of_another_organisation(passage, plan_question("Hoeveel procent bij het UWV?"))
    assert not told_of_another_organisation(passage, plan_question("Hoeveel procent bij RvIG?"))
    assert not told_of_another_organisation(passage, plan_question("Hoeveel procent staat open?"))
    # an organisation named by its capitalised name, not an acronym
    assert told_of_another_organisation(passage, plan_question("Hoeveel procent bij Logius?"))
    # "de BZK-brief" names where to look, not whose figure is asked
    question = "Hoeveel procent staat bij Logius open volgens de BZK-brief?"
    assert told_of_another_organisation(passage, plan_question(question))


def test_a_document_cannot_tell_a_fact_of_a_later_year_it_does_not_name() -> None:
    chunk = _figure({"date": "2022-12-22"}).chunk
    assert written_before_asked_years(chunk, plan_question("Hoeveel procent staat in 2023 open?"))
    assert not written_before_asked_years(chunk, plan_question("Hoeveel procent in 2022?"))
    assert not written_before_asked_years(_figure().chunk, plan_question("Hoeveel in 2023?"))


def test_the_names_of_the_question_must_be_in_the_passage() -> None:
    chunk = _figure().chunk
    asked = plan_question("Hoeveel zaken zijn voorgelegd aan de Commissie Werkelijke Schade?")
    assert not about_names(chunk, asked)
    assert about_names(chunk, plan_question("Hoeveel procent van de functies staat open?"))


def test_a_coined_name_before_a_hyphen_must_be_in_the_passage() -> None:
    chunk = _figure().chunk
    assert not about_names(chunk, plan_question("Hoeveel mensen werken in de Stella-teams?"))
    assert about_names(chunk, plan_question("Hoeveel procent staat open bij de ICT-teams?"))
    teams = StoredChunk("c9", "In de Stella-teams werken 40 mensen.", {"doc_id": "d"}, 1.0)
    assert about_names(teams, plan_question("Hoeveel mensen werken in de Stella-teams?"))
    assert not about_names(chunk, plan_question("Hoeveel Nederlanders gebruiken DigiD?"))


def test_an_undated_letter_is_dated_by_the_year_its_kenmerk_starts_with() -> None:
    registered = _figure({"kenmerk": "2021-0000126162"}).chunk
    assert written_before_asked_years(registered, plan_question("Hoeveel waren het in 2023?"))
    assert not written_before_asked_years(registered, plan_question("Hoeveel waren het in 2021?"))
    other = _figure({"kenmerk": "3383909-1031059-BPZ"}).chunk  # no year in it: not dated
    assert not written_before_asked_years(other, plan_question("Hoeveel waren het in 2023?"))


def test_a_fact_of_one_instance_answers_nothing_about_another() -> None:
    text = "Tot dusver hebben ongeveer 18.000 ouders deze eerste compensatie ontvangen."
    first = Passage(StoredChunk("c8", text, {"doc_id": "d"}, 1.0), 0, len(text))
    extra = plan_question("Hoeveel ouders hebben een aanvullende betaling ontvangen?")
    assert another_instance(first, extra)
    assert not another_instance(first, plan_question("Hoeveel ouders kregen de eerste betaling?"))
    assert not another_instance(first, plan_question("Hoeveel ouders kregen compensatie?"))
