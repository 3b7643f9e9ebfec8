"""Values printed under a heading of the document itself ("Deadline: 23 juni 2022", "Den Haag,
11 september 2020", "datum: 2022-12-22"): they date the document, not what its sentences tell.
A deadline answers only a question that asks for one ("Wanneer moest de minister uiterlijk
beslissen?"); "Op welke datum tekende hij?" is not answered by the nota's deadline.
"""

from __future__ import annotations

import re

from assistant.answering.spans import Span
from assistant.plan import QuestionPlan
from assistant.sentences import Passage

_DOCUMENT_FIELD = re.compile(
    r"(?:\b(?P<label>deadline|datum|documentdatum|publicatiedatum|bijgewerkt)\s*:?|\bDen Haag,)"
    r"\s*$",
    re.I,
)
_ASKS_DEADLINE = re.compile(
    r"\b(?:deadline|uiterste datum|uiterlijk|voor wanneer|due date|by when)\b", re.I
)


def _heading(passage: Passage, span: Span) -> str | None:
    """The heading the span is printed under ("deadline", "datum", "den haag"), if any."""
    field = _DOCUMENT_FIELD.search(passage.text[: span.start])
    if field is None:
        return None
    return (field.group("label") or "den haag").lower()


def under_heading(passage: Passage, span: Span, plan: QuestionPlan) -> bool:
    """Whether the span is a value under one of the document's headings that does not answer
    the question (every such value, but a deadline when a deadline is asked)."""
    heading = _heading(passage, span)
    return heading is not None and not (
        heading == "deadline" and _ASKS_DEADLINE.search(plan.question)
    )


def unasked_deadline(passage: Passage, span: Span, plan: QuestionPlan) -> bool:
    """Whether the span is the document's deadline and the question asks for another date."""
    return _heading(passage, span) == "deadline" and not _ASKS_DEADLINE.search(plan.question)
