"""False premises: a question that asserts a date, amount or Kamerstuk number the stukken give
differently.

"Klopt het dat de brief op 22 november 2022 naar de Kamer is gestuurd?", "De TCU kwam pas in
april 2021 met haar rapport, toch?", "Waarom is er blijvend 1,2 miljard opzij gezet?": the
asserted value is compared with the source's value for the same thing, at the precision the
question gives (a month and year is checked against month and year). The same thing is the
document's own date when the question is about sending or writing a document, otherwise the
retrieved sentence that best matches the rest of the question and holds a value of that kind.
A count is checked only when the question asks to confirm it ("… leverde toch 80 reacties op?"),
against a count of the same thing. The answer then starts with "Nee, dat klopt niet: volgens de
stukken …" (or "Ja, dat klopt: …"), the source's value cited to the passage that states it; the
asserted value itself is not repeated, so the citation guard can check every date and number in
the sentence. A Kamerstuk
number asserted for a described document ("De WaU-kabinetsreactie is toch Kamerstuk 29 362,
nr. 318?") is compared with that document's own number from its metadata: "Nee, dat klopt niet:
dit is Kamerstuk 29 362, nr. 290, 5 maart 2021 [1]." (or "dit is geen Kamerstuk; …").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from assistant.answering.answerer import AnswerRequest
from assistant.answering.citations import Citations
from assistant.answering.document_descriptions import description_spans
from assistant.answering.document_facts import DocumentFacts
from assistant.answering.document_questions import DocumentField
from assistant.answering.number_words import word_value
from assistant.answering.numbered_names import names_another, numbered
from assistant.sentence_scoring import candidates, question_similarity
from assistant.sentences import Passage
from ingest.dates import MONTHS, format_dutch_date
from ingest.references import find_references, strip_references
from vectorstore.focus import sentences
from vectorstore.policy_words import same_thing
from vectorstore.query_analysis import ASKS_DATE
from vectorstore.search import HybridSearcher
from vectorstore.text_analysis import terms

_MONTH = "|".join(MONTHS)
# A date at any precision: "22 november 2022", "14 februari", "april 2021"; a bare year is too
# loose to be a premise.
_DATE = re.compile(
    rf"\b(?:(?P<day>\d{{1,2}})\s+)?(?P<month>{_MONTH})(?:\s+(?P<year>(?:19|20)\d{{2}}))?\b",
    re.IGNORECASE,
)
_AMOUNT = re.compile(
    r"(?:€\s*)?(?P<number>\d+(?:[.,]\d+)*)\s*(?P<unit>miljard|miljoen|duizend|euro|procent|%)",
    re.IGNORECASE,
)
# Asking to confirm: "Klopt het dat …", "Is het juist dat …", "…, toch?", "…, nietwaar?"
_CONFIRM = re.compile(
    r"\b(?:klopt (?:het|dat)|is het (?:juist|waar|correct)|toch\b|nietwaar\b|right\?|"
    r"is that (?:right|correct)|"
    # "Kun je bevestigen dat …", "Zie ik dat goed?", "Is it correct that …"
    r"kunt?\s+(?:je|jij|u)\s+(?:dat\s+|het\s+)?bevestigen|is\s+dat\s+(?:zo|juist|waar|correct)\b|"
    r"(?:zie|heb)\s+ik\s+(?:dat|het)\s+(?:goed|juist)|is\s+it\s+(?:correct|true|right)\s+that|"
    r"can\s+you\s+confirm)",
    re.IGNORECASE,
)
# A document noun: "de brief", "de beslisnota", "het regeringsantwoord", "het stuk"
_NOUN = r"\b(?:\w*(?:brief|nota|reactie|antwoord)|stuk|kamerstuk|schrijven)\b"
_DOCUMENT_SENT = re.compile(
    _NOUN + r"[^?]*\b(?:gestuurd|stuurde|verstuurd|verzonden|gedateerd|dateert|geschreven|"
    r"ondertekend)\b|\b(?:gestuurd|stuurde|verstuurd|verzonden|gedateerd|dateert)\b[^?]*" + _NOUN,
    re.IGNORECASE,
)
# "Kamerstuk 29362-290 van 1 januari 2019", "De brief van de BZK-staatssecretaris over de Standen
# van RvIG en Logius is toch van 22 november 2022?": the document's own date.
_DOCUMENT_OF = re.compile(_NOUN + r"[^?]{0,100}\bvan\s*$", re.IGNORECASE)
# Share of the question's other words (idf-weighted) the compared sentence must contain:
# paraphrases ("begonnen" for "gestart") score low, so a lower bar would compare a value with
# one about something else, and wrongly contradict.
_MIN_COVERAGE = 0.3
_UNITS = {"miljard": 1e9, "miljoen": 1e6, "duizend": 1e3}
# A count asked to confirm: "toch 80 reacties", "zo'n 20.000 ouders" (not a month, year or unit).
_COUNT = re.compile(
    rf"(?<![\d.,])(?P<number>\d{{1,3}}(?:\.\d{{3}})*)\s+(?!(?:{_MONTH}|procent|euro|miljoen|"
    r"miljard|duizend|jaar|maanden|weken|dagen)\b)(?P<noun>[a-zà-ÿ]{3,})\b",
    re.IGNORECASE,
)
# A share in words is a percentage: "een kwart" 25 %, "zeven op de tien" 70 %.
_SHARE = re.compile(
    r"\b(?P<part>een|één|twee|drie|vier|vijf|zes|zeven|acht|negen)\s+op\s+de\s+"
    r"(?P<whole>drie|vier|vijf|tien|honderd)\b",
    re.IGNORECASE,
)
_FRACTIONS = {"helft": 50.0, "derde": 100 / 3, "kwart": 25.0}
# "een derde", "de helft"; not "de derde actie"
_FRACTION = re.compile(
    r"\b(?:een|één)\s+(?P<fraction>helft|derde|kwart)\b|\bde\s+(?P<half>helft)\b", re.IGNORECASE
)


@dataclass(frozen=True)
class Value:
    """A date (day, month, year; what is unknown is None) or an amount (number, unit; a
    count's unit is the stem of what it counts)."""

    kind: str  # "date" or "amount"
    text: str
    parts: tuple[object, ...]

    def agrees(self, other: Value) -> bool:
        """Whether `other` says the same where both are precise."""
        return all(a == b for a, b in zip(self.parts, other.parts, strict=True) if a and b)

    def comparable(self, other: Value) -> bool:
        """Whether both state at least one part in common (a month, a year; an amount in the
        same unit)."""
        if self.kind != other.kind or (
            # a count of "meldingen" compares with one of "reacties" (`same_thing`)
            self.kind == "amount" and not same_thing(str(self.parts[1]), str(other.parts[1]))
        ):
            return False
        return any(a and b for a, b in zip(self.parts, other.parts, strict=True))


def counts(text: str) -> list[Value]:
    """The counts `text` states with what they count ("70 reacties": 70 of "reactie")."""
    return [
        Value("amount", " ".join(m.group().split()), (float(m["number"].replace(".", "")), stem))
        for m in _COUNT.finditer(text)
        for stem in terms(m["noun"])[:1]
    ]


def values(text: str) -> list[Value]:
    """The dates (with at least a month), amounts with a unit and shares in words ("een kwart",
    "zeven op de tien": percentages) that `text` states, in the order it states them."""
    found: list[tuple[int, Value]] = []
    for m in _DATE.finditer(text):
        day = int(m["day"]) if m["day"] else None
        parts = (day, MONTHS[m["month"].lower()], m["year"])
        found.append((m.start(), Value("date", " ".join(m.group().split()), parts)))
    for m in _SHARE.finditer(text):
        part, whole = (word_value(m[g].lower().replace("é", "e")) or 0 for g in ("part", "whole"))
        share = Value("amount", " ".join(m.group().split()), (100 * part / whole, "procent"))
        found.append((m.start(), share))
    for m in _FRACTION.finditer(text):
        percent = _FRACTIONS[(m["fraction"] or m["half"]).lower()]
        found.append(
            (m.start(), Value("amount", " ".join(m.group().split()), (percent, "procent")))
        )
    for m in _AMOUNT.finditer(text):
        number = float(m["number"].replace(".", "").replace(",", "."))
        unit = m["unit"].lower().replace("%", "procent")
        scale = _UNITS.get(unit)
        parts = (number * scale, "euro") if scale else (number, unit)
        found.append((m.start(), Value("amount", " ".join(m.group().split()), parts)))
    return [value for _, value in sorted(found, key=lambda item: item[0])]


def _told_dates(question: str) -> list[Value]:
    """The dates a message states in a sentence that asks nothing, before its question ("Het
    kabinet is in juni 2018 begonnen met WaU. Welk bureau deed de analyse?"): a premise as
    much as one asked to confirm."""
    told = [s for s in sentences(question) if not s.rstrip().endswith("?")]
    return [v for sentence in told for v in values(sentence) if v.kind == "date"]


def _confirmed(question: str) -> str:
    """The sentences of a message that ask to confirm something ("… leverde toch 80 reacties
    op?"); the whole message when none does."""
    asking = [s for s in sentences(question) if _CONFIRM.search(s)]
    return " ".join(asking) or question


def asked_part(question: str) -> str:
    """The sentences of a message that ask something other than to confirm what it states
    ("Welk bureau deed de analyse?" of "Het kabinet is in juni 2018 begonnen met WaU. Welk
    bureau deed de analyse?"); the whole message when there are none."""
    asked = [s for s in sentences(question) if s.rstrip().endswith("?") and not _CONFIRM.search(s)]
    return " ".join(asked) or question


class PremiseCheck:
    """Checks the values a question asserts against the stukken."""

    def __init__(self, searcher: HybridSearcher, facts: DocumentFacts) -> None:
        self.searcher = searcher
        self.facts = facts

    def sentence(self, request: AnswerRequest, citations: Citations) -> str | None:
        """ "Nee, dat klopt niet: volgens de stukken …" / "Ja, dat klopt: …" with its [n], or None
        when the question asserts nothing the stukken give a value for."""
        question = request.question
        confirm = bool(_CONFIRM.search(question))
        if confirm and (numbered := self._kamerstuk(request, citations)):
            return numbered
        asserted = [v for v in values(question) if confirm or v.kind == "amount"]
        if confirm and not asserted:  # "… 90 meldingen opleverde. Kun je dat bevestigen?"
            asserted = counts(_confirmed(question)) or counts(question)
        if not asserted or (ASKS_DATE.search(question) and not confirm):
            asserted = _told_dates(question)
        if not asserted:
            return None
        claim = asserted[0]
        found = self._document_date(request, claim) or self._stated(request, claim)
        if found is None:
            return None
        source, passage = found
        agrees = claim.agrees(source)
        if agrees and not confirm:  # a confirmed value is worth saying only when asked
            return None
        n = citations.number(passage)
        if agrees:
            return f"Ja, dat klopt: volgens de stukken is dat {source.text} [{n}]."
        opening = "Nee, dat klopt niet" if confirm else "Let op"
        return f"{opening}: volgens de stukken is dat {source.text} [{n}]."

    def _kamerstuk(self, request: AnswerRequest, citations: Citations) -> str | None:
        """ "Klopt het dat de WaU-kabinetsreactie Kamerstuk 29 362, nr. 318 is?": the Kamerstuk
        number of the document the rest of the question describes (or that it is none), from
        its metadata and cited to the line that prints it; None when the question asserts no
        Kamerstuk or describes no document."""
        asserted = find_references(request.question, include_bare=True)
        described = strip_references(request.question)
        if not asserted or not description_spans(described, frozenset()):
            return None
        result = request.result  # the asserted number must not choose the document itself
        unnamed = replace(result, hints=replace(result.hints, documents=frozenset()))
        document = self.facts.target(described, unnamed)
        if document is None:
            return None
        fact = self.facts.fact(DocumentField.KAMERSTUK, document, request.question)
        if fact is None:
            return None
        opening = (
            "Ja, dat klopt"
            if document.get("kamerstuk") == asserted[0].normalized
            else "Nee, dat klopt niet"
        )
        n = citations.number(fact.passages[0])
        return f"{opening}: {fact.lead[:1].lower()}{fact.lead[1:]} [{n}]."

    def _document_date(self, request: AnswerRequest, claim: Value) -> tuple[Value, Passage] | None:
        """The document's own date, for a date asserted about sending or writing it."""
        question = request.question
        before = question[: question.find(claim.text)]
        if claim.kind != "date" or not (
            _DOCUMENT_SENT.search(question) or _DOCUMENT_OF.search(before)
        ):
            return None
        document = self.facts.target(request.question, request.result)
        written = (
            format_dutch_date(str(document["date"])) if document and document["date"] else None
        )
        head = self.searcher.dated_head(str(document["doc_id"])) if written and document else None
        if head is None or written is None:
            return None
        start = head.text.find(written)
        return values(written)[0], Passage(head, start, start + len(written))

    def _stated(self, request: AnswerRequest, claim: Value) -> tuple[Value, Passage] | None:
        """The value of the claim's kind in the retrieved sentence that best matches the rest
        of the question, when it matches well enough."""
        rest = _CONFIRM.sub(" ", request.question.replace(claim.text, " ")).replace("-", " ")
        result = request.result
        similarity = question_similarity(
            self.searcher.store.backend.embeddings, result.sentence_vector
        )
        scored = candidates(rest, result.chunks, self.searcher.lexical.idf, similarity)
        ranked = sorted(scored, key=lambda c: -c.score)
        asked = numbered(rest)
        for candidate in ranked:
            if candidate.coverage < _MIN_COVERAGE or names_another(asked, candidate.passage.text):
                continue
            stated = [
                v
                for v in [*values(candidate.passage.text), *counts(candidate.passage.text)]
                if claim.comparable(v)
            ]
            if stated:
                agreeing = next((v for v in stated if claim.agrees(v)), stated[0])
                return agreeing, candidate.passage
        return None
