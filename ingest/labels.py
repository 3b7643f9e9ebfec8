"""Human labels for documents, built only from metadata (never generated)."""

from __future__ import annotations

from collections.abc import Mapping

from ingest.dates import format_dutch_date
from ingest.references import KamerstukId

_OFFICIAL = "https://zoek.officielebekendmakingen.nl/kst-{dossier}-{nr}.html"
_TYPE_NAMES = {
    "beslisnota": "Beslisnota",
    "kamerbrief": "Kamerbrief",
}


def document_label(meta: Mapping[str, object]) -> str:
    """'Kamerstuk 29 362, nr. 290' for a Kamerstuk; otherwise type, title and kenmerk."""
    kamerstuk = meta.get("kamerstuk")
    if kamerstuk:
        return KamerstukId.parse(str(kamerstuk)).label
    kind = _TYPE_NAMES.get(str(meta.get("doc_type")), "Document")
    title = meta.get("title")
    label = f"{kind} “{title}”" if title else f"{kind} {meta.get('source')}"
    if meta.get("kenmerk"):
        label += f", kenmerk {meta['kenmerk']}"
    return label


def label_with_date(meta: Mapping[str, object]) -> str:
    """The label followed by the document date in Dutch, when the document has one."""
    date = format_dutch_date(str(meta["date"])) if meta.get("date") else None
    return f"{document_label(meta)}, {date}" if date else document_label(meta)


def official_link(kamerstuk: str | None) -> str | None:
    """The official publication of a Kamerstuk ('29362-290' -> …/kst-29362-290.html)."""
    if not kamerstuk:
        return None
    ref = KamerstukId.parse(kamerstuk)
    return _OFFICIAL.format(dossier=ref.dossier, nr=ref.ondernummer)
