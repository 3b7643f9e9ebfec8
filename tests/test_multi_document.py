"""Answers across documents: which questions have sides (document_sides), and one cited
sub-answer per document or sub-question through the service (multi_document)."""

from __future__ import annotations

import re
from typing import Any

import pytest

from assistant.answer_models import Answer
from assistant.answering.answerer import AnswerRequest
from assistant.answering.document_descriptions import description_spans
from assistant.answering.document_sides import question_sides
from assistant.app import build_service
from assistant.config import Settings
from assistant.guard import MARKER
from assistant.plan import plan_question
from assistant.service import AnswerService

pytestmark = pytest.mark.integration

WAU = {"doc_id": "003_e0f1918e4edf2938.txt"}
POK = {"doc_id": "002_ea32e1fd4eb7c526.txt"}
VWS = {"doc_id": "000_beff440f605c888c.txt"}
BZK = {"doc_id": "004_438907e462307f5c.txt"}
_BY_WORD = {"wau": WAU, "pok": POK, "vws": VWS, "bzk": BZK, "binnenlandse": BZK}
ABBREVIATIONS = frozenset({"VWS", "BZK", "SZW"})


def _resolve(description: str, besides: frozenset[str]) -> dict[str, Any] | None:
    """A description -> the document it names by the abbreviation in it (none when excluded)."""
    words = re.split(r"[\s-]+", description.lower())
    named = next((document for word, document in _BY_WORD.items() if word in words), None)
    return None if named is None or named["doc_id"] in besides else named


def _sides(question: str) -> list[tuple[str | None, str, bool]]:
    sides = question_sides(plan_question(question), ABBREVIATIONS, _resolve)
    return [(s.document["doc_id"] if s.document else None, s.question, s.leans) for s in sides]


def test_an_enumeration_of_documents_asks_the_question_of_each() -> None:
    question = "Welk motto gebruiken zowel de WaU-kabinetsreactie als de POK-voortgangsbrief?"
    assert _sides(question) == [
        (WAU["doc_id"], question, False),
        (POK["doc_id"], question, False),
    ]
    joined = (
        "Welk Kamerstuknummer noemen de WaU-kabinetsreactie en de BZK-brief voor het TCU-rapport?"
    )
    assert [doc for doc, _, _ in _sides(joined)] == [WAU["doc_id"], BZK["doc_id"]]
    compared = "Wat leverde het zoeken naar harde wetseffecten op bij VWS, vergeleken met BZK?"
    assert [doc for doc, _, _ in _sides(compared)] == [VWS["doc_id"], BZK["doc_id"]]


def test_an_enumeration_of_one_document_twice_resolves_the_other_description_apart() -> None:
    titled = {**WAU, "title": "Kabinetsreactie inzake rapporten Werk aan Uitvoering"}
    september = {"doc_id": "001_2c27a83672055424.txt", "title": "Vernieuwing van de rijksdienst"}

    def resolve(description: str, besides: frozenset[str]) -> dict[str, Any] | None:
        """Both descriptions mean the WaU-kabinetsreactie first; the September letter next."""
        return next((d for d in (titled, september) if d["doc_id"] not in besides), None)

    question = "Wie ondertekende zowel de brief over WaU fase 2 als de kabinetsreactie op WaU?"
    sides = question_sides(plan_question(question), ABBREVIATIONS, resolve)
    # The title "Kabinetsreactie …" keeps its document with "de kabinetsreactie op WaU".
    assert [(s.description, s.document["doc_id"]) for s in sides if s.document] == [
        ("de brief over WaU fase 2", september["doc_id"]),
        ("de kabinetsreactie op WaU", WAU["doc_id"]),
    ]


