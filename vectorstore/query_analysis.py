"""What a question says about where to look: Kamerstukken it names and dates it mentions.

"Wat staat er in kst-29362-290 over maatwerk?" names a stored document; "29632-290" is read as
the stored 29362-290 (one swapped digit); "de brief van december 2022" points at documents dated
in that month. The searcher boosts those documents; it never invents a document that is not stored.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field, replace
from datetime import date

from ingest.dates import ENGLISH_MONTHS, MONTHS
from ingest.references import KamerstukId, find_references
from vectorstore.catalog import DocumentCatalog
from vectorstore.chunk_metadata import written_year

# Questions also write "29362 318" or "29362/318" without "nr."; only accepted when the corpus
# knows that Kamerstuk (or one typo away from it), so ordinary numbers are never taken for one.
_LOOSE_KAMERSTUK = re.compile(r"(?<![\d/-])(?P<dossier>\d{2} ?\d{3})[ /](?P<nr>\d{1,4})\b")
# A date counts as the document's date only when the question ties it to a document: "de brief
# over X van december 2022", "welke nota uit 2021"; "wat gebeurde eind 2021" is about an event.
# A document noun, also inside a compound ("voortgangsbrief", "VWS-notitie").
_DOCUMENT_NOUN = re.compile(
    r"\b(?:[\w-]*(?:brief|brieven|nota|notitie|reactie|document)|stuk|stukken|kamerstuk|schrijven|"
    r"rapportage|letter|response)\b",
    re.IGNORECASE,
)
# "Van welke datum is Kamerstuk …?", "Van wanneer is de brief …?", "Welke datum hoort bij de
# kabinetsreactie?", "Welke datum draagt de nota?": the date of the document.
_DATE_OF = re.compile(
    r"\b(?:van welke datum|van wanneer|de datum van|what is the date of|welke datum (?:hoort bij|"
    r"draagt|staat (?:op|boven))|dagtekening)\b",
    re.IGNORECASE,
)
# "Wie stuurde Kamerstuk …?", "Welke minister ondertekende de brief …?", "Van wie is …?"
_ASKS_SENDER = re.compile(
    r"^\s*(?:wie|welke?\s+(?:minister|staatssecretaris|bewindspersoon|ministerie)|who)\b|"
    r"\bvan wie is\b|\bafzender\b",
    re.IGNORECASE,
)
_SENDER_VERB = re.compile(
    r"\b(?:ondertekende|ondertekend|signed|afzender|van wie is)\b", re.IGNORECASE
)
# "Welk Kamerstuknummer draagt …", "met welk kenmerk", "wie ondertekende": a question about the
# document itself (answered in its head or signature), not about what it says.
_DOCUMENT_FIELD = re.compile(
    r"\bwelke?\s+(?:kamerstuk\w*|kenmerk\w*|\w*dossier\w*|\w*commissie\w*|vergaderjaar|"
    r"parlementair\w*\s+jaar|d-code|nummer|referentie\w*)\b|"
    r"\b(?:ondertekend\w*|handtekening|afzender|betreft|dateert|gedateerd|signed|"
    r"which (?:document|kamerstuk)|reference number)\b",
    re.IGNORECASE,
)
_MONTH = "|".join([*MONTHS, *ENGLISH_MONTHS])
_DAY_MONTH_YEAR = (
    r"(?:(?P<day>\d{1,2})\s+(?=(?:" + _MONTH + r")\s))?"
    r"(?:(?P<month>" + _MONTH + r")\s+)?(?P<year>(?:19|20)\d{2})\b"
)
_DATED = re.compile(
    r"\b(?:van|uit|d\.d\.|gedateerd|of|from|dated)\s+" + _DAY_MONTH_YEAR, re.IGNORECASE
)
# English puts the date before the noun: "the December 2022 letter", "the 2020 letter".
_DATED_BEFORE_NOUN = re.compile(
    r"\bthe\s+" + _DAY_MONTH_YEAR + r"(?=\s+(?:[\w'’-]+\s+){0,2}?(?:letter|response|document|"
    r"paper|note|memo)\b)",
    re.IGNORECASE,
)
_NOUN_WINDOW = 80  # characters before the date in which the document noun must appear
# "Wanneer is de kabinetsreactie verstuurd?", "Op welke datum is de beslisnota opgesteld?":
# asks for a document's own date (printed in its head), not for an event the document mentions
# ("op welke dag wilde VWS de brief met de Kamer delen?").
ASKS_DATE = re.compile(r"\b(?:wanneer|welke datum|welke dag|datum|when|what date)\b", re.IGNORECASE)
_WRITTEN_OR_SENT = re.compile(
    r"\b(?:verstuurd|verzonden|verzond|gestuurd|stuurde|stuurden|opgesteld|geschreven|schreef|"
    r"gedateerd|ondertekend|gepubliceerd|verschenen|send|sent|written|dated|published)\b",
    re.IGNORECASE,
)


def reference_token(kamerstuk: str) -> str:
    """The single lexical token that stands for a Kamerstuk, however it was written."""
    return "kst" + re.sub(r"\W", "", kamerstuk.replace("-", "n")).lower()


@dataclass(frozen=True)
class QueryHints:
    named: tuple[str, ...] = ()  # Kamerstukken named in the question, as understood
    cited: tuple[str, ...] = ()  # those of them the corpus only cites (none of its documents)
    corrections: dict[str, str] = field(default_factory=dict)  # typed -> stored Kamerstuk
    unknown: tuple[str, ...] = ()  # named but neither stored nor referred to in the corpus
    documents: frozenset[str] = frozenset()  # stored documents named (Kamerstuk, kenmerk)
    # kenmerken the question gives that no stored document has
    unknown_kenmerken: tuple[str, ...] = ()
    date_range: tuple[date, date] | None = None
    dated_documents: frozenset[str] = frozenset()  # stored documents dated in that range
    asks_document_date: bool = False
    asks_document_sender: bool = False
    asks_document_fields: bool = False  # its number, kenmerk, date, signer, commissie …

    @property
    def reference_tokens(self) -> list[str]:
        return [reference_token(k) for k in self.named]


def _named_kamerstukken(question: str, catalog: DocumentCatalog) -> list[str]:
    written = [ref.normalized for ref in find_references(question, include_bare=True)]
    known = catalog.stored_kamerstukken() | catalog.referenced_kamerstukken()
    for match in _LOOSE_KAMERSTUK.finditer(question):
        candidate = KamerstukId(match.group("dossier").replace(" ", ""), int(match.group("nr")))
        typed = candidate.normalized
        if typed not in written and (typed in known or catalog.correct_kamerstuk(typed)):
            written.append(typed)
    return written


def _date_range(question: str) -> tuple[date, date] | None:
    """The day, month or year a question gives as a document's date, as a range."""
    tied = [
        m
        for m in _DATED.finditer(question)
        if _DOCUMENT_NOUN.search(question[max(0, m.start() - _NOUN_WINDOW) : m.start()])
    ]
    for match in sorted([*tied, *_DATED_BEFORE_NOUN.finditer(question)], key=lambda m: m.start()):
        year = int(match.group("year"))
        if not match.group("month"):
            return date(year, 1, 1), date(year, 12, 31)
        name = match.group("month").lower()
        month = MONTHS.get(name) or ENGLISH_MONTHS[name]
        if match.group("day"):
            try:
                day = date(year, month, int(match.group("day")))
            except ValueError:
                return None
            return day, day
        return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
    return None


