"""Which fact about a document a question asks for: its Kamerstuk number, kenmerk, signer …

"Welk Kamerstuknummer draagt de kabinetsreactie?", "Wie zette haar handtekening onder de
BZK-brief?", "In welk parlementair jaar is het stuk ingediend?" ask for a field the document
prints in its head or by its signature, not for what it says. "In welk Kamerstuk staat dat …?"
or "Onder welke titel bracht de TCU haar rapport uit?" are about content and are not matched.
"""

from __future__ import annotations

import re
from enum import Enum

# A document noun, also inside a compound ("aanbiedingsbrief", "VWS-notitie").
_DOCUMENT = (
    r"(?:[\w-]*(?:brief|brieven|nota|notitie|reactie|schrijven|document)|stuk|stukken|kamerstuk|"
    r"letter|paper|response)"
)
# "Welke bewindspersoon meldde de Kamer dat …": who wrote the letter that says it
_WHO_TOLD_KAMER = (
    r"\b(?:welke?\s+(?:bewindspersoon|minister|staatssecretaris)|wie)\s+(?:meldde|informeerde|"
    r"schreef|liet)\s+(?:aan\s+)?(?:de|het)\s+(?:tweede\s+)?(?:kamer|parlement)\b"
)
# "Klopt het dat … verstuurd door …", "Is it correct that … was sent by …", "Werd de brief
# ondertekend door …?": a sentence that asks to confirm who sent, wrote or signed a document.
CONFIRMS_SENDER = re.compile(
    r"(?:^|[.!?]\s+)(?:klopt het|is het (?:waar|juist|correct)|is it (?:true|correct|right)|"
    r"(?:is|was|werd|were)\b)[^?.!]*?\b(?:verstuurd|gestuurd|verzonden|geschreven|opgesteld|"
    r"ondertekend|getekend|afkomstig|sent|written|signed)\s+(?:door|van|by)\s+(?P<claimed>[^?.!]+)",
    re.IGNORECASE,
)
_ABOUT_DOCUMENT = re.compile(r"\b" + _DOCUMENT + r"\b|" + _WHO_TOLD_KAMER, re.IGNORECASE)
# "Welk nummer geeft de POK-brief voor het actieplan …?": the number is given for something the
# document cites, not the document's own.
_CITED_FOR = re.compile(
    r"\b(?:geeft|geven|noemt|noemen|vermeldt|vermelden|hanteert|hanteren|gebruikt|gebruiken|"
    r"give|gives|use|uses|cite|cites|mention|mentions)\b[^?]{0,120}?"
    r"(?P<object>\b(?:voor|for)\s+(?:de|het|dat|die|dit|deze|een|the|a|that|this)\b[^?,;]*)",
    re.IGNORECASE,
)
_ONE_NUMBER = re.compile(r"\b(?:[\w-]*nummers?|numbers?|kamerstuk)\b", re.IGNORECASE)
# "Welk Kamerstuknummer heeft het TCU-verslag volgens de kabinetsreactie?", "het
# Kamerstuknummer van het Fase II-rapport", "het rapportnummer": a number a document cites.
_CITED_IN = re.compile(
    # ("volgens de Kamer-metadata" says where the document's own field is read, not a source)
    r"\b(?:volgens|genoemd in|vermeld in|according to)\b(?!\s+(?:de\s+|the\s+)?[\w-]*metadata\b)|"
    r"\brapportnummer\b|"
    r"\b[\w-]*nummer\w*\s+(?:van|voor)\s+(?:de|het)\s+(?:[\w'’-]+\s+){0,2}?[\w-]*"
    r"(?:rapport|plan|verslag|motie|agenda|onderzoek|advies)\b",
    re.IGNORECASE,
)
# Two asked fields joined in one sentence: "In welk dossier en onder welk nummer …".
_JOINS = re.compile(r"\ben\b|\band\b|-\s+en\b", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.?!]\s")
# "documentnummer 2022D56402", "zaaknummer: 2022Z26159": a field written with its value is what
# the asker already has, not what they ask for.
_VALUE_AFTER = re.compile(r"\s*(?:\(\w+\)\s*)?:?\s*[\w-]*\d")