def test_a_description_starts_at_the_article_of_its_noun_with_the_words_between() -> None:
    question = "In welke jaren vallen de fase 2-brief van Koolmees en de BZK-brief?"
    described = [question[a:b] for a, b in description_spans(question, ABBREVIATIONS)]
    assert described == ["de fase 2-brief van Koolmees", "de BZK-brief"]
    # A verb or preposition before the noun is not part of it.
    plain = "Wat staat in brief over WaU?"
    assert [plain[a:b] for a, b in description_spans(plain, ABBREVIATIONS)] == ["brief over WaU"]
    # a cabinet's response by another name is a document too; on its own it says too little
    answer = "Welke termijn noemen het regeringsantwoord op WaU en de POK-voortgangsbrief?"
    assert [answer[a:b] for a, b in description_spans(answer, ABBREVIATIONS)] == [
        "het regeringsantwoord op WaU",
        "de POK-voortgangsbrief",
    ]
    assert description_spans("Wat staat in het regeringsantwoord?", ABBREVIATIONS) == []
    # ... unless a kind is enough, as when the dates of the documents are asked
    assert description_spans("Wat staat in het regeringsantwoord?", ABBREVIATIONS, True) != []
    # a year completes what qualifies the noun
    dated = "Hoe vaak moeten uitvoerders volgens de BZK-brief van 2022 een Stand maken?"
    assert [dated[a:b] for a, b in description_spans(dated, ABBREVIATIONS)] == [
        "de BZK-brief van 2022"
    ]
    # a possessive stands for the article, and "bij" qualifies the noun
    owned = "Hoeveel tijd zat er tussen Koolmees' brief bij de afronding van fase 2 en zijn nota?"
    assert [owned[a:b] for a, b in description_spans(owned, ABBREVIATIONS)] == [
        "Koolmees' brief bij de afronding van fase 2"
    ]
    # the verb of the clause ends what qualifies the noun
    told = "De kabinetsreactie op WaU introduceert een toets op nieuwe wetten. Wanneer?"
    assert [told[a:b] for a, b in description_spans(told, ABBREVIATIONS)] == [
        "De kabinetsreactie op WaU"
    ]


def test_one_document_or_two_not_asked_together_have_no_sides() -> None:
    assert _sides("Welk motto gebruikt de POK-voortgangsbrief?") == []
    # The BZK-brief is asked about; VWS is what it is asked about: not a comparison.
    assert _sides("Wat schrijft de BZK-brief over de Stand van VWS?") == []
    # A field of one document asked in two parts is one field, not two sub-questions.
    assert _sides("Van welke bewindspersoon en welk departement kwam de WaU-kabinetsreactie?") == []


def test_each_clause_goes_to_the_document_it_names_and_an_elliptic_one_leans() -> None:
    sides = _sides(
        "Wanneer verstuurt de Belastingdienst volgens de POK-voortgangsbrief zijn Stand van de "
        "Uitvoering, en in welk jaar deed VWS dat?"
    )
    assert [(doc, leans) for doc, _, leans in sides] == [
        (POK["doc_id"], False),
        (VWS["doc_id"], True),  # "deed VWS dat" is read with the first clause
    ]
    assert sides[1][1] == "in welk jaar deed VWS dat?"


def test_die_van_stands_for_a_noun_of_its_own_clause_and_does_not_lean() -> None:
    question = (
        "Wanneer gaat de eerste Stand van de Belastingdienst en die van Toeslagen naar de Kamer, "
        "en in welk jaar maakte VWS voor het eerst zo'n Stand?"
    )
    first, second = _sides(question)
    assert first[0] is None and not first[2]  # asked of whatever the stukken say, on its own
    assert second[0] == VWS["doc_id"] and second[2]  # "zo'n Stand" leans on the first


def test_a_statement_about_one_document_and_a_question_about_another_are_two_sides() -> None:
    sides = _sides(
        "De WaU-reactie wilde nieuwe wetten een jaar na de start toetsen. Hoe staat het daarmee "
        "bij BZK eind 2022?"
    )
    assert [(doc, leans) for doc, _, leans in sides] == [
        (WAU["doc_id"], False),
        (BZK["doc_id"], True),  # "daarmee" is read with the statement
    ]
    # One sentence about one document stays one question.
    assert (
        _sides("De WaU-reactie wilde nieuwe wetten toetsen. Hoe gaat de WaU-reactie dat doen?")
        == []
    )


def test_a_statement_naming_no_document_before_a_question_about_one_is_a_premise_side() -> None:
    question = (
        "In maart 2021 zou het kabinet in kaart brengen hoe een integraal overheidsloket eruit "
        "moet zien. Wat was daarvan de stand in de POK-voortgangsbrief?"
    )
    sides = question_sides(plan_question(question), ABBREVIATIONS, _resolve)
    assert [(s.document["doc_id"] if s.document else None, s.premise) for s in sides] == [
        (POK["doc_id"], False),  # the question, put to its document first
        (None, True),  # the statement, quoted from wherever the stukken say it
    ]
    assert sides[0].leans and "overheidsloket" in sides[0].query  # "daarvan" reads it along
    # The writer's own context is no statement about the stukken, and a question asking two
    # things stays with its sub-questions.
    own = (
        "Ik werk bij een gemeente in het oosten. Wat schrijft de POK-voortgangsbrief over loketten?"
    )
    assert _sides(own) == []


