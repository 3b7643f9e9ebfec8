"""Document fields read from the document's own lines: the Kamerstuk number is cited to the
line that prints it."""

import pytest

from assistant.answering.document_fields import document_fact
from assistant.answering.document_questions import DocumentField
from vectorstore.stored_chunk import StoredChunk

pytestmark = pytest.mark.unit

# corpus/uitvoering/004: the head of the BZK letter, whose number stands on a line of its own
# in the middle of its first chunk, not next to the dossier number.
HEAD = (
    "Standen van de Uitvoering\n"
    "Onderdeel van kamerstukdossier 29362 -318 Modernisering van de overheid.\n"
    "29 362 Modernisering van de overheid\n"
    "\n"
    "Nr. 318 BRIEF VAN DE STAATSSECRETARIS VAN BINNENLANDSE ZAKEN EN KONINKRIJKSRELATIES\n"
    "Den Haag, 22 december 2022\n"
)
LETTER = {
    "doc_id": "004",
    "kamerstuk": "29362-318",
    "date": "2022-12-22",
    "doc_type": "kamerstuk_brief",
}


def test_the_number_on_a_line_of_its_own_inside_a_chunk_is_found() -> None:
    chunk = StoredChunk("c1", HEAD, {"doc_id": "004"}, 1.0)
    fact = document_fact(DocumentField.KAMERSTUK, LETTER, [chunk], "Welk Kamerstuk is dit?")
    assert fact is not None
    assert fact.lead == "Dit is Kamerstuk 29 362, nr. 318, 22 december 2022"
    assert fact.passages[0].text.startswith("Nr. 318 BRIEF")
    coded = document_fact(DocumentField.KAMERSTUK, LETTER, [chunk], "Wat is de kst-code?")
    assert coded is not None and coded.lead.endswith(", met de code kst-29362-318")


def test_a_number_the_document_does_not_print_gives_no_fact() -> None:
    chunk = StoredChunk("c1", HEAD.replace("318", "999"), {"doc_id": "004"}, 1.0)
    assert document_fact(DocumentField.KAMERSTUK, LETTER, [chunk], "Welk Kamerstuk?") is None


# corpus/uitvoering/000: the head of the VWS beslisnota, each label above its value.
NOTA_HEAD = (
    "Kenmerk\n\n3383909-1031059-BPZ\n\nUw kenmerk\n\nZaaknummer\n\n1031059\n\nBijlage(n)\n\n"
    "-Kamerbrief\n-Standen CAK, CIBG, CIZ en\nDUS-I\n-Overzicht inventarisatie\nhardvochtigheden\n\n"
    "1. Aanleiding\n"
)
NOTA = {
    "doc_id": "000",
    "kenmerk": "3383909-1031059-BPZ",
    "doc_type": "beslisnota",
    "title": "Kamerbrief Stand van de Uitvoering",
}


def test_the_case_number_under_its_label_is_read() -> None:
    chunks = [StoredChunk("n1", NOTA_HEAD, {"doc_id": "000"}, 1.0)]
    fact = document_fact(DocumentField.CASE_NUMBER, NOTA, chunks, "Welk zaaknummer?")
    assert fact is not None and fact.lead.endswith("hoort bij zaaknummer 1031059")
    assert fact.passages[0].text.endswith("1031059")


def test_the_attachments_listed_under_their_label_are_read_whole() -> None:
    chunks = [StoredChunk("n1", NOTA_HEAD, {"doc_id": "000"}, 1.0)]
    fact = document_fact(DocumentField.ATTACHMENTS, NOTA, chunks, "Welke bijlagen?")
    assert fact is not None
    assert fact.lead.endswith(
        "heeft als bijlagen: Kamerbrief; Standen CAK, CIBG, CIZ en DUS-I; "
        "Overzicht inventarisatie hardvochtigheden"
    )
    without = [StoredChunk("n1", "Kenmerk\n\n3383909-1031059-BPZ\n", {"doc_id": "000"}, 1.0)]
    assert document_fact(DocumentField.ATTACHMENTS, NOTA, without, "Welke bijlagen?") is None


def test_a_cited_motion_is_named_by_its_submitters() -> None:
    note = (
        "- Naar aanleiding van verschillende moties van de Tweede Kamer is een uitvraag gedaan.\n"
        "³ Motie Omtzigt, 35510, nr. 13 en motie Ploumen/Jetten, 35510, nr. 24.\n"
    )
    chunk = StoredChunk("c1", note, {"doc_id": "000"}, 1.0)
    fact = document_fact(DocumentField.REFERENCES, LETTER, [chunk], "Welke moties noemt de nota?")
    assert fact is not None
    assert fact.lead.endswith(
        "verwijst naar Kamerstuk 35 510, nr. 13 (motie Omtzigt), "
        "Kamerstuk 35 510, nr. 24 (motie Ploumen/Jetten)"
    )
    # a reference without a motion's name keeps its label alone
    plain = StoredChunk("c2", "Zie het rapport (Kamerstuk 35 387, nr. 2).\n", {"doc_id": "0"}, 1.0)
    other = document_fact(DocumentField.REFERENCES, LETTER, [plain], "Welke stukken noemt hij?")
    assert other is not None and other.lead.endswith("verwijst naar Kamerstuk 35 387, nr. 2")


