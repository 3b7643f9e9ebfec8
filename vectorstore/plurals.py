"""Whether a noun is plural: 'meldpunten', 'organisaties', 'zaken', 'services' are; 'proces',
'kans' and 'status' are not.

A word is read as plural when it ends like a Dutch (or English) plural and what is left once the
ending is taken off is a common word (wordfreq's offline frequency list) or a compound with a
common head ('actielijnen' -> 'actielijn' -> 'lijn'). Dutch takes -s only after -el, -em, -en,
-er, -je, -ie or a vowel ('organisaties', 'wetenschappers', 'thema's'), so 'kans' is not 'kan'
plus -s.
"""

from __future__ import annotations

import re
from functools import lru_cache

from wordfreq import zipf_frequency

from vectorstore.compounds import MIN_ZIPF, compound_parts

_S_PLURAL_STEM = re.compile(r"(?:el|em|en|er|je|ie|[aeiouy])$")
_DOUBLED = re.compile(r"([bcdfgklmnprstvz])\1$")
_RARER = 1.0  # zipf: how much rarer than its -en plural a singular may be
_OPEN_SYLLABLE = re.compile(r"([bcdfghjklmnpqrstvwxz])([aeou])([bcdfgklmnprstvz])$")
_VOWELS = re.compile(r"[aeiouyàáâäèéêëïíîóôöúûü]+")
# -en after a voiced consonant that is voiceless in the singular: 'adviezen', 'brieven'
_DEVOICED = {"z": "s", "v": "f"}
# Plurals no ending rule finds; a compound with one as its head is plural too ('kamerleden'),
# a word that only ends like one is not ('geleden', 'verleden')
_IRREGULAR = frozenset({"leden", "kinderen", "steden"})


def _singulars(word: str) -> list[tuple[str, bool]]:
    """What the word would be in the singular, for each plural ending it has, and whether that
    ending is -en (which also ends many singular words: 'leven', 'teken', 'keuken')."""
    found = []
    if word.endswith("'s") or word.endswith("’s"):
        found.append((word[:-2], False))  # "thema's", "zbo's"
    elif word.endswith("ies"):
        found += [(word[:-1], False), (word[:-3] + "y", False)]  # "organisaties", "agencies"
    elif (
        word.endswith("s")
        and _S_PLURAL_STEM.search(word[:-1])
        and len(_VOWELS.findall(word[:-1])) > 1  # 'les', 'wens' and 'reis' are singular
    ):
        found.append((word[:-1], False))  # "wetenschappers", "services"
    if word.endswith("en") and len(word) > 4:
        stem = word[:-2]
        found.append((stem, True))  # "meldpunten"
        if stem[-1] in _DEVOICED:
            found.append((stem[:-1] + _DEVOICED[stem[-1]], True))  # "adviezen", "brieven"
        if _DOUBLED.search(stem):
            found.append((stem[:-1], True))  # "wetten"
        if open_syllable := _OPEN_SYLLABLE.search(stem):
            at = open_syllable.start(3)
            found.append((stem[:at] + open_syllable.group(2) + stem[at:], True))  # "zaken"
    return found


def _plural_of(singular: str, word: str, en_ending: bool) -> bool:
    """Whether `word` is the plural of `singular`: a common word, and for -en one that is not
    much rarer than `word` itself ('lev' is no singular of 'leven'); a compound is the plural
    of its head ('actielijnen': 'lijnen')."""
    frequency = zipf_frequency(singular, "nl")
    if not en_ending:
        frequency = max(frequency, zipf_frequency(singular, "en"))
    if frequency >= MIN_ZIPF:
        return not en_ending or frequency >= zipf_frequency(word, "nl") - _RARER
    parts = compound_parts(singular)
    if not parts:
        return False
    head = parts[-1]
    return head != singular and is_plural(word[len(singular) - len(head) :])


@lru_cache(maxsize=4096)
def is_plural(noun: str) -> bool:
    """Whether the (lower-case) noun is a plural of a common word."""
    word = noun.lower()
    parts = compound_parts(word)
    if (parts[-1] if parts else word) in _IRREGULAR:
        return True
    return any(_plural_of(singular, word, en) for singular, en in _singulars(word))
