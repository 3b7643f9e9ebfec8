"""The line that links a document the question describes to the document that answers it: "De
VWS-nota verwijst in een voetnoot naar de kabinetsreactie. Wie heeft die ondertekend?" is answered
from the kabinetsreactie, and the nota's footnote "Kamerstukken II, 2020-2021, 29 362 nr. 290" is
why that is the document meant; it is quoted and cited too."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from assistant.answering.document_lines import every_line
from assistant.sentences import Passage
from ingest.references import find_references
from vectorstore.stored_chunk import StoredChunk


def bridge_line(
    described: list[dict[str, Any]],
    answering: dict[str, Any],
    chunks_of: Callable[[str], list[StoredChunk]],
) -> tuple[dict[str, Any], Passage] | None:
    """A described document other than the answering one whose text cites the answering
    document's Kamerstuk, with the line that cites it; None when no described document does."""
    wanted = answering.get("kamerstuk")
    if not wanted:
        return None
    for document in described:
        if document["doc_id"] == answering["doc_id"] or wanted not in document.get(
            "references", []
        ):
            continue
        for line in every_line(chunks_of(str(document["doc_id"]))):
            if any(k.normalized == wanted for k in find_references(line.text)):
                return document, line
    return None
