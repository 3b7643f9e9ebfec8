"""Question analysis into an answer plan: what kind of fact is asked, about what, within which
constraints, and which sub-questions a comparison or conjunction holds.

Computed once per question (on its focus: greetings and context of a chatty message left out)
and handed to answering: the answerer looks for a span of the asked type in the sentences it
quotes and leads with it; when no quoted sentence has one, the question is about something the
stukken do not state. English questions map to the same plan.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from assistant.question import content_terms, is_english
from vectorstore.focus import focus

AskedType = Literal[
    "number",
    "amount",
    "percentage",
    "date",
    "period",
    "person",
    "organisation",
    "document",
    "list",
    "reason",
    "yes_no",
    "definition",
    "comparison",
    "other",
]
# Types whose answer is a span of a sentence (a number, a date, a name): led with, and checked.
TYPED: frozenset[AskedType] = frozenset(
    {"number", "amount", "percentage", "date", "period", "person", "document"}
)
# Types the stukken must state for an answer: without a sentence holding one, the question asks
# for something they do not say. (A person may be answered by "het kabinet", a document by the
# cited document itself: those lead with a span when there is one, but need none.)
REQUIRED: frozenset[AskedType] = frozenset({"number", "amount", "percentage", "date", "period"})

_I = re.IGNORECASE
# Order matters: the first pattern that matches decides (an amount before a number, a
# percentage before a number, a document field before a person).
_TYPE_PATTERNS: tuple[tuple[AskedType, re.Pattern[str]], ...] = (
    (
        "percentage",
        re.compile(
            r"\b(?:hoeveel procent|welk percentage|welk deel|welke fractie|wat voor percentage|"
            r"hoe groot (?:is )?(?:het|een) deel|welk aandeel|what (?:share|percentage|proportion)|"
            r"how many percent)\b",
            _I,
        ),
    ),
    (
        "amount",
        re.compile(
            r"\b(?:welk bedrag|hoeveel geld|hoeveel euro|wat kost\w*|gekost|kosten de|hoe duur|"
            r"welk budget|hoe groot is het budget|hoe hoog is (?:de|het) (?:\w+ )?\w*(?:bedrag|compensatie|uitkering|"
            r"budget|vergoeding|betaling|kosten)|hoeveel (?:budget|middelen)|hoeveel miljoen|"
            r"hoeveel miljard|how much (?:money|did|does|will)|what (?:amount|budget)|cost)\b",
            _I,
        ),
    ),
    (
        "document",
        re.compile(
            r"\b(?:in\s+)?welke?\s+(?:kamerstuk\w*|kamerbrief|brief|document|stuk|nota|kenmerk\w*|"
            r"dossier\w*|kamerdossier|vergaderjaar|\w*nummer|motie)\b|\bwhich\s+(?:letter|document|"
            r"paper|kamerstuk|parliamentary paper)\b|\bwhat\s+(?:reference|kamerstuk|number)\b|"
            r"\bmet welk kenmerk\b",
            _I,
        ),
    ),
    (
        "period",
        re.compile(
            r"\b(?:hoe lang|hoelang|welke (?:termijn|periode|looptijd|duur)|binnen welke termijn|"
            r"hoeveel (?:jaar|jaren|maanden|weken|dagen)|over welke periode|how long|"
            r"what (?:period|term))\b",
            _I,
        ),
    ),
    (
        "date",
        re.compile(
            r"\b(?:wanneer|op welke (?:datum|dag|data)|welke datum|per wanneer|sinds wanneer|"
            r"vanaf wanneer|tot wanneer|in welk(?:e)? (?:jaar|maand|kwartaal)|vanaf welk jaar|"
            r"welk jaar|uiterste datum|deadline|when|what date|which (?:year|date|day))\b",
            _I,
        ),
    ),
    (
        "number",
        re.compile(
            r"\b(?:hoeveel|hoe veel|welk aantal|het aantal|hoe groot is het aantal|how many|"
            r"what number of)\b",
            _I,
        ),
    ),
    (
        "person",
        re.compile(
            r"^(?:wie|who)\b|\b(?:wie|door wie|van wie|welke (?:bewindspersoon|minister|"
            r"staatssecretaris|persoon|bewindslieden|ministers)|which (?:minister|state secretary|"
            r"person)|who)\b",
            _I,
        ),
    ),
    (
        "organisation",
        re.compile(
            r"\bwelke?\s+(?:\w+)?(?:organisatie|organisaties|dienst|diensten|instantie|instanties|"
            r"instelling|instellingen|zbo'?s?|agentschap|agentschappen|ministerie|ministeries|"
            r"departement|departementen|uitvoerders?|partij|partijen|gemeenten?)\b|"
            r"\bwhich (?:organi[sz]ations?|agenc(?:y|ies)|bod(?:y|ies)|ministr(?:y|ies))\b",
            _I,
        ),
    ),
    (
        "reason",
        re.compile(r"\b(?:waarom|om welke reden|hoe komt het|waardoor|why|for what reason)\b", _I),
    ),
    (
        "definition",
        re.compile(
            r"^(?:wat (?:is|zijn|betekent|houdt)|what (?:is|are|does .* mean))\b|"
            r"\bwat (?:wordt|houdt) .* (?:verstaan|in)\b",
            _I,
        ),
    ),
    (
        "yes_no",
        re.compile(
            r"^(?:is|zijn|was|waren|heeft|hebben|had|kan|kunnen|wordt|worden|werd|klopt|gaat|"
            r"moet|moeten|komt|verwijst|staat|noemt|zegt|bestaat|does|do|did|is|are|was|were|"
            r"has|have|can|will)\b",
            _I,
        ),
    ),
)
_LIST = re.compile(
    r"\b(?:welke|noem|wat zijn de|which|name the|list)\b.*\b(?:twee|drie|vier|vijf|zes|zeven|"
    r"\d)\b|\b(?:welke \w+(?:en|s)|which \w+s)\b",
    _I,
)
_COMPARISON = re.compile(
    r"\b(?:verschil\w*|vergelijk\w*|zowel\b.*\bals|respectievelijk|allebei|beide|beiden|"
    r"overeenkomst\w*|both|compared?|difference)\b",
    _I,
)
# "Hoeveel ouders …", "how many parents …": the noun whose number is asked.
_COUNTED = re.compile(
    r"\b(?:hoeveel|hoe veel|welk aantal|het aantal|how many)\s+(?:van de\s+)?(?:\d[\d.,]*\s+)?"
    r"(?P<words>[a-zà-ÿ'-]+(?:\s+[a-zà-ÿ'-]+)?)",
    _I,
)
_NOT_A_NOUN = frozenset(
    "is zijn was waren heeft hebben wordt worden kan kunnen zal zullen er de het een van in op "
    "over voor uit bij met aan door naar are were did does do have has will can the".split()
)
# A question word that opens a second question after "en" or ";": "Wie tekende, en wanneer?"
_SECOND_QUESTION = re.compile(
    r"(?:,\s*en\s+|;\s*|\s+en\s+(?=(?:wie|wat|welke?|wanneer|hoeveel|waarom|hoe|waar|op welke|"
    r"in welke|tot welke)\b))(?=(?:wie|wat|welke?|wanneer|hoeveel|waarom|hoe|waar|op welke|"
    r"in welke|tot welke|who|what|which|when|how|why)\b)",
    _I,
)
_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")
# Organisations are written as acronyms in the corpus (VWS, BZK, RvIG, DUS-I, CAK …).
_ACRONYM = re.compile(r"\b[A-Z][A-Za-z]*[A-Z](?:-[A-Z]+)?\b")


@dataclass(frozen=True)
class QuestionPlan:
    """How one question is read."""

    question: str  # as asked
    focus: str  # what drives the analysis: the question sentence(s) of a chatty message
    asks: AskedType
    terms: tuple[str, ...]  # focus terms: stemmed content words
    counted: tuple[str, ...] = ()  # "Hoeveel vastgelopen zaken …": the words after it
    # "Op welke datum/dag …": a bare year or season does not answer ("day"); "In welk jaar …":
    # a date without a year does not ("year").
    precision: Literal["day", "year"] | None = None
    years: tuple[str, ...] = ()
    organisations: tuple[str, ...] = ()
    sub_questions: tuple[QuestionPlan, ...] = field(default_factory=tuple)
    english: bool = False

    @property
    def typed(self) -> bool:
        """Whether the answer is a span of the asked type that can be led with and checked."""
        return self.asks in TYPED

    @property
    def requires_span(self) -> bool:
        """Whether only a sentence stating a fact of the asked type can answer."""
        return self.asks in REQUIRED

    def to_dict(self) -> dict[str, object]:
        """The `plan` of `ask --json`."""
        return {
            "asks": self.asks,
            "focus": list(self.terms),
            "counted": list(self.counted),
            "constraints": {"years": list(self.years), "organisations": list(self.organisations)},
            "sub_questions": [sub.focus for sub in self.sub_questions],
        }


def asked_type(text: str) -> AskedType:
    """The kind of fact `text` asks for (see AskedType)."""
    for kind, pattern in _TYPE_PATTERNS:
        if pattern.search(text):
            return kind
    if _LIST.search(text):
        return "list"
    return "other"


def _counted(text: str) -> tuple[str, ...]:
    """The (up to two) words after "hoeveel": the counted noun, perhaps with an adjective."""
    match = _COUNTED.search(text)
    if match is None:
        return ()
    words = match.group("words").lower().split()
    return tuple(w for w in words if w not in _NOT_A_NOUN and len(w) > 2)


def _parts(text: str) -> list[str]:
    """The questions in one sentence: "Wie tekende de nota, en op welke datum?" has two."""
    pieces = [p.strip(" ,;") for p in _SECOND_QUESTION.split(text)]
    return [p for p in pieces if len(p.split()) >= 2] or [text]


_DAY_ASKED = re.compile(r"\b(?:op welke (?:datum|dag)|welke datum|what date|on which day)\b", _I)
_YEAR_ASKED = re.compile(r"\b(?:welk jaar|which year|what year)\b", _I)


def _precision(text: str) -> Literal["day", "year"] | None:
    """How precise a date must be to answer: a day, a year, or anything that places it."""
    if _DAY_ASKED.search(text):
        return "day"
    return "year" if _YEAR_ASKED.search(text) else None


def _question_sentence(text: str) -> str:
    """The last sentence that asks (ends with "?"), else the whole text: its words decide the
    type ("Wat hebben zij gedaan?" after "Is er iets gebeurd."), the context only adds terms."""
    asking = [s for s in re.split(r"(?<=[.!?])\s+", text) if s.endswith("?")]
    return asking[-1] if asking else text


def _single(question: str, text: str) -> QuestionPlan:
    asks = asked_type(_question_sentence(text))
    return QuestionPlan(
        question=question,
        focus=text,
        asks=asks,
        terms=tuple(content_terms(text)),
        counted=_counted(text) if asks == "number" else (),
        precision=_precision(_question_sentence(text)),
        years=tuple(dict.fromkeys(_YEAR.findall(text))),
        organisations=tuple(dict.fromkeys(_ACRONYM.findall(text))),
        english=is_english(text),
    )


def plan_question(question: str) -> QuestionPlan:
    """The plan of a question: its asked type, focus terms, constraints and sub-questions."""
    text = focus(question).strip()
    parts = _parts(text)
    plan = _single(question, text)
    if len(parts) > 1:
        subs = tuple(_single(question, part) for part in parts)
        return QuestionPlan(
            question=question,
            focus=text,
            asks=subs[0].asks,
            terms=plan.terms,
            counted=subs[0].counted,
            precision=subs[0].precision,
            years=plan.years,
            organisations=plan.organisations,
            sub_questions=subs,
            english=plan.english,
        )
    if _COMPARISON.search(text) and plan.asks in ("other", "definition", "yes_no", "list"):
        return QuestionPlan(**{**plan.__dict__, "asks": "comparison"})
    return plan
