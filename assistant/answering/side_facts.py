"""What one side of a multi-document answer states: the asked fact in its passage, and its
quote once when two sides quote the same sentence."""

from __future__ import annotations

import re

from assistant.answering.spans import Span, best_span
from assistant.plan import QuestionPlan
from assistant.sentences import Passage
from ingest.references import find_references


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
