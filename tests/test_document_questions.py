"""Which fact about a document a question asks for; content questions are left alone."""

from __future__ import annotations

import pytest

from assistant.answering.document_questions import (
    DocumentField,
    asked_field,
    asked_fields,
    cited_for,
    without_field_words,
)

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(
    ("question", "field"),
    [
        ("Wie heeft de brief over de Standen van de Uitvoering ondertekend?", DocumentField.SIGNER),
        ("Onder welk Kamerstuknummer verscheen de kabinetsreactie?", DocumentField.KAMERSTUK),
        ("Welk Kamerstuk is de brief van Koolmees over fase 2?", DocumentField.KAMERSTUK),
        ("Is de voortgangsbrief over de POK-maatregelen een Kamerstuk?", DocumentField.KAMERSTUK),
        ("Met welk kenmerk is de VWS-nota opgesteld?", DocumentField.KENMERK),
        ("Welk kenmerk staat er in de marge van de POK-brief?", DocumentField.KENMERK),
        ("Welk referentienummer staat op de voortgangsbrief?", DocumentField.KENMERK),
        (
            "Welk documentnummer heeft de BZK-brief bij de Tweede Kamer?",
            DocumentField.ARCHIVE_NUMBER,
        ),
        ("Bij welk dossier hoort de brief over Werk aan Uitvoering?", DocumentField.DOSSIER),
        ("Uit welk vergaderjaar is de brief over RvIG en Logius?", DocumentField.VERGADERJAAR),
        ("Aan welke vaste commissie is de kabinetsreactie toegewezen?", DocumentField.COMMISSIE),
        ("Wat staat er bij Betreft in de brief over de POK?", DocumentField.TITLE),
        ("Mede namens wie is de brief over fase 2 verstuurd?", DocumentField.CO_SENDERS),
        ("Naar welke moties verwijst de nota over hardvochtigheden?", DocumentField.REFERENCES),
        # Compound document nouns and the words civil servants use for the same fields.
        ("In welk vergaderjaar valt de aanbiedingsbrief over fase 2?", DocumentField.VERGADERJAAR),
        ("In welke vergaderjaren vallen de twee brieven van Koolmees?", DocumentField.VERGADERJAAR),
        (
            "Is die VWS-notitie over de uitvoeringsstanden zelf een Kamerstuk?",
            DocumentField.KAMERSTUK,
        ),
        ("Wie zette haar naam onder de voortgangsbrief?", DocumentField.SIGNER),
        ("Van welke bewindspersoon kwam de kabinetsreactie?", DocumentField.SENDER),
        (
            "Welk onderdeel van het zorgministerie heeft de nota over de standen geschreven?",
            DocumentField.WRITER_UNIT,
        ),
        ("Welke directie heeft de beslisnota opgesteld?", DocumentField.WRITER_UNIT),
        ("Welk bureau van VWS heeft de nota voorbereid?", DocumentField.WRITER_UNIT),
        ("Welke directie staat in de kantlijn van de POK-brief?", DocumentField.WRITER_UNIT),
        (
            "Hoe luidt de officiële HTML-code (kst-nummer) van het BZK-stuk?",
            DocumentField.KAMERSTUK,
        ),
        ("Aan wie is de BZK-brief over de standen gericht?", DocumentField.ADDRESSEE),
        ("Voor wie was de VWS-nota bestemd?", DocumentField.ADDRESSEE),
        ("Wie kregen een kopie van de beslisnota?", DocumentField.ADDRESSEE),
        (
            "Aan wie was het schrijven van september 2020 over de twee delen van Werk aan "
            "Uitvoering geadresseerd?",
            DocumentField.ADDRESSEE,
        ),
        ("Namens welke collega's schreef Koolmees de brief mee?", DocumentField.CO_SENDERS),
        ("Welke andere bewindslieden stonden achter de brief?", DocumentField.CO_SENDERS),
        ("Welke bewindspersonen schreven mee aan de kabinetsreactie?", DocumentField.CO_SENDERS),
        ("Hoe heet het Kamerdossier van de brief over fase 2?", DocumentField.DOSSIER),
        ("Welk zaaknummer hoort bij de VWS-nota van juni 2022?", DocumentField.CASE_NUMBER),
        ("Welke stukken zaten als bijlage bij de VWS-beslisnota?", DocumentField.ATTACHMENTS),
        ("Welk 'ons kenmerk' staat op de voortgangsbrief?", DocumentField.KENMERK),
        ("Wanneer is de kabinetsreactie op WaU gepubliceerd?", DocumentField.PUBLISHED),
        ("Wat is de publicatiedatum van de brief?", DocumentField.PUBLISHED),
        ("Is de VWS-nota bedoeld om openbaar gemaakt te worden?", DocumentField.DISCLOSURE),
        ("Welke ambtenaar heeft de VWS-nota opgesteld?", DocumentField.WRITER),
        ("Wie is de ambtenaar die de nota heeft opgesteld?", DocumentField.WRITER),
        ("Is de beslisnota bestemd om gepubliceerd te worden?", DocumentField.DISCLOSURE),
        ("Hoe heet de brief van december 2022?", DocumentField.TITLE),
        # who told the Kamer something: the sender of the letter that says it
        ("Welke bewindspersoon meldde de Kamer dat fase 2 klaar was?", DocumentField.SENDER),
        ("Hoe luidt de volledige naam van Kamerstuk 29 362, nr. 290?", DocumentField.TITLE),
        # where the field is read is no source the document cites
        (
            "Wat voor soort document is 29 362, nr. 318 volgens de Kamer-metadata?",
            DocumentField.DOC_TYPE,
        ),
        # the same fields asked in English
        ("Which parliamentary dossier does the 2020 letter belong to?", DocumentField.DOSSIER),
        ("Which standing committee is the cabinet response assigned to?", DocumentField.COMMISSIE),
        ("What is the official title of the cabinet response of March 2021?", DocumentField.TITLE),
        ("Which motions does the POK letter refer to?", DocumentField.REFERENCES),
    ],
)
def test_document_field_questions(question: str, field: DocumentField) -> None:
    assert asked_field(question) is field


