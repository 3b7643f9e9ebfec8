"""Questions about a document itself, answered from its metadata and cited to the line of the
document that prints the fact; a document that lacks the asked field gets a refusal."""

from __future__ import annotations

import re

import pytest

from assistant.answering.document_facts import refers_elsewhere
from assistant.answering.refusal import NOT_IN_DOCUMENTS
from assistant.app import build_service
from assistant.config import Settings
from assistant.guard import MARKER
from assistant.service import AnswerService

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def service(corpus_env: Settings) -> AnswerService:
    return build_service(corpus_env)


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text)


@pytest.mark.parametrize(
    ("question", "fact", "printed", "source"),
    [
        (
            "Wie heeft de BZK-brief over de Standen van RvIG en Logius ondertekend?",
            "ondertekend door A.C. van Huffelen, staatssecretaris van Binnenlandse Zaken",
            "A.C. van Huffelen",
            "004_",
        ),
        (
            "Onder welk Kamerstuknummer verscheen de brief van Van Huffelen over de "
            "maatregelen na het POK-rapport?",
            "Dit is geen Kamerstuk; het is een Kamerbrief met kenmerk 2021-0000126162",
            None,  # the kenmerk is printed only in the page margin, which cleaning removed
            "002_",
        ),
        (
            "Bij welk Kamerdossier hoort de brief van 11 september 2020 over Werk aan Uitvoering?",
            "hoort bij dossier 31 490 “Vernieuwing van de rijksdienst”",
            "31 490 Vernieuwing van de rijksdienst",
            "001_",
        ),
        (
            "Aan welke vaste Kamercommissie is de kabinetsreactie op Werk aan Uitvoering "
            "gekoppeld?",
            "Sociale Zaken en Werkgelegenheid (SZW)",
            "Commissie(s) Sociale Zaken en Werkgelegenheid (SZW)",
            "003_",
        ),
        (
            # A conjunction about one document's sender is one field, not two sub-questions.
            "Van welke minister en welk ministerie kwam de reactie van het kabinet op de "
            "rapporten over Werk aan Uitvoering?",
            "is verstuurd door Minister van Sociale Zaken en Werkgelegenheid",
            "MINISTER VAN SOCIALE ZAKEN EN WERKGELEGENHEID",
            "003_",
        ),
        (
            "Aan wie is de VWS-nota over de Stand van de Uitvoering gericht?",
            "is gericht aan Minister VWS, in kopie aan MLZS en stas [",  # not "… stas nota"
            "Cc: MLZS",
            "000_",
        ),
        (
            "Aan wie is de aanbiedingsbrief van de staatssecretaris over RvIG en Logius "
            "geadresseerd?",
            "is gericht aan de Voorzitter van de Tweede Kamer der Staten-Generaal",
            "Aan de Voorzitter van de Tweede Kamer",
            "004_",
        ),
        (
            "Wie zette zijn naam onder de brief van september 2020 over Werk aan Uitvoering?",
            "ondertekend door W. Koolmees",
            "Koolmees",
            "001_",
        ),
        (
            "Welk documentnummer heeft de BZK-brief over RvIG en Logius in het Kamerarchief?",
            "documentnummer 2022D56402",
            "Nummer: 2022D56402",
            "004_",
        ),
    ],
)
def test_document_fact_leads_and_is_cited_to_the_line_that_prints_it(
    service: AnswerService, question: str, fact: str, printed: str | None, source: str
) -> None:
    answer = service.ask(question)
    assert not answer.refused and not answer.guard_removed
    assert fact in answer.answer
    lead = answer.direct_answer
    assert lead is not None and answer.answer.startswith(lead) and fact in lead
    (number,) = {int(n) for n in MARKER.findall(lead)}
    (cited,) = [c for c in answer.citations if c.n == number]
    assert cited.source.startswith(source)
    if printed is not None:
        assert printed in _squash(cited.quote)


def test_a_field_the_document_lacks_is_refused(service: AnswerService) -> None:
    # The VWS beslisnota carries no signature: no signer may be guessed.
    answer = service.ask(
        "Welke minister heeft de VWS-nota over de Stand van de Uitvoering getekend?"
    )
    assert answer.refused and answer.answer.startswith(NOT_IN_DOCUMENTS)


