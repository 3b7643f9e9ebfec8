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
from assistant.answering.number_words import WORD_NUMBER, word_value
from assistant.answering.percent_changes import asks_change, states_change
from assistant.plan import AskedType, QuestionPlan
from ingest.dates import MONTHS
from vectorstore.policy_words import names_division, same_thing
from vectorstore.text_analysis import term_matches, terms

_I = re.IGNORECASE
_MONTH = "(?:" + "|".join(MONTHS) + ")"
_YEAR = r"(?:19|20)\d{2}"
_APPROXIMATELY = (
    r"(?:(?:ongeveer|circa|ca\.|ruim|bijna|zo'n|zo’n|meer dan|minder dan|ten minste|tenminste|"
    r"maximaal|minimaal|rond de|in totaal|totaal|nog)\s+)?"
)
_QUANTITY = (
    _APPROXIMATELY
    + r"(?:(?<![\w.,-])\d{1,3}(?:[.,]\d{3})*(?:,\d+)?(?![\d-])|\b"
    + WORD_NUMBER
    + r"\b)(?:\s+(?:duizend|miljoen|miljard))?"
)
# What a number counts: a noun, or an adjective ending in -e and its noun ("lokale overheden").
_NOUN = (
    r"\s+(?!(?:" + _MONTH + r"|procent|euro|jaar|maanden|weken|dagen)\b)"
    r"(?:[a-zà-ÿ'’-]{2,}e\s+)?[a-zà-ÿ'’-]{3,}"
)
_DAY_DATE = (
    r"\b\d{1,2}\s+" + _MONTH + r"(?:\s+" + _YEAR + r")?\b|\b\d{2}-\d{2}-" + _YEAR + r"\b|\b"
    r"" + _YEAR + r"-\d{2}-\d{2}\b"
)
_LOOSE_DATE = (
    r"\b(?:(?:begin|eind|einde|medio|half|halverwege|voorjaar|zomer|najaar|winter|"
    r"(?:het\s+)?(?:eerste|tweede|derde|vierde)\s+kwartaal)(?:\s+van)?\s+"
    + _YEAR
    + r"|"
    + _MONTH
    + r"\s+"
    + _YEAR
    + r"|(?:in|vanaf|per|sinds|tot|voor|na|uiterlijk|met ingang van|begin|eind)\s+"
    + _YEAR
    + r")\b|\b(?:(?:voor|na|in|vanaf|dit|deze|het|volgend|komend)\s+(?:het\s+|de\s+)?)?"
    r"(?:voorjaar|zomer|najaar|winter|zomerreces|kerstreces)\b(?:\s+(?:van\s+)?"
    + _YEAR
    + r"\b)?|\bPrinsjesdag\b|"
    r"\b(?:volgend|komend|dit|vorig)\s+jaar\b|\b(?:zo spoedig mogelijk|z\.s\.m\.|binnenkort)"
)
# How often or how lasting ("jaarlijks", "structureel"): a period, but it does not say when.
_HOW_OFTEN = r"\b(?:kabinetsperiode|jaarlijks|tweejaarlijks|structureel)\b"
# A person by name: initials and surname ("W. Koolmees", "A.C. van Huffelen").
_CAPITALS_NAME = r"[A-Z]{2,}[A-Za-z]*(?:\s+[A-Z][A-Za-z]+)*"  # "SZW", "ABD TOPConsult"
_PERSONAL_NAME = (
    r"\b(?:[A-Z]\.\s?){1,4}(?:(?:van|de|der|den|ten|ter|te|el)\s+){0,2}[A-Z][a-zà-ÿ]+"
    r"(?:-[A-Z][a-zà-ÿ]+)?"
)
# What a period counts from: "een jaar na inwerkingtreding van een wet", "vier jaar geleden";
# without it "een jaar" says how long, not when ("voor" is left out: mostly "for").
_ANCHOR = (
    r"(?:\s+geleden\b|\s+(?:na|vóór)\s+(?:(?:de|het|een)\s+)?[a-zà-ÿ][\w-]+"
    r"(?:\s+van\s+(?:(?:de|het|een)\s+)?[a-zà-ÿ][\w-]+)?)?"
)
# A share in words: "zeven op de tien"; and what comes before the base of a share, "een op de"
# in "een op de vijf Nederlanders", whose "vijf" counts nothing.
_SHARE = WORD_NUMBER + r"\s+op\s+de\s+(?:tien|vijf|drie|vier|honderd)\b"
_SHARE_BEFORE = re.compile(r"\b(?:een|één|" + WORD_NUMBER + r")\s+op\s+de\s+$", _I)
_PATTERNS: dict[AskedType, re.Pattern[str]] = {
    "amount": re.compile(
        r"€\s?\d[\d.,]*(?:\s?(?:miljoen|miljard|mln\.?|mld\.?))?|"
        + _QUANTITY
        + r"(?:\s+(?:miljoen|miljard))?\s+euro\b",
        _I,
    ),
    "percentage": re.compile(
        _QUANTITY + r"\s?(?:%|procent\b)|\b(?:de|een)\s+(?:helft|derde|kwart)\b|\b" + _SHARE,
        _I,
    ),
    "period": re.compile(
        r"(?:\b(?:een|één)\b|"
        + _QUANTITY
        + r")"
        + r"\s+(?:jaar|jaren|maanden|maand|weken|week|dagen|dag|kwartalen)\b"
        + _ANCHOR
        + r"|\b"
        + _YEAR
        + r"\s?[-–]\s?"
        + _YEAR
        + r"\b|\b(?:tussen|periode)\s+"
        + _YEAR
        + r"\s+(?:en|tot|-)\s+"
        + _YEAR
        + r"\b|\bvan\s+"
        + _YEAR
        + r"\s+tot\s+(?:en met\s+)?"
        + _YEAR
        + r"\b|"
        + _HOW_OFTEN,
        _I,
    ),
    # how often: "tweejaarlijks", "elk jaar", "om de twee jaar", "drie keer per jaar"
    "frequency": re.compile(
        r"\b(?:half|twee|drie|vier)?(?:jaarlijks|maandelijks|wekelijks|dagelijks)\b|"
        r"\b(?:elke|elk|ieder|iedere|om de)\s+(?:(?:twee|drie|vier|vijf|\d)\s+)?"
        r"(?:jaar|jaren|maand|maanden|week|weken|kwartaal|kwartalen|dag|dagen)\b|"
        r"\b(?:\d+|twee|drie|vier|vijf|zes|tien|meerdere|enkele)\s+keer\b|"
        r"\b(?:een|één|\d+|twee|drie|vier)\s+keer\s+per\s+(?:jaar|maand|week|dag|kwartaal)\b|"
        r"\beenmalig\b|\bperiodiek\b",
        _I,
    ),
    "date": re.compile(_DAY_DATE + "|" + _LOOSE_DATE, _I),
    "number": re.compile(_QUANTITY + _NOUN, _I),
    "document": re.compile(
        r"(?:\bKamerstuk(?:ken)?\s+)?\b\d{2}\s?\d{3}(?:-[\dIVX]+)?,?\s+nrs?\.?\s*\d{1,4}"
        r"(?:\s*(?:,|en)\s*\d{1,4})*\b",
        _I,
    ),
    "person": re.compile(
        _PERSONAL_NAME + r"|\b(?:de\s+)?(?:minister(?:-president)?|staatssecretaris|"
        r"burgemeester|(?:nationale\s+)?ombudsman|secretaris-generaal|regeringscommissaris|"
        r"bewindspersoon|directeur(?:-generaal)?|colleges?(?:\s+van\s+B&W)?|gemeenteraad|"
        r"(?:Tweede|Eerste)\s+Kamer)\b(?:\s+(?:van|voor)\s+[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*"
        r"(?:\s+(?:en|van|voor)\s+[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*)*)?|"
        r"\b" + _CAPITALS_NAME + r"\b"
    ),
}
# Spans that answer a type besides its own: a date asked, a period given ("in 2021-2022"); how
# often asked, a share of the cases given ("in twintig procent van de gevallen").
_KINDS: dict[AskedType, tuple[AskedType, ...]] = {
    "date": ("date", "period"),
    "frequency": ("frequency", "percentage"),
}
_DAY = re.compile(_DAY_DATE, _I)
_BARE_YEAR = re.compile(r"(?<![\w./-])" + _YEAR + r"(?![\w/-])")
# A footnote's number opening its line: digits and a capitalised word ("3 Motie Omtzigt, …").
_FOOTNOTE = re.compile(r"\d{1,3}\s+[A-Z]")
PERSONAL_NAME = re.compile(_PERSONAL_NAME)
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
    share = _SHARE_BEFORE.search(sentence[: span.start])
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
    for match in _PATTERNS["percentage"].finditer(sentence):
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
    kinds: tuple[AskedType, ...] = _KINDS.get(plan.asks, (plan.asks,))
    found = sorted(
        (
            Span(m.start(), m.end(), m.group().strip())
            for kind in kinds
            for m in _PATTERNS[kind].finditer(sentence)
        ),
        key=lambda span: span.start,
    )
    if plan.asks == "number":
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
        found = [s for s in found if not re.fullmatch(_CAPITALS_NAME, s.text)]
    if plan.asks == "percentage" and not asks_change(plan.focus):
        found = [s for s in found if not states_change(sentence, s.start, s.end)]
    if plan.asks == "number" and plan.counted:
        # "Hoeveel woningen …" counts things: "€ 0,8 miljard" is an amount, not a count of them.
        amounts = [m.span() for m in _PATTERNS["amount"].finditer(sentence)]
        found = [s for s in found if not any(a < s.end and s.start < b for a, b in amounts)]
    if plan.asks == "date":
        found = [s for s in found if not re.fullmatch(_HOW_OFTEN, s.text, _I)]
    if plan.asks == "date" and plan.precision == "day":
        found = [s for s in found if _DAY.search(s.text)]
    elif plan.asks == "date" and plan.precision == "year":
        # "In welk jaar …": a year on its own answers too ("Binnen VWS is 2022 het eerste jaar")
        found = [s for s in found if re.search(_YEAR, s.text)] or [
            Span(m.start(), m.end(), m.group()) for m in _BARE_YEAR.finditer(sentence)
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
