"""How Kamerstuk numbers in the question were read, so a typo never goes unnoticed."""

from __future__ import annotations

from ingest.references import KamerstukId
from vectorstore.query_analysis import QueryHints


def reading_notes(hints: QueryHints) -> list[str]:
    """A note per corrected Kamerstuk number and per Kamerstuk the corpus does not have."""
    notes = [
        f"Ik lees {typed} als {KamerstukId.parse(stored).label}."
        for typed, stored in hints.corrections.items()
    ]
    notes += [
        f"{KamerstukId.parse(unknown).label} zit niet in de stukken die ik kan doorzoeken."
        for unknown in hints.unknown
    ]
    return notes