def test_the_field_is_of_the_document_the_question_sentence_names(service: AnswerService) -> None:
    # The first sentence names the VWS nota (unsigned); the question is about the kabinetsreactie.
    answer = service.ask(
        "De VWS-nota verwijst in een voetnoot naar een kabinetsreactie op WaU. Welke minister "
        "heeft die kabinetsreactie ondertekend?"
    )
    assert answer.answer.startswith("Kamerstuk 29 362, nr. 290 is ondertekend door W. Koolmees")


def test_the_date_of_an_undated_document_is_refused(service: AnswerService) -> None:
    # The letter on the POK measures prints no date; the dates in its text are of other events.
    answer = service.ask(
        "Op welke datum heeft Van Huffelen de voortgangsbrief over de POK-maatregelen verstuurd?"
    )
    assert answer.refused and answer.answer.startswith(NOT_IN_DOCUMENTS)


def test_the_date_is_that_of_the_document_the_question_means(service: AnswerService) -> None:
    # Both letters are Koolmees's and the search finds the kabinetsreactie first; the question
    # describes the September 2020 letter about fase 2, whose date is printed in its head.
    answer = service.ask(
        "Wanneer stuurde minister Koolmees de brief over fase 2 van Werk aan Uitvoering?"
    )
    assert answer.answer.startswith("Kamerstuk 31 490, nr. 284 is van 11 september 2020 [1].")
    assert "5 maart 2021" not in answer.answer


def test_field_question_about_a_document_the_corpus_lacks_is_refused(
    service: AnswerService,
) -> None:
    answer = service.ask("Welk Kamerstuknummer draagt de brief over de dienstplicht?")
    assert answer.refused


@pytest.mark.parametrize(
    ("question", "elsewhere"),
    [
        ("Van welke datum was die eerdere brief?", True),
        ("De BZK-brief verwijst naar een eerdere BZK-brief. Van welke datum was die?", True),
        ("Wanneer is de brief verstuurd waarnaar de kabinetsreactie verwijst?", True),
        ("Van wanneer is de vorige kamerbrief over de Standen?", True),
        ("Op welke datum is de BZK-brief over de Standen van de Uitvoering verstuurd?", False),
        ("Wanneer schreef de minister de brief over Werk aan Uitvoering?", False),
    ],
)
def test_a_date_of_a_referred_document_is_not_the_found_documents_own(
    question: str, elsewhere: bool
) -> None:
    assert refers_elsewhere(question) is elsewhere


def test_two_fields_joined_by_en_are_both_answered(service: AnswerService) -> None:
    answer = service.ask(
        "In welk dossier en onder welk nummer is de brief van Koolmees van september 2020 "
        "opgenomen?"
    )
    assert answer.direct_answer is not None and "31 490, nr. 284" in answer.direct_answer
    assert "Vernieuwing van de rijksdienst" in answer.answer  # the dossier, the second field
    assert {c.source for c in answer.citations} == {"001_2c27a83672055424.txt"}


def test_the_line_that_links_the_described_document_is_cited_too(service: AnswerService) -> None:
    answer = service.ask(
        "De VWS-nota verwijst in een voetnoot naar de kabinetsreactie op WaU. Wie heeft die "
        "kabinetsreactie ondertekend?"
    )
    assert "Koolmees" in (answer.direct_answer or "")
    assert {c.source for c in answer.citations} == {
        "003_e0f1918e4edf2938.txt",
        "000_beff440f605c888c.txt",  # its footnote cites Kamerstuk 29 362, nr. 290
    }
    assert "29 362 nr. 290" in answer.answer


def test_a_given_kenmerk_is_answered_with_its_document_and_an_unknown_one_refused(
    service: AnswerService,
) -> None:
    known = service.ask("Welk document heeft kenmerk 2021-0000126162?")
    assert not known.refused and not known.guard_removed
    assert {c.source for c in known.citations} == {"002_ea32e1fd4eb7c526.txt"}
    assert known.direct_answer and "Stand van zaken maatregelen" in known.direct_answer
    unknown = service.ask("Welk stuk heeft kenmerk 2021-0000999999?")
    assert unknown.refused
    assert "Geen van de stukken die ik kan doorzoeken heeft kenmerk 2021-0000999999" in (
        unknown.answer
    )


def test_a_given_kenmerk_with_what_the_document_is_about_is_one_answer(
    service: AnswerService,
) -> None:
    answer = service.ask("Bij welk stuk hoort kenmerk 2021-0000126162, en waar gaat het over?")
    assert not answer.refused and not answer.guard_removed
    assert {c.source for c in answer.citations} == {"002_ea32e1fd4eb7c526.txt"}
    assert answer.direct_answer and "heeft als titel “Stand van zaken maatregelen" in (
        answer.direct_answer
    )
    assert "vinden de stukken hier niets" not in answer.answer  # not split into sub-questions


