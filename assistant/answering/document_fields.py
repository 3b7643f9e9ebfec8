"""One fact about a document, read from its metadata and cited to the line that prints it.

Each fact is a lead sentence (without its [n]) and the passage to cite: the head line with its
Kamerstuk number, the "Betreft" line, the signature block, the sender's heading ("BRIEF VAN DE
MINISTER VAN …"), the "Aan …" line with its "Cc:" line, the "Mede namens" line, the footnote
that names a referenced Kamerstuk. A field the document does not have gives no fact: the answer
is then a refusal, not a guess.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from assistant.answering.document_questions import DocumentField
from assistant.sentences import Passage
from ingest.labels import document_label, label_with_date
from ingest.references import KamerstukId, find_references
from vectorstore.stored_chunk import StoredChunk

_TYPE_NAMES = {"beslisnota": "beslisnota", "kamerbrief": "Kamerbrief"}
_ARCHIVE_NUMBER = re.compile(r"\b(?:19|20)\d{2}D\d{4,6}\b")
_COMMISSIE = re.compile(r"Commissie\(s\)[ \t]+(?P<value>[^\n]+)")
_CO_SENDERS = re.compile(r"\b[Mm]ede namens (?P<value>.{10,700}?)(?:,[ \t]*\n|\n\s*\n|$)", re.S)
_ROLE = re.compile(r"\b[Dd]e (?:[Mm]inister|[Ss]taatssecretaris)\b[^\n]{0,120}$", re.M)
_PERSON = re.compile(r"\b[A-Z]\.(?:\s?[A-Z]\.)*\s?(?:van\s|de\s|den\s)*[A-Z][a-zà-ÿ]+")
_ADDRESSEE = re.compile(r"^[ \t]*Aan[ \t]+(?P<value>[^\n]+)", re.M)
_ADDRESS_ENDS = re.compile(r"\s+(?:Deadline|Den Haag|Datum)\b.*$")
_COPY = re.compile(r"\A\n[ \t]*Cc:?[ \t]+(?P<value>[^\n]+)")
_ASKS_NAME = re.compile(r"\b(?:naam|namen|heet|heten|who)\b", re.IGNORECASE)
_MOST_REFERENCES = 4


@dataclass(frozen=True)
class Fact:
    """A lead sentence (without its marker) and the passages it is cited to, in order; more
    passages follow the lead as quotes."""

    lead: str
    passages: tuple[Passage, ...]


def line_passage(chunk: StoredChunk, start: int, end: int) -> Passage:
    """The whole line(s) of `chunk` holding the text from `start` to `end`."""
    line_start = chunk.text.rfind("\n", 0, start) + 1
    line_end = chunk.text.find("\n", end)
    return Passage(chunk, line_start, line_end if line_end >= 0 else len(chunk.text))


def _spaced(text: str) -> str:
    """A regex for `text` with any whitespace between its words."""
    return r"\s+".join(re.escape(word) for word in text.split())


def _first(chunks: list[StoredChunk], pattern: str, last: bool = False) -> Passage | None:
    """The line(s) of the first (or last) match of `pattern` in the document's chunks."""
    order = reversed(chunks) if last else chunks
    for chunk in order:
        matches = list(re.finditer(pattern, chunk.text, re.IGNORECASE | re.MULTILINE))
        if matches:
            match = matches[-1] if last else matches[0]
            return line_passage(chunk, match.start(), match.end())
    return None


def _printed_or_head(chunks: list[StoredChunk], value: str) -> Passage | None:
    """The line printing `value`, else the document's first line: some letters print their
    kenmerk only in the page margin, which cleaning removed; the citation guard then finds it
    in the document's label."""
    found = _first(chunks, _spaced(value))
    if found is not None or not chunks:
        return found
    head = chunks[0]
    start = len(head.text) - len(head.text.lstrip())
    return line_passage(head, start, start)


def _kind(document: dict[str, Any]) -> str:
    return _TYPE_NAMES.get(str(document.get("doc_type")), "document")


