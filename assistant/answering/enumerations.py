"""Enumerations in a passage: the items a list question asks for.

The stukken name the things a "Welke vier organisaties …" asks for in four ways: a bulleted or
numbered list after a lead-in ending in ':' ("… opgesteld:" / "– Logius"), a series in one
sentence ("CAK, CIBG, CIZ en DUS-I hebben …"), two names joined by "en" ("het Centraal
Meldpunt Identiteitsfraude en het Meldpunt Fouten Overheidsregistraties"), or things each after
the same words ("in dilemmagesprekken, in trainingen, in managementsessies", see
`parallel_items`). Each item is a verbatim piece of the passage, so an answer that leads with
them quotes what it cites.
"""

from __future__ import annotations

import re
from functools import lru_cache

from assistant.answering.enumeration_items import (
    ARTICLES,
    BOUNDARY,
    Enumeration,
    clean_item,
    content_words,
    last_item,
)
from assistant.answering.list_questions import asks_for_items
from assistant.answering.parallel_items import parallel_pairs, parallel_series
from assistant.plan import QuestionPlan
from ingest.references import reference_spans
from vectorstore.text_analysis import terms

_BULLET = re.compile(r"^[ \t]*(?:[-–•·*]|\d{1,2}[.)]|[a-z][.)])[ \t]+(?P<item>\S.*)$", re.M)
_LONGEST_ITEM = 200  # a bullet longer than this (after its first sentence) is no list item
_UNCOUNTED_LEAST = 3  # items an enumeration needs to answer a list question without a number
PAIR = 2  # ... or, in the best quoted sentence when no quoted sentence lists more, two names
_BRACKETED_WORDS = 3  # words an item of a series in parentheses may have
_ARTICLE = r"(?:(?:het|de|een|the)\s+)?"
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
# "Coördinator tegen [Discriminatie en Racisme]": a pair that goes on a name begun before it
_NAME_GOES_ON = re.compile(r"[A-ZÀ-Þ][\w’'-]*\s+(?:(?:tegen|voor|van|der|den|op|in)\s+)?$")
_ARTICLE_FIRST = re.compile(r"(?:" + "|".join(sorted(ARTICLES)) + r")\s", re.IGNORECASE)


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
        items.append(clean_item(bullet.group("item")))
        start = start if len(items) > 1 else offset + line.start()
        end = offset + line.start() + len(line.group().rstrip())
    if len(items) >= 2 and all(0 < len(item) <= _LONGEST_ITEM for item in items):
        return Enumeration(start, end, tuple(items))
    return None


def _bulleted(text: str) -> list[Enumeration]:
    """Lists of at least two bulleted or numbered lines right after a line ending in ':'."""
    found = (item_lines(text, lead.end()) for lead in re.finditer(r":[ \t]*\n", text))
    return [enumeration for enumeration in found if enumeration]


def _first_item(words: list[str], longest: int) -> list[str]:
    """The last words before a series' first comma that belong to its first item (at most one
    word longer than the longest middle item, its article along)."""
    kept: list[str] = []
    for word in reversed(words):
        if word.lower() in BOUNDARY or word[-1] in ".!?":
            break
        if content_words(kept) > longest and word.lower() not in ARTICLES:
            break
        kept.insert(0, word)
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
        longest = max(content_words(m.split()) for m in middle)
        first = _first_item(parts[0].split(), longest)
        last = last_item(last_pair[1].split(), longest, names)
        if names:
            first = first[next((i for i, w in enumerate(first) if w[:1].isupper()), len(first)) :]
        if not first or not last:
            continue
        items = tuple(clean_item(i) for i in (" ".join(first), *middle, " ".join(last)))
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
        items = tuple(clean_item(item) for item in match["items"].split(","))
        # no numbers or linking words: "(zie bijlage 2, pagina 4)", "(samen met DPDC, DWJZ,
        # DCO)" refer or add, they do not enumerate
        if all(
            item
            and len(item.split()) <= _BRACKETED_WORDS
            and not re.search(r"\d", item)
            and not BOUNDARY & set(item.lower().split())
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
        items = (clean_item(match.group(1)), clean_item(match.group(2)))
        found.append(Enumeration(match.start(), match.end(), items))
    return found


def find_enumerations(text: str) -> list[Enumeration]:
    """Every enumeration in `text`, in order; one inside another is left out."""
    return list(_enumerations(text))


@lru_cache(maxsize=2048)
def _enumerations(text: str) -> tuple[Enumeration, ...]:
    """`find_enumerations`, read once per sentence: scoring, the lead and its pair check all
    ask for the same sentence's enumerations."""
    every = sorted(
        _bulleted(text)
        + _series(text)
        + _bracketed(text)
        + parallel_pairs(text)
        + parallel_series(text)
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
    return tuple(kept)


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