def test_a_side_looks_in_its_document_without_the_words_that_chose_it() -> None:
    # Inside the chosen document, "de POK-voortgangsbrief" would only match its title page;
    # "VWS" names the document's sender and also what the clause asks about, so it stays.
    sides = question_sides(
        plan_question(
            "Wanneer verstuurt de Belastingdienst volgens de POK-voortgangsbrief zijn Stand van "
            "de Uitvoering, en in welk jaar deed VWS dat?"
        ),
        ABBREVIATIONS,
        _resolve,
    )
    assert "voortgangsbrief" not in sides[0].query
    assert sides[0].query.startswith("Wanneer verstuurt de Belastingdienst")
    assert "VWS" in sides[1].query
    enumeration = question_sides(
        plan_question(
            "Welk motto gebruiken zowel de WaU-kabinetsreactie als de POK-voortgangsbrief?"
        ),
        ABBREVIATIONS,
        _resolve,
    )
    assert len(enumeration) == 2
    for side in enumeration:
        assert "motto" in side.query
        assert "kabinetsreactie" not in side.query and "voortgangsbrief" not in side.query


def test_what_the_documents_give_a_number_for_is_no_side() -> None:
    # "de kabinetsreactie op WaU" is what both letters cite, not a third document asked about.
    question = "Geven de POK-brief en de BZK-brief hetzelfde nummer voor de kabinetsreactie op WaU?"
    assert [doc for doc, _, _ in _sides(question)] == [POK["doc_id"], BZK["doc_id"]]
    # With one citing document, that document is the one side: its text gives the number.
    single = "Welk Kamerstuknummer geeft de BZK-brief voor de kabinetsreactie op WaU?"
    assert [doc for doc, _, _ in _sides(single)] == [BZK["doc_id"]]
    assert _sides("Welk Kamerstuknummer heeft de BZK-brief?") == []


def test_a_sub_question_about_that_document_asks_about_the_one_named_last() -> None:
    question = (
        "De VWS-nota verwijst naar de kabinetsreactie op WaU van 2021. Om welk Kamerstuk gaat "
        "het, en wie heeft dat stuk ondertekend?"
    )
    sides = _sides(question)
    assert sides[-1][:2] == (WAU["doc_id"], "wie heeft dat stuk ondertekend?")


def test_a_clause_leaving_out_the_asked_field_asks_it_of_its_own_document() -> None:
    signed = _sides("Wie ondertekende de POK-voortgangsbrief en wie de BZK-brief?")
    assert [(doc, q) for doc, q, _ in signed] == [
        (POK["doc_id"], "Wie ondertekende de POK-voortgangsbrief"),
        (BZK["doc_id"], "Wie ondertekende de BZK-brief"),
    ]
    kenmerk = _sides("Welk kenmerk heeft de POK-brief, en welk de VWS-nota?")
    assert kenmerk[1][:2] == (VWS["doc_id"], "Welk kenmerk heeft de VWS-nota")
    same = _sides(
        "Wie tekende de POK-brief, en is dat dezelfde bewindspersoon als bij de BZK-brief?"
    )
    assert same[1][:2] == (BZK["doc_id"], "Wie tekende de BZK-brief")
    # the gap keeps the preposition of the verb it leaves out
    under = _sides("Wie zette zijn handtekening onder de POK-brief, en wie onder de BZK-brief?")
    assert under[1][:2] == (BZK["doc_id"], "Wie zette zijn handtekening onder de BZK-brief")
    # a clause with a question of its own keeps it
    own = _sides("Wie ondertekende de POK-brief, en wat zegt de BZK-brief over RvIG?")
    assert own[1][:2] == (BZK["doc_id"], "wat zegt de BZK-brief over RvIG?")


def test_a_sender_named_by_its_full_name_describes_its_document() -> None:
    question = (
        "Welke organisaties maakten bij VWS een eigen Stand, en welke deden dat bij "
        "Binnenlandse Zaken?"
    )
    described = [question[a:b] for a, b in description_spans(question, ABBREVIATIONS)]
    assert described == ["VWS", "Binnenlandse Zaken"]
    assert [doc for doc, _, _ in _sides(question)] == [VWS["doc_id"], BZK["doc_id"]]


