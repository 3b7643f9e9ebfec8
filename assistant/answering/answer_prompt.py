"""The LLM answer prompt: the numbered passages grouped per document, the question, and what its
plan asks of the answer (the asked type to lead with, each sub-question or side of a comparison
answered on its own, the years and organisations the answer must hold for).

All wording is in the prompt files in `prompts/` (answer, asked_types, plan_*); this module only
fills them in.
"""

from __future__ import annotations

import string
from collections.abc import Sequence

from assistant.answering.chat_model import NumberedPassage
from assistant.plan import QuestionPlan
from assistant.prompts import load_prompt

_DOCUMENT_LETTERS = string.ascii_uppercase


def _document_name(index: int) -> str:
    """A, B, …, Z, AA, AB, …: documents are lettered so they are never taken for a source [n]."""
    name = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, len(_DOCUMENT_LETTERS))
        name = _DOCUMENT_LETTERS[rest] + name
    return name


def grouped_passages(passages: Sequence[NumberedPassage]) -> str:
    """The passages under a heading per document ("Document A: <label>"), documents in order of
    their first passage, each passage keeping its number."""
    documents: dict[str, list[NumberedPassage]] = {}
    for passage in passages:
        documents.setdefault(passage[1], []).append(passage)
    blocks = []
    for index, (label, members) in enumerate(documents.items()):
        texts = "\n\n".join(f"[{n}] {text.strip()}" for n, _, text in members)
        blocks.append(f"Document {_document_name(index)}: {label}\n{texts}")
    return "\n\n".join(blocks)


def asked_words(plan: QuestionPlan) -> str:
    """The asked type in Dutch words ("een aantal"; a date as precise as asked: "een jaar"), ""
    for a question of no type."""
    precise = f"{plan.asks}_{plan.precision}" if plan.asks == "date" and plan.precision else ""
    words = load_prompt("asked_types").entries()
    return words.get(precise) or words.get(plan.asks, "")


def plan_instructions(plan: QuestionPlan) -> list[str]:
    """What the plan asks of the answer, one instruction per line."""
    lines = []
    asked = asked_words(plan)
    if plan.sub_questions:
        listed = []
        for number, sub in enumerate(plan.sub_questions, start=1):
            sub_asked = asked_words(sub)
            listed.append(f"{number}. {sub.focus}" + (f" — {sub_asked}" if sub_asked else ""))
        lines.append(
            load_prompt("plan_sub_questions")
            .format(count=str(len(plan.sub_questions)), sub_questions="\n".join(listed))
            .strip()
        )
    elif plan.asks == "comparison":
        lines.append(load_prompt("plan_comparison").template)
    elif asked:
        lines.append(
            load_prompt("plan_typed" if plan.typed else "plan_untyped").format(asked=asked)
        )
    constraints = [*plan.years, *plan.organisations]
    if constraints:
        lines.append(load_prompt("plan_constraints").format(constraints=", ".join(constraints)))
    return [line.strip() for line in lines]


def answer_prompt(question: str, passages: Sequence[NumberedPassage], plan: QuestionPlan) -> str:
    """The user message that asks the model to answer `question` from `passages`."""
    instructions = "".join(f"{line}\n" for line in plan_instructions(plan))
    return load_prompt("answer").format(
        passages=grouped_passages(passages), question=question, plan=instructions
    )
