"""The kinds of fact a question can ask for, and how each is recognised (Dutch and English):
the asked type of `assistant.plan.QuestionPlan`."""

from __future__ import annotations

import re
from typing import Literal

from vectorstore.plurals import is_plural

AskedType = Literal[
    "number",
    "magnitude",
    "amount",
    "percentage",
    "date",
    "period",
    "frequency",
    "person",
    "organisation",
    "name",
    "document",
    "list",
    "reason",
    "yes_no",
    "definition",
    "comparison",
    "other",
]
# Types the stukken must state for an answer: without a sentence holding one, the question asks
# for something they do not say. (A person may be answered by "het kabinet", a document by the
# cited document itself, how often by what is done: those lead with a span when there is one,
# but need none.)
REQUIRED: frozenset[AskedType] = frozenset(
    ("number", "magnitude", "amount", "percentage", "date", "period")
)
# Types whose answer is a span of a sentence (a number, a date, a name): led with, and checked.
TYPED: frozenset[AskedType] = REQUIRED | {"frequency", "person", "name", "document"}
# Types whose answer is a fact to lead with (a number, a date, a name, a document, list items):
# what the eval's "direct antwoord juist" measures.
FACT_TYPES: frozenset[AskedType] = TYPED | {"organisation", "list"}

_I = re.IGNORECASE
# Order matters: the first pattern that matches decides (an amount before a number, a
# percentage before a number, a document field before a person).
_TYPE_PATTERNS: tuple[tuple[AskedType, re.Pattern[str]], ...] = (
    (
        # "Hoe vaak …": how often ("tweejaarlijks", "in twintig procent van de gevallen"), before
        # "hoeveel keer" is taken for a count
        "frequency",
        re.compile(
            r"\b(?:hoe vaak|hoe dikwijls|met welke (?:regelmaat|frequentie)|hoeveel keer|"
            r"how often|how frequently|how many times)\b",
            _I,
        ),
    ),
    (
        "percentage",
        re.compile(
            r"\b(?:hoeveel procent|welk percentage|welk deel|welke fractie|wat voor percentage|"
            r"hoe groot (?:is |was )?(?:het|een|dat|dit|de) (?:aan)?deel|welk aandeel|what (?:share|percentage|proportion)|"
            r"how many percent)\b",
            _I,
        ),
    ),
    (
        "amount",
        re.compile(
            r"\b(?:welk bedrag|hoeveel geld|hoeveel euro|(?:wat|hoeveel) kost\w*|gekost|kosten de|hoe duur|"
            r"welk budget|hoe groot is het budget|hoe hoog is (?:de|het) (?:\w+ ){0,2}\w*(?:bedrag|compensatie|uitkering|"
            r"budget|vergoeding|betaling|kosten)|hoeveel (?:budget|middelen)|hoeveel miljoen|"
            r"hoeveel miljard|how much (?:money|did|does|will)|what (?:amount|budget)|cost)\b|"
            # "Wat gaat de vernieuwing in totaal kosten?", "welk extra budget", "the total budget"
            r"^wat\b[^?]*\bkost(?:en|te|ten)?\s*\?|\btotale kosten\b|\bwelk\s+\w+\s+budget\b|"
            r"\bwhat\b(?:\s+\w+){0,3}\s+(?:amount|budget|cost)s?\b",
            _I,
        ),
    ),
    (
        # "Op grond van welk kenmerk zijn de diensten gekozen?": a trait they share, a criterion,
        # not a document's kenmerk
        "other",
        re.compile(r"\b(?:op grond van|op basis van|aan de hand van)\s+welke?\s+kenmerk", _I),
    ),
    (
        "document",
        re.compile(
            r"\b(?:in\s+)?welke?\s+(?:kamerstuk\w*|kamerbrief|brief|document|stuk|nota|kenmerk(?:nummer)?|"
            r"dossier\w*|kamerdossier|vergaderjaar|\w*nummer|motie)\b|\bwhich\s+(?:letter|document|"
            r"paper|kamerstuk|parliamentary paper|(?:parliamentary\s+)?dossier)\b|"
            r"\bwhat\s+(?:reference|kamerstuk|number)\b|"
            r"\bmet welk kenmerk\b|"
            # "In welk stuk …? Wat is het kenmerk?": the kenmerk of the document asked about
            r"\bwat\s+(?:is|was)\s+(?:het|de|zijn|haar)\s+(?:kenmerk|kamerstuknummer|ondernummer)\b",
            _I,
        ),
    ),
    (
        # "Hoeveel ruimte hebben professionals …" asks how much of something uncountable, and
        # "Wanneer is het toegestaan …" under which conditions: neither is a count or a date.
        "other",
        re.compile(
            r"\bhoeveel\s+(?:ruimte|aandacht|moeite|invloed|vertrouwen|zicht|draagvlak|nadruk|"
            r"ervaring|kennis|inzicht|prioriteit)\b|"
            r"\bwanneer\s+(?:is\s+het\s+(?:toegestaan|gerechtvaardigd|verboden|nodig|redelijk)|"
            r"mag|mogen|is\s+er\s+sprake\s+van)\b",
            _I,
        ),
    ),
    (
        "period",
        re.compile(
            r"\b(?:hoe lang|hoelang|welke (?:termijn|periode|looptijd|duur)|binnen welke termijn|"
            r"hoeveel (?:tijd|jaar|jaren|maanden|weken|dagen)|over welke periode|how long|"
            r"how much time|welke tijdshorizon|(?:tussen|van) welke jaren|between which years|"
            r"(?:what|which) (?:period|term|time\s?(?:horizon|frame|span)|timeframe|timescale)|"
            r"over what (?:period|time))\b",
            _I,
        ),
    ),
    (
        "date",
        re.compile(
            r"\b(?:wanneer|op welke (?:datum|dag|data)|welke datum|per wanneer|sinds wanneer|"
            r"vanaf wanneer|tot wanneer|in welk(?:e)? (?:jaar|maand|kwartaal)|vanaf welk jaar|"
            r"welk jaar|uiterste datum|deadline|when|what date|which (?:year|date|day))\b",
            _I,
        ),
    ),
    (
        # "Hoe hoog was de waardering …", "Hoe groot is het tekort …": a figure, a percentage
        # or an amount, whichever the stukken give ("hoe groot is het aantal …" counts)
        "magnitude",
        re.compile(
            r"\bhoe\s+(?:hoog|groot)\s+(?:is|was|zijn|waren|ligt|lag)\b(?!\s+het\s+aantal\b)", _I
        ),
    ),
    (
        "number",
        re.compile(
            r"\b(?:hoeveel|hoe veel|welk aantal|het aantal|hoe groot is het aantal|how many|"
            r"what number of)\b|"
            # "Welk klanttevredenheidscijfer …": a figure
            r"\bwelk\s+\w*cijfer\b",
            _I,
        ),
    ),
    (
        "person",
        re.compile(
            r"\b(?:naam\s+van|hoe\s+heet(?:te)?)\s+de\s+(?:minister|staatssecretaris|bewindspersoon|"
            r"ombudsman|voorzitter|directeur)|"
            r"^(?:wie|who)\b|\b(?:wie|door wie|van wie|welke (?:bewindspersoon|minister|"
            r"staatssecretaris|persoon|bewindslieden|ministers)|welke (?:\w+\s+)?(?:bestuurder|"
            r"functionaris|ambtsdrager)|which (?:minister|state secretary|"
            r"person)|who)\b",
            _I,
        ),
    ),
    (
        # "Hoe heet het actieplan …?", "Via welke website …?": a name, a quoted term, an address
        "name",
        re.compile(
            r"\bhoe\s+(?:heet|heette|heten|heetten|noemt\s+\w+\s+(?:dat|dit|het|die|deze))\b|"
            r"\b(?:wat\s+(?:is|was)\s+de|welke|onder\s+welke|met\s+welke)\s+(?:\w+\s+)?naam\b|"
            r"\bhoe\s+luidt\s+de\s+(?:\w+\s+)?naam\b|"
            r"\b(?:via|op|onder)?\s*welke?\s+(?:url|webadres|website|site|webpagina|internetadres)\b|"
            r"\bwhat\s+(?:is|was|are)\s+(?:it|they|the\s+[\w-]+(?:\s+[\w-]+)?)\s+called\b|"
            r"\bwhat\s+(?:is|was)\s+the\s+name\b|\b(?:which|what)\s+(?:website|url|web\s+address|site)\b",
            _I,
        ),
    ),
    (
        "organisation",
        re.compile(
            r"\bwelke?\s+(?:\w+)?(?:organisatie|organisaties|dienst|diensten|instantie|instanties|"
            r"instelling|instellingen|zbo'?s?|agentschap|agentschappen|ministerie|ministeries|"
            r"departement|departementen|uitvoerders?|partij|partijen|gemeenten?)\b|"
            r"\bwhich (?:organi[sz]ations?|agenc(?:y|ies)|bod(?:y|ies)|ministr(?:y|ies))\b",
            _I,
        ),
    ),
    (
        "reason",
        re.compile(r"\b(?:waarom|om welke reden|hoe komt het|waardoor|why|for what reason)\b", _I),
    ),
    (
        "definition",
        re.compile(
            r"^(?:wat (?:is|zijn|betekent|houdt)|what (?:is|are|does .* mean))\b|"
            r"\bwat (?:wordt|houdt) .* (?:verstaan|in)\b",
            _I,
        ),
    ),
    (
        "yes_no",
        re.compile(
            r"^(?:is|zijn|was|waren|heeft|hebben|had|kan|kunnen|wordt|worden|werd|klopt|gaat|"
            r"moet|moeten|komt|verwijst|staat|noemt|zegt|bestaat|does|do|did|is|are|was|were|"
            r"has|have|can|will)\b",
            _I,
        ),
    ),
)
_LIST = re.compile(
    r"\b(?:welke|noem|wat zijn de|which|name the|list)\b.*\b(?:twee|drie|vier|vijf|zes|zeven|"
    r"\d)\b|\bwelke (?P<noun>[\w-]+(?:en|s))\b|\bwhich \w+s\b",
    _I,
)
_COMPARISON = re.compile(
    r"\b(?:verschil\w*|vergelijk\w*|zowel\b.*\bals|respectievelijk|allebei|beide|beiden|"
    r"overeenkomst\w*|both|compared?|difference)\b",
    _I,
)


