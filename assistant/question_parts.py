"""The questions one sentence asks: "Wie tekende de nota, en op welke datum?" asks two, each
answered on its own (`assistant.plan.QuestionPlan.sub_questions`)."""

from __future__ import annotations

import re

from assistant.question_types import asked_type
from vectorstore.focus import sentences

_I = re.IGNORECASE
# A question word that opens a second question after "en" or ";": "Wie tekende, en wanneer?"
_ASKING = (
    r"(?:wie|wat|welke?|wanneer|hoeveel|waarom|hoe|waar|"
    r"waar(?:in|op|mee|over|voor|aan|bij|uit|door|naar|onder))"  # "…, en waarin worden …?"
)
# "…, en van welke datum is …?", "…, en aan welk gremium …?": a preposition may open it
_PREPOSITION = r"(?:van|aan|met|in|op|tot|na|rond|door|bij|voor|uit|over|onder|naar|sinds|vanaf)"
_SECOND_QUESTION = re.compile(
    rf"(?:,\s*en\s+|;\s*|\s+en\s+(?=(?:{_PREPOSITION}\s+(?:welke?|hoeveel)|{_ASKING})\b)|"
    # "Hoe vaak …, in welk jaar …, en waarin …?": a comma before a preposition and a question
    # word opens the next question of a series
    rf",\s*(?={_PREPOSITION}\s+(?:welke?|hoeveel)\b))"
    rf"(?=(?:{_PREPOSITION}\s+(?:welke?|hoeveel)|{_ASKING}|who|what|which|when|how|why)\b)",
    _I,
)
_LED_BY_PREPOSITION = re.compile(rf"{_PREPOSITION}\s", _I)
# "Hoe vaak …", "Wat …": a part that opens with a question word asks, whatever its type
_OPENS_QUESTION = re.compile(rf"(?:{_ASKING}|{_PREPOSITION}\s+(?:welke?|hoeveel))\b", _I)
_BARE_QUESTION = re.compile(r"(?:waarom|wanneer|hoe|waar|why|when|how|where)\s*\?", _I)


def question_parts(text: str) -> list[str]:
    """The questions in one sentence: "Wie tekende de nota, en op welke datum?" has two."""
    pieces = [p.strip(" ,;") for p in _SECOND_QUESTION.split(text)]
    # "…, en waarom?": a question word on its own asks a question of its own too
    parts = [p for p in pieces if len(p.split()) >= 2 or _BARE_QUESTION.fullmatch(p)]
    if len(parts) < 2 or len(parts[0].split()) < 2:
        return [text]
    # "Is de motie aangenomen, en met hoeveel stemmen?", "Het rapport verscheen in 2019; over
    # hoeveel gezinnen ging het?": a part led by a preposition asks a question of its own only
    # after a part that asks for something itself, not after a yes/no question or a statement
    led = any(_LED_BY_PREPOSITION.match(p) for p in parts[1:])
    asking = sentences(parts[0])[-1]  # the first part's own sentence, not the context before it
    first = asked_type(asking)
    if led and (first == "yes_no" or first == "other" and not _OPENS_QUESTION.match(asking)):
        return [text]
    return parts