def _kamerstuk(document: dict[str, Any], chunks: list[StoredChunk], _: str) -> Fact | None:
    kenmerk = document.get("kenmerk")
    if not document.get("kamerstuk"):
        if not kenmerk:
            return None
        passage = _printed_or_head(chunks, str(kenmerk))
        lead = f"Dit is geen Kamerstuk; het is een {_kind(document)} met kenmerk {kenmerk}"
        return Fact(lead, (passage,)) if passage else None
    ref = KamerstukId.parse(str(document["kamerstuk"]))
    main = ref.dossier.split("-")[0]
    dossier = rf"{main[:2]}\s?{main[2:]}"
    passage = (
        _first(chunks, rf"kst-?{ref.dossier}-{ref.ondernummer}\b")
        or _first(chunks, rf"{dossier}\s*,?\s*nr\.?\s*{ref.ondernummer}\b")
        or _first(chunks, rf"\bnr\.?\s*{ref.ondernummer}\b[^\n]*{main}")
        or _first(chunks, rf"^\s*nr\.\s*{ref.ondernummer}\b")
    )
    return Fact(f"Dit is {label_with_date(document)}", (passage,)) if passage else None


def _kenmerk(document: dict[str, Any], chunks: list[StoredChunk], question: str) -> Fact | None:
    kenmerk = document.get("kenmerk")
    if not kenmerk:
        return _kamerstuk(document, chunks, question)
    passage = _printed_or_head(chunks, str(kenmerk))
    return Fact(f"Het kenmerk is {kenmerk}", (passage,)) if passage else None


def _printed_in_head(
    chunks: list[StoredChunk], pattern: re.Pattern[str]
) -> tuple[Passage, re.Match[str]] | None:
    """The line of the document's head (its first two chunks) that prints `pattern`, and the
    match in it."""
    passage = _first(chunks[:2], pattern.pattern)
    found = pattern.search(passage.text) if passage else None
    return (passage, found) if passage and found else None


def _archive_number(document: dict[str, Any], chunks: list[StoredChunk], _: str) -> Fact | None:
    printed = _printed_in_head(chunks, _ARCHIVE_NUMBER)
    if printed is None:
        return None
    passage, number = printed
    lead = f"{document_label(document)} heeft bij de Tweede Kamer documentnummer {number.group()}"
    return Fact(lead, (passage,))


def _dossier(document: dict[str, Any], chunks: list[StoredChunk], _: str) -> Fact | None:
    dossier, title = document.get("dossier"), document.get("dossier_title")
    if not dossier or not title:
        return None
    main = str(dossier).split("-")[0]
    passage = _first(chunks, rf"{main[:2]}\s?{main[2:]}[ \t]+{_spaced(str(title))}") or _first(
        chunks, _spaced(str(title))
    )
    spaced = f"{main[:2]} {main[2:]}"
    lead = f"{document_label(document)} hoort bij dossier {spaced} “{title}”"
    return Fact(lead, (passage,)) if passage else None


def _vergaderjaar(document: dict[str, Any], chunks: list[StoredChunk], _: str) -> Fact | None:
    year = document.get("vergaderjaar")
    if not year:
        return None
    first, second = str(year).split("-")
    passage = _first(chunks[:2], rf"{first}\s*[-/]\s*(?:{second}|{second[2:]})")
    lead = f"{document_label(document)} is van vergaderjaar {year}"
    return Fact(lead, (passage,)) if passage else None


def _commissie(document: dict[str, Any], chunks: list[StoredChunk], _: str) -> Fact | None:
    printed = _printed_in_head(chunks, _COMMISSIE)
    if printed is None:
        return None
    passage, value = printed
    lead = f"Bij {document_label(document)} staat als Kamercommissie: {value['value'].strip()}"
    return Fact(lead, (passage,))


def _title(document: dict[str, Any], chunks: list[StoredChunk], _: str) -> Fact | None:
    title = document.get("title")
    if not title:
        return None
    betreft = _first(chunks, r"Betreft:?\s+" + _spaced(str(title)))
    if betreft is not None:
        match = re.search(r"Betreft:?\s+" + _spaced(str(title)), betreft.chunk.text)
        assert match is not None
        passage = line_passage(betreft.chunk, match.start(), match.end())
        return Fact(f"Bij ‘Betreft’ staat: “{title}”", (passage,))
    passage = _first(chunks, _spaced(str(title)))
    return Fact(f"De titel is “{title}”", (passage,)) if passage else None