@pytest.mark.parametrize(
    "question",
    [
        # About content: a Kamerstuk the text cites, a characteristic, a report's title.
        "In welk Kamerstuk is het resultaat van fase 1 van Werk aan Uitvoering aangeboden?",
        "Op grond van welk kenmerk zijn de diensten bij VWS aangewezen?",
        "Onder welke commissie vindt de nadere uitwerking van de handelingsperspectieven plaats?",
        "Welk Kamerstuknummer heeft het eindverslag van de TCU volgens de kabinetsreactie?",
        # The number a document gives for, or of, something it cites.
        "Welk Kamerstuknummer geeft de POK-brief voor het generieke actieplan 'Open op orde'?",
        "Which paper number do the VWS memo and the POK letter give for the cabinet response?",
        "In de voetnoten van de brief staat het Kamerstuknummer van het Fase II-rapport. Welk?",
        "Onder welk rapportnummer verscheen het ombudsmanrapport dat de brief aanhaalt?",
        "Onder welke titel bracht de TCU haar rapport uit?",
        "Welke ministers zijn verantwoordelijk voor de uitvoering?",
        "Which committee investigated the agencies, according to the cabinet response?",
        # What the annex of a document says is content too.
        "Welke reacties haalde VWS uit de bijlage met hardvochtigheden bij de nota?",
        # Publishing as a policy or as a noun, not the document's day of publication.
        "Vanaf wanneer worden beslisnota's bij stukken aan de Kamer openbaar gemaakt?",
        "Welke publicatie van Tjeenk Willink wordt in de kabinetsreactie aangehaald?",
        # No document named at all.
        "Wie heeft dat ondertekend?",
        # telling the Kamer is not asking for a field of the letter that did
        "Van Huffelen informeerde de Kamer in juni over Logius. Welke Kamerstuknummers horen daarbij?",
    ],
)
def test_content_questions_ask_no_document_field(question: str) -> None:
    assert asked_field(question) is None


def test_field_words_leave_the_description_of_the_document() -> None:
    rest = without_field_words("Welk Kamerstuknummer draagt de kabinetsreactie op WaU?")
    assert "Kamerstuknummer" not in rest and "kabinetsreactie" in rest and "WaU" in rest
    english = without_field_words("Which parliamentary dossier does the letter on WaU belong to?")
    assert "dossier" not in english and "belong" not in english and "WaU" in english


def test_what_a_document_gives_a_number_for_is_not_a_document_asked_about() -> None:
    question = "Geven de POK-brief en de BZK-brief hetzelfde nummer voor de kabinetsreactie op WaU?"
    span = cited_for(question)
    assert span is not None and question[span[0] : span[1]] == "voor de kabinetsreactie op WaU"
    # Without a number asked, "voor" is only part of the question: the references stay a field.
    listed = "Welke moties noemt de VWS-nota als aanleiding voor de uitvraag?"
    assert cited_for(listed) is None and asked_field(listed) is DocumentField.REFERENCES
    assert asked_field("Welk Kamerstuknummer heeft de kabinetsreactie?") is DocumentField.KAMERSTUK


def test_a_second_field_joined_by_en_is_asked_too() -> None:
    joined = "In welk Kamerdossier en onder welk volgnummer is de BZK-brief opgenomen?"
    assert asked_fields(joined) == [DocumentField.KAMERSTUK, DocumentField.DOSSIER]
    # One word two fields match asks one; a field in another sentence is context.
    assert len(asked_fields("Onder welk documentnummer is de brief geregistreerd?")) == 1
    context = "Zij heeft de brief ondertekend. Welk kenmerk heeft de brief die zij schreef?"
    assert asked_fields(context) == [asked_field(context)]


@pytest.mark.parametrize(
    "question",
    [
        "Ik heb documentnummer 2022D56402 genoteerd. Om welk stuk gaat het?",
        "Welke brief heeft zaaknummer: 2022Z26159?",
        "Bij welk stuk hoort Kamerstuknummer 29362-318?",
    ],
)
def test_a_field_given_with_its_value_is_not_asked(question: str) -> None:
    assert asked_field(question) is None
    assert asked_fields(question) == []


def test_a_field_given_with_its_value_leaves_the_field_asked_elsewhere() -> None:
    question = "Welk zaaknummer heeft het stuk met documentnummer 2022D56402?"
    assert asked_fields(question) == [DocumentField.CASE_NUMBER]
