"""Sentence selection rules of the extractive answerer, on small hand-made passages."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from assistant.extractive import select_passages
from assistant.sentences import answer_units
from vectorstore.stored_chunk import StoredChunk
from vectorstore.text_analysis import terms

pytestmark = pytest.mark.unit


def _chunk(text: str, chunk_id: str = "c1", section: str = "") -> StoredChunk:
    return StoredChunk(chunk_id, text, {"doc_id": "doc", "section": section}, 1.0)


def _answer(question: str, *chunks: StoredChunk) -> str:
    return " ".join(p.text for p in select_passages(question, list(chunks), lambda _: 1.0))


def test_ordinal_in_question_meets_digit_in_text() -> None:
    chunk = _chunk(
        "Het traject kent meerdere onderdelen die los van elkaar lopen. "
        "In fase 1 is de situatie bij de Belastingdienst in kaart gebracht."
    )
    assert "fase 1" in _answer("Wat gebeurde er in de eerste fase?", chunk)


def test_compound_with_the_asked_word_as_head_counts() -> None:
    chunk = _chunk(
        "Ouders kregen een eerste betaling van de overheid op korte termijn. "
        "Later is dit aangevuld met de Catshuisregeling."
    )
    assert "Catshuisregeling" in _answer("Welke regeling kwam er later bij?", chunk)


def test_lead_in_and_its_list_are_one_unit() -> None:
    text = (
        "U wordt gevraagd om:\n\n- In te stemmen met het verzenden van de brief.\n"
        "- Kennis te nemen van de Standen.\n\nDe nota is opgesteld door de directie."
    )
    units = [text[a:b] for a, b in answer_units(text)]
    assert units[0].startswith("U wordt gevraagd om:") and units[0].endswith("de Standen.")
    assert units[1] == "De nota is opgesteld door de directie."


def test_sentence_leaning_on_the_one_before_takes_it_along() -> None:
    chunk = _chunk(
        "Ik heb uw Kamer de Werkagenda Waardengedreven Digitalisering gezonden. "
        "Hierin staan de prioriteiten, zodat er minder ad hoc opdrachten komen."
    )
    answer = _answer("Wat zorgt voor minder ad hoc opdrachten?", chunk)
    assert answer.startswith("Ik heb uw Kamer de Werkagenda Waardengedreven Digitalisering")


def test_next_sentence_that_leans_back_joins_the_best_one() -> None:
    chunk = _chunk(
        "De coronacrisis vraagt veel inzet van onze uitvoeringsorganisaties vandaag. "
        "Deze crisis onderstreept zo het belang van de uitvoering. "
        "Het weer was die zomer wisselvallig en nat in het hele land."
    )
    answer = _answer("Wat vraagt de coronacrisis van de uitvoeringsorganisaties?", chunk)
    assert "Deze crisis onderstreept" in answer and "weer" not in answer


def test_answer_naming_the_asked_kind_wins_over_word_overlap() -> None:
    chunk = _chunk(
        "De herstelregelingen voor ouders zijn in de zomer vormgegeven door het kabinet. "
        "Het kabinet vindt herstel voor ouders van het allergrootste belang. "
        "Later is dit aangevuld met de Catshuisregeling."
    )
    assert "Catshuisregeling" in _answer("Welke regeling vulde de herstelregelingen aan?", chunk)


def test_a_name_after_the_asked_kind_wins_over_another_name() -> None:
    chunk = _chunk(
        "De governance van de GDI en het beheer van informatie worden vereenvoudigd. "
        "Een concrete stap is het generieke actieplan ‘Open op orde’ van april."
    )
    question = "Hoe heet het plan voor het beheer van informatie?"
    assert _answer(question, chunk).startswith("Een concrete stap is het generieke actieplan")


def test_an_amount_beside_the_sentence_about_the_subject_does_not_answer() -> None:
    invested = _chunk(
        "Vooruitlopend op het traject Werk aan Uitvoering heeft dit kabinet al extra "
        "geïnvesteerd in de uitvoering."
    )
    reserved = _chunk(
        "Met de reactie op het rapport heeft het kabinet € 0,8 miljard gereserveerd.", "c2"
    )
    asked = "Hoeveel geld heeft het kabinet vooruitlopend op Werk aan Uitvoering geïnvesteerd?"
    assert _answer(asked, invested, reserved) == ""  # it was invested, but not how much
    assert "0,8 miljard" in _answer(
        "Hoeveel geld is met de reactie gereserveerd?", invested, reserved
    )


def test_a_sentence_repeated_by_an_overlapping_chunk_is_said_once() -> None:
    first = _chunk(
        "Het ministerie zal een discriminatietoets verrichten bij de wetgevingstoetsing. "
        "Ook wordt de toets onderdeel van de besluitvorming in de Ministerraad.",
        "c1",
    )
    overlap = _chunk(
        "een discriminatietoets verrichten bij de wetgevingstoetsing. "
        "Daarnaast komt er een handreiking voor de toetsing.",
        "c2",
    )
    passages = select_passages(
        "Wie gaat een discriminatietoets verrichten bij de wetgevingstoetsing?",
        [first, overlap],
        lambda _: 1.0,
        most=3,
    )
    texts = [p.text for p in passages]
    assert texts[0].startswith("Het ministerie zal een discriminatietoets")
    assert not any(t.startswith("een discriminatietoets") for t in texts[1:])


def test_short_next_sentence_pointing_back_joins_the_best_one() -> None:
    chunk = _chunk(
        "Het College voor de Rechten van de Mens biedt trainingen aan over discriminatie. "
        "Het College gaat dit uitbreiden. Het ministerie ontwikkelt daarnaast een handreiking "
        "voor alle departementen over gelijke behandeling in wetgeving."
    )
    answer = _answer("Wat gaat het College doen met zijn trainingen over discriminatie?", chunk)
    assert answer.endswith("Het College gaat dit uitbreiden.")


def test_accents_do_not_keep_words_apart() -> None:
    assert terms("geïnformeerd coördinator") == terms("geinformeerd coordinator")


def test_a_date_stated_by_several_sentences_wins_over_a_side_remark() -> None:
    chunk = _chunk(
        "Het kabinet heeft de rapportage op 10 mei besproken. "
        "Het kabinet geeft de rapportage op 23 juni aan het parlement. "
        "Op 23 juni as. wordt de Dag van de Publieke Dienstverlening georganiseerd. "
        "Daarom staat de deadline voor de brief op 23 juni as."
    )
    answer = _answer("Op welke dag geeft het kabinet de rapportage?", chunk)
    assert answer.startswith("Het kabinet geeft de rapportage op 23 juni")


def test_who_question_prefers_the_sentence_naming_a_person() -> None:
    chunk = _chunk(
        "Het stelsel van reisdocumenten kent strenge regels voor het naleven van de processen. "
        "De verantwoordelijkheid voor het volgen van wet- en regelgeving en het inrichten van "
        "adequate processen ligt bij de burgemeester van elke gemeente."
    )
    question = "Wie is verantwoordelijk voor het naleven van de regels rond reisdocumenten?"
    best = select_passages(question, [chunk], lambda _: 1.0)[0]
    assert "burgemeester" in best.text


def test_which_organisation_question_prefers_the_sentence_naming_an_organisation() -> None:
    # both sentences share the question's words; only the second names an organisation
    chunk = _chunk(
        "Het kabinet wil geobjectiveerde signalen opvangen over waar burgers in de knel komen. "
        "Daarom gaat het kabinet over die signalen in overleg met de Nationale ombudsman."
    )
    question = (
        "Welke instanties raadpleegt het kabinet over signalen waar burgers in de knel komen?"
    )
    best = select_passages(question, [chunk], lambda _: 1.0)[0]
    assert "Nationale ombudsman" in best.text


def test_a_paraphrased_number_sentence_answers_when_the_model_finds_it_closest() -> None:
    # The number's sentence shares one word ('VWS') with the question: too few to show that it
    # is about the question's subject, unless the model finds it as close as the closest.
    chunks = [
        _chunk("In 2021 zijn 12 nieuwe uitvoeringsorganisaties gestart met een eigen Stand.", "c1"),
        _chunk("Bij VWS leverde de uitvraag een lijst met 70 reacties op.", "c2"),
    ]
    question = "Hoeveel signalen over onbillijk uitpakkende regels kreeg VWS binnen?"

    def closest_last(sentences: list[str]) -> list[float]:
        return [0.80 + 0.01 * i for i in range(len(sentences))]

    def closest_first(sentences: list[str]) -> list[float]:
        return [0.90 - 0.01 * i for i in range(len(sentences))]

    answered = select_passages(question, chunks, lambda _: 1.0, similarity=closest_last)
    assert [p.chunk.chunk_id for p in answered] == ["c2"]
    far = select_passages(question, chunks, lambda _: 1.0, similarity=closest_first)
    assert not any("70 reacties" in p.text for p in far)


def test_the_given_similarity_ranks_sentences_that_share_the_same_words() -> None:
    # Both sentences cover the question's words equally; the model's own cosine prefers the
    # first, the similarity to the search's sentence vector (the query adapter's) the second:
    # whichever similarity the answerer gives decides.
    chunk = _chunk(
        "Het loket van de gemeente was dit jaar vaak gesloten voor bezoekers. "
        "Het loket van de gemeente hielp dit jaar 300 gezinnen met hun vragen."
    )

    def scores(first: float, second: float):  # type: ignore[no-untyped-def]
        return lambda sentences: [first if "gesloten" in s else second for s in sentences]

    question = "Wat deed het loket van de gemeente dit jaar?"
    cosine_only = select_passages(question, [chunk], lambda _: 1.0, 1, scores(0.9, 0.8))
    assert "gesloten" in cosine_only[0].text
    ranked = select_passages(question, [chunk], lambda _: 1.0, 1, scores(0.1, 0.3))
    assert "300 gezinnen" in ranked[0].text


def test_a_count_for_one_organisation_comes_from_a_passage_about_it() -> None:
    staff = _chunk(
        "Ongeveer 300 medewerkers zijn met elkaar in gesprek geweest over het werk.", "c1"
    )
    question = "Hoeveel medewerkers werken er bij het UWV?"
    assert select_passages(question, [staff], lambda _: 1.0) == []
    uwv = _chunk("Bij het UWV werken ongeveer 20.000 medewerkers aan het werk.", "c2")
    assert "20.000" in _answer(question, staff, uwv)
    # The document's sender counts as naming it; a question naming two organisations is
    # left to the multi-document answer.
    sent = StoredChunk("c3", staff.text, {"doc_id": "d", "sender": "Minister van SZW, UWV"}, 1.0)
    assert "300" in _answer(question, sent)
    assert "300" in _answer("Hoeveel medewerkers werken er bij het UWV en de SVB?", staff)


def test_the_closest_sentence_may_answer_without_a_shared_word() -> None:
    chunk = _chunk(
        "De uitvraag leverde een lijst met 70 reacties op. Het loket sluit in het najaar."
    )
    question = "Hoeveel signalen haalde het ministerie binnen?"

    def closeness(sentences: list[str]) -> list[float]:
        return [0.9 if "reacties" in s else 0.1 for s in sentences]

    assert select_passages(question, [chunk], lambda _: 1.0) == []  # no shared word
    found = select_passages(question, [chunk], lambda _: 1.0, 1, closeness)
    assert "70 reacties" in found[0].text


def test_a_sentence_among_the_closest_may_answer_without_a_shared_word() -> None:
    # The closest sentence states no date; the runner-up, nearly as close, states one.
    chunk = _chunk(
        "De uitvraag leverde in juni 2021 een lange lijst op. Het loket was vaak gesloten. "
        "Er staan bomen langs de weg."
    )
    question = "Wanneer haalde het ministerie de signalen binnen?"

    def closeness(runner_up: float) -> Callable[[list[str]], list[float]]:
        def similarity(sentences: list[str]) -> list[float]:
            return [
                runner_up if "uitvraag" in s else 1.0 if "loket" in s else 0.0 for s in sentences
            ]

        return similarity

    found = select_passages(question, [chunk], lambda _: 1.0, 1, closeness(0.95))
    assert found and "juni 2021" in found[0].text
    assert select_passages(question, [chunk], lambda _: 1.0, 1, closeness(0.5)) == []


def test_a_count_of_something_else_answers_only_from_the_closest_sentence() -> None:
    chunk = _chunk(
        "Zeven op de tien Nederlanders zijn positief over de dienstverlening van de overheid. "
        "De conferentie over de dienstverlening vond plaats in Den Haag."
    )
    question = "Hoeveel bezoekers trok de conferentie over de dienstverlening?"

    def closest(sentence_word: str) -> Callable[[list[str]], list[float]]:
        return lambda sentences: [1.0 if sentence_word in s else 0.5 for s in sentences]

    # "tien Nederlanders" does not count visitors, unless the model finds it the closest.
    assert select_passages(question, [chunk], lambda _: 1.0, 1, closest("conferentie")) == []
    found = select_passages(question, [chunk], lambda _: 1.0, 1, closest("Nederlanders"))
    assert found and "Nederlanders" in found[0].text
    # A count that names what is counted answers, also as part of a compound.
    counted = _chunk("De conferentie trok ongeveer 400 bezoekers uit het hele land.", "c2")
    assert "400" in _answer(question, chunk, counted)
    periods = _chunk("De vernieuwing van het stelsel beslaat meerdere kabinetsperiodes.", "c3")
    assert "kabinetsperiodes" in _answer("Hoeveel kabinetten beslaat de vernieuwing?", periods)


def test_who_holds_a_position_is_answered_only_by_a_sentence_naming_a_person() -> None:
    question = "Wie is benoemd tot Nationaal Coördinator tegen Discriminatie en Racisme?"
    position = _chunk(
        "Die versterking bestaat uit het instellen van een Nationaal Coördinator tegen "
        "Discriminatie en Racisme (NCDR)."
    )
    assert select_passages(question, [position], lambda _: 1.0) == []
    named = _chunk(
        "Tot Nationaal Coördinator tegen Discriminatie en Racisme is R. de Vries benoemd."
    )
    assert "R. de Vries" in _answer(question, position, named)
    # Without a position asked for, the sentence naming the role may answer.
    assert "NCDR" in _answer("Wie gaat discriminatie door de overheid tegen?", position)


def test_the_letters_own_signer_does_not_hold_the_position_asked_about() -> None:
    question = "Wie is de voorzitter van de Commissie Werkelijke Schade?"
    signature = StoredChunk(
        "c9",
        "De Commissie Werkelijke Schade beoordeelt de schade.\n"
        "De Minister van Sociale Zaken en Werkgelegenheid, W. Koolmees",
        {"doc_id": "doc", "signer": "W. Koolmees"},
        1.0,
    )
    assert select_passages(question, [signature], lambda _: 1.0) == []
    chaired = _chunk("De Commissie Werkelijke Schade wordt voorgezeten door J. Jansen.")
    assert "J. Jansen" in _answer(question, signature, chaired)
    director = "Wie is de algemeen directeur van Logius?"
    assert (
        _answer(director, _chunk("Logius valt onder de directeur-generaal Digitalisering.")) == ""
    )


def test_an_outcome_the_stukken_only_announce_is_not_an_answer() -> None:
    # corpus/uitvoering/003: the research into the costs is running, no outcome is given.
    running = _chunk(
        "Er loopt een onderzoek waarin de financiële consequenties van Werk aan Uitvoering voor "
        "de vier uitvoeringsorganisaties in beeld worden gebracht."
    )
    assert (
        _answer("Wat was de uitkomst van het onderzoek naar de financiële consequenties?", running)
        == ""
    )
    # Asked about the plan itself, or about an outcome the stukken report, it answers.
    assert "onderzoek" in _answer(
        "Welk onderzoek loopt er naar de financiële consequenties?", running
    )
    done = _chunk(
        "Uit de analyse is gebleken dat er geen significante signalen van hardvochtigheden zijn."
    )
    assert "geen significante" in _answer(
        "Wat was de uitkomst van de analyse naar hardvochtigheden?", done
    )
    # When something appeared is not told by when it will be made.
    promised = _chunk("Het CAK zegt toe dat het ook volgend jaar een Stand zal opstellen.")
    assert _answer("Wanneer bracht het CAK zijn tweede Stand uit?", promised) == ""
    assert _answer("When did the CAK publish its second Stand?", promised) == ""
    # A question about what is still to come may be answered by what is announced.
    planned = _chunk(
        "De Kamer zal zo spoedig mogelijk over de volledige uitkomsten worden geïnformeerd."
    )
    assert "uitkomsten" in _answer(
        "Wanneer wordt de Kamer over de volledige uitkomsten geïnformeerd?", planned
    )


def test_an_address_line_of_the_head_does_not_answer_a_content_question() -> None:
    chunk = _chunk(
        "Aan Minister VWS\nDeadline: 23 juni 2022\n\n"
        "U wordt gevraagd in te stemmen met het verzenden van de Kamerbrief."
    )

    def closeness(sentences: list[str]) -> list[float]:
        return [1.0 if s.startswith(("Aan", "Deadline")) else 0.2 for s in sentences]

    asked = select_passages(
        "Wat wordt de minister van VWS gevraagd?", [chunk], lambda _: 1.0, 1, closeness
    )
    assert asked[0].text.startswith("U wordt gevraagd")
    dated = select_passages(
        "Wanneer moet de minister van VWS beslissen?", [chunk], lambda _: 1.0, 1, closeness
    )
    assert "23 juni 2022" in dated[0].text


def test_a_typed_fact_answers_only_from_a_passage_naming_the_questions_names() -> None:
    loket = _chunk(
        "Het Landelijk Maatwerkloket helpt professionals. Er zijn tot op heden ongeveer "
        "zeventig casussen ingebracht."
    )
    asked_elsewhere = "Hoeveel casussen zijn ingebracht bij de Commissie Werkelijke Schade?"
    assert select_passages(asked_elsewhere, [loket], lambda _: 1.0) == []
    asked_here = "Hoeveel casussen zijn ingebracht bij het Landelijk Maatwerkloket?"
    assert "zeventig casussen" in _answer(asked_here, loket)
    # an organisation the passage writes otherwise, and the writer's own context, do not count
    ministry = _chunk("De minister van BZK stuurde op 10 mei een beleidslijn.")
    assert "10 mei" in _answer("Wanneer stuurde Binnenlandse Zaken de beleidslijn?", ministry)
    chatty = (
        "Hoi, ik zit bij het programma Digitale Overheid en we maken een tijdlijn. Wanneer "
        "stuurde de minister de beleidslijn?"
    )
    assert "10 mei" in _answer(chatty, ministry)


def test_a_document_written_before_the_asked_year_cannot_state_a_fact_of_it() -> None:
    text = "Tot dusver hebben ongeveer 18.000 ouders de eerste compensatie ontvangen."
    letter = StoredChunk("c1", text, {"doc_id": "d", "date": "2021-06-25"}, 1.0)
    assert _answer("Hoeveel ouders hadden de compensatie ontvangen?", letter)
    assert not _answer("Hoeveel ouders hadden begin 2023 de compensatie ontvangen?", letter)
    assert _answer("Hoeveel ouders hadden in 2021 de compensatie ontvangen?", letter)
    # a passage that names the year may tell what was planned for it
    planned = StoredChunk("c2", text + " In 2023 volgen er meer.", letter.metadata, 1.0)
    assert _answer("Hoeveel ouders hadden begin 2023 de compensatie ontvangen?", planned)


def test_a_figure_told_of_another_organisation_does_not_answer() -> None:
    text = (
        "Krapte op de arbeidsmarkt speelt bij het UWV en bij RvIG.\n\n"
        "Het lukt RvIG niet om alle posities met IT-profielen te vullen. Ongeveer 15 procent "
        "van de functies is op dit moment niet ingevuld."
    )
    chunk = StoredChunk("c1", text, {"doc_id": "d"}, 1.0)
    assert "15 procent" in _answer(
        "Welk percentage van de functies bij RvIG is niet ingevuld?", chunk
    )
    assert not _answer("Welk percentage van de functies bij het UWV is niet ingevuld?", chunk)


def test_an_exact_count_answers_before_one_that_only_says_there_are_some() -> None:
    question = "Hoeveel maatregelen staan in de kabinetsreactie op het rapport?"
    some = _chunk("In de kabinetsreactie op het rapport staan al enkele maatregelen.", "c1")
    assert "enkele maatregelen" in _answer(question, some)  # the only count there is
    exact = _chunk("De kabinetsreactie heeft geleid tot bijna 90 maatregelen.", "c2")
    found = _answer(question, some, exact)
    assert "90 maatregelen" in found
    assert "enkele" not in found


def test_a_count_of_part_of_a_whole_needs_a_unit_that_says_what_the_part_is() -> None:
    whole = _chunk(
        "Er zijn tot op heden ongeveer zeventig casussen bij het maatwerkloket ingebracht.", "c1"
    )
    part = _chunk("Daarvan zijn inmiddels twaalf casussen opgelost.", "c2")
    question = "Hoeveel van de ingebrachte casussen bij het maatwerkloket zijn inmiddels opgelost?"
    assert _answer(question, whole) == ""  # the whole is counted, not the part
    assert "twaalf casussen opgelost" in _answer(question, whole, part)
    # without "van de" the count of the whole answers
    assert "zeventig casussen" in _answer(
        "Hoeveel casussen zijn bij het maatwerkloket ingebracht?", whole
    )


def test_whether_a_count_passes_a_bound_is_answered_only_by_a_count() -> None:
    question = "Staan er meer dan vijftig algoritmes in het openbare register van RvIG?"
    register = _chunk(
        "RvIG heeft alle algoritmes die gebruikt worden openbaar gemaakt in een register.", "c1"
    )
    assert _answer(question, register) == ""  # says there is a register, not how many
    counted = _chunk("In het register van RvIG staan inmiddels 42 algoritmes.", "c2")
    assert "42 algoritmes" in _answer(question, register, counted)


def test_further_sentences_come_from_the_best_ones_document_only(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Scores as the sentence scoring gives them: the best sentence's document adds sentences
    # scoring at least half of the best that share a word with the question or are close to it
    # in meaning; another document's sentence is not quoted, however well it scores.
    from assistant import extractive
    from assistant.sentence_scoring import Candidate
    from assistant.sentences import Passage

    own = StoredChunk(
        "a",
        "Eerste zin over de uitvoering van de regeling bij de gemeenten. Tweede zin over "
        "het budget dat het kabinet voor de regeling beschikbaar stelt. Derde zin over de "
        "planning van de evaluatie in het komende jaar. Vierde zin over het weer van die "
        "zomer, dat wisselvallig was.",
        {"doc_id": "A"},
        1.0,
    )
    other = StoredChunk(
        "b",
        "Andere zin over de regeling zoals de uitvoeringsorganisaties haar zien.",
        {"doc_id": "B"},
        1.0,
    )
    # first word -> (score, closeness, shares a word)
    scored_as = {
        "Eerste": (1.0, 1.0, True),
        "Andere": (0.95, 0.9, True),
        "Vierde": (0.7, 0.1, False),
        "Tweede": (0.55, 0.2, True),
        "Derde": (0.45, 0.8, True),
    }

    def scored(_q: str, chunks: list[StoredChunk], *_: object) -> list[Candidate]:
        units = [(c, s, e) for c in chunks for s, e in answer_units(c.text)]
        return [
            Candidate(Passage(c, s, e), 0.5, *scored_as[c.text[s:e].split()[0]])
            for c, s, e in units
        ]

    monkeypatch.setattr(extractive, "candidates", scored)
    monkeypatch.setattr(extractive, "may_answer", lambda *_: True)
    chosen = select_passages("Wat?", [own, other], lambda _: 1.0, 3)
    assert [p.text.split()[0] for p in chosen] == ["Eerste", "Tweede"]