# "What criterion did VWS apply when judging …", "Wat doet een burger wanneer …": after another
# question word, "when" / "wanneer" joins a clause and asks for no date.
_CONJUNCTION_WHEN = re.compile(r"^(?:wanneer|when)$", _I)
_EARLIER_QUESTION = re.compile(r"\b(?:wat|wie|welke?|hoe|waarom|what|who|which|how|why)\b", _I)


def asked_type(text: str) -> AskedType:
    """The kind of fact `text` asks for (see AskedType)."""
    for kind, pattern in _TYPE_PATTERNS:
        match = pattern.search(text)
        if match and not (
            _CONJUNCTION_WHEN.match(match.group())
            and _EARLIER_QUESTION.search(text[: match.start()])
        ):
            return kind
    if any(_names_several(match) for match in _LIST.finditer(text)):
        return "list"
    return "other"


def _names_several(match: re.Match[str]) -> bool:
    """Whether a list match asks for several things: "welke toets", "welke les" end in -s but
    name one (`vectorstore.plurals`); a count or an -en plural stands as matched."""
    noun = match.group("noun")
    return noun is None or noun.lower().endswith("en") or is_plural(noun)


_QUESTION_WORD = re.compile(r"\b(?:wanneer|welke?|wat|hoe\w*|when|what|which|how)\b", _I)