def test_a_clause_before_the_one_naming_a_document_is_not_asked_of_it() -> None:
    question = (
        "Waar komen de volgende Standen van RvIG en Logius te staan, en welke VWS-organisatie "
        "belooft volgend jaar weer een Stand?"
    )
    assert [doc for doc, _, _ in _sides(question)] == [None, VWS["doc_id"]]
    # a clause after it, or one leaning on it, is
    after = "Wanneer schreef VWS de nota, en wie heeft hem aan de minister voorgelegd?"
    assert [doc for doc, _, _ in _sides(after)] == [VWS["doc_id"], VWS["doc_id"]]


def test_a_clause_naming_another_year_than_the_one_named_document_is_not_asked_of_it() -> None:
    dated = {**VWS, "date": "2022-06-14"}

    def resolve(description: str, besides: frozenset[str]) -> dict[str, Any] | None:
        return dated if _resolve(description, besides) == VWS else None

    def documents(question: str) -> list[str | None]:
        sides = question_sides(plan_question(question), ABBREVIATIONS, resolve)
        return [s.document["doc_id"] if s.document else None for s in sides]

    opening = "VWS wilde zijn brief op 23 juni 2022 sturen. Wat gebeurde er die dag, en "
    # "in 2021" is not the nota of 2022: asked of whatever the stukken say
    assert documents(
        opening + "welk verslag had het kabinet in 2021 al aan die datum gekoppeld?"
    ) == [
        VWS["doc_id"],
        None,
    ]
    # the nota's own year, or no year at all: the document the rest of the question names
    for clause in ("welk verslag had VWS in 2022 aan die datum gekoppeld?", "wie tekende die?"):
        assert documents(opening + clause) == [VWS["doc_id"], VWS["doc_id"]]
    # an undated letter is of the year its registration kenmerk starts with
    dated = {**VWS, "kenmerk": "2021-0000126162"}
    assert documents(opening + "welk verslag had het kabinet in 2022 gekoppeld?") == [
        VWS["doc_id"],
        None,
    ]


def test_english_descriptions_and_clauses_are_sides_too() -> None:
    question = (
        "Who carried out the analysis according to the BZK letter of December 2022, and when "
        "did it start according to the 2021 POK progress letter?"
    )
    assert [doc for doc, _, _ in _sides(question)] == [BZK["doc_id"], POK["doc_id"]]
    spans = description_spans(
        "Do the VWS memo and the 2021 POK progress letter agree?", ABBREVIATIONS
    )
    texts = ["Do the VWS memo and the 2021 POK progress letter agree?"[a:b] for a, b in spans]
    assert "the VWS memo" in texts and "the 2021 POK progress letter" in texts


@pytest.fixture(scope="module")
def service(corpus_env: Settings) -> AnswerService:
    return build_service(corpus_env)


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def test_each_document_answers_its_own_clause_quoted_and_cited(service: AnswerService) -> None:
    answer = service.ask(
        "Hoe vaak stellen uitvoerders volgens de WaU-kabinetsreactie een Stand van de Uitvoering "
        "op, en welke dienst noemt de BZK-brief voor identiteitsfraude?"
    )
    assert not answer.refused and not answer.guard_removed
    assert {c.source for c in answer.citations} == {WAU["doc_id"], BZK["doc_id"]}
    assert "jaarlijks" in answer.answer and "RvIG" in answer.answer
    by_number = {c.n: c for c in answer.citations}
    sub_answers = re.findall(r"Volgens ([^:]+): “(.+?)” \[(\d+)\]", answer.answer)
    assert len(sub_answers) == 2
    for label, quote, n in sub_answers:
        citation = by_number[int(n)]
        assert label.startswith(citation.label)  # the label of the document it quotes
        assert _squash(quote) in _squash(citation.quote)  # verbatim from the cited passage


def test_the_sides_typed_facts_lead(service: AnswerService) -> None:
    answer = service.ask(
        "Wanneer wordt de stand van de uitvoering voor de Belastingdienst volgens de "
        "POK-voortgangsbrief naar de Kamer gestuurd, en wanneer volgens het schrijven van "
        "september 2020?"
    )
    assert answer.direct_answer is not None and answer.answer.startswith(answer.direct_answer)
    assert "zomer" in answer.direct_answer
    assert {c.source for c in answer.citations} == {POK["doc_id"], "001_2c27a83672055424.txt"}
    for n in MARKER.findall(answer.direct_answer):  # each span lies in the passage it cites
        quote = _squash(next(c.quote for c in answer.citations if c.n == int(n))).lower()
        spans = re.findall(r"([^;\[]+?) \[" + n + r"\]", answer.direct_answer)
        assert spans and all(_squash(span).strip().lower() in quote for span in spans)


