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
from dataclasses import dataclass
from typing import Any

from assistant.answering.document_descriptions import (
    DOCUMENT_NOUN,
    WORD,
    Description,
    Resolve,
    apart,
    describe,
    description_spans,
    distinct,
    without,
)
from assistant.answering.document_questions import asked_field, cited_for
from assistant.plan import QuestionPlan, named_years
from assistant.question import content_terms
from vectorstore.chunk_metadata import written_year
from vectorstore.focus import sentences

_I = re.IGNORECASE
# Between two descriptions of one enumeration: "zowel X als Y", "X en Y", "X respectievelijk Y".
_JOINED = re.compile(
    r"^[\s,]*(?:als|en|respectievelijk|of|and)\s+(?:(?:in|bij|volgens|van|door|onder)\s+)?$", _I
)
_COMPARES = re.compile(r"\b(?:zowel|respectievelijk|allebei|beide|verschil\w*|vergel\w*)\b", _I)
_CLAUSE_BREAK = re.compile(r",\s*(?:en|and)\s+|;\s*", _I)
# "die van Toeslagen" stands for a noun of its own clause ("de Stand van Toeslagen"), and leans
# on no other clause.
_ANAPHOR = re.compile(r"\b(?:dat|die|deze|dit|daar\w*|zulke|zo'n|hun)\b(?!\s+van\b)", _I)
_FEW_TERMS = 3
# A demonstrative before a document noun: "dat stuk", "die brief", "deze kabinetsreactie".
_POINTING = re.compile(
    r"\b(?:dat|die|deze|dit|that|this)\s+(?:[\w-]*(?:brief|nota|reactie|schrijven)|stuk|"
    r"document|kamerstuk|letter|memo|paper)\b",
    _I,
)


# The writer speaks of themselves: context about them, not a statement about the stukken.
_FIRST_PERSON = re.compile(r"\b(?:ik|we|wij|mijn|ons|onze|me|mij|i|my|our)\b", _I)


# "…, en is dat dezelfde bewindspersoon als van de BZK-brief?": the first clause's question
# asked again of another document
_SAME_AS = re.compile(
    r"\b(?:is|was|zijn|waren)\s+(?:dat|die|dit|het|hij|zij|ze)\s+(?:ook\s+)?"
    r"(?:de|het)?zelfde\b[^?]*\bals\b",
    _I,
)


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
    # A statement the question builds on ("Het kabinet wilde nieuwe wetten na een jaar toetsen.
    # Hoe staat BZK er eind 2022 voor?"): quoted from wherever the stukken say it.
    premise: bool = False


def _enumerates(text: str, descriptions: list[Description]) -> bool:
    """Whether the documents are asked about together: a comparison word, or two descriptions
    joined by "als", "en", "respectievelijk"."""
    if _COMPARES.search(text):
        return True
    return any(
        _JOINED.match(text[a.end : b.start])
        for a, b in zip(descriptions, descriptions[1:], strict=False)
    )


def _names_document(description: Description) -> bool:
    """Whether the description names the document by a document noun ("de BZK-brief"), not
    only by its sender ("bij VWS"), whose name says what the side is about too."""
    return any(DOCUMENT_NOUN.match(word) for word in WORD.findall(description.text))


def _in_document(text: str, descriptions: list[Description]) -> str:
    """What to look for inside a side's document: the text without the document nouns that
    chose it ("volgens de WaU-kabinetsreactie" matches only its title page there)."""
    return without(text, [d.text for d in descriptions if _names_document(d)]) or text


def _leans(clause: str, descriptions: list[Description]) -> bool:
    """Whether a clause leans on the rest of the question ("hoeveel meldingen kwamen daaruit",
    "om welke ging het") or says too little on its own."""
    own = content_terms(without(clause, [d.text for d in descriptions]))
    return len(own) < _FEW_TERMS or bool(_ANAPHOR.search(clause))


def _query(clause: str, others: list[str], descriptions: list[Description]) -> str:
    """What to look for in a side's document: the clause without the document nouns that chose
    it, with the rest of the question (but not its document descriptions) when it leans on it."""
    own = _in_document(clause, descriptions)
    if not _leans(clause, descriptions):
        return own
    texts = [d.text for d in descriptions]
    return " ".join([own, *(without(other, texts) for other in others)])


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


def _pointed_at(clause: str, text: str, descriptions: list[Description]) -> Description | None:
    """The document "dat stuk" / "die brief" in a sub-question points at: the one described last
    before it ("De VWS-nota verwijst naar de kabinetsreactie. Om welk Kamerstuk gaat het, en wie
    heeft dat stuk ondertekend?" asks who signed the kabinetsreactie)."""
    if not _POINTING.search(clause):
        return None
    at = text.find(clause)
    before = [d for d in descriptions if d.start < at]
    return before[-1] if at > 0 and before else None


