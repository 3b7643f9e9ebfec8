"""The items a list question asks for, from the quoted passage or a sentence next to it, which
then joins the quote."""

import pytest

from assistant.answering.enumerations import Enumeration
from assistant.answering.list_items import continued_list, first_items, items_near
from assistant.plan import plan_question
from assistant.sentences import Passage
from vectorstore.stored_chunk import StoredChunk

pytestmark = pytest.mark.unit

# corpus/uitvoering/000: the VWS beslisnota on the Standen van de Uitvoering.
STANDEN = (
    "- Binnen VWS is 2022 het eerste jaar voor een Stand van de Uitvoering. Voor deze eerste "
    "Stand is er in samenspraak met de concernorganisaties gekozen voor een selectie van vier "
    "VWS-organisaties die rechtstreeks contact hebben met burgers of instellingen.\n"
    "- CAK, CIBG, CIZ en DUS-I hebben zelf een Stand van de Uitvoering opgesteld, onder hun "
    "eigen verantwoordelijkheid. VWS heeft deze rapportages op feitelijke onjuistheden getoetst."
)
CHUNK = StoredChunk("c1", STANDEN, {"doc_id": "doc"}, 1.0)
QUESTION = "Welke vier zbo's en agentschappen van VWS hebben in 2022 een rapport gemaakt?"


def _passage(sentence: str) -> Passage:
    start = STANDEN.index(sentence)
    return Passage(CHUNK, start, start + len(sentence))


def test_items_in_the_passage_itself() -> None:
    passage = _passage("- CAK, CIBG, CIZ en DUS-I hebben zelf een Stand van de Uitvoering")
    found = items_near(passage, plan_question(QUESTION))
    assert found is not None
    widened, span = found
    assert widened == passage and span.text == "CAK, CIBG, CIZ en DUS-I"


def test_items_in_the_sentence_before_widen_the_quote() -> None:
    passage = _passage("VWS heeft deze rapportages op feitelijke onjuistheden getoetst.")
    found = items_near(passage, plan_question(QUESTION))
    assert found is not None
    widened, span = found
    assert span.text == "CAK, CIBG, CIZ en DUS-I"
    assert widened.text.startswith("- CAK, CIBG") and widened.text.endswith("getoetst.")


def test_no_items_of_the_asked_number_nearby() -> None:
    passage = _passage("VWS heeft deze rapportages op feitelijke onjuistheden getoetst.")
    three = "Welke drie zbo's van VWS hebben een rapport gemaakt?"
    assert items_near(passage, plan_question(three)) is None


def test_items_two_sentences_on_only_when_no_passage_has_them_next_to_it() -> None:
    lead_in = _passage("Voor deze eerste Stand is er in samenspraak")
    lead_in = Passage(CHUNK, lead_in.start, STANDEN.index("\n- CAK"))
    first = _passage("- Binnen VWS is 2022 het eerste jaar voor een Stand van de Uitvoering.")
    plan = plan_question(QUESTION)
    assert items_near(first, plan) is None  # the items are two sentences on
    index, widened, span = first_items([first], plan) or (None, None, None)
    assert index == 0 and span is not None and span.text == "CAK, CIBG, CIZ en DUS-I"
    assert widened is not None and widened.text.startswith("- Binnen VWS")
    # a later passage with the items right next to it goes first
    found = first_items([first, lead_in], plan)
    assert found is not None and found[0] == 1 and found[1].text.startswith("Voor deze eerste")


# corpus/uitvoering/000: a paragraph of the beslisnota ends its chunk with a lead-in; its two
# items open the next chunk.
LEAD_IN = (
    "Bijlage Hardvochtigheden\n\nTwee reacties op de inventarisatie hardvochtigheden zijn uit de "
    "bijlage gehaald. Met betrekking tot het eerste punt zijn al procedures aanhangig. Het betreft:"
)
ITEMS = (
    "- Bij vaccinatie tegen Covid-19 is in zeldzame gevallen sprake van ernstige bijwerkingen.\n"
    "- Patiënten met langdurige gevolgen van Covid-19 kunnen van mening zijn dat …\n"
    "\n3 Motie Omtzigt, 35510, nr. 13."
)


