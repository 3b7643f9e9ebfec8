"""Enumerations in a passage: the items a list question asks for.

The stukken name the things a "Welke vier organisaties …" asks for in three ways: a bulleted or
numbered list after a lead-in ending in ':' ("… opgesteld:" / "– Logius"), a series in one
sentence ("CAK, CIBG, CIZ en DUS-I hebben …"), or two names joined by "en" ("het Centraal
Meldpunt Identiteitsfraude en het Meldpunt Fouten Overheidsregistraties"). Each item is a
verbatim piece of the passage, so an answer that leads with them quotes what it cites.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.answering.list_questions import asks_for_items
from assistant.plan import QuestionPlan
from ingest.references import reference_spans
from vectorstore.text_analysis import terms

_BULLET = re.compile(r"^[ \t]*(?:[-–•·*]|\d{1,2}[.)]|[a-z][.)])[ \t]+(?P<item>\S.*)$", re.M)
_LONGEST_ITEM = 200  # a bullet longer than this (after its first sentence) is no list item
_UNCOUNTED_LEAST = 3  # items an enumeration needs to answer a list question without a number
PAIR = 2  # ... or, in the best quoted sentence when no quoted sentence lists more, two names
_SHORT_ITEM = 60  # items this short, without commas, read as "A, B en C"
_BRACKETED_WORDS = 3  # words an item of a series in parentheses may have
# Words that end an item of a series: what comes before the first item or after the last.
_BOUNDARY = frozenset(
    "met van voor door aan bij in op uit over tot naar om als zoals namelijk waaronder onder "
    "is zijn was waren heeft hebben wordt worden werd zal zullen kan kunnen moet moeten die dat "
    "welke wat wie waar hun zijn haar ook zelf elk alle beide tussen zonder tegen via per binnen "
    "buiten zowel bijvoorbeeld waarin the and or".split()
)
_ARTICLES = frozenset({"het", "de", "een", "the"})
_ARTICLE = r"(?:(?:het|de|een|the)\s+)?"
_NAME_WORD = r"(?:[A-Z][\w’'-]*|van|voor|der|de|en(?=\s[A-Z][a-z]))"
# Two names joined by "en": each a run of capitalised words, perhaps with its article.
_NAME = _ARTICLE + r"[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,3}"
_NAME_PAIR = re.compile(r"(?<![\w’'-])(" + _NAME + r")\s+(?:en|and|of)\s+(" + _NAME + r")\b")
# "(eigenaar, opdrachtgever, opdrachtnemer)": a series in parentheses, commas only.
_BRACKETED = re.compile(r"\((?P<items>[^(),;:\n]{2,40}(?:,\s*[^(),;:\n]{2,40})+)\)")
_SERIES = re.compile(r"(?:[^,;:()\n]+,\s+)+[^,;:()\n]+?\s+(?:en|of|and|or)\s+[^,;:()\n.]+")
# "de Minister van Onderwijs, Cultuur en Wetenschap" names one ministry, not three things.
_MINISTRY_BEFORE = re.compile(
    r"\b(?:[Mm]inister(?:ie|s)?|[Ss]taatssecretaris(?:sen)?)\s+van\s+(?:de\s+|het\s+)?"
    r"(?:[A-Z][\w-]*,?\s+)*$"
)
_NAME_START = re.compile(r"[A-ZÀ-Þ]")
# "het instellen van een A en het instellen van een B": the same two to four words before each
_REPEATED_LEAD = re.compile(
    r"\b(?P<lead>(?:het|de|een|in|met|voor|door|op)\s+(?:[\w-]+\s+){1,3})"
    r"(?P<a>[^,;:.]{2,80}?)\s+en\s+(?P=lead)(?P<b>[^,;:.]{2,120})",
    re.IGNORECASE,
)
_OFFICE = re.compile(r"\b(?:minister\w*|staatssecretaris\w*)\b", re.IGNORECASE)
_LONGEST_PARALLEL = 6  # words of the second item after its repeated lead
# "Coördinator tegen [Discriminatie en Racisme]": a pair that goes on a name begun before it
_NAME_GOES_ON = re.compile(r"[A-ZÀ-Þ][\w’'-]*\s+(?:(?:tegen|voor|van|der|den|op|in)\s+)?$")
_ARTICLE_FIRST = re.compile(r"(?:de|het|een|the)\s", re.IGNORECASE)
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


def _clean(item: str) -> str:
    """An item without its list punctuation ("…;", "… en"), footnote mark or second sentence."""
    item = re.split(r"(?<=[a-z)])\.\s", item.strip(), maxsplit=1)[0]
    item = re.sub(r"[\s;,.:]+(?:en|of)?$", "", item.strip()).strip(" ;,.:")
    return _FOOTNOTE.sub("", item).strip()


def item_lines(text: str, offset: int = 0) -> Enumeration | None:
    """The bulleted or numbered lines that start at `offset` (blank lines between them allowed),
    each item up to its first sentence; None for fewer than two or an item too long to be one."""
    items, start, end = [], offset, offset
    for line in re.finditer(r"[^\n]*(?:\n|$)", text[offset:]):
        if not line.group().strip():
            if line.end() == line.start():
                break
            continue
        bullet = _BULLET.match(line.group().rstrip("\n"))
        if not bullet:
            break
        items.append(_clean(bullet.group("item")))
        start = start if len(items) > 1 else offset + line.start()
        end = offset + line.start() + len(line.group().rstrip())
    if len(items) >= 2 and all(0 < len(item) <= _LONGEST_ITEM for item in items):
        return Enumeration(start, end, tuple(items))
    return None


def _bulleted(text: str) -> list[Enumeration]:
    """Lists of at least two bulleted or numbered lines right after a line ending in ':'."""
    found = (item_lines(text, lead.end()) for lead in re.finditer(r":[ \t]*\n", text))
    return [enumeration for enumeration in found if enumeration]


def _content(words: list[str]) -> int:
    """How many words are not articles: what an item's length is measured in."""
    return sum(word.lower() not in _ARTICLES for word in words)