def test_a_field_fact_of_the_first_side_is_the_direct_answer(service: AnswerService) -> None:
    answer = service.ask(
        "Wie ondertekende zowel de BZK-brief over RvIG en Logius als de POK-voortgangsbrief?"
    )
    assert answer.direct_answer is not None
    assert answer.direct_answer.startswith("Kamerstuk 29 362, nr. 318 is ondertekend door")
    # It leads once, not repeated before the sides' sentences.
    assert answer.answer.startswith(answer.direct_answer)
    assert answer.answer.count("Kamerstuk 29 362, nr. 318 is ondertekend") == 1
    assert {c.source for c in answer.citations} == {BZK["doc_id"], POK["doc_id"]}


def test_the_field_one_clause_leaves_out_is_answered_for_its_document(
    service: AnswerService,
) -> None:
    answer = service.ask("Welk kenmerk heeft de POK-brief, en welk de VWS-nota?")
    assert not answer.refused and not answer.guard_removed
    assert "2021-0000126162" in answer.answer and "3383909-1031059-BPZ" in answer.answer
    # each kenmerk says whose it is, and is cited to its own document
    by_number = {c.n: c.source for c in answer.citations}
    for kenmerk, source in (("2021-0000126162", POK), ("3383909-1031059-BPZ", VWS)):
        told = re.search(r"“[^”]+” heeft kenmerk " + kenmerk + r" \[(\d)\]", answer.answer)
        assert told and by_number[int(told.group(1))] == source["doc_id"]


def test_a_side_leaning_on_an_unanswered_one_does_not_answer(service: AnswerService) -> None:
    # The beslisnota names no signing minister; "en op welke datum?" alone must not be answered
    # with some date of that note.
    answer = service.ask("Welke minister van VWS heeft de beslisnota getekend, en op welke datum?")
    assert answer.refused


def test_a_question_for_one_document_is_answered_as_one(service: AnswerService) -> None:
    question = "Hoeveel ouders hebben de eerste compensatie van 30.000 euro ontvangen?"
    resolved = service.resolver.resolve(question, [])
    result = service.searcher.search_with_hints(resolved.text, k=service.settings.top_k)
    request = AnswerRequest(question, resolved, result, plan_question(question))
    assert service.answerer.multi.answer(request) is None  # type: ignore[attr-defined]


def test_the_time_between_two_documents_comes_from_their_printed_dates(
    service: AnswerService,
) -> None:
    answer = service.ask(
        "Hoeveel tijd zat er tussen het stuk over de afgeronde tweede fase van WaU en het "
        "regeringsantwoord daarop? Geef beide data."
    )
    assert not answer.refused and not answer.guard_removed
    assert answer.answer.index("11 september 2020") < answer.answer.index("5 maart 2021")
    assert "ruim vijf maanden" in answer.answer
    assert {c.source for c in answer.citations} == {"001_2c27a83672055424.txt", WAU["doc_id"]}
    for citation in answer.citations:  # each date is cited to the line that prints it
        assert re.search(r"11 september 2020|5 maart 2021", citation.quote)


def test_the_statement_a_question_builds_on_is_quoted_from_its_own_document(
    service: AnswerService,
) -> None:
    answer = service.ask(
        "In maart 2021 zou het kabinet in kaart brengen hoe een integraal overheidsloket eruit "
        "moet zien. Wat was daarvan de stand in de POK-voortgangsbrief?"
    )
    assert not answer.refused and not answer.guard_removed
    assert "scenario" in answer.answer  # the question, answered from the POK letter first
    assert answer.answer.index(f"Volgens {_label(answer, POK)}") == 0
    # the statement, quoted from the cabinet's response that made the plan
    assert f"Volgens {_label(answer, WAU)}" in answer.answer
    # a statement with a wrong date is corrected, not quoted
    wrong = service.ask(
        "De Dag van de Publieke Dienstverlening werd in 2022 op 23 mei voor het eerst gehouden. "
        "Wat wilde VWS die dag doen?"
    )
    assert wrong.answer.startswith("Let op: volgens de stukken is dat 23 juni")


