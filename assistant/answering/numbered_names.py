"""Things a text names by a noun and a number: "fase 2", "fase II", "de tweede fase", "2e fase".

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
_ORDINALS = {
    word: str(n)
    for n, word in enumerate(
        "eerste tweede derde vierde vijfde zesde zevende achtste negende tiende".split(), 1
    )
}
_ORDINAL = re.compile(r"\b(" + "|".join(_ORDINALS) + r")\b", re.IGNORECASE)
# "de tweede fase", "de 2e fase": an ordinal (word or digits) before the noun
_ORDINAL_NOUN = re.compile(
    r"\b(?P<ordinal>(?i:" + "|".join(_ORDINALS) + r")|\d{1,2}e)\s+(?P<noun>(?i:[a-zà-ÿ]{3,}))\b"
)
_EACH_NUMBER = re.compile(rf"\b{_NUMBER}\b")
_ROMAN = {numeral: i for i, numeral in enumerate("I II III IV V VI VII VIII IX X".split(), 1)}


def numbered(text: str) -> dict[str, set[int]]:
    """The numbers `text` gives each noun stem ("fase 2-rapport": {"fase": {2}}; "fase 1 en
    2": {"fase": {1, 2}}; "de tweede fase": {"fase": {2}})."""
    found: dict[str, set[int]] = {}
    for m in _NUMBERED.finditer(text):
        values = {
            int(number) if number.isdigit() else _ROMAN[number]
            for number in _EACH_NUMBER.findall(m["numbers"])
        }
        for stem in terms(m["noun"])[:1]:
            found.setdefault(stem, set()).update(values)
    for m in _ORDINAL_NOUN.finditer(text):
        ordinal = m["ordinal"].lower()
        value = int(_ORDINALS.get(ordinal, ordinal.rstrip("e")))
        for stem in terms(m["noun"])[:1]:
            found.setdefault(stem, set()).add(value)
    return found


def digit_ordinals(text: str) -> str:
    """Ordinal words written as digits, so that "de eerste fase" shares a term with "fase 1"."""
    return _ORDINAL.sub(lambda m: _ORDINALS[m.group(1).lower()], text)


def names_another(asked: dict[str, set[int]], sentence: str) -> bool:
    """Whether `sentence` numbers a noun of the question only differently ("fase 1" for the
    question's "fase 2"); `asked` is the question's `numbered`."""
    if not asked:
        return False
    stated = numbered(sentence)
    return any(asked[stem].isdisjoint(stated[stem]) for stem in asked.keys() & stated.keys())
