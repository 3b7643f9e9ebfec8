"""Where a question describes a document, and which stored document each description means:
a document noun with what qualifies it ("de brief over WaU fase 2", "het schrijven van september
2020", "de BZK-brief") or a sender's abbreviation ("bij VWS", "de BZK-staatssecretaris");
`document_target` decides which stored document a description means. What a document gives a
number for ("voor de kabinetsreactie op WaU") is cited by it, not described.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from assistant.answering.document_questions import cited_for
from assistant.answering.enumeration_items import ARTICLES
from assistant.answering.list_questions import PREPOSITIONS
from vectorstore.organisations import name_mentions
from vectorstore.text_analysis import terms

_I = re.IGNORECASE
# "de twee Koolmees-brieven", "beide stukken": several documents under one description
_PLURAL_NOUN = (
    r"^[\wÀ-ÿ-]*(?:brieven|nota's|nota’s|reacties|kamerstukken|antwoorden)$|^stukken$|"
    r"^documenten$|^[\w-]*(?:letters|memos|responses)$"
)
_PLURAL = re.compile(_PLURAL_NOUN, _I)
_HOW_MANY = {
    "twee": 2,
    "beide": 2,
    "allebei": 2,
    "drie": 3,
    "vier": 4,
    "vijf": 5,
    "both": 2,
    "two": 2,
    "three": 3,
    "four": 4,
    "2": 2,
    "3": 3,
    "4": 4,
    "5": 5,
}
WORD = re.compile(r"[\wÀ-ÿ'’-]+|[,;?]")
DOCUMENT_NOUN = re.compile(
    r"^[\wÀ-ÿ-]*(?:brief|nota|reactie|schrijven|kamerstuk|antwoord)$|^stuk$|^document$|"
    r"^[\w-]*(?:letter|memo|response)$|"  # English: "the VWS memo", "the progress letter"
    + _PLURAL_NOUN,
    _I,
)
_GENERIC = frozenset(
    "brief kamerbrief nota beslisnota reactie kabinetsreactie schrijven stuk document "
    "kamerstuk antwoord regeringsantwoord kabinetsantwoord letter memo response".split()
)
# Words that place a document only against another ("de latere kabinetsreactie", "hetzelfde
# stuk") or say only what kind of text it is ("de formele kabinetsreactie", "de officiële
# brief"): they say no more about which one it is than "de kabinetsreactie" does.
_RELATIVE = frozenset(
    "latere eerdere vorige volgende laatste recente nieuwere oudere genoemde bedoelde zelfde "
    "dezelfde hetzelfde andere later earlier previous same other "
    "formele officiële officiele schriftelijke definitieve uiteindelijke eigenlijke "
    "formal official written final".split()
)
_QUALIFIER = frozenset("over op van inzake uit aan bij of on about from".split())
_DETERMINERS = frozenset("de het die dat zijn haar hun the".split())
# A possessive before a document noun stands for its article ("Koolmees' brief", "zijn brief").
_POSSESSIVE = re.compile(r"^(?:\w+(?:'s?|’s?)|zijn|haar|hun)$", re.IGNORECASE)
_STOP = frozenset(
    "als en of volgens zowel respectievelijk in bij binnen voor met door , ; ? is zijn was "
    "wordt worden heeft hebben noemt staat and or both according to "
    # the verb of the clause ends the description: "De kabinetsreactie op WaU introduceert …"
    "introduceert geeft stelt beschrijft meldt zegt schrijft kondigt vraagt wil wilde gaat kwam "
    "bevat legt maakt".split()
)
_MOST_QUALIFIER_WORDS = 5
_YEAR = re.compile(r"(?:19|20)\d{2}")
_MOST_MODIFIERS = 3  # words between the article and the noun ("de fase 2-brief")

# A description -> the document it means, among the stored documents but those excluded.
Resolve = Callable[[str, frozenset[str]], "dict[str, Any] | None"]


@dataclass(frozen=True)
class Description:
    """Words of the question that name one document, and the document they mean."""

    text: str
    start: int
    end: int
    document: dict[str, Any]

    @property
    def doc_id(self) -> str:
        return str(self.document["doc_id"])


def _specific(text: str) -> bool:
    """Whether a description says more than "de brief": a name, a subject, a date."""
    words = [w for w in re.split(r"[\s-]+", text.lower()) if w]
    return any(w not in _GENERIC and w not in _DETERMINERS and w not in _RELATIVE for w in words)


def _article(tokens: list[re.Match[str]], noun: int) -> int:
    """Where the description of the document noun at `noun` starts: at its article, with the
    words between them that qualify the noun ("de fase 2-brief", "de eerste brief"); at the
    noun itself without an article close before it."""
    for before in range(noun - 1, max(noun - 1 - _MOST_MODIFIERS, -1) - 1, -1):
        word = tokens[before].group().lower()
        if word in ("de", "het", "the") or _POSSESSIVE.match(word):
            return before
        if word in _STOP or word in _QUALIFIER:
            break
    return noun


# Words after which an article continues the qualifier ("over de …", "van het …").
_PREPOSITIONS = _QUALIFIER | PREPOSITIONS | frozenset("tot na om to for with".split())


def _opens_phrase(word: str, before: str) -> bool:
    """Whether `word` opens a new noun phrase after a qualifier's phrase ended with `before`:
    an article that follows no preposition ("de brief over de POK-maatregelen een eerste
    Stand": "een" is the next phrase, not part of the description)."""
    return word.lower() in ARTICLES and before.lower() not in _PREPOSITIONS


def description_spans(
    text: str, abbreviations: frozenset[str], generic: bool = False
) -> list[tuple[int, int]]:
    """Spans of `text` that describe a document: a document noun with its article and what
    qualifies it ("de brief over WaU fase 2"), or a word holding a sender's abbreviation; with
    `generic`, also a document noun that says only which kind ("het regeringsantwoord")."""
    tokens = list(WORD.finditer(text))
    spans: list[tuple[int, int]] = []
    i = 0
    while i < len(tokens):
        word = tokens[i].group()
        parts = set(word.split("-"))
        if DOCUMENT_NOUN.match(word) and (not _PLURAL.match(word) or _counted(tokens, i)):
            start = tokens[_article(tokens, i)].start()
            end, j = tokens[i].end(), i + 1
            if j < len(tokens) and tokens[j].group().lower() in _QUALIFIER:
                taken = 0
                while j + 1 < len(tokens) and taken < _MOST_QUALIFIER_WORDS:
                    following = tokens[j + 1].group()
                    if following.lower() in _STOP or re.search(
                        r"[.!?]\s", text[tokens[j].end() : tokens[j + 1].start() + 1]
                    ):
                        break  # a description ends with its sentence
                    if taken and _opens_phrase(following, tokens[j].group()):
                        break  # "de brief over de POK-maatregelen | een eerste Stand …"
                    end, j, taken = tokens[j + 1].end(), j + 1, taken + 1
                    if _YEAR.fullmatch(following):
                        break  # "de brief van (december) 2022" is complete
            if _specific(text[start:end]) or (generic and start < tokens[i].start()):
                spans.append((start, end))
            i = j
            continue
        if parts & abbreviations:
            spans.append((tokens[i].start(), tokens[i].end()))
        i += 1
    # a sender by another of its names: "bij Binnenlandse Zaken", "het zorgministerie"
    named = [span for acronym in abbreviations for span in name_mentions(text, acronym)]
    spans += [(a, b) for a, b in named if not any(a < e and s < b for s, e in spans)]
    return sorted(spans)


def describe(
    text: str, abbreviations: frozenset[str], resolve: Resolve, generic: bool = False
) -> list[Description]:
    """The document descriptions in `text`, each with the document it means; not what a
    document gives a number for ("… voor de kabinetsreactie op 'Ongekend onrecht'")."""
    found = []
    cited = cited_for(text)
    spans = [
        (start, end)
        for start, end in description_spans(text, abbreviations, generic)
        if cited is None or end <= cited[0] or start >= cited[1]
    ]
    rest = without(text, [text[start:end] for start, end in spans])
    for start, end in spans:
        # a description naming only a kind ("het regeringsantwoord daarop") is read with the
        # rest of the question, which says what the document answers or is about
        words = text[start:end] if _specific(text[start:end]) else f"{text[start:end]} {rest}"
        several = _how_many(text, start, end)
        words = f"{text[start:end]} {rest}" if several > 1 else words
        taken: frozenset[str] = frozenset()
        for _ in range(max(several, 1)):
            document = resolve(words, taken)
            if document is None:
                break
            found.append(Description(text[start:end], start, end, document))
            taken |= {str(document["doc_id"])}
    return found


def _counted(tokens: list[re.Match[str]], noun: int) -> int:
    """How many documents the plural noun at `noun` counts ("de twee Koolmees-brieven"); 0
    without a count: "beslisnota's" in general describe no documents."""
    before = [t.group().lower() for t in tokens[max(noun - 3, 0) : noun]]
    return next((_HOW_MANY[w] for w in reversed(before) if w in _HOW_MANY), 0)


def _how_many(text: str, start: int, end: int) -> int:
    """How many documents a description in the plural counts ("de twee Koolmees-brieven",
    "Koolmees heeft twee brieven …"); 0 for one in the singular or without a count."""
    tokens = list(WORD.finditer(text))
    nouns = [
        i for i, t in enumerate(tokens) if start <= t.start() < end and _PLURAL.match(t.group())
    ]
    return _counted(tokens, nouns[0]) if nouns else 0


def named_documents(
    text: str, abbreviations: frozenset[str], resolve: Resolve
) -> list[dict[str, Any]]:
    """The distinct documents `text` describes, in its order, also those it names by their kind
    only ("het regeringsantwoord"); descriptions that all mean one document are taken apart as in
    an enumeration."""
    described = describe(text, abbreviations, resolve, generic=True)
    documents = distinct(described)
    if len(documents) == 1 and len(described) > 1:
        documents = distinct(apart(described, resolve))
    return [d.document for d in documents]


def distinct(descriptions: list[Description]) -> list[Description]:
    """One description per document, in the order of the question."""
    seen: dict[str, Description] = {}
    for description in descriptions:
        seen.setdefault(description.doc_id, description)
    return list(seen.values())


def _title_terms_shared(description: Description) -> int:
    """How many of the description's words the title of its document holds."""
    title = set(terms(str(description.document.get("title") or "").replace("-", " ")))
    return len(set(terms(description.text.replace("-", " "))) & title)


def apart(descriptions: list[Description], resolve: Resolve) -> list[Description]:
    """Descriptions that an enumeration joins ("zowel de brief over WaU fase 2 als de
    kabinetsreactie op WaU") name different documents: when all mean the same one, it stays
    with the description whose words its title holds most, and each other description means
    the best document besides those already taken."""
    keeper = max(descriptions, key=_title_terms_shared)  # the first of equals
    taken = {keeper.doc_id}
    apart = []
    for description in descriptions:
        if description is not keeper:
            other = resolve(description.text, frozenset(taken))
            if other is None:
                continue
            description = Description(description.text, description.start, description.end, other)
            taken.add(description.doc_id)
        apart.append(description)
    return apart


def without(text: str, descriptions: list[str]) -> str:
    for description in descriptions:
        text = text.replace(description, " ")
    return re.sub(r"\s+", " ", text).strip()