class DocumentField(Enum):
    """A fact about a document itself, in the order in which questions are tested for them."""

    CO_SENDERS = "co_senders"
    SIGNER = "signer"
    SENDER = "sender"
    WRITER = "writer"
    WRITER_UNIT = "writer_unit"
    ADDRESSEE = "addressee"
    ARCHIVE_NUMBER = "archive_number"
    CASE_NUMBER = "case_number"
    ATTACHMENTS = "attachments"
    KENMERK = "kenmerk"
    KAMERSTUK = "kamerstuk"
    DOSSIER = "dossier"
    VERGADERJAAR = "vergaderjaar"
    COMMISSIE = "commissie"
    PUBLISHED = "published"
    DISCLOSURE = "disclosure"
    TITLE = "title"
    DOC_TYPE = "doc_type"
    REFERENCES = "references"


_ASKS: dict[DocumentField, re.Pattern[str]] = {
    DocumentField.CO_SENDERS: re.compile(
        r"\bmede\s*namens\b|\bnamens (?:wie|welke)\b|\bmede verstuurd\b|\bco-?sign|"
        # "welke andere bewindslieden stonden achter die brief", "wie tekenden mee"
        r"\bwelke\s+andere\s+(?:bewindslieden|bewindspersonen|ministers|staatssecretarissen|"
        r"ministeries|departementen)\b|\b(?:schreven|schrijven|tekenden|ondertekenden)\s+mee\b|"
        r"\bmede-?ondertek",
        re.I,
    ),
    DocumentField.SIGNER: re.compile(
        r"\b(?:ondertek\w*|handtekening\w*|getekend|tekende|tekenden|signed|signature)\b|"
        r"\bnaam\s+onder\b",
        re.I,
    ),
    # "Welke ambtenaar heeft de nota opgesteld?": the person, not the ministry that sent it
    DocumentField.WRITER: re.compile(
        r"\b(?:welke|wie is de|naam van de)\s+(?:ambtenaar|medewerker|beleidsmedewerker|opsteller|"
        r"auteur)\b|\bwhich (?:civil servant|official)\b",
        re.I,
    ),
    DocumentField.SENDER: re.compile(
        r"\bvan\s+welke?\s+(?:bewindspersoon|minister|staatssecretaris|ministerie|departement)"
        r"\b[^?]{0,60}\b(?:kwam|komt|afkomstig)\b|\bafzender\b|\bwho sent\b|"
        + _WHO_TOLD_KAMER
        + "|"
        + CONFIRMS_SENDER.pattern,
        re.I,
    ),
    # "Welke directie heeft de nota opgesteld?", "Welk onderdeel van het ministerie schreef …"
    DocumentField.WRITER_UNIT: re.compile(
        r"\b(?:welke?|van welke)\s+(?:directie|directies|afdeling|onderdeel|bureau|team)\b"
        r"[^?]{0,120}\b(?:opgesteld|geschreven|schreef|schreven|gemaakt|opgemaakt|voorbereid|"
        r"kwam|komt|afkomstig|kantlijn|marge)\b|\bwhich (?:department|directorate|unit)\b",
        re.I,
    ),
    DocumentField.ADDRESSEE: re.compile(
        r"\baan\s+wie\b[^?]{0,120}\b(?:gericht|geadresseerd|gestuurd|verstuurd|gezonden)\b|"
        r"\bvoor\s+wie\b[^?]{0,120}\b(?:bestemd|bedoeld)\b|\bwie\b[^?]{0,40}\b(?:een\s+)?"
        r"(?:kopie|afschrift)\b|\bin\s+(?:de\s+)?cc\b|\bgeadresseerde\b|\baddressed\b",
        re.I,
    ),
    DocumentField.ARCHIVE_NUMBER: re.compile(
        r"\b(?:d-code|d-nummer|documentnummer|kamerarchief|archiefnummer|registratienummer)\b",
        re.I,
    ),
    DocumentField.CASE_NUMBER: re.compile(
        r"\b(?:zaaknummer|kamerzaak|zaak-?nummer)\b|\b(?:welke|bij welke|onder welke) zaak\b|"
        r"\bcase number\b",
        re.I,
    ),
    DocumentField.ATTACHMENTS: re.compile(
        r"\bals\s+bijlagen?\b|\bbijlagen?\s+(?:bij|van)\s+(?:de|het|deze|dit|die)\s+"
        + _DOCUMENT
        + r"\b|\b(?:welke|hoeveel)\s+bijlagen\b|\battachments?\b|\benclosures?\b",
        re.I,
    ),
    DocumentField.KENMERK: re.compile(
        r"\b(?:met|onder) welk\s+(?:\w+\s+)?kenmerk\b|"
        r"\bwelk kenmerk\s+(?:heeft|draagt|staat|stond|hoort)\b|\breferentienummer\b|"
        r"\bons\s+kenmerk\b|"  # the label a letter prints its kenmerk under
        r"\bkenmerk\s+(?:van|heeft|draagt)\s+(?:de|het|deze|dit)\b|\breference number\b",
        re.I,
    ),
    DocumentField.KAMERSTUK: re.compile(
        r"\bkamerstuknummer\w*|\bondernummer\b|\bonder welk\s+(?:\w+)?nummer\b|"
        r"(?<!\bin )\bwelk kamerstuk\s+(?:is|betreft|was)\s+(?:de|het|dit|deze)\s+"
        r"(?:\w+\s+){0,2}?" + _DOCUMENT + r"\b|"
        r"\b(?:is|was)\s+(?:de|het|dit|deze|die)\s+[^?]{0,160}?\been kamerstuk\b|"
        r"\bwhich (?:kamerstuk|parliamentary paper)\b|"
        r"\bkst-?(?:nummer|code)\b|\bhtml-?code\b",  # the officiële publicaties code
        re.I,
    ),
    DocumentField.DOSSIER: re.compile(
        r"\b(?:welk|tot welk|bij welk|in welk|onder welk)\s+(?:\w+)?dossier\w*\b|"
        r"\b(?:dossier(?:nummer|titel)|kamerdossier)\b|"
        r"\b(?:which|what)\s+(?:parliamentary\s+)?dossier\b|\bdossier\s+(?:number|title)\b",
        re.I,
    ),
    DocumentField.VERGADERJAAR: re.compile(
        r"\bvergaderja(?:ar|ren)\b|\bparlementaire?\s+jaar\b|\bzittingsjaar\b|\bparliamentary years?\b",
        re.I,
    ),
    DocumentField.COMMISSIE: re.compile(
        r"\bkamercommissie\b|\bvaste\s+(?:kamer)?commissie\b|"
        r"\bcommissie\w*\b[^?]{0,40}\b(?:gekoppeld|toegewezen|ingedeeld)\b|"
        r"\b(?:standing|parliamentary)\s+committee\b|"
        r"\bcommittees?\b[^?]{0,40}\b(?:linked|assigned|attached)\b",
        re.I,
    ),
    # the day of publication, which a Kamerstuk's page prints besides its own date ("Vanaf
    # wanneer worden beslisnota's openbaar gemaakt?" asks about a policy)
    DocumentField.PUBLISHED: re.compile(
        r"\bpublicatiedatum\b|\bdatum\s+(?:van\s+)?publicatie\b|\bpublication\s+date\b|"
        r"(?<!vanaf )\b(?:wanneer|op welke (?:dag|datum)|when)\b[^?]{0,80}?"
        r"\b(?:gepubliceerd|openbaar\s+gemaakt|published)\b",
        re.I,
    ),
    # "Deze nota is bedoeld om openbaar gemaakt te worden: Ja", the head of a beslisnota
    DocumentField.DISCLOSURE: re.compile(
        r"\b(?:bedoeld|bestemd)\s+(?:om|voor)\s+(?:te\s+)?(?:openbaar|openbaarmaking|publicatie|"
        r"gepubliceerd)\b|\bintended\s+(?:to\s+be|for)\s+(?:made\s+)?(?:public|publication)\b",
        re.I,
    ),
    DocumentField.TITLE: re.compile(
        r"\bbetreft\b|\bonderwerpregel\b|\bsubject\s+line\b|"
        r"\b(?:official\s+|full\s+)?title\s+of\s+(?:the|this|that)\s+(?:[\w-]+\s+){0,2}?"
        + _DOCUMENT
        + r"|"
        r"\b(?:officiële\s+)?titel\s+(?:van|heeft|draagt)\s+(?:de|het|deze|dit)\s+"
        + _DOCUMENT
        + r"|"
        # "Hoe heet de brief van december 2022?", "de volledige naam van Kamerstuk …"
        r"\b(?:hoe\s+(?:heet|heette)|naam\s+van)(?=\s+(?:(?:de|het|deze|dit)\s+)?"
        + _DOCUMENT
        + r"\b)",
        re.I,
    ),
    DocumentField.DOC_TYPE: re.compile(
        r"\bwat voor (?:soort )?(?:document|stuk)\b|\bwelk soort (?:document|stuk)\b|"
        r"\bsoort document\b|\bwhat kind of document\b",
        re.I,
    ),
    DocumentField.REFERENCES: re.compile(
        r"\b(?:naar\s+)?welke\s+(?:andere\s+)?(?:kamerstukken|moties|stukken|rapporten|brieven)"
        r"\s+(?:\w+\s+){0,6}?(?:verwijst|verwijzen|noemt|citeert|aangehaald|verwezen)\b|"
        r"\bwhich\s+(?:other\s+)?(?:kamerstukken|motions|papers|reports|letters)\s+"
        r"(?:\w+\s+){0,6}?(?:refer|refers|referred|cite|cites|cited|mention|mentions)\b",
        re.I,
    ),
}

