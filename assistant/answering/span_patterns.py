"""How each asked type is written in the stukken: the regular expressions that find a count
with what it counts, an amount, a percentage, a date or period, how often, a person or a
Kamerstuk in a sentence (`assistant.answering.spans` reads them)."""

from __future__ import annotations

import re

from assistant.answering.number_words import WORD_NUMBER
from assistant.plan import AskedType
from ingest.dates import MONTHS

_I = re.IGNORECASE
_MONTH = "(?:" + "|".join(MONTHS) + ")"
YEAR = r"(?:19|20)\d{2}"
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
    r"\b\d{1,2}\s+" + _MONTH + r"(?:\s+" + YEAR + r")?\b|\b\d{2}-\d{2}-" + YEAR + r"\b|\b"
    r"" + YEAR + r"-\d{2}-\d{2}\b"
)
_LOOSE_DATE = (
    r"\b(?:(?:begin|eind|einde|medio|half|halverwege|voorjaar|zomer|najaar|winter|"
    r"(?:het\s+)?(?:eerste|tweede|derde|vierde)\s+kwartaal)(?:\s+van)?\s+"
    + YEAR
    + r"|"
    + _MONTH
    + r"\s+"
    + YEAR
    + r"|(?:in|vanaf|per|sinds|tot|voor|na|uiterlijk|met ingang van|begin|eind)\s+"
    + YEAR
    + r")\b|\b(?:(?:voor|na|in|vanaf|dit|deze|het|volgend|komend)\s+(?:het\s+|de\s+)?)?"
    r"(?:voorjaar|zomer|najaar|winter|zomerreces|kerstreces)\b(?:\s+(?:van\s+)?"
    + YEAR
    + r"\b)?|\bPrinsjesdag\b|"
    r"\b(?:volgend|komend|dit|vorig)\s+jaar\b|\b(?:zo spoedig mogelijk|z\.s\.m\.|binnenkort)"
)
# How often or how lasting ("jaarlijks", "structureel"): a period, but it does not say when.
HOW_OFTEN = r"\b(?:kabinetsperiode|jaarlijks|tweejaarlijks|structureel)\b"
# A person by name: initials and surname ("W. Koolmees", "A.C. van Huffelen").
CAPITALS_NAME = r"[A-Z]{2,}[A-Za-z]*(?:\s+[A-Z][A-Za-z]+)*"  # "SZW", "ABD TOPConsult"
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
SHARE_BEFORE = re.compile(r"\b(?:een|één|" + WORD_NUMBER + r")\s+op\s+de\s+$", _I)
PATTERNS: dict[AskedType, re.Pattern[str]] = {
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
        + YEAR
        + r"\s?[-–]\s?"
        + YEAR
        + r"\b|\b(?:tussen|periode)\s+"
        + YEAR
        + r"\s+(?:en|tot|-)\s+"
        + YEAR
        + r"\b|\bvan\s+"
        + YEAR
        + r"\s+tot\s+(?:en met\s+)?"
        + YEAR
        + r"\b|"
        + HOW_OFTEN,
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
        r"\b" + CAPITALS_NAME + r"\b"
    ),
}
# Spans that answer a type besides its own: a date asked, a period given ("in 2021-2022"); how
# often asked, a share of the cases given ("in twintig procent van de gevallen").
KINDS: dict[AskedType, tuple[AskedType, ...]] = {
    "date": ("date", "period"),
    "frequency": ("frequency", "percentage"),
    "magnitude": ("percentage", "amount", "number"),
}
DAY = re.compile(_DAY_DATE, _I)
BARE_YEAR = re.compile(r"(?<![\w./-])" + YEAR + r"(?![\w/-])")
PERSONAL_NAME = re.compile(_PERSONAL_NAME)
