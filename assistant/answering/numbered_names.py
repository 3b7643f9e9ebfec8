"""Things a text names by a noun and a number: "fase 2", "fase II", "stap 3".

"Koolmees stuurde het fase 2-rapport …" is not about "Het resultaat van fase 1 …": the same noun
numbered differently names another thing, however many other words the two share.
"""

from __future__ import annotations

import re

from vectorstore.text_analysis import terms

# A noun of three letters or more ("Fase", "fase"), then a number of at most three digits (not a year, not the
# start of "18.000") or a Roman numeral up to X.
_NUMBERED = re.compile(
    r"\b(?P<noun>(?i:[a-zà-ÿ]{3,}))[\s-]+(?P<number>\d{1,3}|(?:I{1,3}|IV|VI{0,3}|IX|X))\b(?![.,]?\d)"
)
_ROMAN = {
    "I": 1,
    "II": 2,
    "III": 3,
    "IV": 4,
    "V": 5,
    "VI": 6,
    "VII": 7,
    "VIII": 8,
    "IX": 9,
    "X": 10,
}


def numbered(text: str) -> dict[str, set[int]]:
    """The numbers `text` gives each noun stem ("fase 2-rapport": {"fase": {2}})."""
    found: dict[str, set[int]] = {}
    for m in _NUMBERED.finditer(text):
        number = m["number"]
        value = int(number) if number.isdigit() else _ROMAN[number]
        for stem in terms(m["noun"])[:1]:
            found.setdefault(stem, set()).add(value)
    return found


def names_another(question: str, sentence: str) -> bool:
    """Whether `sentence` numbers a noun of the question only differently ("fase 1" for the
    question's "fase 2")."""
    asked, stated = numbered(question), numbered(sentence)
    return any(asked[stem].isdisjoint(stated[stem]) for stem in asked.keys() & stated.keys())
