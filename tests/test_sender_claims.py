"""A question asking to confirm who sent or signed a document gets a verdict from metadata."""

import pytest

from assistant.answering.document_questions import DocumentField, asked_field
from assistant.answering.sender_claims import CONFIRMED, DENIED, office_correction, sender_verdict

pytestmark = pytest.mark.unit

WAU = {
    "doc_id": "003",
    "sender": "Minister van Sociale Zaken en Werkgelegenheid",
    "signer": "W. Koolmees",
}
CO_SENDERS = (
    "Kamerstuk 29 362, nr. 290 is mede namens de Minister van Onderwijs, Cultuur en Wetenschap, "
    "de Staatssecretaris van Binnenlandse Zaken en Koninkrijksrelaties verstuurd"
)


@pytest.mark.parametrize(
    ("question", "verdict"),
    [
        ("Klopt het dat de kabinetsreactie is verstuurd door de minister van SZW?", CONFIRMED),
        ("Klopt het dat de kabinetsreactie is ondertekend door Koolmees?", CONFIRMED),
        ("Is het waar dat de kabinetsreactie is verstuurd door het zorgministerie?", DENIED),
        ("Was the cabinet response written by VWS?", DENIED),
        # only co-signed: neither confirmed nor denied
        ("Klopt het dat de kabinetsreactie is verstuurd door Binnenlandse Zaken?", None),
        # nobody the metadata can be compared with
        ("Klopt het dat de kabinetsreactie is verstuurd door een ambtenaar?", None),
        # no confirmation asked
        ("Wat staat er in de brief die is verstuurd door VWS?", None),
    ],
)
def test_a_claimed_sender_is_confirmed_or_denied(question: str, verdict: str | None) -> None:
    assert sender_verdict(question, WAU, CO_SENDERS) == verdict


def test_a_claimed_sender_asks_for_the_sender() -> None:
    question = "Klopt het dat de kabinetsreactie op WaU is verstuurd door de minister van BZK?"
    assert asked_field(question) is DocumentField.SENDER
    # "which letter was sent by …" asks for a document, not to confirm its sender
    assert asked_field("Welke brief is verstuurd door de minister van SZW?") is None


BZK = {
    "doc_id": "004",
    "sender": "Staatssecretaris van Binnenlandse Zaken en Koninkrijksrelaties",
    "signer": "A.C. van Huffelen",
}


@pytest.mark.parametrize(
    ("question", "office"),
    [
        (
            "Van Huffelen schreef de brief als minister van BZK. Wanneer was dat?",
            "staatssecretaris van Binnenlandse Zaken en Koninkrijksrelaties",
        ),
        # the office she signed in, or none given, or someone else's office
        ("Wanneer schreef Van Huffelen als staatssecretaris de brief?", None),
        ("Wanneer schreef Van Huffelen de brief?", None),
        ("Wanneer schreef Koolmees als minister de brief?", None),
    ],
)
def test_an_office_the_signer_did_not_sign_in_is_corrected(
    question: str, office: str | None
) -> None:
    assert office_correction(question, BZK) == office
    assert office_correction(question, WAU) is None  # Koolmees signed as minister