def _written_within(document: dict[str, object], start: date, end: date) -> bool:
    """Whether the document's date lies in the range; an undated letter registered in a year
    (`written_year`) only when the range covers that year whole ("uit 2021", not "maart 2021")."""
    if document.get("date"):
        return start <= date.fromisoformat(str(document["date"])) <= end
    year = written_year(document)
    return bool(year) and start <= date(int(year), 1, 1) and date(int(year), 12, 31) <= end


# "kenmerk 2021-0000126162", "met kenmerk: 3383909-1031059-BPZ": a value with digits after it
_GIVEN_KENMERK = re.compile(r"\bkenmerk\s*:?\s+(?P<value>[A-Za-z]*\d[\w./-]*\d[A-Za-z]*)", re.I)


def _kenmerken(question: str, catalog: DocumentCatalog) -> tuple[set[str], list[str]]:
    """The stored documents whose kenmerk the question gives ("het stuk met kenmerk
    2021-0000126162"), and the kenmerken it gives that no stored document has."""
    typed = re.sub(r"\s+", "", question).lower()
    stored = {
        re.sub(r"\s+", "", str(d["kenmerk"])).lower(): str(d["doc_id"])
        for d in catalog.documents()
        if d.get("kenmerk")
    }
    found = {doc_id for kenmerk, doc_id in stored.items() if kenmerk in typed}
    given = [m["value"].rstrip(".-") for m in _GIVEN_KENMERK.finditer(question)]
    unknown = [value for value in given if not any(value.lower() in k for k in stored)]
    return found, unknown


