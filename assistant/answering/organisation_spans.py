"""The organisation a "Welke instantie / Bij welk ministerie …" question asks for, in a sentence.

The stukken name an organisation as a ministry ("het ministerie van Sociale Zaken en
Werkgelegenheid"), by a name the organisation thesaurus knows ("UWV", "de Belastingdienst") or
by a capitalised name of several words ("het College voor de Rechten van de Mens"). The span to
lead with is the first such name in the sentence that the question does not already name.
"""

from __future__ import annotations

import re

from assistant.answering.spans import Span
from assistant.plan import QuestionPlan
from vectorstore.organisations import organisation_mentions
from vectorstore.text_analysis import terms

_PARLIAMENT = re.compile(r"\b(?:Tweede|Eerste) Kamer\b")  # whom the letters are written to
_NAME_PART = r"[A-Z][\wÀ-ÿ-]*"
_LINK = r"(?:\s+(?:van|voor|de|der|het|en|op)\b)*"
_MINISTRY = re.compile(
    r"\b(?:[Hh]et\s+)?[Mm]inisterie\s+van\s+"
    + _NAME_PART
    + r"(?:(?:,|\s+en)?\s+"
    + _NAME_PART
    + ")*"
)
# "het College voor de Rechten van de Mens": two or more capitalised words, linked by
# lower-case function words, after an article (a sentence's first word is no name).
_MULTI_WORD = re.compile(
    r"\b(?:[Hh]et|[Dd]e)\s+" + _NAME_PART + r"(?:" + _LINK + r"\s+" + _NAME_PART + r")+"
)


def organisation_span(sentence: str, plan: QuestionPlan) -> Span | None:
    """The first organisation `sentence` names that the question does not, or None."""
    found = [m.span() for m in _MINISTRY.finditer(sentence)]
    found += organisation_mentions(sentence)
    found += [m.span() for m in _MULTI_WORD.finditer(sentence)]
    for start, end in sorted(found, key=lambda span: (span[0], -span[1])):
        text = sentence[start:end]
        if not set(terms(text)) <= plan.focus_stems and not _PARLIAMENT.search(text):
            return Span(start, end, text)
    return None
