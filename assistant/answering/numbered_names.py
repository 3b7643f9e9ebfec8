"""Things a text names by a noun and a number: "fase 2", "fase II", "stap 3".

"Koolmees stuurde het fase 2-rapport …" is not about "Het resultaat van fase 1 …": the same noun
numbered differently names another thing, however many other words the two share.
"""

from __future__ import annotations

import re

from vectorstore.text_analysis import terms

_NUMBER = r"(?:\d{1,3}|I{1,3}|IV|VI{0,3}|IX|X)"
# A noun of three letters or more ("Fase", "fase"), then a number of at most three digits or a
# Roman numeral up to X, or several ("fase 1 en 2"). Not a year, not the start of "18.000" and
# not a dossier number ("Kamerstuk 29 362").
_NUMBERED = re.compile(
    rf"\b(?P<noun>(?i:[a-zà-ÿ]{{3,}}))[\s-]+(?P<numbers>{_NUMBER}(?:\s*(?:,|en|of)\s*{_NUMBER})*)"
    r"\b(?![.,]?\d|\s\d)"
)
_EACH_NUMBER = re.compile(rf"\b{_NUMBER}\b")
_ROMAN = {numeral: i for i, numeral in enumerate("I II III IV V VI VII VIII IX X".split(), 1)}


def numbered(text: str) -> dict[str, set[int]]:
    """The numbers `text` gives each noun stem ("fase 2-rapport": {"fase": {2}}; "fase 1 en
    2": {"fase": {1, 2}})."""
    found: dict[str, set[int]] = {}
    for m in _NUMBERED.finditer(text):
        values = {
            int(number) if number.isdigit() else _ROMAN[number]
            for number in _EACH_NUMBER.findall(m["numbers"])
        }
        for stem in terms(m["noun"])[:1]:
            found.setdefault(stem, set()).update(values)
    return found


def names_another(question: str, sentence: str) -> bool:
    """Whether `sentence` numbers a noun of the question only differently ("fase 1" for the
    question's "fase 2")."""
    asked, stated = numbered(question), numbered(sentence)
    return any(asked[stem].isdisjoint(stated[stem]) for stem in asked.keys() & stated.keys())