def _first_item(words: list[str], longest: int) -> list[str]:
    """The last words before a series' first comma that belong to its first item (at most one
    word longer than the longest middle item, its article along)."""
    kept: list[str] = []
    for word in reversed(words):
        if word.lower() in _BOUNDARY or word[-1] in ".!?":
            break
        if _content(kept) > longest and word.lower() not in _ARTICLES:
            break
        kept.insert(0, word)
    return kept


def _last_item(words: list[str], longest: int, names: bool) -> list[str]:
    """The first words after a series' "en" that belong to its last item (at most as long as
    the longest middle item; of names, only names)."""
    kept: list[str] = []
    for word in words:
        if word.lower() in _BOUNDARY or _content(kept) >= longest:
            break
        if names and kept and not re.match(_NAME_WORD, word):
            break
        kept.append(word.rstrip(".,;:"))
        if word[-1] in ".,;:":
            break
    return kept


def _series(text: str) -> list[Enumeration]:
    """ "A, B, C en D" in one sentence: at least three items, the middle ones short."""
    found = []
    for match in _SERIES.finditer(text):
        parts = [p.strip() for p in match.group().split(",")]
        last_pair = re.split(r"\s+(?:en|of|and|or)\s+", parts[-1], maxsplit=1)
        if len(last_pair) < 2:
            continue
        middle = [*parts[1:-1], last_pair[0]]
        if any(not m or len(m.split()) > 4 for m in middle):
            continue
        names = all(re.match(r"(?:(?:het|de)\s+)?[A-Z]", m) for m in middle)
        longest = max(_content(m.split()) for m in middle)
        first = _first_item(parts[0].split(), longest)
        last = _last_item(last_pair[1].split(), longest, names)
        if names:
            first = first[next((i for i, w in enumerate(first) if w[:1].isupper()), len(first)) :]
        if not first or not last:
            continue
        items = tuple(_clean(i) for i in (" ".join(first), *middle, " ".join(last)))
        opening = match.start() + len(match.group()) - len(match.group().lstrip())
        before = list(re.finditer(r"\S+", text[opening : opening + len(parts[0])]))
        tail = match.start() + len(match.group().rstrip()) - len(last_pair[1])
        after = list(re.finditer(r"\S+", text[tail : match.end()]))
        start = opening + before[-len(first)].start()
        if _MINISTRY_BEFORE.search(text[:start]):
            continue  # "het ministerie van Onderwijs, Cultuur en Wetenschap" is one ministry
        end = tail + after[len(last) - 1].start() + len(last[-1])
        found.append(Enumeration(start, end, items))
    return found