def _label(answer: Answer, document: dict[str, str]) -> str:
    return next(c.label for c in answer.citations if c.source == document["doc_id"])


def test_a_clause_naming_no_document_is_answered_where_the_stukken_say_it(
    service: AnswerService,
) -> None:
    # The second clause points back at the werkagenda, not at the September 2020 letter, which
    # does not say when it was sent: the POK letter does.
    answer = service.ask(
        "Onder welk gremium wordt de Werkagenda volgens het schrijven van september 2020 "
        "uitgewerkt, en wanneer ging die werkagenda uiteindelijk naar de Kamer?"
    )
    assert not answer.refused and "vinden de stukken hier niets" not in answer.answer
    assert "Ministeriële Commissie Uitvoering" in answer.answer and "25 juni" in answer.answer
    assert {c.source for c in answer.citations} == {"001_2c27a83672055424.txt", POK["doc_id"]}
    pok = next(c for c in answer.citations if c.source == POK["doc_id"])
    assert f"Volgens {pok.label}" in answer.answer  # whose sentence it is


def test_a_side_asking_for_a_date_is_not_answered_by_the_notes_deadline(
    service: AnswerService,
) -> None:
    # The beslisnota prints "Deadline: 23 juni 2022": the date the minister had to decide by,
    # not the date anyone signed or agreed.
    answer = service.ask(
        "Heeft de minister van VWS uiteindelijk ingestemd met de beslisnota over de standen, en "
        "op welke datum tekende hij?"
    )
    assert "23 juni 2022" not in (answer.direct_answer or "")
    assert "Over VWS vinden" not in answer.answer  # the clause named no document
    deadline = service.ask(
        "Voor wanneer moest de minister van VWS uiterlijk beslissen over de brief met de standen?"
    )
    assert "23 juni 2022" in (deadline.direct_answer or "")


def test_the_number_a_document_gives_for_a_cited_report_comes_from_its_own_text(
    service: AnswerService,
) -> None:
    # The POK letter gives 35 510, nr. 49 in a footnote, the BZK letter 35 510, nr. 4 in its
    # sentence: each side's number from its own document, and neither letter's own number.
    both = service.ask(
        "Welk Kamerstuknummer noemen de POK-voortgangsbrief en de BZK-brief voor de "
        "kabinetsreactie op het rapport Ongekend onrecht?"
    )
    assert both.direct_answer is not None
    assert re.search(r"35\s?510, nr\. 49", both.direct_answer)
    assert re.search(r"35\s?510, nr\. 4\b", both.direct_answer)
    assert {c.source for c in both.citations} == {POK["doc_id"], BZK["doc_id"]}
    assert "29 362, nr. 318 [" not in both.answer  # the BZK letter's own number is not the answer
    one = service.ask(
        "Welk Kamerstuknummer geeft de BZK-brief voor de kabinetsreactie op het rapport "
        "Ongekend onrecht?"
    )
    assert one.direct_answer is not None and "35 510, nr. 4 [" in one.direct_answer
    assert {c.source for c in one.citations} == {BZK["doc_id"]}


def test_each_count_of_a_conjunction_is_looked_for_with_its_own_words(
    service: AnswerService,
) -> None:
    answer = service.ask(
        "Hoeveel extra medewerkers zijn bij Toeslagen opgeleid, en hoeveel ouders heeft "
        "Toeslagen in de pilot geholpen?"
    )
    assert answer.direct_answer is not None
    assert "eertig extra" in answer.direct_answer and "achthonderd ouders" in answer.direct_answer
    # one side quotes the paragraph that holds the other side's sentence: it is quoted once
    assert answer.answer.count("achthonderd ouders persoonlijk geholpen") == 1
    counted = service.ask(
        "Hoeveel gemeenten doen volgens de POK-voortgangsbrief mee aan het maatwerkloket, en "
        "hoeveel casussen zijn er ingebracht?"
    )
    assert counted.direct_answer is not None
    assert "zestig gemeenten" in counted.direct_answer.lower()
    assert "zeventig casussen" in counted.direct_answer


