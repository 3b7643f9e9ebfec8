"""Enumerations in corpus passages: bulleted lists after a lead-in, series in one sentence and
two names joined by "en", and the one a list question asks for."""

import pytest

from assistant.answering.enumerations import asked_enumeration, find_enumerations, item_lines
from assistant.answering.list_questions import asks_for_items, counts_instead_of_naming
from assistant.plan import plan_question

pytestmark = pytest.mark.unit

# corpus/uitvoering: the VWS beslisnota and the BZK letter on the Standen van de Uitvoering.
STANDEN = (
    "- CAK, CIBG, CIZ en DUS-I hebben zelf een Stand van de Uitvoering opgesteld, onder hun "
    "eigen verantwoordelijkheid. VWS heeft deze rapportages op feitelijke onjuistheden getoetst."
)
AFGESTEMD = (
    "- De Kamerbrief is binnen VWS afgestemd met de directies Z, LZ, VGP en WJZ (zowel in kader "
    "van hardvochtigheden als voor passage gegevensuitwisseling)."
)
MELDPUNTEN = (
    "Daarnaast zijn binnen RvIG het Centraal Meldpunt Identiteitsfraude en het Meldpunt Fouten "
    "Overheidsregistraties specifiek ingericht om maatwerk aan de burger te leveren. Logius "
    "heeft een helpdesk voor vragen over DigiD en MijnOverheid."
)
ORGANISATIES = (
    "Door de volgende organisaties binnen het domein Digitalisering die gelieerd zijn aan BZK "
    "is een «Stand van de Uitvoering» opgesteld:\n\n– De Rijksdienst voor Identiteitsgegevens "
    "(RvIG)1\n\n– Logius2\n\nHet Ministerie van Binnenlandse Zaken en Koninkrijksrelaties (BZK) "
    "heeft meerdere uitvoeringsorganisaties."
)
THEMAS = (
    "kabinetsreactie samengebracht in zes verschillende thema'’s:\n\n1) toeslagen\n\n"
    "2) versterken dienstverlening door de overheid\n\n3) verbeteren wet- en regelgeving en de "
    "aansluiting tussen beleid en uitvoering\n4) discriminatie en gebruik van nationaliteit\n\n"
    "5) open overheid\n\n6) ambtelijk vakmanschap.\n\nDe bijlage bij deze brief"
)
MEDE_NAMENS = (
    "Mede namens de Minister van Onderwijs, Cultuur en Wetenschap, de Staatssecretaris van "
    "Binnenlandse Zaken en Koninkrijksrelaties"
)


@pytest.mark.parametrize(
    ("text", "items"),
    [
        (STANDEN, ("CAK", "CIBG", "CIZ", "DUS-I")),
        (AFGESTEMD, ("Z", "LZ", "VGP", "WJZ")),
        (
            MELDPUNTEN,
            (
                "het Centraal Meldpunt Identiteitsfraude",
                "het Meldpunt Fouten Overheidsregistraties",
            ),
        ),
        (ORGANISATIES, ("De Rijksdienst voor Identiteitsgegevens (RvIG)", "Logius")),
        (
            "Concernsturing heeft de brief in nauwe samenwerking met de genoemde "
            "concernorganisaties, beleidsdirecties en WJZ opgesteld.",
            ("de genoemde concernorganisaties", "beleidsdirecties", "WJZ"),
        ),
    ],
)
def test_the_first_enumeration_and_its_items(text: str, items: tuple[str, ...]) -> None:
    first = find_enumerations(text)[0]
    assert first.items == items
    # Every item is a verbatim piece of the enumeration's place in the passage.
    assert all(item in text[first.start : first.end] for item in items)


def test_a_numbered_list_keeps_every_line_and_its_end() -> None:
    (themes,) = find_enumerations(THEMAS)
    assert len(themes.items) == 6
    assert themes.items[0] == "toeslagen" and themes.items[-1] == "ambtelijk vakmanschap"
    assert "De bijlage" not in THEMAS[themes.start : themes.end]


def test_a_ministry_name_is_no_enumeration() -> None:
    assert not find_enumerations(MEDE_NAMENS)
    # also when the sentence's first words run into the ministry's name
    assert not find_enumerations(
        "Bij het ministerie van Onderwijs, Cultuur en Wetenschap zijn dialoogsessies rondom 5 "
        "actuele thema’s georganiseerd."
    )
    assert not find_enumerations("Mede namens de Minister van Onderwijs, Cultuur en Wetenschap, de")


def test_items_read_as_one_phrase() -> None:
    assert find_enumerations(STANDEN)[0].text == "CAK, CIBG, CIZ en DUS-I"
    assert find_enumerations(MELDPUNTEN)[1].text == "DigiD en MijnOverheid"


def test_a_stated_count_picks_the_enumeration_of_that_many() -> None:
    text = AFGESTEMD + "\n" + STANDEN
    assert asked_enumeration(text, plan_question("Met welke vier directies is het afgestemd?"))
    three = plan_question("Welke drie organisaties hebben een Stand opgesteld?")
    assert asked_enumeration(text, three) is None
    two = plan_question("Bij welke twee RvIG-voorzieningen kunnen burgers terecht?")
    found = asked_enumeration(MELDPUNTEN, two)
    assert found is not None and "Identiteitsfraude" in found.text


