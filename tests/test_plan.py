"""The answer plan: asked type, counted noun, constraints and sub-questions of a question."""

import pytest

from assistant.plan import asked_type, plan_question

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(
    ("question", "asks"),
    [
        ("Hoeveel ouders hebben de eerste compensatie ontvangen?", "number"),
        ("Welk klanttevredenheidscijfer meldde het CIZ?", "number"),
        ("Hoe hoog was de waardering van burgers in 2022?", "magnitude"),
        ("Hoe groot is het tekort bij RvIG?", "magnitude"),
        ("Hoe groot is het aantal gemeenten dat meedoet?", "number"),
        ("Hoe groot was dat aandeel ongeveer?", "percentage"),
        ("Hoe hoog is de eerste vaste uitkering voor ouders?", "amount"),
        ("Welk cijfer gaven burgers de dienstverlening?", "number"),
        ("How many families were affected?", "number"),
        ("Welk bedrag is structureel gereserveerd?", "amount"),
        ("Hoeveel kost de aanpak van de hardvochtigheden?", "amount"),
        ("Hoe hoog is de eerste compensatie voor gedupeerde ouders?", "amount"),
        ("Wat gaat de vernieuwing van het IT-fundament in totaal kosten?", "amount"),
        ("Wat zijn de totale kosten van de regeling?", "amount"),
        ("What was the total budget of the programme in 2022?", "amount"),
        ("What time horizon does the cabinet set for the improvement?", "period"),
        ("Over what time horizon does the response plan its approach?", "period"),
        ("Welke tijdshorizon kiest het kabinet?", "period"),
        # years asked as the bounds of a period, not as a list of years
        ("Tussen welke jaren is er bezuinigd op de uitvoering?", "period"),
        ("Between which years were the agencies cut back?", "period"),
        # a trait the chosen ones share is no document's kenmerk
        ("Op grond van welk kenmerk zijn de diensten gekozen?", "other"),
        ("Welk kenmerk heeft de beslisnota?", "document"),
        # the question asks which Kamerstuk; the costs are what it is about
        (
            "In welk Kamerstuk staat het onderzoek naar wat de verbeteringen gaan kosten?",
            "document",
        ),
        ("Welk deel van de functies bij RvIG is niet ingevuld?", "percentage"),
        ("What share of Dutch people is positive about public services?", "percentage"),
        ("Wanneer is de kabinetsreactie verstuurd?", "date"),
        ("Vanaf welk jaar wordt de financiering eenvoudiger?", "date"),
        ("Welke looptijd hebben de hervormingsplannen?", "period"),
        ("Hoeveel tijd na de inwerkingtreding wil het kabinet terugkijken?", "period"),
        ("Hoe vaak brengt JenV een advies over de wetgevingskwaliteit uit?", "frequency"),
        ("Hoeveel keer lag DigiD eruit?", "frequency"),
        ("How often must the agencies report?", "frequency"),
        ("Wie stuurde Kamerstuk 29 362, nr. 318?", "person"),
        # an office asked for by a word for office holders is a person
        ("Welke lokale bestuurder moet toezien op de regels?", "person"),
        ("Welke functionaris coördineert de aanpak?", "person"),
        ("Welk Kamerstuknummer draagt de kabinetsreactie?", "document"),
        # a question after "In welk stuk …?" asks the field of that document
        ("In welk stuk staat het? Wat is het kenmerk?", "document"),
        ("Wat is het Kamerstuknummer van het TCU-rapport?", "document"),
        ("Waarom zijn twee reacties weggelaten?", "reason"),
        ("Wat is de trialoog?", "definition"),
        ("Heeft BZK al ervaring met invoeringstoetsen?", "yes_no"),
        ("Welke vier dilemma's ervaren RvIG en Logius?", "list"),
        ("Waar heeft RvIG zijn algoritmes openbaar gemaakt?", "other"),
        # how much of something uncountable, and under which conditions: no count, no date
        ("Hoeveel ruimte hebben professionals om maatwerk te leveren?", "other"),
        ("Hoeveel ervaring had BZK eind 2022 met de invoeringstoets?", "other"),
        ("Wanneer is het toegestaan dat de overheid onderscheid maakt?", "other"),
        ("Wanneer mag de overheid afwijken van de regels?", "other"),
        # what something is called: a name, a quoted term, a web address
        ("Hoe heet het actieplan voor de informatiehuishouding?", "name"),
        ("Onder welke naam werd de zaak bekend?", "name"),
        ("Via welke URL is het platform te vinden?", "name"),
        ("On which website can civil servants find the platform?", "name"),
        ("What is the programme called?", "name"),
        # the name of an office holder is a person
        ("Wat is de naam van de minister van Binnenlandse Zaken?", "person"),
        ("Hoe heet de staatssecretaris van BZK?", "person"),
        # several things asked for; a singular noun in -s asks for one
        ("Welke maatregelen neemt het kabinet?", "list"),
        ("Welke lessen trok hij uit de crisis?", "list"),
        ("Welke toets gebruikte VWS om hardvochtigheid te bepalen?", "other"),
        ("Welke les trok hij uit de crisis?", "other"),
        ("Welke BZK-organisaties stelden een Stand op?", "list"),
    ],
)
def test_asked_type(question: str, asks: str) -> None:
    assert asked_type(question) == asks


