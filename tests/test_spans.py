"""Spans of the asked type in corpus sentences, and the spans that only repeat the question."""

import pytest

from assistant.answering.spans import best_span, find_spans, names_counted
from assistant.plan import plan_question

pytestmark = pytest.mark.unit

COMPENSATION = (
    "Tot dusver hebben ongeveer 18.000 ouders deze eerste compensatie van 30.000 euro ontvangen."
)
INVENTORY = "De uitvraag leverde een lijst met 70 reacties van mogelijke hardvochtige effecten of knelpunten op."


@pytest.mark.parametrize(
    ("question", "sentence", "span"),
    [
        ("Hoeveel ouders kregen compensatie?", COMPENSATION, "ongeveer 18.000 ouders"),
        ("Hoeveel signalen haalde VWS op?", INVENTORY, "70 reacties"),
        (
            "Hoeveel ouders heeft Toeslagen in een pilot geholpen?",
            "Toeslagen heeft in een pilot achthonderd ouders persoonlijk geholpen.",
            "achthonderd ouders",
        ),
        ("Welk bedrag kregen ouders eerst?", COMPENSATION, "30.000 euro"),
        (
            "Welk deel van de functies is niet ingevuld?",
            "Ongeveer 15 procent van de functies is op dit moment niet ingevuld.",
            "Ongeveer 15 procent",
        ),
        (
            "What share of people is positive?",
            "Zeven op de tien Nederlanders zijn positief over de kwaliteit van de dienstverlening.",
            "Zeven op de tien",
        ),
        (
            "Op welke dag wordt de Staat aangeboden?",
            "die we aan uw Kamer aanbieden op de «public service day» van de Verenigde Naties (23 juni).",
            "23 juni",
        ),
        (
            "Wanneer ontvangt de Kamer de stand van Toeslagen?",
            "De stand van de uitvoering van Toeslagen ontvangt u dit najaar.",
            "dit najaar",
        ),
        (
            "Wanneer wil het kabinet een invoeringstoets uitvoeren?",
            "Het kabinet wil een invoeringstoets uitvoeren een jaar na inwerkingtreding van een wet.",
            # what the period counts from belongs to the answer: "een jaar" alone says no when
            "een jaar na inwerkingtreding van een wet",
        ),
        (
            "Wanneer verscheen het rapport van de ombudsman?",
            "Het is in augustus vier jaar geleden dat de Nationale ombudsman het rapport publiceerde.",
            "vier jaar geleden",
        ),
        (
            # "voor" mostly means "for": no anchor of the period
            "Hoe lang duurt het traject?",
            "Het traject duurt twee jaar voor het kabinet en de uitvoerders.",
            "twee jaar",
        ),
        (
            "Tussen welke jaren is er fors bezuinigd op de uitvoering?",
            "de jarenlange forse bezuinigingen op uitvoeringsorganisaties in de periode 2007 en 2017.",
            "periode 2007 en 2017",
        ),
        (
            "In welke periode werd fors bezuinigd?",
            "de jarenlange forse bezuinigingen in de periode 2007 en 2017.",
            "periode 2007 en 2017",
        ),
        (
            "Wie stuurde de brief?",
            "De Minister van Sociale Zaken en Werkgelegenheid, W. Koolmees",
            "W. Koolmees",
        ),
        (
            "In welk Kamerstuk is de kabinetsreactie verschenen?",
            "de kabinetsreactie op het rapport «Ongekend onrecht» van de POK (Kamerstuk 35 510, nr. 2)",
            "Kamerstuk 35 510, nr. 2",
        ),
        (
            "Hoe heet het algemene plan om het informatiebeheer van het Rijk te verbeteren?",
            "Een concrete stap die het kabinet hierin heeft gezet is het generieke actieplan "
            "‘Open op orde’8 dat op 6 april naar uw Kamer is gestuurd.",
            "Open op orde",
        ),
        (
            "Via welke URL is de eerste opzet van het platform te vinden?",
            "Er is een ‘startversie’. Een startversie is te vinden op www.ambtelijkvakmanschap.nl.",
            "www.ambtelijkvakmanschap.nl",
        ),
        (
            # a name with a word of the question names what it asks about, not what it asks for
            "Hoe heten de speciale eenheden bij de Belastingdienst?",
            "Bij de Belastingdienst en Toeslagen zijn er hiervoor de Stella-teams.",
            "Stella-teams",
        ),
        (
            "Onder welke naam raakte de zaak uit het rapport van de ombudsman bekend?",
            "Deze zaak zou later bekend worden onder de naam CAF-11 en bleek",
            "CAF-11",
        ),
    ],
)
def test_best_span(question: str, sentence: str, span: str) -> None:
    found = best_span(sentence, plan_question(question))
    assert found is not None and found.text == span
    assert sentence[found.start : found.end].strip() == span


