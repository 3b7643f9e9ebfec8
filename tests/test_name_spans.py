import pytest

from assistant.answering.name_spans import name_spans
from assistant.plan import plan_question

pytestmark = pytest.mark.unit


def _names(sentence: str, question: str = "Hoe heet het?") -> list[str]:
    return [sentence[start:end] for start, end in name_spans(sentence, plan_question(question))]


def test_quoted_terms_and_web_addresses_before_capitalised_words() -> None:
    sentence = "Op de Rijksacademie is het ‘Open op orde’ te vinden op www.example.nl."
    assert _names(sentence) == ["www.example.nl", "Open op orde", "Rijksacademie"]


def test_a_capitalised_word_that_opens_a_sentence_names_nothing() -> None:
    sentence = "- Iedere reactie is geanalyseerd. Omdat het moest, is de Bestuursraad gevraagd."
    assert _names(sentence) == ["Bestuursraad"]


def test_the_apostrophe_of_a_plural_opens_no_quote() -> None:
    assert _names("De dilemma's van de uitvoerders zijn 'breed' gedeeld.") == ["breed"]


def test_a_capitalised_adjective_takes_its_noun() -> None:
    assert _names("Toen verscheen de Digitale agenda van het kabinet.") == ["Digitale agenda"]


def test_names_of_the_question_organisations_and_generic_words_are_left_out() -> None:
    sentence = "Bij de Belastingdienst en Toeslagen, zo meldt de Kamer, zijn er de Stella-teams."
    assert _names(sentence, "Hoe heten de teams bij de Belastingdienst?") == ["Stella-teams"]
    assert _names("Het gaat om de Toeslagen.") == []


def test_a_question_for_a_website_gets_web_addresses_only() -> None:
    sentence = "De ‘startversie’ van de Academie staat op https://www.example.nl/start."
    assert _names(sentence, "Op welke website staat de startversie?") == [
        "https://www.example.nl/start"
    ]
