"""What one side of a multi-document answer states: its sentence (or that the stukken say
nothing about it), the asked fact in its passage, and its quote once when two sides quote the
same sentence."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from assistant.answering.citations import Citations
from assistant.answering.document_sides import Side
from assistant.answering.heading_values import unasked_deadline
from assistant.answering.spans import Span, best_span, names_counted
from assistant.plan import QuestionPlan
from assistant.question import subject_terms
from assistant.sentences import Passage
from ingest.references import find_references

_OWN_TERMS = 3  # subject words a clause needs to be searched in every document


@dataclass(frozen=True)
class SideAnswer:
    """One side's sentence, whether the stukken answer it, the asked fact in it with its
    marker (a typed side), and whether the sentence is a document's field from its metadata."""

    sentence: str
    found: bool
    span: str | None = None
    fact: bool = False


@dataclass(frozen=True)
class MultiAnswer:
    """The sentences of a multi-document answer and the citations they number."""

    sentences: list[str]
    citations: Citations
    direct: str | None  # the asked facts of the sides on their own: "Deze zomer [1]; 2022 [2]."
    # The first sentence is a document's field from its metadata ("Kamerstuk … is ondertekend
    # door …"): it is the direct answer itself.
    leads_with_fact: bool = False
    # One side quotes a statement the question builds on (`Side.premise`): a wrong date or
    # figure in it is corrected instead (`assistant.answering.premise`).
    premised: bool = False


def nothing_found(side: Side) -> SideAnswer:
    """The side's sentence when the stukken say nothing about it: "Over de POK-voortgangsbrief
    vinden de stukken hier niets." A document the clause itself does not name is not what
    nothing is found about."""
    named = side.description if not side.inherited else ""
    about = named or f"“{side.question.rstrip('?')}”"
    return SideAnswer(f"Over {about} vinden de stukken hier niets.", False)


def repeats(passage: Passage, quoted: Iterable[str]) -> bool:
    """Whether the passage is, holds or is part of a sentence another side quotes."""
    line = passage.one_line
    return any(line in other or other in line for other in quoted)


def repeats_an_answer(passage: Passage, quoted: dict[str, bool]) -> bool:
    """Whether the passage is, holds or is part of the sentence that answers another side (not
    one it quotes further; `quoted` maps each quoted sentence to whether it is a side's answer)."""
    return repeats(passage, [line for line, answer in quoted.items() if answer])


def own_subject(side: Side) -> bool:
    """Whether the side's clause says what it asks about ("wanneer is die werkagenda naar de
    Kamer gestuurd?"), not only what kind of fact ("en op welke datum?")."""
    return len(subject_terms(side.question)) >= _OWN_TERMS


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


_QUOTE = re.compile(r"“([^“”]+)” \[\d+\]")


def without_repeats(sentences: list[str]) -> list[str]:
    """The side sentences without one whose every quote another remaining side sentence holds
    already (one side quotes two sentences of a paragraph, the next side the second of them);
    of two sentences that hold each other's quotes, the first stays."""
    kept = list(sentences)
    for sentence in sentences:
        quotes = _QUOTE.findall(sentence)
        others = [other for other in kept if other != sentence]
        if quotes and all(any(quote in other for other in others) for quote in quotes):
            kept.remove(sentence)
    return kept


def counts_asked(passage: Passage, plan: QuestionPlan) -> bool:
    """Whether the passage's asked fact counts what the side counts."""
    found = typed_fact(passage, plan)
    return found is not None and names_counted(found, plan)


def deadline_only(passage: Passage, plan: QuestionPlan) -> bool:
    """Whether the passage's asked fact is the document's deadline, not asked for."""
    found = typed_fact(passage, plan)
    return found is not None and unasked_deadline(passage, found, plan)