def test_no_span_of_the_asked_type() -> None:
    # A numbered heading counts nothing; a year is no count; a date on its own is no amount.
    assert not find_spans(
        "5. Kennis ontwikkelen en kennis delen", plan_question("Hoeveel leercirkels zijn er?")
    )
    assert not find_spans(
        "Op 23 juni 2022 wordt de Dag van de Publieke Dienstverlening georganiseerd.",
        plan_question("Hoeveel bezoekers trok de conferentie?"),
    )
    assert not find_spans(
        "De minister van BZK heeft eind 2021 laten weten dat …",
        plan_question("Op welke datum is het gestuurd?"),
    )


def test_how_high_or_large_asks_for_a_size_not_a_count_in_words() -> None:
    staff = "Ongeveer 15 procent van de functies is op dit moment niet ingevuld."
    dilemmas = "Uit de Standen komen vier ervaren dilemma's naar voren."
    question = plan_question("Hoe groot is het tekort bij RvIG?")
    assert question.asks == "magnitude"
    assert best_span(staff, question).text == "Ongeveer 15 procent"
    assert best_span(dilemmas, question) is None
    # a count in digits is a size
    assert best_span(INVENTORY, question).text == "70 reacties"


def test_counting_things_is_not_answered_by_an_amount() -> None:
    sentence = "Met de kabinetsreactie is een bedrag van € 0,8 miljard structureel gereserveerd."
    assert not find_spans(sentence, plan_question("Hoeveel woningen wil het kabinet bouwen?"))
    # Without a counted noun the amount may be what is asked; an amount question keeps it too.
    assert [s.text for s in find_spans(sentence, plan_question("Hoeveel is er gereserveerd?"))]
    assert [s.text for s in find_spans(sentence, plan_question("Welk bedrag is gereserveerd?"))]
    counted = "Er kwamen 70 reacties binnen op de uitvraag, samen goed voor € 2 miljoen."
    assert [
        s.text for s in find_spans(counted, plan_question("Hoeveel meldingen kwamen er binnen?"))
    ] == ["70 reacties"]


def test_a_date_as_precise_as_asked() -> None:
    sentence = "Gezien de tijdshorizon voor de komende tien jaar, streven we in het voorjaar van 2022 naar consultatie."
    assert [
        s.text for s in find_spans(sentence, plan_question("Wanneer gaat het in consultatie?"))
    ] == [
        "tien jaar",
        "in het voorjaar van 2022",
    ]
    assert [
        s.text for s in find_spans(sentence, plan_question("In welk jaar gaat het in consultatie?"))
    ] == ["in het voorjaar van 2022"]


def test_a_span_that_repeats_the_question_answers_nothing() -> None:
    assert not find_spans(
        INVENTORY, plan_question("Hoeveel van de 70 reacties kwamen van het CAK?")
    )


def test_a_name_the_question_gives_by_surname_repeats_it_despite_its_initials() -> None:
    signature = "De Minister van Sociale Zaken en Werkgelegenheid, W. Koolmees"
    asked = plan_question("Who carried out the analysis, according to Koolmees's letter?")
    assert "W. Koolmees" not in [s.text for s in find_spans(signature, asked)]
    other = plan_question("Who carried out the analysis, according to the September letter?")
    assert "W. Koolmees" in [s.text for s in find_spans(signature, other)]


def test_a_list_question_leads_with_the_items_not_a_number() -> None:
    sentence = (
        "- CAK, CIBG, CIZ en DUS-I hebben zelf een Stand van de Uitvoering opgesteld, onder hun "
        "eigen verantwoordelijkheid."
    )
    plan = plan_question("Welke vier zbo's en agentschappen van VWS hebben een rapport gemaakt?")
    span = best_span(sentence, plan)
    assert span is not None and span.text == "CAK, CIBG, CIZ en DUS-I"
    assert sentence[span.start : span.end] == "CAK, CIBG, CIZ en DUS-I"
    assert not find_spans(sentence, plan)  # a list is no typed fact