def _bracketed(text: str) -> list[Enumeration]:
    """A series in parentheses ("(eigenaar, opdrachtgever, opdrachtnemer)"), of short items."""
    found = []
    for match in _BRACKETED.finditer(text):
        items = tuple(_clean(item) for item in match["items"].split(","))
        # no numbers or linking words: "(zie bijlage 2, pagina 4)", "(samen met DPDC, DWJZ,
        # DCO)" refer or add, they do not enumerate
        if all(
            item
            and len(item.split()) <= _BRACKETED_WORDS
            and not re.search(r"\d", item)
            and not _BOUNDARY & set(item.lower().split())
            for item in items
        ):
            found.append(Enumeration(match.start("items"), match.end("items"), items))
    return found


def _name_pairs(text: str) -> list[Enumeration]:
    """Two names joined by "en" ("DigiD en MijnOverheid"), not at the sentence's start, nor the
    end of one name begun before them ("Nationaal Coördinator tegen Discriminatie en Racisme")."""
    found = []
    for match in _NAME_PAIR.finditer(text):
        before = text[: match.start()].rstrip()
        if (
            not before
            or before[-1] in ".!?:\n-–•"
            or _MINISTRY_BEFORE.search(text[: match.start()])
            or (_NAME_GOES_ON.search(text[: match.start()]) and not _ARTICLE_FIRST.match(match[1]))
        ):
            continue
        items = (_clean(match.group(1)), _clean(match.group(2)))
        found.append(Enumeration(match.start(), match.end(), items))
    return found


def _parallel_pairs(text: str) -> list[Enumeration]:
    """Two things each after the same words ("het instellen van een Nationaal Coördinator … en
    het instellen van een Staatscommissie die …"): the repeated words join them as a pair."""
    found = []
    for match in _REPEATED_LEAD.finditer(text):
        last = _last_item(match["b"].split(), _LONGEST_PARALLEL, names=False)
        if not last or not match["a"].strip() or _OFFICE.search(match["lead"]):
            continue  # "de Staatssecretaris van …": office holders' titles, each one ministry
        end = match.start("b") + len(" ".join(last))
        items = (_clean(match["a"]), _clean(" ".join(last)))
        found.append(Enumeration(match.start("a"), end, items))
    return found


def find_enumerations(text: str) -> list[Enumeration]:
    """Every enumeration in `text`, in order; one inside another is left out."""
    every = sorted(
        _bulleted(text)
        + _series(text)
        + _bracketed(text)
        + _parallel_pairs(text)
        + _name_pairs(text),
        key=lambda e: (e.start, -e.end),
    )
    # "Kamerstuk 26 643, nrs. 866 en 928" numbers two papers, it lists no things
    numbered = reference_spans(text)
    kept: list[Enumeration] = []
    for enumeration in every:
        inside = any(k.start <= enumeration.start and enumeration.end <= k.end for k in kept)
        if not inside and not any(
            a < enumeration.end and enumeration.start < b for a, b in numbered
        ):
            kept.append(enumeration)
    return kept


def _repeats_question(enumeration: Enumeration, plan: QuestionPlan) -> bool:
    """Whether every item is already named in the question ("Logius en RvIG")."""
    return all(
        set(terms(item)) and set(terms(item)) <= plan.focus_stems for item in enumeration.items
    )


def asked_enumeration(
    text: str, plan: QuestionPlan, least: int = _UNCOUNTED_LEAST
) -> Enumeration | None:
    """The enumeration that answers a list question: the first of as many items as it asks for
    that does not only repeat the question. A question that names no number takes one of at
    least `least` items: "SVB en UWV" is as often an example as the list asked for, so a pair
    answers only where no quoted sentence lists more (`PAIR`)."""
    if not asks_for_items(plan):
        return None
    for enumeration in find_enumerations(text):
        if plan.asks == "organisation" and not all(_NAME_START.match(i) for i in enumeration.items):
            continue  # organisations are named: "CAK, CIBG, CIZ en DUS-I", not "politici, …"
        size = len(enumeration.items)
        if size != plan.count if plan.count else size < least:
            continue
        if not _repeats_question(enumeration, plan):
            return enumeration
    return None