def test_a_chatty_message_is_typed_by_its_question_sentence() -> None:
    plan = plan_question(
        "Goedemorgen! Is het u bekend dat ik nieuw ben bij VWS. Een collega noemde een nota. "
        "Weet jij wat de uiterste datum was? Alvast bedankt!"
    )
    assert plan.asks == "date"


def test_counted_noun_constraints_and_sub_questions() -> None:
    plan = plan_question(
        "Hoeveel van de 70 reacties in de VWS-inventarisatie van 2021 kwamen van het CAK?"
    )
    assert plan.counted[0] == "reacties"
    assert plan_question("Hoeveel daarvan zijn uit de bijlage gehaald?").counted == ()
    assert plan.years == ("2021",)
    assert {"VWS", "CAK"} <= set(plan.organisations)
    two = plan_question("Welke minister heeft de beslisnota getekend, en op welke datum?")
    assert [sub.asks for sub in two.sub_questions] == ["person", "date"]
    assert two.sub_questions[1].precision == "day"
    assert plan_question("Vanaf welk jaar wordt de GDI eenvoudiger?").precision == "year"
    assert two.to_dict()["sub_questions"] == [sub.focus for sub in two.sub_questions]


def test_a_comparison_without_a_typed_fact() -> None:
    assert plan_question(
        "Wat is het verschil tussen de Stand en de Staat van de Uitvoering?"
    ).asks == ("comparison")
    assert (
        plan_question("Welke looptijd noemen zowel de WaU-reactie als de POK-brief?").asks
        == "period"
    )


def test_a_number_in_the_question_does_not_end_its_sentence() -> None:
    plan = plan_question("Hoeveel ouders hebben de eerste compensatie van 30.000 euro ontvangen?")
    assert plan.asks == "number" and plan.counted[0] == "ouders"
    # nor does the point of "nr." in a Kamerstuk as the product itself cites one
    cited = plan_question("Hoeveel medewerkers heeft Logius volgens Kamerstuk 29 362, nr. 318?")
    assert cited.asks == "number" and cited.counted == ("medewerkers",)
    assert plan_question("Wanneer begon de pilot volgens Kamerstuk 29 362, nr. 290?").asks == "date"


@pytest.mark.parametrize(
    ("question", "count"),
    [
        ("Welke tien landelijke uitvoerders zijn aangesloten bij het maatwerkloket?", 10),
        ("Welke 12 maatregelen noemt de brief?", 12),
        ("Which four organisations wrote their own Stand van de Uitvoering?", 4),
        ("Welke drie lijnen noemt BZK?", 3),
        ("Welke maatregelen noemt de brief?", 0),
    ],
)
def test_the_number_of_things_asked_for(question: str, count: int) -> None:
    assert plan_question(question).count == count