def test_how_often_does_not_say_when() -> None:
    sentence = (
        "In de kabinetsreactie is de toezegging gedaan om de aandacht voor de uitvoering "
        "structureel te versterken, met een eerste Stand voor de zomer van 2021."
    )
    when = plan_question("Wanneer komt de eerste Stand van de Uitvoering?")
    assert [s.text for s in find_spans(sentence, when)] == ["voor de zomer van 2021"]
    how_long = plan_question("Over welke periode wordt de aandacht versterkt?")
    assert "structureel" in [s.text for s in find_spans(sentence, how_long)]


SUPPLIERS = (
    "Bijkomend probleem is dat toeleveranciers als gevolg van diezelfde krapte op de "
    "arbeidsmarkt stelselmatig niet, of niet tijdig, kunnen leveren."
)
NCDR = (
    "Die versterking bestaat uit het instellen van een Nationaal Coördinator tegen "
    "Discriminatie en Racisme (NCDR) en het instellen van een Staatscommissie."
)


def test_a_word_ending_in_tig_is_no_number_but_a_written_out_number_is() -> None:
    plan = plan_question("Hoeveel algoritmes staan er in het register van RvIG?")
    assert find_spans(SUPPLIERS, plan) == []
    counted = "Momenteel zijn vijfentwintig gemeenten en achttien uitvoerders aangehaakt."
    assert [s.text for s in find_spans(counted, plan)] == [
        "vijfentwintig gemeenten",
        "achttien uitvoerders",
    ]


def test_the_abbreviation_of_a_name_the_question_spells_out_repeats_it() -> None:
    asked = plan_question(
        "Wie is benoemd tot Nationaal Coördinator tegen Discriminatie en Racisme?"
    )
    assert "NCDR" not in [s.text for s in find_spans(NCDR, asked)]
    other = plan_question("Wie gaat discriminatie door de overheid bestrijden?")
    assert "NCDR" in [s.text for s in find_spans(NCDR, other)]


def test_a_number_the_question_writes_out_is_no_answer() -> None:
    plan = plan_question("Hoeveel van de zeventig reacties zijn als hardvochtig aangemerkt?")
    assert not find_spans("De uitvraag leverde een lijst met 70 reacties op.", plan)
    assert [s.text for s in find_spans("Twee reacties zijn uit de bijlage gehaald.", plan)] == [
        "Twee reacties"
    ]
    written = plan_question("Hoeveel van de 25 organisaties deden mee?")
    assert not find_spans("Vijfentwintig organisaties kregen een uitnodiging.", written)


def test_a_footnote_number_opening_its_line_counts_nothing() -> None:
    plan = plan_question("Hoeveel stemmen kreeg de motie?")
    assert not find_spans("3 Motie Omtzigt, 35510, nr. 13 en motie Ploumen/Jetten.", plan)
    assert find_spans("De motie kreeg 3 stemmen van de oppositie.", plan)


def test_a_count_of_the_parts_of_a_whole_answers_for_another_word_for_parts() -> None:
    sentence = "De acties zijn samengebracht in zes verschillende thema's."
    span = best_span(sentence, plan_question("In hoeveel clusters zijn de acties ingedeeld?"))
    assert span is not None
    assert names_counted(span, plan_question("In hoeveel clusters zijn de acties ingedeeld?"))
    assert names_counted(span, plan_question("Hoeveel hoofdonderwerpen zijn er?"))
    assert not names_counted(span, plan_question("Hoeveel ouders zijn er geholpen?"))
    staff = best_span("Er werken zes medewerkers aan.", plan_question("Hoeveel clusters zijn er?"))
    assert staff is not None
    assert not names_counted(staff, plan_question("Hoeveel clusters zijn er?"))


def test_a_count_under_another_policy_word_for_the_asked_things_counts_them() -> None:
    plan = plan_question("Hoeveel maatregelen kwamen er uit de kabinetsreactie?")
    span = best_span("Het debat heeft geleid tot bijna 90 acties.", plan)
    assert span is not None and names_counted(span, plan)
    other = best_span("Er doen 60 gemeenten mee.", plan)
    assert other is not None and not names_counted(other, plan)


def test_the_base_of_a_share_is_no_count_of_its_own() -> None:
    sentence = (
        "Zeven op de tien Nederlanders zijn positief en een op de vijf Nederlanders vindt dat "
        "de digitalisering te snel gaat."
    )
    spans = find_spans(sentence, plan_question("Hoeveel Nederlanders zijn positief?"))
    assert [s.text for s in spans] == [
        "Zeven op de tien Nederlanders",
        "een op de vijf Nederlanders",
    ]


