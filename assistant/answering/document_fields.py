"""One fact about a document, read from its metadata and cited to the line that prints it.

Each fact is a lead sentence (without its [n]) and the passage to cite (`document_lines`): the
head line with its Kamerstuk number, the "Betreft" line, the footnote that names a referenced
Kamerstuk; who the document is from and to is read in `document_people`. A field the document does not have gives no fact: the answer
is then a refusal, not a guess.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from assistant.answering.document_lines import (
    Fact,
    every_line,
    first_line,
    line_passage,
    printed_in_head,
    printed_or_head,
    spaced,
)
from assistant.answering.document_people import (
    addressee_fact,
    co_senders_fact,
    sender_fact,
    signer_fact,
    writer_fact,
    writer_unit_fact,
)
from assistant.answering.document_questions import DocumentField
from assistant.answering.publication_fields import disclosure_fact, published_fact
from assistant.sentences import Passage
from ingest.labels import document_label, label_with_date
from ingest.references import KamerstukId, find_references
from vectorstore.stored_chunk import StoredChunk
from vectorstore.text_analysis import terms

_TYPE_NAMES = {"beslisnota": "beslisnota", "kamerbrief": "Kamerbrief"}
_ARCHIVE_NUMBER = re.compile(r"\b(?:19|20)\d{2}D\d{4,6}\b")
_COMMISSIE = re.compile(r"Commissie\(s\)[ \t]+(?P<value>[^\n]+)")
# "Zaaknummer" above its value (a beslisnota's head), "Onderdeel van zaak 2022Z26159" (a page of
# the Tweede Kamer site).
_CASE_NUMBER = re.compile(
    r"\b(?:Zaaknummer|[Oo]nderdeel van zaak)[ \t:]*\s*(?P<value>(?:19|20)\d{2}Z\d{4,6}|\d{5,9})\b"
)
# "Bijlage(n)" above a list of "-Kamerbrief" lines, which may wrap.
_ATTACHMENTS = re.compile(r"^Bijlage\(n\)[ \t]*\n\s*(?P<list>-[^\n]+(?:\n(?!\s*\n)[^\n]+)*)", re.M)
_MOST_REFERENCES = 4
_ASKS_CODE = re.compile(r"\bkst\b|\bcode\b", re.I)


def _kind(document: dict[str, Any]) -> str:
    return _TYPE_NAMES.get(str(document.get("doc_type")), "document")


def _kamerstuk(document: dict[str, Any], chunks: list[StoredChunk], question: str) -> Fact | None:
    kenmerk = document.get("kenmerk")
    if not document.get("kamerstuk"):
        if not kenmerk:
            return None
        passage = printed_or_head(chunks, str(kenmerk))
        lead = f"Dit is geen Kamerstuk; het is een {_kind(document)} met kenmerk {kenmerk}"
        return Fact(lead, (passage,)) if passage else None
    ref = KamerstukId.parse(str(document["kamerstuk"]))
    main = ref.dossier.split("-")[0]
    dossier = rf"{main[:2]}\s?{main[2:]}"
    passage = (
        first_line(chunks, rf"kst-?{ref.dossier}-{ref.ondernummer}\b")
        or first_line(chunks, rf"{dossier}\s*,?\s*nr\.?\s*{ref.ondernummer}\b")
        or first_line(chunks, rf"\bnr\.?\s*{ref.ondernummer}\b[^\n]*{main}")
        or first_line(chunks, rf"^\s*nr\.\s*{ref.ondernummer}\b")
    )
    lead = f"Dit is {label_with_date(document)}"
    if _ASKS_CODE.search(question):  # its code on officielebekendmakingen.nl
        lead += f", met de code kst-{ref.dossier}-{ref.ondernummer}"
    return Fact(lead, (passage,)) if passage else None


def _kenmerk(document: dict[str, Any], chunks: list[StoredChunk], question: str) -> Fact | None:
    kenmerk = document.get("kenmerk")
    if not kenmerk:
        return _kamerstuk(document, chunks, question)
    passage = printed_or_head(chunks, str(kenmerk))
    # named, so that two documents' kenmerken side by side say whose is whose
    name = document_label({**document, "kenmerk": None})
    return Fact(f"{name} heeft kenmerk {kenmerk}", (passage,)) if passage else None


def _archive_number(document: dict[str, Any], chunks: list[StoredChunk], _: str) -> Fact | None:
    printed = printed_in_head(chunks, _ARCHIVE_NUMBER)
    if printed is None:
        return None
    passage, number = printed
    lead = f"{document_label(document)} heeft bij de Tweede Kamer documentnummer {number.group()}"
    return Fact(lead, (passage,))


def _case_number(document: dict[str, Any], chunks: list[StoredChunk], _: str) -> Fact | None:
    for chunk in chunks[:2]:
        if found := _CASE_NUMBER.search(chunk.text):
            lead = f"{document_label(document)} hoort bij zaaknummer {found['value']}"
            return Fact(lead, (Passage(chunk, found.start(), found.end()),))
    return None


def _attachments(document: dict[str, Any], chunks: list[StoredChunk], _: str) -> Fact | None:
    for chunk in chunks[:2]:
        if found := _ATTACHMENTS.search(chunk.text):
            items = [" ".join(item.split()) for item in found["list"].split("\n-")]
            named = "; ".join(item.lstrip("-").strip() for item in items if item.strip("- "))
            lead = f"{document_label(document)} heeft als bijlagen: {named}"
            return Fact(lead, (Passage(chunk, found.start(), found.end()),))
    return None


def _dossier(document: dict[str, Any], chunks: list[StoredChunk], _: str) -> Fact | None:
    dossier, title = document.get("dossier"), document.get("dossier_title")
    if not dossier or not title:
        return None
    main = str(dossier).split("-")[0]
    passage = first_line(
        chunks, rf"{main[:2]}\s?{main[2:]}[ \t]+{spaced(str(title))}"
    ) or first_line(chunks, spaced(str(title)))
    number = f"{main[:2]} {main[2:]}"
    lead = f"{document_label(document)} hoort bij dossier {number} “{title}”"
    return Fact(lead, (passage,)) if passage else None


def _vergaderjaar(document: dict[str, Any], chunks: list[StoredChunk], _: str) -> Fact | None:
    year = document.get("vergaderjaar")
    if not year:
        return None
    first, second = str(year).split("-")
    passage = first_line(chunks[:2], rf"{first}\s*[-/]\s*(?:{second}|{second[2:]})")
    lead = f"{document_label(document)} is van vergaderjaar {year}"
    return Fact(lead, (passage,)) if passage else None


def _commissie(document: dict[str, Any], chunks: list[StoredChunk], _: str) -> Fact | None:
    printed = printed_in_head(chunks, _COMMISSIE)
    if printed is None:
        return None
    passage, value = printed
    lead = f"Bij {document_label(document)} staat als Kamercommissie: {value['value'].strip()}"
    return Fact(lead, (passage,))


def _title(document: dict[str, Any], chunks: list[StoredChunk], _: str) -> Fact | None:
    title = document.get("title")
    if not title:
        return None
    betreft = first_line(chunks, r"Betreft:?\s+" + spaced(str(title)))
    if betreft is not None:
        match = re.search(r"Betreft:?\s+" + spaced(str(title)), betreft.chunk.text)
        assert match is not None
        passage = line_passage(betreft.chunk, match.start(), match.end())
        return Fact(f"Bij ‘Betreft’ staat: “{title}”", (passage,))
    passage = first_line(chunks, spaced(str(title)))
    # a Kamerstuk is named by its number, which its title does not say
    whose = f" van {document_label(document)}" if document.get("kamerstuk") else ""
    return Fact(f"De titel{whose} is “{title}”", (passage,)) if passage else None


def _doc_type(document: dict[str, Any], chunks: list[StoredChunk], question: str) -> Fact | None:
    if not document.get("kamerstuk"):
        return _kamerstuk(document, chunks, question)
    fact = _kamerstuk(document, chunks, question)
    kind = str(document.get("doc_type") or "").removeprefix("kamerstuk_")
    if fact is None or kind in ("", "kamerstuk"):
        return fact
    return Fact(f"Dit is een {kind}, gepubliceerd als {label_with_date(document)}", fact.passages)


# "Motie Omtzigt, 35510, nr. 13 en motie Ploumen/Jetten, 35510, nr. 24": a motion is known by
# the names of those who submitted it, right before its number.
_MOTION = re.compile(
    r"\b(?P<motion>[Mm]otie\s+(?:van\s+(?:het\s+lid\s+|de\s+leden\s+)?)?[A-Z][\w'’-]*"
    r"(?:\s*(?:/|en)\s*[A-Z][\w'’-]*)*)[\s,(]+(?P<reference>(?:Kamerstukken\s+II\s+)?"
    r"(?:\d{4}/\d{2},\s*)?\d{2}\s?\d{3},?\s*nr\.?\s*\d+)"
)


def _motions(text: str) -> dict[str, str]:
    """The motions a line names by their submitters, by the id of the Kamerstuk each is."""
    found = {}
    for match in _MOTION.finditer(text):
        refs = find_references(match["reference"], include_bare=True)
        if refs:
            found[refs[0].normalized] = "m" + match["motion"][1:]
    return found


# "Naar welke Kamerstukken verwijst de brief voor de Zelfevaluaties BRP …?": what they are for
_REFERENCES_FOR = re.compile(r"\b(?:voor|over)\s+(?:de|het|een)\s+(?P<about>[^?]+)", re.IGNORECASE)


def _references(document: dict[str, Any], chunks: list[StoredChunk], question: str) -> Fact | None:
    wanted = re.search(r"\b(motie|rapport)", question, re.IGNORECASE)
    own = document.get("kamerstuk")
    lines: list[Passage] = []
    for line in every_line(chunks):
        refs = [r for r in find_references(line.text) if r.normalized != own]
        if not refs or (wanted and wanted.group(1).lower() not in line.text.lower()):
            continue
        if all(p.text != line.text for p in lines):
            lines.append(line)
    if not lines:
        return None
    about = _REFERENCES_FOR.search(question)
    named = set(terms(about["about"])) - set(terms(document_label(document))) if about else set()
    if shared := [p for p in lines if named & set(terms(p.text))][:_MOST_REFERENCES]:
        # the lines about what the question names, quoted whole: "Kamerstukken 27 859 en
        # 25 764, nr. 166" is one paper in two dossiers
        quoted = "; ".join(f"“{p.one_line}”" for p in shared)
        return Fact(f"{document_label(document)} verwijst daarvoor naar {quoted}", tuple(shared))
    lines = lines[:_MOST_REFERENCES]
    motions = {k: v for p in lines for k, v in _motions(p.text).items()}
    labels = list(
        dict.fromkeys(
            f"{r.label} ({motions[r.normalized]})" if r.normalized in motions else r.label
            for p in lines
            for r in find_references(p.text)
            if r.normalized != own
        )
    )
    lead = f"{document_label(document)} verwijst naar " + ", ".join(labels)
    return Fact(lead, tuple(lines))


_READERS: dict[DocumentField, Callable[[dict[str, Any], list[StoredChunk], str], Fact | None]] = {
    DocumentField.CO_SENDERS: co_senders_fact,
    DocumentField.SIGNER: signer_fact,
    DocumentField.SENDER: sender_fact,
    DocumentField.WRITER: writer_fact,
    DocumentField.WRITER_UNIT: writer_unit_fact,
    DocumentField.ADDRESSEE: addressee_fact,
    DocumentField.ARCHIVE_NUMBER: _archive_number,
    DocumentField.CASE_NUMBER: _case_number,
    DocumentField.ATTACHMENTS: _attachments,
    DocumentField.KENMERK: _kenmerk,
    DocumentField.KAMERSTUK: _kamerstuk,
    DocumentField.DOSSIER: _dossier,
    DocumentField.VERGADERJAAR: _vergaderjaar,
    DocumentField.COMMISSIE: _commissie,
    DocumentField.PUBLISHED: published_fact,
    DocumentField.DISCLOSURE: disclosure_fact,
    DocumentField.TITLE: _title,
    DocumentField.DOC_TYPE: _doc_type,
    DocumentField.REFERENCES: _references,
}


def document_fact(
    field: DocumentField, document: dict[str, Any], chunks: list[StoredChunk], question: str
) -> Fact | None:
    """The asked fact about the document whose chunks (in order) are `chunks`, or None when the
    document does not state it."""
    return _READERS[field](document, chunks, question)