def test_a_series_in_parentheses_enumerates_but_a_reference_does_not() -> None:
    text = "de inzet van het besturingsmodel (eigenaar, opdrachtgever, opdrachtnemer) dat …"
    three = plan_question("Uit welke drie partijen bestaat het sturingsmodel?")
    found = asked_enumeration(text, three)
    assert found is not None and found.items == ("eigenaar", "opdrachtgever", "opdrachtnemer")
    assert find_enumerations("Kamerstukken II, nr. 49 (zie bijlage 2, pagina 4)") == []
    assert find_enumerations("is het advies van PG (samen met DPDC, DWJZ, DCO).") == []
    # "Wat waren de drie …" asks for three things too
    assert plan_question("Wat waren de drie lijnen waarlangs BZK signalen ophaalde?").count == 3


def test_only_list_questions_ask_for_items() -> None:
    assert asks_for_items(plan_question("Welke vier zbo's van VWS hebben een rapport gemaakt?"))
    assert not asks_for_items(plan_question("Hoeveel reacties leverde de uitvraag op?"))
    assert asked_enumeration(STANDEN, plan_question("Wanneer is de Stand opgesteld?")) is None


def test_items_the_question_already_names_answer_nothing() -> None:
    plan = plan_question("Voor welke twee voorzieningen, DigiD en MijnOverheid, is er hulp?")
    assert asks_for_items(plan)
    assert asked_enumeration("Logius heeft een helpdesk voor DigiD en MijnOverheid.", plan) is None


def test_bulleted_lines_are_read_from_where_they_start_each_up_to_its_first_sentence() -> None:
    lines = (
        "- Bij vaccinatie tegen Covid-19 is in zeldzame gevallen sprake van ernstige bijwerkingen. "
        "Er wordt vooralsnog geen beleid gemaakt op dit gebied.\n"
        "- Patiënten met langdurige gevolgen van Covid-19 kunnen van mening zijn dat de overheid "
        "onvoldoende maatregelen heeft genomen.\n\n3 Motie Omtzigt, 35510, nr. 13."
    )
    found = item_lines(lines)
    assert found is not None and found.start == 0
    assert found.items == (
        "Bij vaccinatie tegen Covid-19 is in zeldzame gevallen sprake van ernstige bijwerkingen",
        "Patiënten met langdurige gevolgen van Covid-19 kunnen van mening zijn dat de overheid "
        "onvoldoende maatregelen heeft genomen",
    )
    assert found.text == "; ".join(found.items)  # long items apart with ';'
    assert lines[found.end - 1] == "."
    assert item_lines("- Eén punt.\nGeen tweede.") is None  # one line is no list
    assert item_lines("Geen opsomming:\n- a\n- b") is None  # the lines must start there


def test_without_a_number_two_names_are_no_answer() -> None:
    # "zoals SVB en UWV" gives examples; a question naming no number needs three items or more.
    sentence = (
        "Voor complexe vragen of situaties zijn bij een aantal uitvoeringsorganisaties zoals SVB "
        "en UWV onder andere al maatwerkplaatsen ingericht."
    )
    assert find_enumerations(sentence)[0].items == ("SVB", "UWV")
    assert asked_enumeration(sentence, plan_question("Welke teams helpen burgers?")) is None
    found = asked_enumeration(STANDEN, plan_question("Welke directies hebben een Stand opgesteld?"))
    assert found is not None and found.items == ("CAK", "CIBG", "CIZ", "DUS-I")


def test_a_preposition_opens_no_item() -> None:
    sentence = (
        "intervisie te organiseren tussen burgers, ondernemers, bestuurders en professionals, kan "
        "een cultuur ontstaan"
    )
    assert find_enumerations(sentence)[0].items[0] == "burgers"


def test_a_singular_verb_asks_for_one_thing() -> None:
    assert asks_for_items(plan_question("Welke directies worden genoemd bij de afstemming?"))
    assert not asks_for_items(
        plan_question("Welke maatwerkplaats wordt genoemd als plek voor ontmoetingen?")
    )


def test_organisations_in_the_plural_are_a_list_of_names() -> None:
    plan = plan_question("Welke organisaties deden mee aan de eerste Stand van VWS?")
    assert asks_for_items(plan)
    assert not asks_for_items(plan_question("Welke organisatie heeft de Stand opgesteld?"))
    named = asked_enumeration(STANDEN, plan)
    assert named is not None and named.items == ("CAK", "CIBG", "CIZ", "DUS-I")
    people = "Er kwamen politici, bestuurders, ambtenaren en burgers naar de dag."
    assert asked_enumeration(people, plan) is None  # not organisations by name