def without_asked_phrase(text: str) -> str:
    """`text` without the question words that ask for a typed fact ("Vanaf welk jaar …", "Op
    welke dag …"): they say what kind of answer is wanted, not what it is about, so a sentence
    need not contain them. A noun that names the fact ("de deadline van …") stays."""
    for kind, pattern in _TYPE_PATTERNS:
        match = pattern.search(text)
        if kind in TYPED and match and _QUESTION_WORD.search(match.group()):
            return f"{text[: match.start()]} {text[match.end() :]}"
    return text


_DAY_ASKED = re.compile(
    r"\b(?:op welke (?:datum|dag)|welke datum|(?:exacte|precieze) datum|wanneer\b.*\bprecies|"
    r"precies wanneer|what date|on which day|exact date|when exactly)\b",
    _I,
)
_YEAR_ASKED = re.compile(r"\b(?:welk jaar|which year|what year)\b", _I)


def date_precision(text: str) -> Literal["day", "year"] | None:
    """How precise a date must be to answer: a day, a year, or anything that places it."""
    if _DAY_ASKED.search(text):
        return "day"
    return "year" if _YEAR_ASKED.search(text) else None


def is_comparison(text: str) -> bool:
    """Whether the question compares or joins two sides ("verschil", "zowel … als", "beide")."""
    return bool(_COMPARISON.search(text))
