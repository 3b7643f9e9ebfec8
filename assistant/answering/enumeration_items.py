"""An enumeration's items: where they stand, how each is cleaned of its list punctuation, what
counts as an item's length and where a series' last item ends."""

from __future__ import annotations

import re
from dataclasses import dataclass

_SHORT_ITEM = 60  # items this short, without commas, read as "A, B en C"
# Words that end an item of a series: what comes before the first item or after the last.
BOUNDARY = frozenset(
    "met van voor door aan bij in op uit over tot naar om als zoals namelijk waaronder onder "
    "is zijn was waren heeft hebben wordt worden werd zal zullen kan kunnen moet moeten die dat "
    "welke wat wie waar hun zijn haar ook zelf elk alle beide tussen zonder tegen via per binnen "
    "buiten zowel bijvoorbeeld waarin the and or".split()
)
ARTICLES = frozenset({"het", "de", "een", "the"})
_NAME_WORD = r"(?:[A-Z][\w’'-]*|van|voor|der|de|en(?=\s[A-Z][a-z]))"  # a word of a name
_FOOTNOTE = re.compile(r"(?<=[a-zA-Z)])\d{1,2}$|[¹²³⁴⁵⁶⁷⁸⁹⁰]+$")


@dataclass(frozen=True)
class Enumeration:
    """Items a passage enumerates, and where the enumeration stands in it."""

    start: int
    end: int
    items: tuple[str, ...]

    @property
    def text(self) -> str:
        """The items as one phrase: "CAK, CIBG, CIZ en DUS-I"; long items apart with ';'."""
        if all(len(item) <= _SHORT_ITEM and "," not in item for item in self.items):
            return ", ".join(self.items[:-1]) + " en " + self.items[-1]
        return "; ".join(self.items)


def clean_item(item: str) -> str:
    """An item without its list punctuation ("…;", "… en"), footnote mark or second sentence."""
    item = re.split(r"(?<=[a-z)])\.\s", item.strip(), maxsplit=1)[0]
    item = re.sub(r"[\s;,.:]+(?:en|of)?$", "", item.strip()).strip(" ;,.:")
    return _FOOTNOTE.sub("", item).strip()


def content_words(words: list[str]) -> int:
    """How many words are not articles: what an item's length is measured in."""
    return sum(word.lower() not in ARTICLES for word in words)


def last_item(words: list[str], longest: int, names: bool) -> list[str]:
    """The first words after a series' "en" that belong to its last item (at most as long as
    the longest middle item; of names, only names)."""
    kept: list[str] = []
    for word in words:
        if word.lower() in BOUNDARY or content_words(kept) >= longest:
            break
        if names and kept and not re.match(_NAME_WORD, word):
            break
        kept.append(word.rstrip(".,;:"))
        if word[-1] in ".,;:":
            break
    return kept
