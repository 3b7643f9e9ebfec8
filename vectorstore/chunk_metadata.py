"""A chunk's metadata in Chroma and back: document fields plus position, scalars only.

Chroma metadata holds scalars, so lists are joined with a comma and a missing value is stored
as ''; reading a document back turns both into their Python form again.
"""

from __future__ import annotations

import re
from typing import Any

from ingest.footnotes import FootnoteLink, links_from_json, links_to_json
from ingest.pipeline import PreparedDocument

LIST_SEPARATOR = ","
_DOC_FIELDS = (
    "doc_id",
    "source",
    "content_hash",
    "kamerstuk",
    "dossier",
    "ondernummer",
    "vergaderjaar",
    "date",
    "title",
    "dossier_title",
    "doc_type",
    "sender",
    "signer",
    "kenmerk",
    "references",
)


def _to_chroma(value: object) -> str | int | float | bool:
    """Chroma metadata holds scalars only: None becomes '', lists are joined."""
    if value is None:
        return ""
    if isinstance(value, list):
        return LIST_SEPARATOR.join(str(v) for v in value)
    if isinstance(value, str | int | float | bool):
        return value
    return str(value)


def chunk_metadatas(document: PreparedDocument) -> list[dict[str, str | int | float | bool]]:
    """Every chunk carries its document's metadata plus its own position."""
    doc_fields = {
        "doc_id": document.doc_id,
        "source": document.source,
        "content_hash": document.content_hash,
        **document.metadata.to_dict(),
    }
    return [
        {
            **{key: _to_chroma(doc_fields.get(key)) for key in _DOC_FIELDS},
            "chunk_index": chunk.index,
            "start": chunk.start,
            "end": chunk.end,
            "section": _to_chroma(chunk.section),
            "tokens": chunk.tokens,
            "footnotes": links_to_json(chunk.footnotes),
        }
        for chunk in document.chunks
    ]


def document_fields(chunk_metadata: dict[str, Any]) -> dict[str, Any]:
    """The document-level part of a chunk's metadata."""
    return {key: chunk_metadata.get(key, "") for key in _DOC_FIELDS}


def document_from_metadata(metadata: dict[str, Any]) -> dict[str, Any]:
    """Document fields back from chunk metadata: '' is None again, lists are lists."""
    document: dict[str, Any] = {}
    for key in _DOC_FIELDS:
        value = metadata.get(key, "")
        if key == "references":
            document[key] = [v for v in str(value).split(LIST_SEPARATOR) if v]
        elif key == "ondernummer":
            document[key] = int(value) if value not in ("", None) else None
        else:
            document[key] = value if value != "" else None
    return document


def footnotes_between(metadata: dict[str, Any], start: int, end: int) -> list[FootnoteLink]:
    """The footnotes of the markers that stood between `start` and `end` of a chunk's text (a
    marker right after a sentence's full stop still belongs to that sentence)."""
    return [link for link in links_from_json(metadata.get("footnotes")) if start <= link.at <= end]


# A kenmerk of the departments' registration systems starts with its year ("2021-0000126162").
_REGISTERED = re.compile(r"((?:19|20)\d{2})-\d{6,}$")


def written_year(document: dict[str, Any]) -> str:
    """The year a document (or a chunk's metadata) was written: from its date, else from a
    registration kenmerk for an undated letter; "" when neither tells."""
    dated = str(document.get("date") or "")[:4]
    if dated.isdigit():
        return dated
    registered = _REGISTERED.match(str(document.get("kenmerk") or ""))
    return registered[1] if registered else ""
