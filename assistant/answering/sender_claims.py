"""Claims a question makes about who sent or signed a document, checked against its metadata.

"Klopt het dat de kabinetsreactie door de minister van Binnenlandse Zaken is verstuurd?" is
answered from the document's metadata like "Wie heeft de kabinetsreactie verstuurd?", and led by
"Ja, dat klopt" or "Nee, dat klopt niet" when the question names a signer of the corpus or a
ministry the thesaurus knows. A ministry that only co-signed ("mede namens …") is neither
confirmed nor denied: the answer then gives the sender and the co-senders without a verdict.

"Van Huffelen schreef de brief over de Standen als minister van BZK. Wanneer was dat?" gives the
signer an office she did not sign in: the answer adds the office the letter gives her.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from typing import Any

from assistant.answering.document_people import signed_office, signer_surname
from assistant.answering.document_questions import CONFIRMS_SENDER
from vectorstore.organisations import organisations_named

CONFIRMED = "Ja, dat klopt"
DENIED = "Nee, dat klopt niet"


def sender_verdict(
    question: str, document: dict[str, Any], co_senders: str, signers: Collection[str] = ()
) -> str | None:
    """CONFIRMED when the claimed sender is the document's signer or its sender's ministry,
    DENIED when the question names another signer of the corpus (`signers`: their surnames) or
    a ministry that is neither its sender's nor among the co-senders (`co_senders`: the text
    naming them, empty when there are none); None when the question claims nobody the metadata
    can be compared with."""
    found = CONFIRMS_SENDER.search(question)
    if found is None:
        return None
    claimed = found["claimed"]
    surname = signer_surname(document)
    if surname and _names(claimed, surname):
        return CONFIRMED
    if any(_names(claimed, other) for other in signers if other):
        return DENIED
    named = set(organisations_named(claimed))
    if not named:
        return None
    if named & set(organisations_named(str(document.get("sender") or ""))):
        return CONFIRMED
    if named & set(organisations_named(co_senders)):
        return None
    return DENIED


def _names(text: str, surname: str) -> bool:
    return bool(re.search(rf"\b{re.escape(surname)}\b", text, re.IGNORECASE))


# "… als minister van BZK", "… as state secretary": the office a question gives a signer
_CLAIMED_OFFICE = re.compile(
    r"\b(?:als|as)\s+(?:de\s+|the\s+)?(?P<office>minister|staatssecretaris|state\s+secretary)\b",
    re.IGNORECASE,
)


def office_correction(question: str, document: dict[str, Any]) -> str | None:
    """The office the document's signer signed in ("staatssecretaris van Binnenlandse Zaken en
    Koninkrijksrelaties") when the question names the signer and gives them another office ("als
    minister"); None otherwise."""
    surname = signer_surname(document)
    claim = _CLAIMED_OFFICE.search(question)
    own = signed_office(document)
    if not surname or not _names(question, surname) or claim is None or own is None:
        return None
    claimed = " ".join(claim["office"].lower().split()).replace(
        "state secretary", "staatssecretaris"
    )
    return None if own.split()[0] == claimed else own
