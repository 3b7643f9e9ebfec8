"""Sides about a Kamerstuk that a document refers to: the side asking for its number is answered
with the reference the document gives ("In de voetnoten van de WaU-kabinetsreactie staat het
Kamerstuknummer van het Fase II-rapport. Welk nummer is dat"), and a later side about "dat
stuk" or "de brief met dat nummer" is put to that Kamerstuk when it is a stored document."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from assistant.answering.citations import Citations
from assistant.answering.cited_references import asks_reference, described_reference
from assistant.answering.document_sides import Side
from assistant.answering.side_facts import SideAnswer
from ingest.labels import document_label, label_with_date
from ingest.references import find_references
from vectorstore.stored_chunk import StoredChunk

# "dat stuk", "die brief", "de brief met dat nummer": the document an earlier side answered with
_THAT_DOCUMENT = re.compile(
    r"\b(?:dat|die|dit|deze)\s+(?:stuk|kamerstuk|brief|document|rapport)\b|\bmet\s+dat\s+nummer\b",
    re.IGNORECASE,
)


def reference_answer(
    side: Side, whole: Callable[[str], list[StoredChunk]], citations: Citations
) -> SideAnswer | None:
    """The Kamerstuk the side's document (whose chunks `whole` reads) refers to for what the
    side describes, cited to the sentence that gives it; None when the side has no document,
    does not ask for one or the document gives none."""
    if side.document is None or not asks_reference(side.question):
        return None
    chunks = whole(str(side.document["doc_id"]))
    found = described_reference(side.question, side.document, chunks, side.description)
    if found is None:
        return None
    passage, label = found
    n = citations.number(passage)
    told = f"{label_with_date(side.document)} verwijst daarvoor naar {label} [{n}]"
    return SideAnswer(f"{told}: “{passage.one_line}” [{n}]", True, f"{label} [{n}]")


def follow_reference(
    side: Side, earlier: list[SideAnswer], documents: list[dict[str, Any]]
) -> Side:
    """The side put to the stored document an earlier side answered with, when it asks about
    "dat stuk"; else the side as it is."""
    if not earlier or not _THAT_DOCUMENT.search(side.question):
        return side
    stored = {str(d["kamerstuk"]): d for d in documents if d.get("kamerstuk")}
    named = [ref.normalized for ref in find_references(earlier[-1].span or "")]
    document = next((stored[ref] for ref in named if ref in stored), None)
    if document is None:
        return side
    return replace(side, document=document, description=document_label(document), leans=False)


def answer_in_turn(
    sides: list[Side], answer: Callable[[Side], SideAnswer], documents: list[dict[str, Any]]
) -> tuple[list[Side], list[SideAnswer]]:
    """Each side answered in order, one about "dat stuk" put to the document answered before
    it ("…, en wie tekende dat stuk?"); the sides as answered and their answers."""
    asked: list[Side] = []
    answered: list[SideAnswer] = []
    for side in sides:
        asked.append(follow_reference(side, answered, documents))
        answered.append(answer(asked[-1]))
    return asked, answered
