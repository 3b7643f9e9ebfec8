"""Spans of an asked type in a sentence (a count with what it counts, an amount, a percentage,
a date or period, a person, a name, a Kamerstuk; a list question's items): the answerer leads
with one ("Ongeveer 18.000 ouders [1]."), and without one knows the stukken do not state it. A
span only repeating the question ("Hoeveel van de 70 reacties …": "70 reacties") is none."""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.answering.enumerations import Enumeration, asked_enumeration
from assistant.answering.list_questions import asks_for_items
from assistant.answering.name_spans import name_spans
from assistant.answering.number_words import word_value
from assistant.answering.percent_changes import asks_change, states_change
from assistant.answering.span_patterns import (
    BARE_YEAR,
    CAPITALS_NAME,
    DAY,
    HOW_OFTEN,
    KINDS,
    PATTERNS,
    SHARE_BEFORE,
    YEAR,
)
from assistant.plan import AskedType, QuestionPlan
from vectorstore.policy_words import names_division, same_thing
from vectorstore.text_analysis import term_matches, terms

_I = re.IGNORECASE
_DIGIT = re.compile(r"\d")
# A footnote's number opening its line: digits and a capitalised word ("3 Motie Omtzigt, …").
_FOOTNOTE = re.compile(r"\d{1,3}\s+[A-Z]")
# Numbers that name rather than count ("fase 1", "nr. 271", "artikel 4:84"): no number span.
_IDENTIFIER_BEFORE = re.compile(
    r"\b(?:fase|nr|nrs|artikel|art|bijlage|paragraaf|hoofdstuk|pagina|blz|versie|dilemma|"
    r"thema|kamerstuk|nummer)\.?:?\s*$",
    _I,
)
_ACRONYM = re.compile(r"[A-Z]{3,}")
_ASKS_OFFICE_HOLDER = re.compile(
    r"\b(?:welke?|which)\s+(?:ministers?|staatssecretariss?e?n?|bewinds\w+|secretary)\b", _I
)


def _initials(text: str) -> str:
    """The first letters of the capitalised words of `text`, in order ("Wie is benoemd tot
    Nationaal Coördinator tegen Discriminatie …" -> "WNCD…")."""
    return "".join(word[0] for word in re.findall(r"\b[A-ZÀ-Þ][\w-]*", text))


@dataclass(frozen=True)
class Span:
    """A piece of a sentence that states a fact of the asked type."""

    start: int
    end: int
    text: str

    @classmethod
    def of_items(cls, listed: Enumeration) -> Span:
        """An enumeration's items as one span to lead with ("CAK, CIBG, CIZ en DUS-I")."""
        return cls(listed.start, listed.end, listed.text)


def _numbers(text: str) -> set[str]:
    """The numbers a text states, in digits, also those written out ("zeventig" is "70")."""
    digits = {d.rstrip(".,") for d in re.findall(r"\d[\d.,]*", text)}
    words = (word_value(w) for w in re.findall(r"[a-zë]+", text, _I))
    return digits | {str(value) for value in words if value is not None and value > 1}


def _repeats_question(text: str, plan: QuestionPlan) -> bool:
    """Whether every word of the span is already in the question ("70 reacties"), or the span
    is the abbreviation of a name the question spells out ("NCDR" for "Nationaal Coördinator
    tegen Discriminatie en Racisme")."""
    numbers = _numbers(text)
    if numbers and numbers <= _numbers(plan.focus):
        return True
    if _ACRONYM.fullmatch(text) and text in _initials(plan.focus):
        return True
    span_terms = [t for t in terms(text) if len(t) > 1 or t.isdigit()]  # not initials ("W.")
    return bool(span_terms) and all(t in plan.focus_stems for t in span_terms)


def _whole_share(sentence: str, span: Span) -> Span:
    """A count that is the base of a share ("vijf Nederlanders" in "een op de vijf
    Nederlanders") widened to the whole share: one in five is not five."""
    share = SHARE_BEFORE.search(sentence[: span.start])
    if share is None:
        return span
    return Span(share.start(), span.end, sentence[share.start() : span.end])


# "15 procent van de functies": a share of the things counted, after the percentage
_SHARE_OF = re.compile(r"\s+van\s+(?:de|het|alle|hun|haar)\s+(?:[\w'’-]+\s+){0,2}?[\w'’-]+", _I)