def test_the_references_for_what_the_question_names_are_quoted_whole() -> None:
    notes = (
        "4. Aankondiging van maatregelen tegen identiteitsfraude, Kamerstukken 25 764 en 29 911, "
        "nr. 137.\n"
        "5. Zelfevaluaties BRP en Reisdocumenten 2021, Bijlage bij Kamerstukken 27 859 en 25 764, "
        "nr. 166.\n"
    )
    chunk = StoredChunk("c1", notes, {"doc_id": "004"}, 1.0)
    asked = "Naar welke Kamerstukken verwijst de brief voor de Zelfevaluaties BRP?"
    fact = document_fact(DocumentField.REFERENCES, LETTER, [chunk], asked)
    assert fact is not None and len(fact.passages) == 1
    # one paper in two dossiers: the line itself, not a label that drops a dossier
    assert "“5. Zelfevaluaties BRP en Reisdocumenten 2021, Bijlage bij Kamerstukken 27 859 en" in (
        fact.lead
    )
    every = document_fact(DocumentField.REFERENCES, LETTER, [chunk], "Welke stukken noemt hij?")
    assert every is not None and len(every.passages) == 2


# corpus/uitvoering/003: the Kerngegevens of the kabinetsreactie's page.
KERNGEGEVENS = (
    "Kerngegevens\nDocumentdatum 05-03-2021\nPublicatiedatum 12-03-2021\nNummer KST29362290\n"
)


def test_the_day_of_publication_is_read_from_the_head_with_the_documents_own_date() -> None:
    kabinetsreactie = {"doc_id": "003", "kamerstuk": "29362-290", "date": "2021-03-05"}
    chunk = StoredChunk("c1", KERNGEGEVENS, {"doc_id": "003"}, 1.0)
    fact = document_fact(DocumentField.PUBLISHED, kabinetsreactie, [chunk], "Wanneer?")
    assert fact is not None
    assert fact.lead == (
        "Kamerstuk 29 362, nr. 290 is gepubliceerd op 12 maart 2021 en gedateerd op 5 maart 2021"
    )
    assert fact.passages[0].text == "Publicatiedatum 12-03-2021"
    # a letter whose head prints no day of publication gives no fact: the answer is a refusal
    unprinted = [StoredChunk("c2", HEAD, {}, 1.0)]
    assert document_fact(DocumentField.PUBLISHED, LETTER, unprinted, "") is None


def test_the_day_of_publication_is_quoted_as_printed_not_with_its_whole_table() -> None:
    # the stored head joins the Kerngegevens table into one line
    table = "Officiële titel Brief regering Documentdatum 05-03-2021 Publicatiedatum 12-03-2021 Nummer KST29362290\n"
    kabinetsreactie = {"doc_id": "003", "kamerstuk": "29362-290", "date": "2021-03-05"}
    chunk = StoredChunk("c1", table, {"doc_id": "003"}, 1.0)
    fact = document_fact(DocumentField.PUBLISHED, kabinetsreactie, [chunk], "Wanneer?")
    assert fact is not None
    # cited to the printed field, which the answer quotes after its lead
    assert [p.text for p in fact.passages] == ["Publicatiedatum 12-03-2021"] * 2


def test_whether_a_nota_is_meant_to_be_made_public_is_read_from_its_head() -> None:
    head = "Ministerie van VWS\n\nDeze nota is bedoeld om openbaar gemaakt te worden: **Ja**\n"
    nota = {"doc_id": "000", "kenmerk": "3383909-1031059-BPZ", "doc_type": "beslisnota"}
    fact = document_fact(DocumentField.DISCLOSURE, nota, [StoredChunk("c1", head, {}, 1.0)], "")
    assert fact is not None and fact.lead.startswith("Ja: ")
    assert fact.lead.endswith(" is bedoeld om openbaar gemaakt te worden")
    assert fact.passages[0].text.endswith("worden: **Ja**")
    not_meant = head.replace("**Ja**", "Nee")
    fact = document_fact(
        DocumentField.DISCLOSURE, nota, [StoredChunk("c1", not_meant, {}, 1.0)], ""
    )
    assert fact is not None and fact.lead.startswith("Nee: ") and "is niet bedoeld" in fact.lead
    assert (
        document_fact(DocumentField.DISCLOSURE, LETTER, [StoredChunk("c2", HEAD, {}, 1.0)], "")
        is None
    )


def test_the_drafter_is_named_only_when_the_woo_did_not_withhold_the_name() -> None:
    # corpus/uitvoering/000: the name is blacked out ("5.1.2e"), only the mail domain is left
    withheld = "Bureau Concernsturing\n\nOpgesteld door\n\n5.1.2e @minvws.nl\n\n14 juni 2022\n"
    nota = {"doc_id": "000", "kenmerk": "3383909-1031059-BPZ", "doc_type": "beslisnota"}
    chunks = [StoredChunk("c1", withheld, {}, 1.0)]
    assert document_fact(DocumentField.WRITER, nota, chunks, "") is None
    named = withheld.replace("5.1.2e @minvws.nl", "J. Jansen\nj.jansen@minvws.nl")
    fact = document_fact(DocumentField.WRITER, nota, [StoredChunk("c1", named, {}, 1.0)], "")
    assert fact is not None and fact.lead.endswith(" is opgesteld door J. Jansen")
