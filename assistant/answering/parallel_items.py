"""Things a sentence lists by repeating the words before each: "het instellen van een A en
het instellen van een B", "in dilemmagesprekken, in trainingen, in managementsessies". The
repetition marks where each item starts, however long the items are."""

from __future__ import annotations

import re

from assistant.answering.enumeration_items import (
    ARTICLES,
    BOUNDARY,
    Enumeration,
    clean_item,
    last_item,
)

_LEAST = 3  # items a series by repetition needs (two are a pair, see `parallel_pairs`)
# "het instellen van een A en het instellen van een B": the same two to four words before each
_REPEATED_LEAD = re.compile(
    r"\b(?P<lead>(?:het|de|een|in|met|voor|door|op)\s+(?:[\w-]+\s+){1,3})"
    r"(?P<a>[^,;:.]{2,80}?)\s+en\s+(?P=lead)(?P<b>[^,;:.]{2,120})",
    re.IGNORECASE,
)
_OFFICE = re.compile(r"\b(?:minister\w*|staatssecretaris\w*)\b", re.IGNORECASE)
# Words after a series' last item that go on with the clause ("… in samenhang kunnen bijdragen")
_CLAUSE_GOES_ON = frozenset(
    "die dat om te is zijn was waren wordt worden werd kan kunnen zal zullen moet moeten heeft "
    "hebben gaat gaan".split()
)
_SERIES_LEADS = ("het", "de", "in", "met", "door", "voor", "via")
_LONGEST_PARALLEL = 6  # words of the second item after its repeated lead


def parallel_pairs(text: str) -> list[Enumeration]:
    """Two things each after the same words ("het instellen van een Nationaal Coördinator … en
    het instellen van een Staatscommissie die …"): the repeated words join them as a pair."""
    found = []
    for match in _REPEATED_LEAD.finditer(text):
        last = last_item(match["b"].split(), _LONGEST_PARALLEL, names=False)
        if not last or not match["a"].strip() or _OFFICE.search(match["lead"]):
            continue  # "de Staatssecretaris van …": office holders' titles, each one ministry
        end = match.start("b") + len(" ".join(last))
        items = (clean_item(match["a"]), clean_item(" ".join(last)))
        found.append(Enumeration(match.start("a"), end, items))
    return found


def parallel_series(text: str) -> list[Enumeration]:
    """Three or more things each opened by the same word, apart by commas ("in
    dilemmagesprekken, in trainingen, in managementsessies"; "het ontwikkelen van …, het
    stimuleren van … en het verbreden van …"): the repetition marks the items, however long."""
    found = []
    for word in _SERIES_LEADS:
        starts = [m.end() for m in re.finditer(rf"(?<![\w-]){word}\s", text)]
        chain: list[int] = []
        for start in [*starts, len(text) + 1]:
            link = text[chain[-1] : start - len(word) - 1] if chain else ""
            if chain and start <= len(text) and re.fullmatch(r"[^,;:.()]+(?:,|\s+en)\s+", link):
                chain.append(start)
                continue
            if len(chain) >= _LEAST:
                found.append(_series_of(text, word, chain))
            chain = [start]
    return [enumeration for enumeration in found if enumeration]


def _series_of(text: str, word: str, starts: list[int]) -> Enumeration | None:
    """The items that start at `starts` (after `word`), the last one as long as the longest."""
    items = [
        re.sub(r"(?:,|\s+en)\s+$", "", text[a : b - len(word) - 1])
        for a, b in zip(starts, starts[1:], strict=False)
    ]
    longest = max(len(item.split()) for item in items)
    last: list[str] = []
    for token in text[starts[-1] :].split()[: longest + 1]:
        if token.lower() in _CLAUSE_GOES_ON:
            break
        last.append(token.rstrip(".,;:"))
        if token[-1] in ".,;:":
            break
    while last and last[-1].lower() in BOUNDARY:
        last.pop()  # "het Meldpunt Fouten in": not a preposition at the end
    if not last:
        return None
    keep = word if word in ARTICLES else ""  # "het gemeentelijk loket"; not "in trainingen"
    named = [f"{keep} {item}".strip() for item in [*items, " ".join(last)]]
    start = starts[0] - (len(word) + 1 if keep else 0)
    return Enumeration(start, starts[-1] + len(" ".join(last)), tuple(clean_item(i) for i in named))