def test_a_group_count_in_the_context_sets_the_number_of_things_asked() -> None:
    asked = "Het ging om een viertal grote diensten; om welke ging het?"
    assert plan_question(asked).count == 4
    assert plan_question("Een tiental gemeenten deed mee aan de pilot.").count == 0  # no 'welke'
    assert plan_question("Welke drie organisaties noemt de brief?").count == 3


@pytest.mark.parametrize(
    ("question", "precision"),
    [
        ("Wanneer verscheen het ombudsmanstuk over de gastouderzaak precies?", "day"),
        ("Wat is de exacte datum van de brief?", "day"),
        ("When exactly was the report published?", "day"),
        ("Wanneer verscheen het ombudsmanstuk over de gastouderzaak?", None),
    ],
)
def test_precisely_when_asks_for_the_day(question: str, precision: str | None) -> None:
    assert plan_question(question).precision == precision


def test_characteristics_are_not_a_documents_kenmerk() -> None:
    assert plan_question("Welke kenmerken wil het kabinet dat de overheid heeft?").asks != (
        "document"
    )
    assert plan_question("Welk kenmerk heeft de beslisnota?").asks == "document"


@pytest.mark.parametrize(
    ("question", "part_of"),
    [
        ("Hoeveel van de 70 reacties in de VWS-inventarisatie kwamen van het CAK?", ("cak",)),
        ("Hoeveel van de casussen bij het loket zijn inmiddels opgelost?", ("oplos",)),
        (
            "Hoeveel van de meldingen, die bij VWS binnenkwamen, leidden tot een wetswijziging?",
            ("leid", "wetswijs"),
        ),
        ("Hoeveel reacties kwamen er van het CAK?", ()),  # no whole: nothing to tell apart
        ("Hoeveel daarvan zijn uit de bijlage gehaald?", ()),
    ],
)
def test_a_count_of_part_of_a_whole_keeps_what_makes_the_part(
    question: str, part_of: tuple[str, ...]
) -> None:
    assert plan_question(question).part_of == part_of


@pytest.mark.parametrize(
    ("question", "organisations"),
    [
        ("Welk deel van de functies bij Logius is niet ingevuld?", ("Logius",)),
        ("Hoeveel mensen helpt de Belastingdienst samen met het UWV?", ("UWV", "Belastingdienst")),
        ("Wat schrijft de BZK-brief over RvIG?", ("RvIG",)),  # the sender of the document
        ("Wanneer kreeg de Kamer de brief van de minister?", ()),  # roles are no organisation
        ("Wat staat er in het rapport van fase II over de SVB?", ("SVB",)),  # a number
    ],
)
def test_the_organisations_a_question_is_about(
    question: str, organisations: tuple[str, ...]
) -> None:
    assert plan_question(question).organisations == organisations


@pytest.mark.parametrize(
    ("question", "counted"),
    [
        ("Staan er meer dan vijftig algoritmes in het register van RvIG?", ("algoritmes",)),
        ("Weet je of het CIZ meer dan duizend mensen in dienst heeft?", ("mensen",)),
        ("Zijn er ten minste 60 reacties binnengekomen?", ("reacties",)),
    ],
)
def test_whether_a_count_passes_a_bound_asks_for_the_count(
    question: str, counted: tuple[str, ...]
) -> None:
    plan = plan_question(question)
    assert (plan.asks, plan.counted) == ("number", counted)


def test_a_bound_on_something_else_than_a_count_stays_a_yes_no_question() -> None:
    assert plan_question("Heeft het kabinet meer dan een jaar nodig?").asks == "yes_no"


def test_a_request_pointing_back_is_typed_by_the_sentence_it_points_at() -> None:
    message = (
        "Hallo! Mijn directeur vraagt welk extra budget DUO na fase 2 heeft gekregen. "
        "Kun jij dat voor me opzoeken? Super bedankt."
    )
    assert plan_question(message).asks == "amount"
    assert plan_question("Is de brief uit 2020? Weet jij dat?").asks == "yes_no"
    assert plan_question("Weet je wanneer de brief verstuurd is?").asks == "date"