# Words that only say which field is asked; the rest of the question says which document.
FIELD_WORDS = re.compile(
    r"\b(?:kamerstuk\w*|ondernummer|nummer|kenmerk|referentie\w*|d-code|d-nummer|\w*zaak\w*|"
    r"bijlagen?|"
    r"\w*archief\w*|\w*dossier\w*|vergaderja\w*|parlementaire?|jaar|\w*commissie\w*|vaste|"
    r"betreft|titel|onderwerp\w*|ondertek\w*|handtekening\w*|getekend|tekende|zette|mede|"
    r"namens|gekoppeld|ingediend|verschenen|behoort|draagt|soort|schrijven|stuk|brief|nota|"
    r"document|directie|directies|afdeling|onderdeel|bureau|opgesteld|[\w-]*metadata|"
    # the same in an English question
    r"committees?|dossier|title|subject|reference|number|parliamentary|belongs?|"
    r"signed|signature)\b",
    re.I,
)


def speaks_of_document(text: str) -> bool:
    """Whether the text speaks of a document ("de brief", "het stuk", "de kabinetsreactie")."""
    return bool(_ABOUT_DOCUMENT.search(text))


def cited_for(question: str) -> tuple[int, int] | None:
    """Where the question says what a document gives a number for ("voor het rapport van de
    TCU"): a thing the document cites, not one of the documents asked about."""
    match = _CITED_FOR.search(question) if _ONE_NUMBER.search(question) else None
    return match.span("object") if match else None