def _another_year(clause: str, description: Description) -> bool:
    """Whether the clause names years and none is the year the described document was written
    (`written_year`: "welk verslag had het kabinet in 2021 al …" is not about the VWS-nota of
    2022 the rest of the question names)."""
    years, written = named_years(clause), written_year(description.document)
    return bool(years) and bool(written) and written not in years


def _repeats(asking: list[str], first: list[str]) -> bool:
    """Whether a gapped clause's words repeat the first clause's: its question word, then
    some of the words that follow it, in order ("wie onder" of "wie zette zijn handtekening
    onder", "welk de" of "welk kenmerk heeft de")."""
    if not asking or not first or asking[0] != first[0]:
        return False
    rest = iter(first[1:])
    return all(word in rest for word in asking[1:])


def _gap_filled(
    clause: str, first: str, abbreviations: frozenset[str], resolve: Resolve
) -> str | None:
    """A clause that leaves out the verb and field of the first one ("Wie ondertekende de
    POK-brief, en wie de BZK-brief?", "Welk kenmerk heeft de nota, en welk de brief?", "…, en is
    dat dezelfde als van de BZK-brief?"), with them filled in from the first: "Wie ondertekende
    de BZK-brief"; None for any other clause.
    Only when the first asks a field of a document, which the clause then asks of its own."""
    own, theirs = describe(clause, abbreviations, resolve), describe(first, abbreviations, resolve)
    if len(own) != 1 or len(theirs) != 1 or asked_field(clause) or not asked_field(first):
        return None
    before = clause[: own[0].start]
    asking = WORD.findall(before.lower())
    if not _repeats(asking, WORD.findall(first[: theirs[0].start].lower())) and not (
        _SAME_AS.search(before)
    ):
        return None  # "en wie de BZK-brief", "is dat dezelfde als bij de BZK-brief"
    asked_of = clause[own[0].start :].rstrip(" ?")
    return f"{first[: theirs[0].start]}{asked_of}{first[theirs[0].end :]}"


def _premised(plan: QuestionPlan, abbreviations: frozenset[str], resolve: Resolve) -> list[Side]:
    """A question about one document after a statement naming none ("In maart 2021 zou het
    kabinet een loket in kaart brengen. Wat was daarvan de stand in de POK-voortgangsbrief?"):
    the question put to its document, and the statement quoted from wherever the stukken say it;
    empty for any other question."""
    parts = sentences(plan.focus)
    if len(parts) < 2 or not parts[-1].endswith("?") or any(p.endswith("?") for p in parts[:-1]):
        return []
    statement, asked = " ".join(parts[:-1]), parts[-1]
    # the writer's introduction, which the focus leaves out ("Ik ben nieuw bij BZK en …")
    told = " ".join(s for s in sentences(plan.question) if not s.endswith("?"))
    if _FIRST_PERSON.search(told) or len(content_terms(statement)) < _FEW_TERMS:
        return []
    if description_spans(statement, abbreviations):
        return []
    own = distinct(describe(asked, abbreviations, resolve))  # resolving searches: checked last
    if len(own) != 1:
        return []
    named = own[0]
    leans = _leans(asked, own)
    query = _query(asked, [statement], own)
    return [
        Side(asked, query, named.document, named.text, leans),
        Side(statement, statement, None, "", premise=True),
    ]


def question_sides(
    plan: QuestionPlan, abbreviations: frozenset[str], resolve: Resolve
) -> list[Side]:
    """The sides of a question that needs several documents or several answers; empty for a
    question that one passage can answer."""
    text = plan.focus
    clauses = _clauses(plan)
    if cited_for(text) and len(named := distinct(describe(text, abbreviations, resolve))) == 1:
        # "Welk nummer geeft de BZK-brief voor het rapport …?": the number in that document
        return [Side(text, _in_document(text, named), named[0].document, named[0].text)]
    if not plan.sub_questions and (premised := _premised(plan, abbreviations, resolve)):
        return premised
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
            if n and (filled := _gap_filled(clause, clauses[0], abbreviations, resolve)):
                clause = filled
            own = distinct(describe(clause, abbreviations, resolve))
            query, leans = _query(clause, others, everywhere), _leans(clause, everywhere)
            if not own:  # about the one document the question names, or whatever was found
                only = distinct(everywhere)
                pointed = _pointed_at(clause, text, everywhere) if plan.sub_questions else None
                # the one document named later, in another clause, is that clause's: a clause
                # with a subject of its own before it is asked of whatever the stukken say
                at = text.find(clause)
                later = bool(only) and at >= 0 and only[0].start > at + len(clause)
                alone = later and not leans
                inherited = (
                    only[0]
                    if len(only) == 1 and not alone and not _another_year(clause, only[0])
                    else pointed
                )
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
    documents = distinct(everywhere)
    if len(documents) == 1:
        documents = distinct(apart(everywhere, resolve))
    if len(documents) > 1:
        query = _in_document(text, everywhere)
        return [Side(text, query, d.document, d.text) for d in documents]
    return []