def asks_document_date(question: str) -> bool:
    """Whether the question asks when a document was written or sent ("Van welke datum is de
    kabinetsreactie?", "Wanneer is de brief verstuurd?")."""
    return bool(
        _sent_document(question)
        and (
            _DATE_OF.search(question)
            or ASKS_DATE.search(question)
            and _WRITTEN_OR_SENT.search(question)
        )
    )


# "… een concept beleidslijn over het openbaar maken van beslisnota's": a document noun in what
# the sent thing is about is not the thing sent.
_TOPIC_BEFORE = re.compile(r"\bover\b(?:\s+[\w'’-]+){0,6}\s*$", re.IGNORECASE)


def _sent_document(question: str) -> bool:
    """Whether the question names a document other than in the topic of what was sent."""
    return any(
        not _TOPIC_BEFORE.search(question[: m.start()]) for m in _DOCUMENT_NOUN.finditer(question)
    )


def analyze_query(question: str, catalog: DocumentCatalog) -> QueryHints:
    named: list[str] = []
    corrections: dict[str, str] = {}
    unknown: list[str] = []
    stored = catalog.stored_kamerstukken()
    referenced = catalog.referenced_kamerstukken()
    cited: list[str] = []
    for typed in _named_kamerstukken(question, catalog):
        if typed in stored or typed in referenced:
            named.append(typed)
            if typed not in stored:
                cited.append(typed)
        elif corrected := catalog.correct_kamerstuk(typed):
            corrections[typed] = corrected
            named.append(corrected)
        else:
            unknown.append(typed)
    documents = {doc_id for k in named for doc_id in catalog.documents_for_kamerstuk(k)}
    by_kenmerk, unknown_kenmerken = _kenmerken(question, catalog)
    documents |= by_kenmerk
    date_range = _date_range(question)
    dated: set[str] = set()
    if date_range:
        start, end = date_range
        dated = {str(d["doc_id"]) for d in catalog.documents() if _written_within(d, start, end)}
    hints = QueryHints(
        asks_document_date=asks_document_date(question),
        asks_document_sender=bool(
            _ASKS_SENDER.search(question)
            and _DOCUMENT_NOUN.search(question)
            and (_WRITTEN_OR_SENT.search(question) or _SENDER_VERB.search(question))
        ),
        named=tuple(dict.fromkeys(named)),
        cited=tuple(dict.fromkeys(cited)),
        corrections=corrections,
        unknown=tuple(unknown),
        unknown_kenmerken=tuple(unknown_kenmerken),
        documents=frozenset(documents),
        date_range=date_range,
        dated_documents=frozenset(dated),
    )
    return replace(
        hints,
        asks_document_fields=bool(
            hints.asks_document_date
            or hints.asks_document_sender
            or _DOCUMENT_FIELD.search(question)
        ),
    )
