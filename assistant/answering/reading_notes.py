"""How Kamerstuk numbers and kenmerken in the question were read, so a typo never goes
unnoticed."""

from __future__ import annotations

from ingest.references import KamerstukId
from vectorstore.query_analysis import QueryHints


def reading_notes(hints: QueryHints) -> list[str]:
    """A note per corrected Kamerstuk number, per Kamerstuk the corpus does not have, per one it
    only cites and per kenmerk no stored document has."""
    notes = [
        f"Ik lees {typed} als {KamerstukId.parse(stored).label}."
        for typed, stored in hints.corrections.items()
    ]
    notes += [
        f"{KamerstukId.parse(unknown).label} zit niet in de stukken die ik kan doorzoeken."
        for unknown in hints.unknown
    ]
    notes += [
        f"{KamerstukId.parse(cited).label} zit niet in de stukken die ik kan doorzoeken; het wordt "
        "er alleen in genoemd."
        for cited in hints.cited
    ]
    notes += [
        f"Geen van de stukken die ik kan doorzoeken heeft kenmerk {kenmerk}."
        for kenmerk in hints.unknown_kenmerken
    ]
    return notes
