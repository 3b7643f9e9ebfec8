"""The extractive answerer's lead: the first quoted sentence stating the asked fact, a document's
sender and the Kamerstuk a sentence refers to."""

import pytest

from assistant.answering.extractive_answerer import _with_sender, first_fact
from assistant.plan import plan_question
from assistant.sentences import Passage
from vectorstore.stored_chunk import StoredChunk

pytestmark = pytest.mark.unit


def test_the_lead_is_the_first_quoted_sentence_stating_the_asked_fact() -> None:
    text = (
        "Het stelsel van reisdocumenten kent strenge regels voor het naleven van de processen. "
        "De verantwoordelijkheid daarvoor ligt bij de burgemeester van elke gemeente."
    )
    chunk = StoredChunk("c2", text, {"doc_id": "doc"}, 1.0)
    general, named = (
        Passage(chunk, text.index(s), text.index(s) + len(s))
        for s in (text.split(". ")[0] + ".", text.split(". ")[1])
    )
    plan = plan_question("Wie is lokaal verantwoordelijk voor de regels rond reisdocumenten?")
    led = first_fact([general, named], plan)
    assert led is not None and led[0] == named and "burgemeester" in led[1].text
    assert first_fact([general], plan) is None


def test_a_group_in_the_asked_role_leads_before_a_name_inside_it_or_in_a_later_sentence() -> None:
    text = (
        "Het voorstel is om samen met het presidium van de Tweede Kamer en de "
        "uitvoeringsorganisaties te verkennen hoe we dit vorm kunnen geven.\n"
        "Daarover is ook met POK gesproken."
    )
    role, later = _passages(text)
    plan = plan_question("Met wie wil het kabinet verkennen hoe dat vorm kan krijgen?")
    led = first_fact([role, later], plan)
    assert led is not None and led[0] == role
    assert led[1].text == "het presidium van de Tweede Kamer en de uitvoeringsorganisaties"
    # a question for a person without that role still gets the name
    led = first_fact([role, later], plan_question("Wie heeft het voorstel gedaan?"))
    assert led is not None and led[1].text == "de Tweede Kamer"


def _passages(text: str) -> list[Passage]:
    chunk = StoredChunk("c3", text, {"doc_id": "doc"}, 1.0)
    lines = text.split("\n")
    return [Passage(chunk, text.index(line), text.index(line) + len(line)) for line in lines]


# corpus/uitvoering/000: the beslisnota's heading, then a sentence of its body.
NOTA = (
    "Aan Minister VWS Deadline: 23 juni 2022 Cc: MLZS en stas\n"
    "Kort voor de zomer van 2021 is een brede uitvraag gedaan binnen VWS naar hardvochtigheden."
)


def test_a_date_under_a_document_heading_does_not_lead_when_a_sentence_states_one() -> None:
    heading, body = _passages(NOTA)
    plan = plan_question("Wanneer begon VWS met het ophalen van signalen over hardvochtigheden?")
    led = first_fact([heading, body], plan)
    assert led is not None and led[0] == body and "2021" in led[1].text
    only_heading = first_fact([heading], plan)
    assert only_heading is not None and only_heading[1].text == "23 juni 2022"


def test_a_deadline_leads_when_the_question_asks_for_the_deadline() -> None:
    heading, body = _passages(NOTA)
    led = first_fact([heading, body], plan_question("Wat is de uiterste datum van de nota?"))
    assert led is not None and led[0] == heading and led[1].text == "23 juni 2022"


def test_a_count_of_the_asked_things_leads_before_a_count_of_something_else() -> None:
    loket, cases = _passages(
        "Momenteel zijn zestig gemeenten betrokken bij het maatwerkloket.\n"
        "Er zijn tot op heden ongeveer zeventig casussen ingebracht."
    )
    plan = plan_question("Hoeveel vastgelopen zaken zijn bij het maatwerkloket aangemeld?")
    led = first_fact([loket, cases], plan)
    assert led is not None and led[0] == cases and led[1].text == "ongeveer zeventig casussen"
    asks_municipalities = plan_question("Hoeveel gemeenten doen mee aan het maatwerkloket?")
    led = first_fact([loket, cases], asks_municipalities)
    assert led is not None and led[0] == loket


def test_a_which_document_label_gets_its_senders_acronym_once() -> None:
    nota = {"sender": "Ministerie van Volksgezondheid, Welzijn en Sport"}
    assert _with_sender("Beslisnota “Stand”, 14 juni 2022", nota).endswith("2022 (VWS)")
    assert _with_sender("Beslisnota VWS", nota) == "Beslisnota VWS"
    assert _with_sender("Kamerstuk 29 362, nr. 290", {}) == "Kamerstuk 29 362, nr. 290"
