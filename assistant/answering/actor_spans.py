"""Who a "Wie …" question asks for when the stukken name a group rather than a person: the
phrase in the role the question asks about.

"Met wie gaat het kabinet praten …?" is answered by what follows "met" ("in gesprek met de
rijksinspecties"), "Tegenover wie …" by what follows "tegenover" or "ten opzichte van", and
"Wie leidt …?" by the agent of a passive sentence ("worden geleid door externen"). The phrase
runs from its article to the first word that ends it (a comma, a verb, "die", "om" …); two
phrases joined by "en" stay together ("de kwartiermaker en het Bureau regeringscommissaris").
"""

from __future__ import annotations

import re

from assistant.answering.spans import Span
from assistant.plan import QuestionPlan
from vectorstore.text_analysis import terms

# "Met wie …", "Tegenover wie …": the preposition the asked person follows
_ASKED_AFTER = re.compile(
    r"\b(?P<preposition>met|door|tegenover|voor|aan|bij|namens)\s+wie\b", re.IGNORECASE
)
_SAME_ROLE = {"tegenover": r"tegenover|ten\s+opzichte\s+van"}
_PASSIVE = re.compile(r"\b(?:wordt|worden|werd|werden)\b", re.IGNORECASE)
_DETERMINER = r"(?:(?:de|het|een|onze|hun|zijn|haar|alle)\s+)?"
# Words that end the phrase: what comes after it in the sentence.
_ENDS = frozenset(
    "die dat wier wiens waar om te hoe zodat omdat terwijl wanneer of als is zijn was waren "
    "wordt worden werd kan kunnen zal zullen moet moeten heeft hebben gaan gaat in op bij over "
    "naar uit aan tot tussen binnen om met door voor zoals".split()
)
_LONGEST = 10  # words a phrase may have


def actor_span(sentence: str, plan: QuestionPlan) -> Span | None:
    """The phrase in the role the "Wie …" question asks about, when the question does not name
    it already; None when the sentence has no phrase in that role."""
    if plan.asks != "person":
        return None
    asked = _ASKED_AFTER.search(plan.focus)
    if asked:
        preposition = asked.group("preposition").lower()
        role = _SAME_ROLE.get(preposition, preposition)
    elif re.match(r"\s*(?:wie|who)\b", plan.focus, re.IGNORECASE) and _PASSIVE.search(sentence):
        role = "door"  # "Wie leidt …" — "… worden geleid door externen"
    else:
        return None
    for found in re.finditer(rf"\b(?:{role})\s+(?={_DETERMINER}\w)", sentence, re.IGNORECASE):
        span = _phrase(sentence, found.end())
        if span and not set(terms(span.text)) <= plan.focus_stems:
            return span
    return None


def _phrase(sentence: str, start: int) -> Span | None:
    """The noun phrase from `start`: words up to one that ends it or a punctuation mark."""
    end = start
    count = 0
    for word in re.finditer(r"[\w’'-]+|[^\w\s]", sentence[start:]):
        text = word.group()
        if not re.match(r"[\w’'-]", text) or (count and text.lower() in _ENDS):
            break
        end = start + word.end()
        count += 1
        if count > _LONGEST:
            return None
    if not count:
        return None
    text = sentence[start:end]
    return Span(start, end, text) if terms(text) else None