def test_a_sub_question_quotes_its_own_sentence_not_the_one_before(
    service: AnswerService,
) -> None:
    answer = service.ask(
        "Met welke directies binnen VWS is de Kamerbrief over de Standen afgestemd, en aan welk "
        "gremium is hij daarna voorgelegd?"
    )
    assert answer.direct_answer is not None and "Z, LZ, VGP en WJZ" in answer.direct_answer
    assert "voorgelegd aan de Bestuursraad" in answer.answer
    assert answer.answer.count("afgestemd met de directies") == 1


def test_a_clause_with_its_own_subject_is_not_answered_by_the_other_sides_fact(
    service: AnswerService,
) -> None:
    # The share answers the first clause; the count of cases stands in another letter.
    answer = service.ask(
        "Voor welk deel van de gevallen is er volgens de kabinetsreactie op WaU sprake van "
        "ingewikkelde problematiek, en hoeveel vastgelopen zaken zijn er tot nu toe ingebracht "
        "bij het landelijke maatwerkloket voor multiproblematiek?"
    )
    assert answer.direct_answer is not None
    assert "twintig procent" in answer.direct_answer
    assert "zeventig casussen" in answer.direct_answer
    assert "002_ea32e1fd4eb7c526.txt" in {c.source for c in answer.citations}


def test_a_side_asking_when_its_document_was_written_gets_the_printed_date(
    service: AnswerService,
) -> None:
    answer = service.ask(
        "Welke vier uitvoeringsorganisaties zijn in fase 1 van Werk aan Uitvoering onderzocht, "
        "en van welke datum is de kabinetsreactie op Werk aan Uitvoering?"
    )
    assert answer.direct_answer is not None
    assert "5 maart 2021" in answer.direct_answer and "23 juni" not in answer.direct_answer
    assert "Kamerstuk 29 362, nr. 290 is van 5 maart 2021 [" in answer.answer
    # a date the clause says another document gives is not the document's own
    told = service.ask(
        "Wanneer stuurde BZK volgens de POK-voortgangsbrief de brief over de abbb en het "
        "Awb-onderzoek, en welk Kamerstuknummer geeft de WaU-reactie voor datzelfde stuk?"
    )
    assert "nr. 318 is van 22 december 2022" not in told.answer


def test_a_side_quotes_the_next_sentence_of_its_document_when_it_answers_nearly_as_well(
    service: AnswerService,
) -> None:
    answer = service.ask(
        "Hoe verschilt de uitkomst van de zoektocht naar hardvochtige effecten bij VWS van die bij BZK?"
    )
    assert not answer.refused and not answer.guard_removed
    assert "70 reacties" in answer.answer and "geen significante signalen" in answer.answer
    assert {c.source for c in answer.citations} == {VWS["doc_id"], BZK["doc_id"]}
    # every quote stands once
    quotes = re.findall(r"“([^“”]+)”", answer.answer)
    assert len(quotes) == len(set(quotes))


def test_a_sides_list_that_opens_the_next_chunk_is_quoted(service: AnswerService) -> None:
    # The beslisnota's paragraph ends its chunk with "Het betreft:"; the items open the next one.
    answer = service.ask(
        "Welke twee reacties zijn bij VWS uit de bijlage over hardvochtigheden gehaald, en waarom?"
    )
    assert answer.answer.startswith("Volgens Beslisnota")  # answered per sub-question
    items = re.search(r"“(- Bij vaccinatie tegen Covid-19.+?)” \[(\d+)\]", answer.answer)
    assert items is not None and "- Patiënten met langdurige gevolgen" in items.group(1)
    cited = next(c for c in answer.citations if c.n == int(items.group(2)))
    assert _squash(items.group(1)) in _squash(cited.quote)


def test_a_side_about_that_document_is_answered_from_the_kamerstuk_answered_before(
    service: AnswerService,
) -> None:
    # The kabinetsreactie's footnote gives the Fase II report's number; the report's letter is
    # stored, so who signed "dat stuk" is read from it.
    answer = service.ask(
        "In een voetnoot van de WaU-kabinetsreactie staat het Kamerstuknummer van het Fase "
        "II-rapport. Welk nummer is dat, en wie heeft dat stuk ondertekend?"
    )
    assert answer.direct_answer is not None
    assert answer.direct_answer.startswith("Kamerstuk 31 490, nr. 284 [")
    assert "Kamerstuk 31 490, nr. 284 is ondertekend door W. Koolmees" in answer.answer
    assert {c.source for c in answer.citations} == {WAU["doc_id"], "001_2c27a83672055424.txt"}