def test_a_percentage_that_says_how_much_something_changed_is_no_share() -> None:
    sentence = (
        "De waardering voor de overheidsdienstverlening is aanzienlijk (9%) gestegen. Zeven op "
        "de tien Nederlanders zijn positief."
    )
    share = find_spans(sentence, plan_question("Welk deel van de Nederlanders is positief?"))
    assert [s.text for s in share] == ["Zeven op de tien"]
    rise = find_spans(sentence, plan_question("Met hoeveel procent nam de waardering toe?"))
    assert [s.text for s in rise] == ["9%", "Zeven op de tien"]


def test_a_year_on_its_own_answers_in_which_year_when_nothing_else_dates() -> None:
    plan = plan_question("In welk jaar maakte VWS voor het eerst een Stand?")
    first = best_span("Binnen VWS is 2022 het eerste jaar voor een Stand van de Uitvoering.", plan)
    assert first is not None and first.text == "2022"
    # a year inside an identifier dates nothing; a dated phrase wins over a bare year
    assert best_span("Het kenmerk is 2021-0000126162.", plan) is None
    assert best_span("Sinds juni 2019 en in de rest van 2020.", plan).text == "juni 2019"  # type: ignore[union-attr]
    # a question for any date is not answered by a bare number that may be a year
    assert (
        best_span("Binnen VWS is 2022 het eerste jaar.", plan_question("Wanneer deed VWS dat?"))
        is None
    )


def test_an_acronym_in_a_compound_answers_no_who_question() -> None:
    plan = plan_question("Wie voert de regeling uit?")
    assert best_span("De regeling wordt uitgevoerd door het UWV.", plan).text == "UWV"  # type: ignore[union-attr]
    # "ICT-personeel" is staff of a kind, not someone who acts
    assert best_span("Het tekort aan ICT-personeel speelt overal.", plan) is None


def test_a_ministry_of_several_capitalised_words_is_named_whole() -> None:
    plan = plan_question("Welke minister heeft de brief ondertekend?")
    sentence = "Namens de minister van Sociale Zaken en Werkgelegenheid, W. Koolmees."
    assert [s.text for s in find_spans(sentence, plan)][0] == (
        "de minister van Sociale Zaken en Werkgelegenheid"
    )


def test_a_count_is_answered_by_a_share_of_the_counted_things() -> None:
    sentence = "Ongeveer 15 procent van de functies is op dit moment niet ingevuld."
    asked = best_span(sentence, plan_question("Hoeveel functies staan er bij RvIG leeg?"))
    assert asked is not None and asked.text == "Ongeveer 15 procent van de functies"
    # a share of something else does not say how many of the asked things there are
    other = best_span(sentence, plan_question("Hoeveel medewerkers heeft RvIG?"))
    assert other is None


def test_how_often_is_answered_by_a_frequency_or_a_share_of_the_cases() -> None:
    plan = plan_question("Hoe vaak moeten uitvoerders zo'n Stand opstellen?")
    sentence = (
        "Om de aandacht voor de uitvoering structureel te versterken, zullen de afzonderlijke "
        "uitvoerders jaarlijks een «Stand van de Uitvoering» opstellen."
    )
    found = best_span(sentence, plan)
    assert found is not None and found.text == "jaarlijks"  # not "structureel": how lasting
    often = plan_question("Hoe vaak lopen burgers vast in meerdere problemen tegelijk?")
    share = "In ongeveer twintig procent van de gevallen is sprake van complexe problemen."
    assert [s.text for s in find_spans(share, often)] == ["ongeveer twintig procent"]
    assert find_spans("Als het een keer tegenzit, helpt de helpdesk.", often) == []
    assert [s.text for s in find_spans("Dat gebeurt om de twee jaar.", often)] == [
        "om de twee jaar"
    ]


def test_a_minister_asked_is_not_answered_by_an_organisations_acronym() -> None:
    sentence = "Door ABD TOPConsult is een analyse verricht, meldt de minister van SZW."
    minister = plan_question("Welke bewindspersoon meldde de Kamer dat de analyse klaar was?")
    assert [s.text for s in find_spans(sentence, minister)] == ["de minister van SZW"]
    who = plan_question("Wie heeft de analyse verricht?")
    assert "ABD TOPConsult" in [s.text for s in find_spans(sentence, who)]
