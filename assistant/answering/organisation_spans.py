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

_PREPOSITIONS = r"met|bij|van|voor|aan|naar|door|namens|tegen|tussen|onder|over|uit"
# "Bij welk ministerie …", "Met welke organisatie …": the role the asked organisation has
_ASKED_AFTER = re.compile(rf"\b(?P<preposition>{_PREPOSITIONS})\s+welke?\b", re.IGNORECASE)
_PREPOSITION_BEFORE = re.compile(
    rf"\b(?P<preposition>{_PREPOSITIONS})\s+(?:(?:het|de|een)\s+)?$", re.IGNORECASE
)
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
    """The first organisation `sentence` names that the question does not, or None; one in the
    role the question asks for first: "Welk departement gaat … toetsen?" asks who acts, not the
    partner "in de samenwerking met het ministerie van JenV"; "Bij welk ministerie …" asks for
    the one after "bij"."""
    found = [m.span() for m in _MINISTRY.finditer(sentence)]
    found += organisation_mentions(sentence)
    found += [m.span() for m in _MULTI_WORD.finditer(sentence)]
    asked = _ASKED_AFTER.search(plan.focus)
    role = asked.group("preposition").lower() if asked else None
    named = [
        Span(start, end, sentence[start:end])
        for start, end in sorted(found, key=lambda span: (span[0], -span[1]))
        if not set(terms(sentence[start:end])) <= plan.focus_stems
        and not _PARLIAMENT.search(sentence[start:end])
    ]
    in_role = [span for span in named if _preposition_before(sentence, span.start) == role]
    return (in_role or named or [None])[0]


def _preposition_before(sentence: str, start: int) -> str | None:
    """The preposition an organisation's name follows ("met het ministerie van JenV"), or None
    for one that stands on its own (a subject; "door" names who acts in a passive)."""
    found = _PREPOSITION_BEFORE.search(sentence[:start])
    preposition = found.group("preposition").lower() if found else None
    return None if preposition == "door" else preposition
