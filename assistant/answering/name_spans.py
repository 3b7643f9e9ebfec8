"""Names in a sentence, for a question that asks what something is called ("Hoe heet het
actieplan …?", "Via welke website …?"): a web address, a quoted term (‘Open op orde’), or a
capitalised phrase inside the sentence ("de Werkagenda Waardengedreven Digitalisering", "de
Bestuursraad"). Dutch capitalises proper names only, so a capitalised word that does not open
the sentence names something."""

from __future__ import annotations

import re

from assistant.plan import QuestionPlan
from vectorstore.organisations import is_organisation
from vectorstore.text_analysis import term_matches, terms

WEB_ADDRESS = re.compile(r"\b(?:https?://|www\.)[\w./%#?=&-]*[\w/]")
# A quote opens after no letter (not the apostrophe of "dilemma's") and closes before none.
_QUOTED = re.compile(r"(?<![\w’'])[‘'“\"«]([^‘’'“”\"«»\n]{2,80}?)[’'”\"»](?![A-Za-zà-ÿ])")
# Capitalised words ("CAF-11", "Stella-teams"), joined by "van (de)", "voor", "en", "op"; a
# capitalised adjective takes its noun along ("de Digitale agenda").
_CAPITALISED = re.compile(
    r"\b[A-Z][\w-]*\w(?:(?:\s+(?:van\s+de|van\s+het|van|voor|en|op))?\s+[A-Z][\w-]*\w)*"
    r"(?:(?<=e)\s+[a-zà-ÿ]{3,}\b)?"
)
# Capitalised words that name no particular thing in these stukken: the Kamer, the Rijk, a
# document kind or an office ("de Minister van …" stays a person's office, not a name).
_GENERIC = frozenset(
    "kamer tweede eerste rijk rijksoverheid nederland nederlanders kamerstuk kamerstukken "
    "kamerbrief kamerleden minister ministers staatssecretaris bijlage motie".split()
)
# What stands before a word that opens a sentence: nothing but a bullet, or a full stop.
_OPENS_AFTER = re.compile(r"(?:^[\s\-–•·*]*(?:\d+[.)]?\s+)?|[.!?:;]\s+)$")
_ASKS_WEB_ADDRESS = re.compile(
    r"\b(?:url|webadres|website|site|webpagina|internetadres|web\s+address)\b", re.IGNORECASE
)


def name_spans(sentence: str, plan: QuestionPlan) -> list[tuple[int, int]]:
    """The (start, end) of each name in `sentence`: web addresses and quoted terms first, then
    capitalised phrases that neither open the sentence nor are a generic word. A name sharing a
    word with the question (`plan.focus_stems`) names what it asks about, not what it asks for ("de Belastingdienst
    en Toeslagen" for "… de eenheden bij de Belastingdienst"). A question for a website or URL
    is answered by web addresses only."""
    marked = [m.span() for m in WEB_ADDRESS.finditer(sentence)]
    if _ASKS_WEB_ADDRESS.search(plan.focus):
        return marked
    marked += [m.span(1) for m in _QUOTED.finditer(sentence)]
    capitalised = [
        m.span()
        for m in _CAPITALISED.finditer(sentence)
        if not _OPENS_AFTER.search(sentence[: m.start()])
        and m.group().split()[0].lower() not in _GENERIC
        and not is_organisation(m.group())  # "Toeslagen": the organisation type asks for those
        and not any(start <= m.start() < end for start, end in marked)
    ]
    return [
        (start, end)
        for start, end in marked + capitalised
        if not any(term_matches(t, plan.focus_stems) for t in terms(sentence[start:end]))
    ]