def test_whether_values_agree_asks_for_the_values() -> None:
    same = "Geven beide brieven hetzelfde Kamerstuknummer voor het TCU-rapport?"
    assert plan_question(same).asks == "document"
    assert plan_question("Noemen ze dezelfde datum voor de deadline?").asks == "date"
    asked_twice = "Welk Kamerstuknummer geven de twee brieven voor het rapport? Is dat hetzelfde?"
    assert plan_question(asked_twice).asks == "document"
    # "Klopt dat?" after a statement asks to confirm the statement, not for its type
    stated = "De brief is van 5 maart 2021. Klopt dat?"
    assert plan_question(stated).asks == asked_type("Klopt dat?")


def test_a_question_word_on_its_own_after_en_is_a_sub_question() -> None:
    plan = plan_question("Welke twee reacties zijn uit de bijlage gehaald, en waarom?")
    assert plan.asks == "list"
    assert [(sub.focus, sub.asks) for sub in plan.sub_questions] == [
        ("Welke twee reacties zijn uit de bijlage gehaald", "list"),
        ("waarom?", "reason"),
    ]
    assert plan_question("Waarom?").sub_questions == ()


def test_a_preposition_may_open_a_sub_question_after_one_that_asks_something() -> None:
    plan = plan_question(
        "Met welke directies is de brief afgestemd, en aan welk gremium is hij voorgelegd?"
    )
    assert [sub.focus for sub in plan.sub_questions] == [
        "Met welke directies is de brief afgestemd",
        "aan welk gremium is hij voorgelegd?",
    ]
    counted = plan_question("Hoeveel medewerkers deden mee; over hoeveel thema's ging het?")
    assert [sub.asks for sub in counted.sub_questions] == ["number", "number"]
    # after a yes/no question or a statement it asks after that, not a question of its own
    assert plan_question("Is de motie aangenomen, en met hoeveel stemmen?").sub_questions == ()
    stated = "Het rapport verscheen in 2019; over hoeveel gezinnen ging het?"
    assert plan_question(stated).sub_questions == ()
    # "van wanneer is dat stuk" points back at the first part's answer
    pointing = "In welk stuk staat dat RvIG een register heeft, en van wanneer is dat stuk?"
    assert plan_question(pointing).sub_questions == ()


def test_a_series_of_questions_apart_by_commas_is_split_into_each() -> None:
    series = plan_question(
        "Hoe vaak moeten uitvoerders zo'n stand opleveren, in welk jaar kwam VWS met de eerste, "
        "en waarin worden de volgende standen van RvIG en Logius verwerkt?"
    )
    assert [sub.focus for sub in series.sub_questions] == [
        "Hoe vaak moeten uitvoerders zo'n stand opleveren",
        "in welk jaar kwam VWS met de eerste",
        "waarin worden de volgende standen van RvIG en Logius verwerkt?",
    ]
    # context sentences before the question do not make its first part a statement
    told = plan_question(
        "In de brief stond een voorbeeld van een vernieuwing die in het gedrang kwam. Welk "
        "project was dat, en op welke data is de Kamer over Logius bijgepraat?"
    )
    assert len(told.sub_questions) == 2
    # a statement before the comma still keeps the question whole
    assert plan_question("Het rapport verscheen, in welk jaar was dat?").sub_questions == ()


def test_when_after_another_question_word_joins_a_clause_and_asks_no_date() -> None:
    english = "What criterion did VWS apply when judging whether an effect was too harsh?"
    assert plan_question(english).asks != "date"
    assert (
        plan_question("Wat moet een ouder doen wanneer de compensatie te laag is?").asks != "date"
    )
    # an embedded or opening "wanneer" / "when" still asks when
    assert plan_question("Weet je wanneer de brief verstuurd is?").asks == "date"
    assert plan_question("Do you know when the letter was sent?").asks == "date"


def test_a_verb_after_the_counted_plural_is_not_counted() -> None:
    # "sporen" is the counted noun; "verzamelde" the verb that follows it
    assert plan_question("Via hoeveel sporen verzamelde BZK meldingen?").counted == ("sporen",)
    # an adjective before the noun is part of what is counted
    assert plan_question("Hoeveel vastgelopen zaken zijn er?").counted == ("vastgelopen", "zaken")
