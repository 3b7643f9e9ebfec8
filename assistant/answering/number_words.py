"""Dutch numbers written as words ("zeventig", "vijfentwintig", "tientallen"): a pattern that
finds them in a sentence and their values."""

from __future__ import annotations

import re

# Dutch number words: the units, the teens, the tens (with a unit before them: "vijfentwintig")
# and hundreds and thousands; not any word ending in -tig ("stelselmatig", "doelmatig").
_UNITS = ("een", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen")
_TEENS = ("tien", "elf", "twaalf", "dertien", "veertien", "vijftien", "zestien", "zeventien")
_TEN_WORDS = (
    "twintig",
    "dertig",
    "veertig",
    "vijftig",
    "zestig",
    "zeventig",
    "tachtig",
    "negentig",
)
_UNIT = "(?:" + "|".join(_UNITS) + ")"
_TENS = "(?:" + "|".join(_TEN_WORDS) + ")"
WORD_NUMBER = (
    r"(?:(?:" + _UNIT + r"[eë]n)?" + _TENS + r"|(?:der|veer|vijf|zes|zeven|acht|negen)?tien|"
    r"(?:" + _UNIT + r"|" + _TENS + r"|tien)?(?:honderd|duizend)|"
    r"twee|drie|vier|vijf|zes|zeven|acht|negen|elf|twaalf|tientallen|honderden|duizenden|"
    r"enkele|meerdere)"
)

_WORD_VALUES = {
    **{word: n for n, word in enumerate(_UNITS, 1)},
    **{word: n for n, word in enumerate(_TEENS, 10)},
    "achttien": 18,
    "negentien": 19,
    **{word: 10 * n for n, word in enumerate(_TEN_WORDS, 2)},
    "honderd": 100,
    "duizend": 1000,
}
# "vijfentwintig": a unit, "en", and a ten (or a hundred or thousand, as before).
_UNIT_AND_TENS = re.compile(f"({'|'.join(_UNITS)})[eë]n({'|'.join(_TEN_WORDS)}|honderd|duizend)")


def word_value(word: str) -> int | None:
    """The value of a Dutch number word ("zeventig" 70, "vijfentwintig" 25); None otherwise."""
    word = word.lower()
    joined = _UNIT_AND_TENS.fullmatch(word)
    if joined:
        return _WORD_VALUES[joined[1]] + _WORD_VALUES[joined[2]]
    return _WORD_VALUES.get(word)
