"""What kind of answer a question asks for, and which of its words carry its meaning."""

from __future__ import annotations

import re

from vectorstore.text_analysis import terms

# Verbs and adjectives that shape a question but say nothing about its subject ("Wat zegt … over",
# "Hoe hoog is …"); left out when judging whether the stukken cover a question.
QUESTION_WORDS = frozenset(
    terms(
        "zegt zeggen noemt noemen houdt staat staan gaat gaan komt komen krijgt krijgen geeft geven "
        "doet doen hoog groot lang er zijn heeft hebben wordt werd worden neemt nemen stuurde "
        "gestuurd verstuurd welke welk wat wie waar wanneer hoeveel hoe eigenlijk precies graag "
        "weet weten vertel kun kunt kan"
    )
)
_NUMBER_WORDS = (
    "twee|drie|vier|vijf|zes|zeven|acht|negen|tien|elf|twaalf|twintig|dertig|veertig|vijftig|"
    "zestig|zeventig|tachtig|negentig|honderd|duizend|miljoen|miljard|procent|helft|kwart"
)
ASKS_NUMBER = re.compile(
    r"\b(hoeveel|hoe veel|welk bedrag|welk percentage|welk deel|hoe groot|how many|how much)\b",
    re.IGNORECASE,
)
ASKS_DATE = re.compile(r"\b(wanneer|welke datum|welke dag|sinds wanneer|when|what date)\b",
                       re.IGNORECASE)  # fmt: skip
ASKS_DOCUMENT = re.compile(
    r"\b(in\s+)?(welk|welke)\s+(kamerstuk|kamerbrief|brief|document|stuk|nota)\b|"
    r"\bwhich\s+(letter|document|paper)\b",
    re.IGNORECASE,
)
HAS_NUMBER = re.compile(r"\d|\b(" + _NUMBER_WORDS + r")\w*\b", re.IGNORECASE)
_ENGLISH = frozenset(
    "the of and what when which who how is was were are does did do to in about for with many "
    "much letter government".split()
)


def content_terms(question: str) -> list[str]:
    """Stemmed terms of the question without question words, in order, without repeats."""
    return [t for t in dict.fromkeys(terms(question)) if t not in QUESTION_WORDS]


def is_english(question: str) -> bool:
    words = re.findall(r"[a-z]+", question.lower())
    return len(words) >= 3 and sum(w in _ENGLISH for w in words) / len(words) >= 0.25
