"""Document metadata read from the text itself (never from the file name).

A field the text does not state stays None: a letter without a Kamerstuk number of its own does
not borrow one from the stukken it cites.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field

from ingest.dates import DUTCH_DATE, ISO_DATE, NUMERIC_DATE, parse_dutch_date
from ingest.references import KamerstukId, find_references
from ingest.text import squash

HEADER_CHARS = 4000  # the part of a document where its own identifiers are printed

_LOWER_WORDS = {"van", "en", "de", "der", "het", "voor", "op", "in", "te", "aan"}

# "29 362 Modernisering van de overheid" (title may be on the next line) then "Nr. 290  BRIEF VAN …"
_KAMERSTUK_HEADER = re.compile(
    r"^(?P<dossier>\d{2} ?\d{3}(?:-[IVXLC]{1,6}|-\d{2})?)[ \t]*(?P<title>[^\n]*)\n(?:\s*\n)*"
    r"(?P<title2>(?!Nr\.)[^\n]+\n(?:\s*\n)*)?"
    r"\s*Nr\. ?(?P<nr>\d{1,4})\s+(?P<kind>[A-ZË][A-ZË ,.\-\n]+?)\s*\n\s*\n?(?=\S*[a-z])",
    re.MULTILINE,
)
_VERGADERJAAR = re.compile(r"((?:19|20)\d{2})-((?:19|20)\d{2})")
_SIGNATURE = re.compile(
    r"(?:^[ \t•]*|, )(?:De|de) (?P<role>(?:Minister|minister|Staatssecretaris|staatssecretaris)"
    r"[^\n,]{3,120}),[ \t]*(?:\n\s*)*(?:•\s*)?(?P<name>[A-Z][A-Za-zÀ-ÿ.\- ]{2,40}?)[ \t]*$",
    re.MULTILINE,
)
_KENMERK = re.compile(
    r"(?:Ons kenmerk|^Kenmerk)\s*\n?\s*(?P<value>\d[\d\-]{5,}[A-Z0-9\-]*)", re.MULTILINE
)


@dataclass
class DocumentMetadata:
    """What the text says about itself. Field names are the `sources --json` contract."""

    doc_type: str = "overig"
    kamerstuk: str | None = None
    dossier: str | None = None
    ondernummer: int | None = None
    vergaderjaar: str | None = None
    date: str | None = None
    title: str | None = None
    dossier_title: str | None = None
    sender: str | None = None
    signer: str | None = None
    kenmerk: str | None = None
    references: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, object]:
        return asdict(self)


def _dutch_title_case(shouting: str) -> str:
    """'MINISTER VAN SOCIALE ZAKEN EN WERKGELEGENHEID' -> 'Minister van Sociale Zaken en …'."""
    words = squash(shouting).strip(" ,.").split(" ")
    cased = [w.lower() if w.lower() in _LOWER_WORDS else w.capitalize() for w in words]
    return " ".join(cased)[:1].upper() + " ".join(cased)[1:]


def _one_line(text: str) -> str:
    return squash(text).strip(" ;,")


def _own_kamerstuk(header: str) -> tuple[KamerstukId, str | None, str] | None:
    """Dossier + ondernummer from the standard Kamerstuk head, with dossier title and kind."""
    match = _KAMERSTUK_HEADER.search(header)
    if match:
        dossier = match.group("dossier").replace(" ", "")
        title = _one_line(match.group("title") or match.group("title2") or "") or None
        return KamerstukId(dossier, int(match.group("nr"))), title, _one_line(match.group("kind"))
    kst = re.search(r"\bkst-(\d{5}(?:-[\dIVXLC]+)?)-(\d{1,4})\b", header)
    if kst:
        return KamerstukId(kst.group(1), int(kst.group(2))), None, ""
    return None


def _document_date(header: str) -> str | None:
    """The date the document carries: 'Den Haag, <datum>', 'Datum <datum>', 'Documentdatum …'."""
    for label in (r"Den Haag,\s*", r"^Datum\s*\n?\s*", r"Documentdatum\s+", r"\bdatum:\s*"):
        for pattern in (DUTCH_DATE, NUMERIC_DATE, ISO_DATE):
            match = re.search(label + pattern.pattern, header, re.MULTILINE | re.IGNORECASE)
            if match and (parsed := parse_dutch_date(match.group(0))):
                return parsed.isoformat()
    return None


def _vergaderjaar(header: str) -> str | None:
    label = re.search(r"Vergaderjaar", header, re.IGNORECASE)
    if not label:
        return None
    for match in _VERGADERJAAR.finditer(header, label.start(), label.start() + 250):
        first, second = int(match.group(1)), int(match.group(2))
        if second == first + 1:
            return f"{first}-{second}"
    return None


def _title(header: str, dossier_title: str | None) -> str | None:
    betreft = re.search(
        r"^\s*Betreft:?[ \t]+(?P<t>.+?)(?:\n\s*\n)", header, re.MULTILINE | re.DOTALL
    )
    if betreft:
        return _one_line(betreft.group("t"))
    official = re.search(r"Officiële titel[ \t]+(?P<t>[^\n]+)", header)
    if official:
        return _one_line(official.group("t").split("; Brief regering;")[-1])
    regering = re.search(
        r"^(?P<t>[^\n\[]{5,200})\n\s*\n[^\n]+\n\s*\n\s*Brief regering\s*$", header, re.MULTILINE
    )
    if regering:
        return _one_line(regering.group("t"))
    nota = re.search(r"^nota\s*\n\s*\n(?P<t>[^\n]{5,200})\n", header, re.MULTILINE)
    if nota:
        return _one_line(nota.group("t"))
    return dossier_title


def _doc_type(header: str, kind: str | None, own: bool) -> str:
    if re.search(r"^\s*(TER BESLISSING|nota)\s*$|Geadviseerd besluit", header, re.MULTILINE):
        return "beslisnota"
    if own:
        first_word = (kind or "").split(" ")[0].lower()
        return (
            f"kamerstuk_{first_word}"
            if first_word in {"brief", "motie", "verslag", "nota"}
            else "kamerstuk"
        )
    if re.search(r"Geachte [Vv]oorzitter|Aan de Voorzitter van de Tweede Kamer", header):
        return "kamerbrief"
    return "overig"


def _sender(header: str, text: str, kind: str | None) -> tuple[str | None, str | None]:
    """Sender from the Kamerstuk head ('BRIEF VAN DE MINISTER VAN …') or the signature block;
    signer is the name under the signature."""
    sender = None
    if kind and (brief := re.match(r"BRIEF VAN DE (.+)", kind)):
        sender = _dutch_title_case(brief.group(1))
    signatures = list(_SIGNATURE.finditer(text))
    signer = None
    if signatures:
        last = signatures[-1]
        signer = _one_line(last.group("name"))
        if sender is None:
            role = _one_line(last.group("role"))
            sender = role[0].upper() + role[1:]
    if sender is None:
        ministry = re.search(
            r"^(Ministerie van [^\n]+(?:\n[A-Z][^\n]+)?)\n\s*\n", header, re.MULTILINE
        )
        if ministry:
            sender = _one_line(ministry.group(1))
    return sender, signer


def extract_metadata(raw_text: str, clean_text: str) -> DocumentMetadata:
    """All metadata fields of a document: identifiers from the head of the raw text (after
    character normalisation), signature and references from the cleaned text."""
    header = raw_text[:HEADER_CHARS]
    own = _own_kamerstuk(header)
    meta = DocumentMetadata()
    kind = None
    if own:
        kamerstuk, meta.dossier_title, kind = own
        meta.kamerstuk = kamerstuk.normalized
        meta.dossier = kamerstuk.dossier
        meta.ondernummer = kamerstuk.ondernummer
        meta.vergaderjaar = _vergaderjaar(header)
    meta.doc_type = _doc_type(header, kind, own is not None)
    meta.date = _document_date(header)
    meta.title = _title(header, meta.dossier_title)
    meta.sender, meta.signer = _sender(header, clean_text, kind)
    kenmerk = _KENMERK.search(raw_text)
    meta.kenmerk = kenmerk.group("value") if kenmerk else None
    references = find_references(clean_text)
    meta.references = [r.normalized for r in references if r.normalized != meta.kamerstuk]
    return meta
