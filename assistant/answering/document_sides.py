"""The sides of a question that needs several documents, or several answers: "… volgens zowel
de WaU-kabinetsreactie als de POK-voortgangsbrief?" asks one question of two documents; "Wanneer
… volgens de POK-voortgangsbrief …, en in welk jaar deed VWS dat?" has two clauses, each about
its own document; "Wie tekende de nota, en op welke datum?" has two sub-questions about whatever
the stukken say. A document is described by a document noun with what qualifies it ("de brief
over WaU fase 2", "het schrijven van september 2020", "de BZK-brief") or by a sender's
abbreviation ("bij VWS", "de BZK-staatssecretaris"); `document_target` decides which stored
document a description means.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from assistant.answering.document_questions import asked_field
from assistant.plan import QuestionPlan
from assistant.question import content_terms
from vectorstore.focus import sentences
from vectorstore.text_analysis import terms

_I = re.IGNORECASE
_WORD = re.compile(r"[\wÀ-ÿ'’-]+|[,;?]")
_DOCUMENT_NOUN = re.compile(
    r"^[\wÀ-ÿ-]*(?:brief|nota|reactie|schrijven|kamerstuk|antwoord)$|^stuk$|^document$", _I
)
_GENERIC = frozenset(
    "brief kamerbrief nota beslisnota reactie kabinetsreactie schrijven stuk document "
    "kamerstuk antwoord regeringsantwoord kabinetsantwoord".split()
)
_QUALIFIER = frozenset("over op van inzake uit aan bij".split())
_DETERMINERS = frozenset("de het die dat zijn haar hun".split())
# A possessive before a document noun stands for its article ("Koolmees' brief", "zijn brief").
_POSSESSIVE = re.compile(r"^(?:\w+(?:'s?|’s?)|zijn|haar|hun)$", re.IGNORECASE)
_STOP = frozenset(
    "als en of volgens zowel respectievelijk in bij binnen voor met door , ; ? is zijn was "
    "wordt worden heeft hebben noemt staat".split()
)
_MOST_QUALIFIER_WORDS = 5
_YEAR = re.compile(r"(?:19|20)\d{2}")
_MOST_MODIFIERS = 2  # words between the article and the noun ("de fase 2-brief")
# Between two descriptions of one enumeration: "zowel X als Y", "X en Y", "X respectievelijk Y".
_JOINED = re.compile(
    r"^[\s,]*(?:als|en|respectievelijk|of|and)\s+(?:(?:in|bij|volgens|van|door|onder)\s+)?$", _I
)
_COMPARES = re.compile(r"\b(?:zowel|respectievelijk|allebei|beide|verschil\w*|vergel\w*)\b", _I)
_CLAUSE_BREAK = re.compile(r",\s*en\s+|;\s*", _I)
_ANAPHOR = re.compile(r"\b(?:dat|die|deze|dit|daar\w*|zulke|zo'n|hun)\b", _I)
_FEW_TERMS = 3

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


@dataclass(frozen=True)
class Side:
    """One part of the answer: a question (a clause, or the whole question) put to one document
    (None: to whatever the search found)."""

    question: str
    # What is searched for in the document: the clause without the document nouns that chose
    # it, with the rest of the question when it leans on it.
    query: str
    document: dict[str, Any] | None
    description: str  # how the question names the document ("" without one)
    leans: bool = False  # read with the rest of the question ("…, en op welke datum?")
    inherited: bool = False  # the document is the one the rest of the question names


def _specific(text: str) -> bool:
    """Whether a description says more than "de brief": a name, a subject, a date."""
    words = [w for w in re.split(r"[\s-]+", text.lower()) if w]
    return any(w not in _GENERIC and w not in _DETERMINERS for w in words)


def _article(tokens: list[re.Match[str]], noun: int) -> int:
    """Where the description of the document noun at `noun` starts: at its article, with the
    words between them that qualify the noun ("de fase 2-brief", "de eerste brief"); at the
    noun itself without an article close before it."""
    for before in range(noun - 1, max(noun - 1 - _MOST_MODIFIERS, -1) - 1, -1):
        word = tokens[before].group().lower()
        if word in ("de", "het") or _POSSESSIVE.match(word):
            return before
        if word in _STOP or word in _QUALIFIER:
            break
    return noun


def description_spans(
    text: str, abbreviations: frozenset[str], generic: bool = False
) -> list[tuple[int, int]]:
    """Spans of `text` that describe a document: a document noun with its article and what
    qualifies it ("de brief over WaU fase 2"), or a word holding a sender's abbreviation; with
    `generic`, also a document noun that says only which kind ("het regeringsantwoord")."""
    tokens = list(_WORD.finditer(text))
    spans: list[tuple[int, int]] = []
    i = 0
    while i < len(tokens):
        word = tokens[i].group()
        parts = set(word.split("-"))
        if _DOCUMENT_NOUN.match(word):
            start = tokens[_article(tokens, i)].start()
            end, j = tokens[i].end(), i + 1
            if j < len(tokens) and tokens[j].group().lower() in _QUALIFIER:
                taken = 0
                while j + 1 < len(tokens) and taken < _MOST_QUALIFIER_WORDS:
                    following = tokens[j + 1].group()
                    if following.lower() in _STOP:
                        break
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
    return spans


def describe(
    text: str, abbreviations: frozenset[str], resolve: Resolve, generic: bool = False
) -> list[Description]:
    """The document descriptions in `text`, each with the document it means."""
    found = []
    spans = description_spans(text, abbreviations, generic)
    rest = _without(text, [text[start:end] for start, end in spans])
    for start, end in spans:
        # a description naming only a kind ("het regeringsantwoord daarop") is read with the
        # rest of the question, which says what the document answers or is about
        words = text[start:end] if _specific(text[start:end]) else f"{text[start:end]} {rest}"
        document = resolve(words, frozenset())
        if document is not None:
            found.append(Description(text[start:end], start, end, document))
    return found


def named_documents(
    text: str, abbreviations: frozenset[str], resolve: Resolve
) -> list[dict[str, Any]]:
    """The distinct documents `text` describes, in its order, also those it names by their kind
    only ("het regeringsantwoord"); descriptions that all mean one document are taken apart as in
    an enumeration."""
    described = describe(text, abbreviations, resolve, generic=True)
    distinct = _distinct(described)
    if len(distinct) == 1 and len(described) > 1:
        distinct = _distinct(_apart(described, resolve))
    return [d.document for d in distinct]


def _distinct(descriptions: list[Description]) -> list[Description]:
    """One description per document, in the order of the question."""
    seen: dict[str, Description] = {}
    for description in descriptions:
        seen.setdefault(description.doc_id, description)
    return list(seen.values())


def _title_terms_shared(description: Description) -> int:
    """How many of the description's words the title of its document holds."""
    title = set(terms(str(description.document.get("title") or "").replace("-", " ")))
    return len(set(terms(description.text.replace("-", " "))) & title)