def _continued(
    lead_in: str, items: str, question: str
) -> tuple[int, Passage, Enumeration | None] | None:
    first = StoredChunk("c8", lead_in, {"doc_id": "000", "chunk_index": 8}, 1.0)
    second = StoredChunk("c9", items, {"doc_id": "000", "chunk_index": 9}, 1.0)
    start = lead_in.index("Twee")
    quoted = Passage(first, start, lead_in.index("gehaald.") + len("gehaald."))
    return continued_list(
        [quoted], plan_question(question), lambda c: second if c is first else None
    )


def test_items_a_paragraph_leads_into_are_read_from_the_next_chunk() -> None:
    found = _continued(LEAD_IN, ITEMS, "Over welke twee onderwerpen gingen de weggelaten punten?")
    assert found is not None
    index, items, listed = found
    assert index == 0 and items.chunk.chunk_id == "c9"
    assert items.text.startswith("- Bij vaccinatie") and items.text.endswith(
        "van mening zijn dat …"
    )
    # the items to lead with, each up to its first sentence
    assert listed is not None and listed.items == (
        "Bij vaccinatie tegen Covid-19 is in zeldzame gevallen sprake van ernstige bijwerkingen",
        "Patiënten met langdurige gevolgen van Covid-19 kunnen van mening zijn dat …",
    )


def test_no_items_without_a_lead_in_a_matching_count_or_items_at_the_next_chunks_start() -> None:
    question = "Over welke onderwerpen gingen de weggelaten punten?"
    assert _continued(LEAD_IN.removesuffix(" Het betreft:"), ITEMS, question) is None
    assert _continued(LEAD_IN + "\n\nNieuwe alinea:", ITEMS, question) is None  # another paragraph
    assert _continued(LEAD_IN, "Geen opsomming.\n" + ITEMS, question) is None
    assert _continued(LEAD_IN, ITEMS, "Welke drie punten zijn weggelaten?") is None


# corpus/uitvoering/004: the BZK letter on the Standen of RvIG and Logius.
HELPDESK = (
    "De organisaties blijven investeren in (digitale) inclusie, communicatiestijlen en "
    "taalgebruik. Logius heeft een helpdesk voor vragen over DigiD en MijnOverheid."
)


def _sentence_of(text: str, sentence: str) -> Passage:
    chunk = StoredChunk("c4", text, {"doc_id": "004"}, 1.0)
    start = text.index(sentence)
    return Passage(chunk, start, start + len(sentence))


def test_the_best_sentences_own_two_names_answer_before_a_neighbours_list() -> None:
    best = _sentence_of(HELPDESK, "Logius heeft een helpdesk")
    best = Passage(best.chunk, best.start, len(HELPDESK))
    plan = plan_question("Voor welke voorzieningen heeft Logius een helpdesk?")
    found = first_items([best], plan, pairs=True)
    assert found is not None and found[2].text == "DigiD en MijnOverheid"
    # without pairs (one side of a multi-part answer), the neighbour's three items
    found = first_items([best], plan)
    assert found is not None and found[2].text.endswith("communicatiestijlen en taalgebruik")
    # a counted question takes as many as it counts
    assert first_items([best], plan_question("Welke drie voorzieningen …?"), pairs=True) is not None
    assert first_items([best], plan_question("Welke vijf voorzieningen …?"), pairs=True) is None


@pytest.mark.parametrize(
    "sentence",
    [
        # examples of the asked kind, not the ones asked for
        "Dat geldt niet alleen voor de grote uitvoeringsorganisaties zoals de Belastingdienst en "
        "UWV.",
        # two words of one name
        "Zij werken samen met de Nationaal Coördinator tegen Discriminatie en Racisme.",
        "Commissie(s) Sociale Zaken en Werkgelegenheid (SZW)",
    ],
)
def test_examples_or_the_words_of_one_name_are_no_pair(sentence: str) -> None:
    passage = _sentence_of(sentence, sentence)
    plan = plan_question("Welke voorbeelden worden genoemd?")
    assert first_items([passage], plan, pairs=True) is None


def test_only_the_best_passage_answers_with_a_pair() -> None:
    helpdesk = "Logius heeft een helpdesk voor vragen over DigiD en MijnOverheid."
    best, other = _sentence_of(helpdesk, helpdesk), _sentence_of("Iets anders.", "Iets anders.")
    plan = plan_question("Voor welke voorzieningen heeft Logius een helpdesk?")
    found = first_items([best, other], plan, pairs=True)
    assert found is not None and found[0] == 0
    assert first_items([other, best], plan, pairs=True) is None