def _doc_type(document: dict[str, Any], chunks: list[StoredChunk], question: str) -> Fact | None:
    if not document.get("kamerstuk"):
        return _kamerstuk(document, chunks, question)
    fact = _kamerstuk(document, chunks, question)
    kind = str(document.get("doc_type") or "").removeprefix("kamerstuk_")
    if fact is None or kind in ("", "kamerstuk"):
        return fact
    return Fact(f"Dit is een {kind}, gepubliceerd als {label_with_date(document)}", fact.passages)


def _signer(document: dict[str, Any], chunks: list[StoredChunk], _: str) -> Fact | None:
    signer = document.get("signer")
    if not signer:
        return None
    surname = _spaced(str(signer).split()[-1])
    name = _first(chunks, surname, last=True)
    if name is None:
        return None
    before = name.chunk.text[max(0, name.start - 300) : name.start]
    role = list(_ROLE.finditer(before))
    passage = name
    if role:
        passage = line_passage(name.chunk, name.start - len(before) + role[-1].start(), name.end)
    sender = str(document.get("sender") or "")
    function = (
        f", {sender[0].lower()}{sender[1:]}" if re.match(r"(?i)minister|staats", sender) else ""
    )
    return Fact(f"{document_label(document)} is ondertekend door {signer}{function}", (passage,))


def _sender(document: dict[str, Any], chunks: list[StoredChunk], _: str) -> Fact | None:
    sender = str(document.get("sender") or "")
    line = (
        (_first(chunks[:2], _spaced(sender)) or _first(chunks[:2], "brief van")) if sender else None
    )
    if line is None:
        return None
    signer = f", ondertekend door {document['signer']}" if document.get("signer") else ""
    return Fact(f"{label_with_date(document)} is verstuurd door {sender}{signer}", (line,))


def _addressee(document: dict[str, Any], chunks: list[StoredChunk], _: str) -> Fact | None:
    for chunk in chunks[:2]:
        match = _ADDRESSEE.search(chunk.text)
        if match is None:
            continue
        addressee = _ADDRESS_ENDS.sub("", match["value"].replace("**", "")).strip()
        copy = _COPY.search(chunk.text[match.end() :])
        end = match.end() + copy.end() if copy else match.end()
        in_copy = f", in kopie aan {copy['value'].strip()}" if copy else ""
        lead = f"{document_label(document)} is gericht aan {addressee}{in_copy}"
        return Fact(lead, (Passage(chunk, match.start(), end),))
    return None


def _co_senders(document: dict[str, Any], chunks: list[StoredChunk], question: str) -> Fact | None:
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


def _references(document: dict[str, Any], chunks: list[StoredChunk], question: str) -> Fact | None:
    wanted = re.search(r"\b(motie|rapport)", question, re.IGNORECASE)
    own = document.get("kamerstuk")
    lines: list[Passage] = []
    for chunk in chunks:
        for match in re.finditer(r"[^\n]+", chunk.text):
            text = match.group()
            refs = [r for r in find_references(text) if r.normalized != own]
            if not refs or (wanted and wanted.group(1).lower() not in text.lower()):
                continue
            if all(p.text != text.strip() for p in lines):
                lines.append(Passage(chunk, match.start(), match.end()))
    if not lines:
        return None
    lines = lines[:_MOST_REFERENCES]
    labels = list(
        dict.fromkeys(
            r.label for p in lines for r in find_references(p.text) if r.normalized != own
        )
    )
    lead = f"{document_label(document)} verwijst naar " + ", ".join(labels)
    return Fact(lead, tuple(lines))


_READERS: dict[DocumentField, Callable[[dict[str, Any], list[StoredChunk], str], Fact | None]] = {
    DocumentField.CO_SENDERS: _co_senders,
    DocumentField.SIGNER: _signer,
    DocumentField.SENDER: _sender,
    DocumentField.ADDRESSEE: _addressee,
    DocumentField.ARCHIVE_NUMBER: _archive_number,
    DocumentField.KENMERK: _kenmerk,
    DocumentField.KAMERSTUK: _kamerstuk,
    DocumentField.DOSSIER: _dossier,
    DocumentField.VERGADERJAAR: _vergaderjaar,
    DocumentField.COMMISSIE: _commissie,
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
