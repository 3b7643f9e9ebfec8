"""Metadata filters for search and ask: dossier, Kamerstuk, document type, date range, sender.

Filters select whole documents (all metadata here is document metadata), so they are applied to
the document catalog first and then passed to both retrievers as a set of document ids.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from pydantic import BaseModel, ConfigDict, ValidationError, field_validator, model_validator

from ingest.references import find_references


class FilterError(ValueError):
    """A filter value cannot be understood; the message names the field."""


def parse_kamerstuk(value: str) -> str:
    """'29362-290', 'kst-29362-290', 'Kamerstuk 29 362, nr. 290' -> '29362-290'."""
    found = find_references(value, include_bare=True)
    if len(found) != 1:
        raise FilterError(
            f"kamerstuk: '{value}' is geen Kamerstuk-nummer (voorbeeld: 29362-290 of "
            "'Kamerstuk 29 362, nr. 290')"
        )
    return found[0].normalized


class SearchFilters(BaseModel):
    """Restrict retrieval to documents whose metadata match every given field."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    dossier: str | None = None
    kamerstuk: str | None = None
    doc_type: str | None = None
    date_from: date | None = None
    date_to: date | None = None
    sender: str | None = None

    @field_validator("dossier")
    @classmethod
    def _dossier_digits(cls, value: str | None) -> str | None:
        if value is None:
            return None
        digits = value.replace(" ", "")
        if not digits[:5].isdigit() or len(digits) < 5:
            raise FilterError(f"dossier: '{value}' is geen dossiernummer (voorbeeld: 29362)")
        return digits

    @field_validator("kamerstuk")
    @classmethod
    def _normalise_kamerstuk(cls, value: str | None) -> str | None:
        return parse_kamerstuk(value) if value is not None else None

    @model_validator(mode="after")
    def _range_in_order(self) -> SearchFilters:
        if self.date_from and self.date_to and self.date_from > self.date_to:
            raise FilterError(f"date_from ({self.date_from}) ligt na date_to ({self.date_to})")
        return self

    @classmethod
    def for_document(cls, document: Mapping[str, Any]) -> SearchFilters:
        """Filters that pass this document (and few others): its Kamerstuk number, else its
        sender, type and date."""
        if document.get("kamerstuk"):
            return cls(kamerstuk=str(document["kamerstuk"]))
        written = date.fromisoformat(str(document["date"])) if document.get("date") else None
        return cls(
            sender=str(document["sender"]) if document.get("sender") else None,
            doc_type=str(document["doc_type"]) if document.get("doc_type") else None,
            date_from=written,
            date_to=written,
        )

    @property
    def is_empty(self) -> bool:
        return all(value is None for value in self.model_dump().values())

    def matches(self, document: Mapping[str, Any]) -> bool:
        """Whether a document (as in `VectorStore.documents()`) passes every filter."""
        if self.dossier and document.get("dossier") != self.dossier:
            return False
        if self.kamerstuk and document.get("kamerstuk") != self.kamerstuk:
            return False
        if self.doc_type and document.get("doc_type") != self.doc_type:
            return False
        if (
            self.sender
            and self.sender.casefold()
            not in " ".join(str(document.get(key) or "") for key in ("sender", "signer")).casefold()
        ):
            return False
        if self.date_from or self.date_to:
            if not document.get("date"):
                return False
            written = date.fromisoformat(str(document["date"]))
            if self.date_from and written < self.date_from:
                return False
            if self.date_to and written > self.date_to:
                return False
        return True


def build_filters(values: Mapping[str, object]) -> SearchFilters | None:
    """Filters from user input (CLI options, a batch line, a web form); unset values are
    ignored, and None comes back when nothing is set. Errors name the field."""
    given = {key: value for key, value in values.items() if value not in (None, "")}
    if not given:
        return None
    try:
        return SearchFilters.model_validate(given)
    except ValidationError as exc:
        problems = []
        for error in exc.errors():
            field = ".".join(str(part) for part in error["loc"]) or "filters"
            if error["type"] == "value_error" and "error" in error.get("ctx", {}):
                problems.append(str(error["ctx"]["error"]))
            elif error["type"] == "extra_forbidden":
                problems.append(f"{field}: onbekend filter (kies uit {', '.join(FILTER_FIELDS)})")
            elif field.startswith("date"):
                problems.append(f"{field}: '{error['input']}' is geen datum (gebruik JJJJ-MM-DD)")
            else:
                problems.append(f"{field}: ongeldige waarde '{error['input']}'")
        raise FilterError("; ".join(problems)) from exc


FILTER_FIELDS = tuple(SearchFilters.model_fields)