def test_which_document_an_identifier_names_and_its_date_are_both_answered(
    service: AnswerService,
) -> None:
    # The number is what the asker has; which document it is and its date are what they ask.
    answer = service.ask(
        "Ik heb documentnummer 2022D56402 in mijn aantekeningen staan. "
        "Om welk stuk gaat het en van wanneer is het?"
    )
    assert not answer.refused and not answer.guard_removed
    assert answer.answer.startswith("Kamerstuk 29 362, nr. 318 is van 22 december 2022 [1].")
    assert "“Standen van de Uitvoering”" in answer.answer


def test_which_undated_document_a_kenmerk_names_is_answered_without_a_date(
    service: AnswerService,
) -> None:
    answer = service.ask("Welk stuk heeft kenmerk 2021-0000126162 en van wanneer is het?")
    assert not answer.refused and not answer.guard_removed
    assert {c.source for c in answer.citations} == {"002_ea32e1fd4eb7c526.txt"}
    assert answer.direct_answer and "kenmerk 2021-0000126162" in answer.direct_answer
    assert "geen datum" in answer.answer
    only_date = service.ask("Van wanneer is de brief met kenmerk 2021-0000126162?")
    assert only_date.refused
    # what the refusal quotes nearby is of the named letter, never another document's date
    assert {c.source for c in only_date.citations} <= {"002_ea32e1fd4eb7c526.txt"}
    assert "05-03-2021" not in only_date.answer


@pytest.mark.parametrize(
    ("question", "verdict", "source"),
    [
        # the claimed ministry names no document: the cabinet response is still the one meant
        (
            "Klopt het dat de kabinetsreactie op WaU is verstuurd door de minister van VWS?",
            "Nee, dat klopt niet: Kamerstuk 29 362, nr. 290",
            "003_",
        ),
        (
            "Klopt het dat de BZK-brief van december 2022 is ondertekend door Koolmees?",
            "Nee, dat klopt niet: Kamerstuk 29 362, nr. 318 is ondertekend door A.C. van Huffelen",
            "004_",
        ),
        (
            "Is het waar dat de voortgangsbrief over de POK-maatregelen is verstuurd door de "
            "staatssecretaris van Financiën?",
            "Ja, dat klopt: Kamerbrief",
            "002_",
        ),
    ],
)
def test_a_claimed_sender_is_confirmed_or_denied_from_metadata(
    service: AnswerService, question: str, verdict: str, source: str
) -> None:
    answer = service.ask(question)
    assert answer.answer.startswith(verdict)
    assert [c.source[:4] for c in answer.citations] == [source]


def test_a_claimed_co_sender_gets_the_sender_and_the_co_senders(service: AnswerService) -> None:
    answer = service.ask(
        "Klopt het dat de kabinetsreactie op WaU is verstuurd door Binnenlandse Zaken?"
    )
    assert not answer.answer.startswith(("Ja", "Nee"))
    assert "Sociale Zaken en Werkgelegenheid" in answer.answer and "mede namens" in answer.answer


def test_a_kamerstuk_the_corpus_only_cites_gets_no_other_documents_facts(
    service: AnswerService,
) -> None:
    # 31 490, nr. 269 is cited in the Koolmees letter of September 2020, not stored
    answer = service.ask("Wanneer is Kamerstuk 31 490, nr. 269 verstuurd?")
    assert answer.refused and "11 september 2020 [" not in answer.answer
    assert answer.answer.startswith("Kamerstuk 31 490, nr. 269 zit niet in de stukken")
    cited = service.ask("Welke stukken verwijzen naar Kamerstuk 31 490, nr. 269?")
    assert not cited.refused and "31 490, nr. 284" in cited.answer


def test_an_office_the_signer_did_not_sign_in_is_corrected_from_the_signature(
    service: AnswerService,
) -> None:
    answer = service.ask(
        "Van Huffelen schreef de brief over de standen van RvIG en Logius als minister van BZK. "
        "Wanneer was dat?"
    )
    assert answer.answer.startswith("Kamerstuk 29 362, nr. 318 is van 22 december 2022")
    assert "ondertekende als staatssecretaris van Binnenlandse Zaken" in answer.answer
    assert {c.source[:4] for c in answer.citations} == {"004_"}