def _apart(descriptions: list[Description], resolve: Resolve) -> list[Description]:
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


def _enumerates(text: str, descriptions: list[Description]) -> bool:
    """Whether the documents are asked about together: a comparison word, or two descriptions
    joined by "als", "en", "respectievelijk"."""
    if _COMPARES.search(text):
        return True
    return any(
        _JOINED.match(text[a.end : b.start])
        for a, b in zip(descriptions, descriptions[1:], strict=False)
    )


def _without(text: str, descriptions: list[str]) -> str:
    for description in descriptions:
        text = text.replace(description, " ")
    return re.sub(r"\s+", " ", text).strip()


def _names_document(description: Description) -> bool:
    """Whether the description names the document by a document noun ("de BZK-brief"), not
    only by its sender ("bij VWS"), whose name says what the side is about too."""
    return any(_DOCUMENT_NOUN.match(word) for word in _WORD.findall(description.text))


def _in_document(text: str, descriptions: list[Description]) -> str:
    """What to look for inside a side's document: the text without the document nouns that
    chose it ("volgens de WaU-kabinetsreactie" matches only its title page there)."""
    return _without(text, [d.text for d in descriptions if _names_document(d)]) or text


def _leans(clause: str, descriptions: list[Description]) -> bool:
    """Whether a clause leans on the rest of the question ("hoeveel meldingen kwamen daaruit",
    "om welke ging het") or says too little on its own."""
    own = content_terms(_without(clause, [d.text for d in descriptions]))
    return len(own) < _FEW_TERMS or bool(_ANAPHOR.search(clause))


def _query(clause: str, others: list[str], descriptions: list[Description]) -> str:
    """What to look for in a side's document: the clause without the document nouns that chose
    it, with the rest of the question (but not its document descriptions) when it leans on it."""
    own = _in_document(clause, descriptions)
    if not _leans(clause, descriptions):
        return own
    texts = [d.text for d in descriptions]
    return " ".join([own, *(_without(other, texts) for other in others)])


def _clauses(plan: QuestionPlan) -> list[str]:
    """The sub-questions of a conjunction, else the sentences and the clauses joined by ", en"
    or ";" ("De WaU-reactie wilde … toetsen. Hoe staat het daarmee bij BZK?" has two)."""
    if plan.sub_questions:
        return [sub.focus for sub in plan.sub_questions]
    return [
        c.strip(" ,;")
        for sentence in sentences(plan.focus)
        for c in _CLAUSE_BREAK.split(sentence)
        if len(c.split()) >= 3
    ]


def question_sides(
    plan: QuestionPlan, abbreviations: frozenset[str], resolve: Resolve
) -> list[Side]:
    """The sides of a question that needs several documents or several answers; empty for a
    question that one passage can answer."""
    text = plan.focus
    clauses = _clauses(plan)
    if len(description_spans(text, abbreviations)) < 2 and (
        not plan.sub_questions or asked_field(plan.question) is not None
    ):
        # One document at most: nothing to resolve; a field of it asked in two parts ("Van welke
        # bewindspersoon en welk departement kwam …") is one field, not two sub-questions.
        return []
    everywhere = describe(text, abbreviations, resolve)
    if len(clauses) > 1:
        sides: list[Side] = []
        for n, clause in enumerate(clauses):
            others = clauses[:n] + clauses[n + 1 :]
            own = _distinct(describe(clause, abbreviations, resolve))
            query, leans = _query(clause, others, everywhere), _leans(clause, everywhere)
            if not own:  # about the one document the question names, or whatever was found
                only = _distinct(everywhere)
                inherited = only[0] if len(only) == 1 else None
                document = inherited.document if inherited else None
                about = inherited.text if inherited else ""
                sides.append(Side(clause, query, document, about, leans, document is not None))
            sides += [Side(clause, query, d.document, d.text, leans) for d in own]
        named = {s.document["doc_id"] for s in sides if s.document is not None}
        every_clause_named = all(s.document is not None for s in sides)
        if plan.sub_questions or (every_clause_named and len(named) > 1):
            return sides
    if len(everywhere) < 2 or not _enumerates(text, everywhere):
        return []
    distinct = _distinct(everywhere)
    if len(distinct) == 1:
        distinct = _distinct(_apart(everywhere, resolve))
    if len(distinct) > 1:
        query = _in_document(text, everywhere)
        return [Side(text, query, d.document, d.text) for d in distinct]
    return []