def _shares_of(sentence: str, plan: QuestionPlan) -> list[Span]:
    """ "Hoeveel functies staan leeg?" answered by a share of them: "Ongeveer 15 procent van
    de functies is niet ingevuld" says how many as the stukken know it."""
    if not plan.counted:
        return []
    found = []
    for match in PATTERNS["percentage"].finditer(sentence):
        of = _SHARE_OF.match(sentence, match.end())
        if of is None:
            continue
        span = Span(match.start(), of.end(), sentence[match.start() : of.end()].strip())
        if names_counted(span, plan):
            found.append(span)
    return found


def find_spans(sentence: str, plan: QuestionPlan) -> list[Span]:
    """The spans of `sentence` that state a fact of the type `plan` asks for, in order; only
    for typed questions (see `QuestionPlan.typed`)."""
    if not plan.typed:
        return []
    if plan.asks == "name":  # a name, a quoted term, a web address (`name_spans`)
        return [Span(a, b, sentence[a:b]) for a, b in name_spans(sentence, plan)]
    kinds: tuple[AskedType, ...] = KINDS.get(plan.asks, (plan.asks,))
    found = sorted(
        (
            Span(m.start(), m.end(), m.group().strip())
            for kind in kinds
            for m in PATTERNS[kind].finditer(sentence)
        ),
        key=lambda span: span.start,
    )
    if plan.asks == "magnitude":  # a count in words ("vier ervaren dilemma's") is no size
        count = PATTERNS["number"]
        found = [s for s in found if not count.fullmatch(s.text) or _DIGIT.search(s.text)]
    if plan.asks in ("number", "magnitude"):
        found = [
            s
            for s in found
            if not _IDENTIFIER_BEFORE.search(sentence[: s.start])
            and not (_FOOTNOTE.match(s.text) and not sentence[: s.start].strip())
        ]
        counts = [_whole_share(sentence, s) for s in found] + _shares_of(sentence, plan)
        found = sorted(counts, key=lambda s: s.start)
    if plan.asks == "person":  # "ICT-personeel": an acronym in a compound names no one
        found = [s for s in found if sentence[s.end : s.end + 1] != "-"]
    if plan.asks == "person" and _ASKS_OFFICE_HOLDER.search(plan.focus):
        # "Welke minister …": "SZW" or "ABD TOPConsult" is an organisation, not a minister
        found = [s for s in found if not re.fullmatch(CAPITALS_NAME, s.text)]
    if plan.asks == "percentage" and not asks_change(plan.focus):
        found = [s for s in found if not states_change(sentence, s.start, s.end)]
    if plan.asks == "number" and plan.counted:
        # "Hoeveel woningen …" counts things: "€ 0,8 miljard" is an amount, not a count of them.
        amounts = [m.span() for m in PATTERNS["amount"].finditer(sentence)]
        found = [s for s in found if not any(a < s.end and s.start < b for a, b in amounts)]
    if plan.asks == "date":
        found = [s for s in found if not re.fullmatch(HOW_OFTEN, s.text, _I)]
    if plan.asks == "date" and plan.precision == "day":
        found = [s for s in found if DAY.search(s.text)]
    elif plan.asks == "date" and plan.precision == "year":
        # "In welk jaar …": a year on its own answers too ("Binnen VWS is 2022 het eerste jaar")
        found = [s for s in found if re.search(YEAR, s.text)] or [
            Span(m.start(), m.end(), m.group()) for m in BARE_YEAR.finditer(sentence)
        ]
    return [s for s in found if not _repeats_question(s.text, plan)]


def best_span(sentence: str, plan: QuestionPlan) -> Span | None:
    """The span to lead with: one naming what the question counts ("Hoeveel ouders" — "18.000
    ouders"), else the first; for a list question the items it asks for ("CAK, CIBG, CIZ en
    DUS-I", see `assistant.answering.enumerations`)."""
    if asks_for_items(plan):
        listed = asked_enumeration(sentence, plan)
        return Span.of_items(listed) if listed else None
    spans = find_spans(sentence, plan)
    if not spans:
        return None
    return next((span for span in spans if names_counted(span, plan)), spans[0])


def names_counted(span: Span, plan: QuestionPlan) -> bool:
    """Whether the span counts what the question counts ("Hoeveel ouders": "18.000 ouders",
    "Hoeveel kabinetten": "meerdere kabinetsperiodes", "In hoeveel clusters": "zes thema's";
    not "drie lijnen" for "Hoeveel ouders"); False for a question that counts nothing named."""
    span_terms = set(terms(span.text))
    counted = terms(" ".join(plan.counted))
    if any(term_matches(term, span_terms) for term in counted):
        return True
    if any(same_thing(term, word) for term in counted for word in span_terms):
        return True  # "Hoeveel maatregelen": "bijna 90 acties"
    return bool(counted) and names_division(counted) and names_division(span_terms)