def test_after_a_preposition_the_verb_does_not_say_how_many_organisations_are_asked() -> None:
    plan = plan_question("Bij welke uitvoeringsorganisaties is de problematiek in kaart gebracht?")
    assert asks_for_items(plan)
    text = "In fase 1 is de problematiek bij de Belastingdienst, UWV, SVB en DUO in kaart gebracht."
    named = asked_enumeration(text, plan)
    assert named is not None and named.items == ("Belastingdienst", "UWV", "SVB", "DUO")
    # other things than organisations: the singular verb still asks for one
    assert not asks_for_items(plan_question("In welke vormen wordt aan vakmanschap gewerkt?"))


def test_organisations_only_counted_are_not_named() -> None:
    plan = plan_question("Welke gemeenten doen mee aan het maatwerkloket?")
    assert asks_for_items(plan)
    assert counts_instead_of_naming("Momenteel zijn zestig gemeenten betrokken.", plan)
    assert counts_instead_of_naming("Er werken een aantal gemeenten aan mee.", plan)
    assert not counts_instead_of_naming("Amsterdam en Zwolle zijn betrokken.", plan)
    # a question for how many is answered by the count
    assert not counts_instead_of_naming(
        "Momenteel zijn zestig gemeenten betrokken.",
        plan_question("Hoeveel gemeenten doen mee aan het maatwerkloket?"),
    )


def test_kamerstuk_numbers_are_no_list_of_things() -> None:
    numbered = (
        "Uw Kamer heb ik geïnformeerd over de infrastructuur van Logius, respectievelijk "
        "Kamerstuk 26 643, nrs. 866 en 928."
    )
    assert find_enumerations(numbered) == []
    motions = "3 Motie Omtzigt, 35510, nr. 13 en motie Ploumen/Jetten, 35510, nr. 24."
    assert find_enumerations(motions) == []
    listed = find_enumerations(
        "Het gaat om CAK, CIBG, CIZ en DUS-I; zie Kamerstuk 29 362, nr. 290."
    )
    assert [e.items for e in listed] == [("CAK", "CIBG", "CIZ", "DUS-I")]


def test_two_things_after_the_same_words_are_a_pair() -> None:
    # corpus/uitvoering/002: the POK progress letter on the aanpak van discriminatie
    sentence = (
        "Die versterking bestaat uit het instellen van een Nationaal Coördinator tegen "
        "Discriminatie en Racisme (NCDR) en het instellen van een Staatscommissie die breed "
        "onderzoek gaat doen naar discriminatie."
    )
    (pair,) = find_enumerations(sentence)
    assert pair.items == (
        "Nationaal Coördinator tegen Discriminatie en Racisme (NCDR)",
        "Staatscommissie",
    )
    found = asked_enumeration(sentence, plan_question("Welke twee instanties komen er?"))
    assert found == pair
    # office holders' titles each name one ministry: no pair of things
    titles = (
        "Mede namens de Staatssecretaris van Financiën-Toeslagen en Douane en de "
        "Staatssecretaris van Sociale Zaken en Werkgelegenheid,"
    )
    assert find_enumerations(titles) == []


def test_the_end_of_one_name_is_no_pair_of_names() -> None:
    assert (
        find_enumerations("Er komt een Nationaal Coördinator tegen Discriminatie en Racisme.") == []
    )
    # a new name after its article still pairs
    (pair,) = find_enumerations("Zo heeft RvIG het Meldpunt A en het Meldpunt B ingericht.")
    assert pair.items == ("het Meldpunt A", "het Meldpunt B")


@pytest.mark.parametrize(
    ("sentence", "items"),
    [
        # corpus/uitvoering/002: no "en" before the last item, each item after "in"
        (
            "kijken hoe het ambtelijk vakmanschap kan worden versterkt: in dilemmagesprekken, in "
            "trainingen, in managementsessies.",
            ("dilemmagesprekken", "trainingen", "managementsessies"),
        ),
        # corpus/uitvoering/003: items longer than a series' middle items may be
        (
            "verschillende actielijnen, zoals het ontwikkelen van breed toepasbaar strategisch "
            "personeelsbeleid, het stimuleren van de inzet van rijkstrainees en het verbreden van "
            "de management development trajecten.",
            (
                "het ontwikkelen van breed toepasbaar strategisch personeelsbeleid",
                "het stimuleren van de inzet van rijkstrainees",
                "het verbreden van de management development trajecten",
            ),
        ),
        # the last item ends where the clause goes on
        (
            "Onderzocht wordt hoe het gemeentelijk loket, het digitale overheidsloket, het "
            "Informatiepunt Digitale Overheid, het Meldpunt Fouten in Overheidsregistraties in "
            "samenhang kunnen bijdragen aan het principe.",
            (
                "het gemeentelijk loket",
                "het digitale overheidsloket",
                "het Informatiepunt Digitale Overheid",
                "het Meldpunt Fouten in Overheidsregistraties",
            ),
        ),
    ],
)
def test_three_things_each_opened_by_the_same_word_are_a_series(
    sentence: str, items: tuple[str, ...]
) -> None:
    (series,) = find_enumerations(sentence)
    assert series.items == items
    assert sentence[series.start : series.end].endswith(items[-1].removeprefix("het "))


def test_two_things_opened_by_the_same_word_are_no_series() -> None:
    assert find_enumerations("Het gaat om het loket, het digitale loket voor iedereen.") == []
