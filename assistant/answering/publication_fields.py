"""Facts about a document's publication, read from its head: the day a Kamerstuk's page says
it was published ("Publicatiedatum 12-03-2021") and whether a nota is meant to be made public
("Deze nota is bedoeld om openbaar gemaakt te worden: Ja")."""

from __future__ import annotations

import re
from typing import Any

from assistant.answering.document_lines import Fact, printed_in_head
from assistant.sentences import Passage
from ingest.dates import format_dutch_date, parse_dutch_date
from ingest.labels import document_label
from vectorstore.stored_chunk import StoredChunk

_PUBLISHED = re.compile(r"Publicatiedatum[ \t]+(?P<value>\d{2}-\d{2}-(?:19|20)\d{2})")
_DISCLOSURE = re.compile(
    r"bedoeld om openbaar gemaakt te worden:?[ \t]*\**[ \t]*(?P<value>ja|nee)\b", re.IGNORECASE
)


def published_fact(document: dict[str, Any], chunks: list[StoredChunk], _: str) -> Fact | None:
    """The day of publication its head prints ("Publicatiedatum 12-03-2021"), with its own
    date: a question for the one may mean the other."""
    printed = printed_in_head(chunks, _PUBLISHED)
    if printed is None:
        return None
    passage, value = printed
    published = parse_dutch_date(value["value"])
    if published is None:
        return None
    lead = (
        f"{document_label(document)} is gepubliceerd op {format_dutch_date(published.isoformat())}"
    )
    if own := format_dutch_date(document.get("date")):
        lead += f" en gedateerd op {own}"
    # the lead writes the day out; the field is quoted after it as printed ("Publicatiedatum
    # 12-03-2021"), so the reader sees which of the head's dates it is
    printed_field = Passage(
        passage.chunk, passage.start + value.start(), passage.start + value.end()
    )
    return Fact(lead, (printed_field, printed_field))


def disclosure_fact(document: dict[str, Any], chunks: list[StoredChunk], _: str) -> Fact | None:
    """Whether the document is meant to be made public, as its head says ("Deze nota is bedoeld
    om openbaar gemaakt te worden: Ja")."""
    printed = printed_in_head(chunks, _DISCLOSURE)
    if printed is None:
        return None
    passage, value = printed
    meant = "is" if value["value"].lower() == "ja" else "is niet"
    lead = f"{value['value'].capitalize()}: {document_label(document)} {meant} bedoeld om openbaar "
    return Fact(lead + "gemaakt te worden", (passage,))
