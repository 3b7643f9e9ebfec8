"""What one side of a multi-document answer states: its sentence (or that the stukken say
nothing about it), the asked fact in its passage, and its quote once when two sides quote the
same sentence."""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.answering.document_sides import Side
from assistant.answering.spans import Span, best_span
from assistant.plan import QuestionPlan
from assistant.sentences import Passage
from ingest.references import find_references


@dataclass(frozen=True)
class SideAnswer:
    """One side's sentence, whether the stukken answer it, the asked fact in it with its
    marker (a typed side), and whether the sentence is a document's field from its metadata."""

    sentence: str
    found: bool
    span: str | None = None
    fact: bool = False


def nothing_found(side: Side) -> SideAnswer:
    """The side's sentence when the stukken say nothing about it: "Over de POK-voortgangsbrief
    vinden de stukken hier niets." A document the clause itself does not name is not what
    nothing is found about."""
    named = side.description if not side.inherited else ""
    about = named or f"“{side.question.rstrip('?')}”"
    return SideAnswer(f"Over {about} vinden de stukken hier niets.", False)


def typed_fact(passage: Passage, plan: QuestionPlan) -> Span | None:
    """The asked fact the passage states, for a side that asks for a typed one; a Kamerstuk
    number only when it is not the number of the passage's own document ("Geven beide brieven
    hetzelfde nummer voor het rapport?" asks for the numbers they cite)."""
    found = best_span(passage.text, plan) if plan.typed else None
    if found is None or plan.asks != "document":
        return found
    own = passage.chunk.metadata.get("kamerstuk")
    cited = find_references(found.text, include_bare=True)
    return None if cited and all(k.normalized == own for k in cited) else found


_QUOTE = re.compile(r"“([^“”]+)” \[\d+\]$")


def without_repeats(sentences: list[str]) -> list[str]:
    """The side sentences without one whose quote another side's quote holds already (one side
    quotes two sentences of a paragraph, the next side the second of them)."""

    def quote(sentence: str) -> str:
        found = _QUOTE.search(sentence)
        return found[1] if found else ""

    return [
        s for s in sentences if not any(o != s and quote(s) and quote(s) in o for o in sentences)
    ]
