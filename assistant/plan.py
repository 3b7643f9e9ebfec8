"""Question analysis into an answer plan: what kind of fact is asked, about what, within which
constraints, and which sub-questions a comparison or conjunction holds.

Computed once per question (on its focus: greetings and context of a chatty message left out)
and handed to answering: the answerer looks for a span of the asked type in the sentences it
quotes and leads with it; when no quoted sentence has one, the question is about something the
stukken do not state. English questions map to the same plan.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import Literal

from assistant.question import content_terms
from assistant.question_parts import question_parts
from assistant.question_types import (
    REQUIRED,
    TYPED,
    AskedType,
    asked_type,
    date_precision,
    is_comparison,
)
from vectorstore.focus import focus, sentences
from vectorstore.organisations import organisations_named
from vectorstore.plurals import is_plural
from vectorstore.text_analysis import terms

_I = re.IGNORECASE
# "Hoeveel ouders …", "how many parents …": the noun whose number is asked.
_COUNTED = re.compile(
    r"\b(?:hoeveel|hoe veel|welk aantal|het aantal|how many)\s+(?:van de\s+)?(?:\d[\d.,]*\s+)?"
    r"(?P<words>[a-zà-ÿ'-]+(?:\s+[a-zà-ÿ'-]+)?)",
    _I,
)
_NOT_A_NOUN = frozenset(
    "is zijn was waren heeft hebben wordt worden kan kunnen zal zullen er de het een van in op "
    "over voor uit bij met aan door naar are were did does do have has will can the "
    # "Hoeveel daarvan …" counts what the sentence before named
    "daarvan hiervan ervan waarvan".split()
)
_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")
# "Hoeveel van de 70 reacties … kwamen van het CAK?": a part of a whole is counted; what the
# part is follows the whole, after a comma that closes it or from its first finite verb on.
_PART_OF = re.compile(r"\b(?:hoeveel|how many)\s+(?:van\s+de|of\s+the)\s+(?P<rest>.+)", _I)
# "Heeft het CIZ meer dan duizend mensen in dienst?": whether a count exceeds a bound is
# answered by the count of those things.
_CHECKED_COUNT = re.compile(
    r"\b(?:meer dan|minder dan|ten minste|tenminste|minstens|more than|less than|at least)\s+"
    r"(?:\d[\d.,]*|[a-z]*(?:tig|tien|honderd|duizend)|twee|drie|vier|vijf|zes|zeven|acht|negen|"
    r"elf|twaalf)\s+(?P<noun>[a-zà-ÿ'-]{3,})",
    _I,
)
# Adverbs of time and degree say nothing about what the part is.
_WHEN_WORDS = frozenset(
    terms("inmiddels intussen uiteindelijk echt daadwerkelijk werkelijk precies nu al nog")
)
_FINITE = re.compile(
    r"\b(?:is|zijn|was|waren|heeft|hebben|had|hadden|wordt|worden|werd|werden|kwam|kwamen|"
    r"ging|gingen|leidde|leidden|kan|kunnen|zal|zullen|moet|moeten|are|were|have|has|did|"
    r"came|led|will)\b",
    _I,
)
# "Geven beide brieven hetzelfde Kamerstuknummer voor …?": whether two values agree is answered
# by the values, so the noun after "hetzelfde" says the type.
_SAME = re.compile(r"\b(?:hetzelfde|dezelfde|the same)\s+(?P<noun>[\w-]+)", _I)
_DUTCH_COUNT_WORDS = {
    **{"twee": 2, "drie": 3, "vier": 4, "vijf": 5, "zes": 6, "zeven": 7, "acht": 8},
    **{"negen": 9, "tien": 10, "elf": 11, "twaalf": 12},
}
_COUNT_WORDS = {
    **_DUTCH_COUNT_WORDS,
    **{"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8},
    **{"nine": 9, "ten": 10, "eleven": 11, "twelve": 12},
}
_ASKS_COUNT = re.compile(
    r"\b(?:welke|which|(?:wat|what)\s+(?:zijn|waren|are|were)\s+(?:de|the))\s+("
    + "|".join(_COUNT_WORDS)
    + r"|[2-9]|1[0-2])\b",
    _I,
)
_ASKS_KIND = re.compile(
    r"\b(?:welke|welk)\s+([a-zà-ÿ]+(?:['’]s)?)|"
    # "Hoe heet het algemene plan …": the noun after its adjectives
    r"\bhoe\s+heet\w*\s+(?:het|de|dat|die|deze)\s+(?:[a-zà-ÿ-]+e\s+)*([a-zà-ÿ]+)",
    _I,
)


# "een viertal diensten …; om welke ging het?": a group count in the question's context.
_GROUP_COUNT = re.compile(r"\b(" + "|".join(_DUTCH_COUNT_WORDS) + r")tal\b", _I)


def _count(text: str) -> int:
    match = _ASKS_COUNT.search(text)
    if match:
        return _COUNT_WORDS.get(match.group(1).lower()) or int(match.group(1))
    group = _GROUP_COUNT.search(text)
    return _DUTCH_COUNT_WORDS[group.group(1).lower()] if group and "welk" in text.lower() else 0


def _kind(text: str) -> str | None:
    """The stem of the noun after "welke"/"welk" ("regeel" for "Welke regeling …") or after
    "hoe heet" ("plan" for "Hoe heet het algemene plan …")."""
    match = _ASKS_KIND.search(text)
    stems = terms(match.group(1) or match.group(2)) if match else []
    return stems[0] if stems else None


# Organisations are written as acronyms in the corpus (VWS, BZK, RvIG, DUS-I, CAK …).
_ACRONYM = re.compile(r"\b[A-Z][A-Za-z]*[A-Z](?:-[A-Z]+)?\b")
_ROMAN = re.compile(r"[IVX]+")  # "fase II", "Kamerstukken II": a number, not an organisation
_SENDER_OF = re.compile(r"-[a-z]*(?:brief|nota|reactie|schrijven|stuk)\b")
_CAPITALISED = re.compile(r"\b[A-Z][a-zà-ÿ]{3,}\b")


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
    count: int = 0  # "Welke vier organisaties …": the answer enumerates that many
    # "Hoeveel van de ingebrachte casussen zijn opgelost?": the terms of what the counted part
    # is ("oplos"); a count of the whole ("zeventig casussen ingebracht") does not answer.
    part_of: tuple[str, ...] = ()
    kind: str | None = None  # "Welke regeling …": the stem of the asked kind of thing
    sub_questions: tuple[QuestionPlan, ...] = field(default_factory=tuple)

    @cached_property
    def focus_stems(self) -> frozenset[str]:
        """Every stemmed word of the focus (question words too): what a span must add to."""
        return frozenset(terms(self.focus))

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


def _counted(text: str) -> tuple[str, ...]:
    """The (up to two) words after "hoeveel": the counted noun, perhaps with an adjective."""
    match = _COUNTED.search(text)
    if match is None:
        return ()
    words = match.group("words").lower().split()
    if words and is_plural(words[0]):
        words = words[:1]  # "Via hoeveel sporen verzamelde BZK …": the verb follows the noun
    return tuple(w for w in words if w not in _NOT_A_NOUN and len(w) > 2)


def _part_of(text: str) -> tuple[str, ...]:
    """For a count of part of a whole, the content terms of what makes the part (see
    `QuestionPlan.part_of`); () for any other question."""
    match = _PART_OF.search(text)
    if match is None:
        return ()
    rest = match["rest"]
    _, comma, after = rest.rpartition(",")
    verb = _FINITE.search(rest)
    if comma:
        predicate = after
    elif verb is not None:
        predicate = rest[verb.end() :]
    else:
        return ()
    return tuple(t for t in content_terms(predicate) if t not in _WHEN_WORDS)


def _organisations(text: str) -> tuple[str, ...]:
    """The organisations the text names: acronyms ("VWS", "RvIG") but those naming a document's
    sender ("de BZK-brief"), and the capitalised names of organisations the thesaurus knows
    ("Logius", "Belastingdienst"), not the roles."""
    named = [word for word in _CAPITALISED.findall(text) if organisations_named(word)]
    # "de BZK-brief" names the document by its sender; what it asks about may be another's
    acronyms = [
        m.group()
        for m in _ACRONYM.finditer(text)
        if not _SENDER_OF.match(text, m.end()) and not _ROMAN.fullmatch(m.group())
    ]
    return tuple(dict.fromkeys([*acronyms, *named]))


# "Weet jij dat?", "Kun je dat voor me opzoeken?": a request about what the sentence before says.
_POINTS_BACK = re.compile(
    r"^(?:weet|kun|kunt|kan|zou|wil|could|can|do)\s+(?:je|jij|u|you)\s+(?:\w+\s+){0,3}?"
    r"(?:dat|dit|het|that|this|it)\b(?:\s+\w+){0,4}\s*\?$",
    _I,
)
# "Welk nummer geven ze? Is dat overal hetzelfde?": whether the values the question before asks
# for agree ("Klopt dat?" after a statement asks to confirm the statement).
_AGREES = re.compile(
    r"^(?:is|zijn|komt|komen|valt|vallen|stemt|stemmen|are|do)\s+(?:dat|die|ze|zij|deze|dit|"
    r"het|those|they|these|it)\b(?:\s+[\w-]+){0,3}\s*\?$",
    _I,
)


def _question_sentence(text: str) -> str:
    """The last sentence that asks (ends with "?"), else the whole text: its words decide the
    type ("Wat hebben zij gedaan?" after "Is er iets gebeurd."), the context only adds terms."""
    said = sentences(text)  # "volgens Kamerstuk 29 362, nr. 318?" is one sentence
    asking = [n for n, s in enumerate(said) if s.endswith("?")]
    if not asking:
        return text
    last = asking[-1]
    # "… wil ik weten wat dat heeft gekost. Weet jij dat?": the sentence pointed back at asks
    if last and _POINTS_BACK.match(said[last]):
        return said[last - 1]
    if last and said[last - 1].endswith("?") and _AGREES.match(said[last]):
        return said[last - 1]
    return said[last]


def _single(question: str, text: str) -> QuestionPlan:
    asking = _question_sentence(text)
    asks = asked_type(asking)
    same = _SAME.search(asking) if asks in ("other", "yes_no") else None
    if same and (valued := asked_type(f"Welk {same['noun']}?")) in TYPED:
        asks = valued
    checked = _CHECKED_COUNT.search(asking) if asks in ("other", "yes_no") else None
    if checked:  # "Staan er meer dan vijftig algoritmes in …?" is answered by their number
        asks = "number"
        counted: tuple[str, ...] = (checked["noun"].lower(),)
    else:
        counted = _counted(text) if asks == "number" else ()
    return QuestionPlan(
        question=question,
        focus=text,
        asks=asks,
        terms=tuple(content_terms(text)),
        counted=counted,
        part_of=_part_of(asking) if asks in ("number", "percentage") else (),
        precision=date_precision(asking),
        count=_count(text),
        kind=_kind(text),
        years=named_years(text),
        organisations=_organisations(text),
    )


def named_years(text: str) -> tuple[str, ...]:
    """The years `text` names ("2021", "2022"), each once, in order."""
    return tuple(dict.fromkeys(_YEAR.findall(text)))


def plan_question(question: str) -> QuestionPlan:
    """The plan of a question: its asked type, focus terms, constraints and sub-questions."""
    text = focus(question).strip()
    parts = question_parts(text)
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
        )
    if is_comparison(text) and plan.asks in ("other", "definition", "yes_no", "list"):
        return replace(plan, asks="comparison")
    return plan