def asked_field(question: str) -> DocumentField | None:
    """The document field the question asks for, or None for a question about content. It
    must speak of a document ("de brief", "het stuk", "de kabinetsreactie")."""
    if not speaks_of_document(question) or _CITED_IN.search(question) or cited_for(question):
        return None
    return next((field for field, pattern in _ASKS.items() if _asking(pattern, question)), None)


def _asking(pattern: re.Pattern[str], question: str) -> re.Match[str] | None:
    """The first place the field's pattern asks for it: not where the value follows."""
    return next(
        (m for m in pattern.finditer(question) if not _VALUE_AFTER.match(question, m.end())),
        None,
    )


def asked_fields(question: str) -> list[DocumentField]:
    """The fields the question asks for: the first one, and a second one joined to it by "en"
    in the same sentence ("In welk Kamerdossier en onder welk nummer …", "het documentnummer en
    het zaaknummer"); a word that two fields match ("documentnummer") asks one."""
    first = asked_field(question)
    if first is None:
        return []
    found = _asking(_ASKS[first], question)
    assert found is not None
    for field, pattern in _ASKS.items():
        other = _asking(pattern, question) if field is not first else None
        if other is None or other.start() < found.end() and found.start() < other.end():
            continue
        between = question[min(found.end(), other.end()) : max(found.start(), other.start())]
        if _JOINS.search(between) and not _SENTENCE_END.search(between):
            return [first, field]
    return [first]


def without_field_words(question: str) -> str:
    """The question without the words that name the asked field ("Kamerstuknummer",
    "handtekening"): what is left describes the document."""
    return FIELD_WORDS.sub(" ", question)
