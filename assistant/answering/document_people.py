"""Who a document is from and to: its signer, sender, addressee, co-senders and the directie
that wrote it, each read from its metadata or head and cited to the line that prints it (the
signature block, the sender's heading "BRIEF VAN DE MINISTER VAN …" or the signature, the
"Aan …" line with its "Cc:" line or the salutation, the "Mede namens" line, the "Directie …"
lines of a beslisnota's head)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from assistant.answering.document_lines import Fact, first_line, line_passage, spaced
from assistant.sentences import Passage
from ingest.labels import document_label, label_with_date
from vectorstore.stored_chunk import StoredChunk

_CO_SENDERS = re.compile(r"\b[Mm]ede namens (?P<value>.{10,700}?)(?:,[ \t]*\n|\n\s*\n|$)", re.S)
_ROLE = re.compile(r"\b[Dd]e (?:[Mm]inister|[Ss]taatssecretaris)\b[^\n]{0,120}$", re.M)
_PERSON = re.compile(r"\b[A-Z]\.(?:\s?[A-Z]\.)*\s?(?:van\s|de\s|den\s)*[A-Z][a-zà-ÿ]+")
_ADDRESSEE = re.compile(r"^[ \t]*Aan[ \t]+(?P<value>[^\n]+)", re.M)
_ADDRESS_ENDS = re.compile(r"\s+(?:Deadline|Den Haag|Datum)\b.*$")
_COPY = re.compile(r"\A\n[ \t]*Cc:?[ \t]+(?P<value>[^\n]+)")
# "Cc: MLZS en stas nota": the document type, printed on a line of its own, joined to the Cc line
_TYPE_AFTER = re.compile(r"\s+(?:nota|notitie|memo)\s*$", re.IGNORECASE)
_ASKS_NAME = re.compile(r"\b(?:naam|namen|heet|heten|who)\b", re.IGNORECASE)
# A beslisnota's head names the directie that wrote it, over one or more lines, with its
# bureau or afdeling on a line of its own ("Directie Bestuurlijke en\nPolitieke Zaken\nBureau
# Concernsturing").
_WRITER_UNIT = re.compile(
    r"^[ \t]*(?P<value>Directie[ \t]+[^\n]+(?:\n(?![ \t]*\n)[^\n]+){0,3})", re.M
)
_UNIT_PART = re.compile(r"\n[ \t]*(?=(?:Bureau|Afdeling|Team|Cluster)\b)")
# "Opgesteld door" over the drafter's name and e-mail address, until the next blank line
_DRAFTED_BY = re.compile(r"Opgesteld door[ \t]*\n\s*(?P<value>[^\n]+(?:\n(?![ \t]*\n)[^\n]+)*)")
# what the Woo withholds ("5.1.2e", section 5.1 lid 2 sub e) and the e-mail addresses left
_WITHHELD = re.compile(r"\b\d\.\d\.\d[a-z]?\b|\S*@\S+")
_PERSON_NAME = re.compile(r"\b[A-Z][a-zà-ÿ]+\b")
# A letter without an "Aan …" line is addressed in its salutation ("Geachte voorzitter,").
_SALUTATION = re.compile(r"^[ \t]*Geachte[ \t]+(?P<value>[^,\n]+),", re.M)


# A sender that is an office a person holds ("Staatssecretaris van …"), not a ministry.
_OFFICE = re.compile(r"^\s*(?:minister|staatssecretaris)\b", re.IGNORECASE)


def signed_office(document: Mapping[str, Any]) -> str | None:
    """The office the document's signer signed in, as it reads inside a sentence: its sender
    when that is a minister or state secretary ("staatssecretaris van Binnenlandse Zaken en
    Koninkrijksrelaties"); None for a ministry ("Ministerie van …") or no sender."""
    sender = str(document.get("sender") or "")
    return f"{sender[0].lower()}{sender[1:]}" if _OFFICE.match(sender) else None


def signer_surname(metadata: Mapping[str, Any]) -> str:
    """The surname of a document's signer as written ("Koolmees", "Huffelen"); empty for an
    unsigned document."""
    return (str(metadata.get("signer") or "").split() or [""])[-1]


def signer_fact(document: dict[str, Any], chunks: list[StoredChunk], _: str) -> Fact | None:
    """ "Wie ondertekende …": the signer with the sender's function, cited to the signature."""
    signer = document.get("signer")
    if not signer:
        return None
    surname = spaced(signer_surname(document))
    name = first_line(chunks, surname, last=True)
    if name is None:
        return None
    before = name.chunk.text[max(0, name.start - 300) : name.start]
    role = list(_ROLE.finditer(before))
    passage = name
    if role:
        passage = line_passage(name.chunk, name.start - len(before) + role[-1].start(), name.end)
    office = signed_office(document)
    function = f", {office}" if office else ""
    return Fact(f"{document_label(document)} is ondertekend door {signer}{function}", (passage,))


def sender_fact(document: dict[str, Any], chunks: list[StoredChunk], _: str) -> Fact | None:
    """ "Van wie kwam …": the sender (and signer), cited to the sender's heading or signature."""
    sender = str(document.get("sender") or "")
    # The heading that names the sender, else the signature that does, else "brief van …".
    line = (
        first_line(chunks[:2], spaced(sender))
        or first_line(chunks, spaced(sender), last=True)
        or first_line(chunks[:2], "brief van")
        if sender
        else None
    )
    if line is None:
        return None
    signer = f", ondertekend door {document['signer']}" if document.get("signer") else ""
    return Fact(f"{label_with_date(document)} is verstuurd door {sender}{signer}", (line,))


def writer_fact(document: dict[str, Any], chunks: list[StoredChunk], _: str) -> Fact | None:
    """ "Welke ambtenaar heeft de nota opgesteld?": the name under "Opgesteld door" in a
    beslisnota's head; None when the head names no one or the name is blacked out under the Woo
    ("5.1.2e @minvws.nl"), so the question is refused rather than answered with the ministry."""
    for chunk in chunks[:2]:
        if found := _DRAFTED_BY.search(chunk.text):
            name = _WITHHELD.sub(" ", found["value"]).strip()
            if _PERSON_NAME.search(name):
                lead = f"{document_label(document)} is opgesteld door {' '.join(name.split())}"
                return Fact(lead, (Passage(chunk, found.start(), found.end()),))
    return None


def addressee_fact(document: dict[str, Any], chunks: list[StoredChunk], _: str) -> Fact | None:
    """ "Aan wie is … gericht": the "Aan …" line with its "Cc:" line, else the salutation."""
    for chunk in chunks[:2]:
        match = _ADDRESSEE.search(chunk.text)
        if match is None:
            continue
        addressee = _ADDRESS_ENDS.sub("", match["value"].replace("**", "")).strip()
        copy = _COPY.search(chunk.text[match.end() :])
        end = match.end() + copy.end() if copy else match.end()
        in_copy = f", in kopie aan {_TYPE_AFTER.sub('', copy['value']).strip()}" if copy else ""
        lead = f"{document_label(document)} is gericht aan {addressee}{in_copy}"
        return Fact(lead, (Passage(chunk, match.start(), end),))
    for chunk in chunks[:2]:
        if salutation := _SALUTATION.search(chunk.text):
            whom = salutation["value"].strip()
            article = "" if whom.lower().startswith("mevrouw") else "de "
            lead = f"{document_label(document)} is gericht aan {article}{whom}"
            return Fact(lead, (Passage(chunk, salutation.start(), salutation.end()),))
    return None


def co_senders_fact(
    document: dict[str, Any], chunks: list[StoredChunk], question: str
) -> Fact | None:
    """ "Namens wie …": the "Mede namens" line; None when a name is asked and it names none."""
    for chunk in chunks:
        match = _CO_SENDERS.search(chunk.text)
        if match is None:
            continue
        value = " ".join(match["value"].split())
        if _ASKS_NAME.search(question) and not _PERSON.search(value):
            return None  # the stukken name the functions, not the persons asked for
        lead = f"{document_label(document)} is mede namens {value} verstuurd"
        return Fact(lead, (line_passage(chunk, match.start(), match.end()),))
    return None


def writer_unit_fact(document: dict[str, Any], chunks: list[StoredChunk], _: str) -> Fact | None:
    """ "Welke directie heeft de nota opgesteld?": the directie (and bureau) its head names."""
    for chunk in chunks[:2]:
        found = _WRITER_UNIT.search(chunk.text)
        if found is None:
            continue
        unit = " ".join(_UNIT_PART.sub(", ", found["value"]).split())
        lead = f"{document_label(document)} is opgesteld door de {unit}"
        return Fact(lead, (Passage(chunk, found.start("value"), found.end("value")),))
    return None
