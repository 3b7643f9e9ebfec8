"""Follow-up questions: "En wanneer was dat?" is read against the conversation so far.

Extractive mode carries the previous question's words and the documents the previous answer
cited forward; LLM mode lets the model rewrite the follow-up as a standalone question (prompt
`condense`) and still prefers the documents cited before.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.answer_models import Answer
from assistant.question import content_terms
from ingest.references import find_references

_REFERRING = re.compile(
    r"^\s*(en|maar|ook|dus|and|but)\b|\b(dat|die|deze|dit|daar|daarvan|daarin|hij|zij|ze|het "
    r"stuk|die brief|dezelfde|that|it|this|they)\b",
    re.IGNORECASE,
)
_FEW_WORDS = 3  # content words; a follow-up this short cannot stand on its own


@dataclass(frozen=True)
class Turn:
    question: str
    answer: Answer


@dataclass(frozen=True)
class ResolvedQuestion:
    text: str  # what retrieval searches for
    follow_up: bool
    documents: frozenset[str]  # documents the previous answer cited (preferred now)


def is_follow_up(question: str, history: list[Turn]) -> bool:
    """A question that leans on the previous turn: it refers back ("dat", "die brief", "En …")
    or is too short to stand alone, and names no Kamerstuk of its own."""
    if not history or find_references(question, include_bare=True):
        return False
    return bool(_REFERRING.search(question)) or len(content_terms(question)) < _FEW_WORDS


def last_answered(history: list[Turn]) -> Turn | None:
    return next((turn for turn in reversed(history) if not turn.answer.refused), None)


def resolve(question: str, history: list[Turn]) -> ResolvedQuestion:
    """Extractive reading of a follow-up: the previous question's words plus this one."""
    previous = last_answered(history)
    if previous is None or not is_follow_up(question, history):
        return ResolvedQuestion(question, False, frozenset())
    documents = frozenset(c.source for c in previous.answer.citations)
    return ResolvedQuestion(f"{previous.question} {question}", True, documents)
