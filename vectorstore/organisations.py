"""The names a reader uses for Dutch central-government organisations and roles.

Civil servants write "het zorgministerie", "Volksgezondheid" or "de fiscus" where a letter writes
"VWS" or "de Belastingdienst", and "het parlement" or "de bewindspersoon" where it writes "de
Tweede Kamer" or "de minister". Neither BM25 nor the unknown-terms check can match those words.
This is a fixed thesaurus of the Rijksoverheid's organisations (ministries under their current
and colloquial names, the large executive agencies, the High Councils of State) and of the roles
in the relation between cabinet and parliament: general domain knowledge, not fitted to any
question. `alias_terms` gives a question's organisations in the corpus's own forms, to be added
to the lexical query.
"""

from __future__ import annotations

import re
from functools import lru_cache

from vectorstore.text_analysis import terms

# canonical forms (as the stukken write them) -> the other names a reader may use
_ORGANISATIONS: dict[tuple[str, ...], tuple[str, ...]] = {
    ("AZ", "Algemene Zaken"): ("ministerie van Algemene Zaken",),
    ("BZ", "Buitenlandse Zaken"): ("ministerie van Buitenlandse Zaken",),
    ("BZK", "Binnenlandse Zaken"): (
        "Binnenlandse Zaken en Koninkrijksrelaties",
        "ministerie van Binnenlandse Zaken",
        "binnenlandministerie",
    ),
    ("Defensie",): ("defensieministerie", "ministerie van Defensie"),
    ("EZK", "Economische Zaken"): ("EZ", "ministerie van Economische Zaken"),
    ("Financiën", "FIN"): ("financiënministerie", "ministerie van Financiën", "schatkist"),
    ("IenW", "Infrastructuur en Waterstaat"): ("I&W", "ministerie van Infrastructuur"),
    ("JenV", "Justitie en Veiligheid"): (
        "J&V",
        "justitieministerie",
        "ministerie van Justitie",
        "Justitie",
    ),
    ("LNV", "Landbouw"): ("landbouwministerie", "ministerie van Landbouw"),
    ("OCW", "Onderwijs, Cultuur en Wetenschap"): (
        "OC&W",
        "onderwijsministerie",
        "ministerie van Onderwijs",
    ),
    ("SZW", "Sociale Zaken en Werkgelegenheid"): (
        "Sociale Zaken",
        "ministerie van Sociale Zaken",
    ),
    ("VWS", "Volksgezondheid, Welzijn en Sport"): (
        "Volksgezondheid",
        "zorgministerie",
        "zorgdepartement",
        "gezondheidsministerie",
        "ministerie van Volksgezondheid",
        "ministerie van zorg",
    ),
    ("Belastingdienst",): ("fiscus",),
    ("Toeslagen", "Dienst Toeslagen"): ("toeslagendienst",),
    ("UWV",): ("Uitvoeringsinstituut Werknemersverzekeringen", "uitkeringsinstantie"),
    ("SVB",): ("Sociale Verzekeringsbank",),
    ("DUO",): ("Dienst Uitvoering Onderwijs",),
    ("CJIB",): ("Centraal Justitieel Incassobureau",),
    ("IND",): ("Immigratie- en Naturalisatiedienst",),
    ("RvIG",): ("Rijksdienst voor Identiteitsgegevens",),
    ("Logius",): ("digitale overheidsdienst",),
    ("RVO",): ("Rijksdienst voor Ondernemend Nederland",),
    ("CAK",): ("Centraal Administratie Kantoor",),
    ("CIZ",): ("Centrum Indicatiestelling Zorg",),
    ("Tweede Kamer", "Kamer"): (
        "parlement",
        "volksvertegenwoordiging",
        "volksvertegenwoordigers",
        "Kamerleden",
        "TK",
    ),
    ("Eerste Kamer",): ("senaat", "EK"),
    ("Raad van State",): ("RvS",),
    ("Algemene Rekenkamer",): ("Rekenkamer",),
    ("Nationale ombudsman",): ("ombudsman",),
    ("minister", "staatssecretaris"): ("bewindspersoon", "bewindspersonen", "bewindslieden"),
    ("ministerie", "ministeries"): ("departement", "departementen"),
    ("kabinet",): ("regering",),
}


@lru_cache(maxsize=1)
def _patterns() -> list[tuple[re.Pattern[str], tuple[str, ...]]]:
    """One pattern per organisation over its other names; acronyms match in capitals only."""
    return [(_names_pattern(others), canonical) for canonical, others in _ORGANISATIONS.items()]


def _names_pattern(names: tuple[str, ...]) -> re.Pattern[str]:
    """Any of `names` as a whole word, longest first; acronyms match in capitals only."""
    parts = [
        re.escape(name) if name.isupper() or "&" in name else f"(?i:{re.escape(name)})"
        for name in sorted(names, key=len, reverse=True)
    ]
    return re.compile(r"(?<![\w&])(?:" + "|".join(parts) + r")(?![\w&])")


def alias_terms(question: str) -> list[str]:
    """The corpus forms of the organisations and roles `question` names in other words
    ('het zorgministerie' -> 'VWS', 'Volksgezondheid, Welzijn en Sport'); none that the question
    already writes in a corpus form."""
    found: list[str] = []
    for pattern, canonical in _patterns():
        if not pattern.search(question):
            continue
        found += [
            name for name in canonical if not re.search(rf"(?i)\b{re.escape(name)}\b", question)
        ]
    return list(dict.fromkeys(found))


@lru_cache(maxsize=1)
def _one_word_aliases() -> dict[str, tuple[str, ...]]:
    """The analysed term of each one-word other name -> its corpus forms."""
    found: dict[str, tuple[str, ...]] = {}
    for canonical, others in _ORGANISATIONS.items():
        for name in others:
            analysed = terms(name)
            if len(analysed) == 1:
                found[analysed[0]] = tuple(dict.fromkeys(found.get(analysed[0], ()) + canonical))
    return found


def corpus_forms(term: str) -> tuple[str, ...]:
    """The corpus forms of an analysed question term that is another name for an organisation
    or role ('zorgministerie' -> 'VWS', 'Volksgezondheid, Welzijn en Sport'); empty for any
    other term."""
    return _one_word_aliases().get(term, ())


def _names_of(name: str) -> tuple[str, ...]:
    """Every name of the organisation or role `name` is one of; () when the thesaurus does not
    know it."""
    return next((c + o for c, o in _ORGANISATIONS.items() if name in c + o), ())


def is_organisation(name: str) -> bool:
    """Whether the thesaurus knows `name` as (a name of) a government organisation or role."""
    return bool(_names_of(name))


@lru_cache(maxsize=256)
def _mention_pattern(organisation: str) -> re.Pattern[str]:
    """Any name of the organisation `organisation` is one of (itself when the thesaurus does
    not know it); acronyms match in capitals only."""
    return _names_pattern(_names_of(organisation) or (organisation,))


def mentions(text: str, organisation: str) -> bool:
    """Whether `text` names the organisation by any of its names ('VWS' or 'Volksgezondheid,
    Welzijn en Sport')."""
    return bool(_mention_pattern(organisation).search(text))


def name_mentions(text: str, acronym: str) -> list[tuple[int, int]]:
    """Where `text` names the organisation `acronym` abbreviates by another of its names
    ("Binnenlandse Zaken", "het zorgministerie" for "BZK", "VWS"), in order."""
    return [m.span() for m in _mention_pattern(acronym).finditer(text) if m.group() != acronym]


def acronym_in(text: str) -> str | None:
    """The acronym of the organisation whose full name `text` holds ("Ministerie van
    Volksgezondheid, Welzijn en Sport" -> "VWS"); None when it names none the thesaurus abbreviates."""
    lowered = text.lower()
    for canonical in _ORGANISATIONS:
        acronym, *full = canonical
        if acronym.isupper() and any(name.lower() in lowered for name in full):
            return acronym
    return None


# Roles and bodies every letter names (the Kamer it writes to, the minister who signs): they
# say whose fact a sentence tells no more than its grammar does.
_ROLES = frozenset({"Tweede Kamer", "Eerste Kamer", "minister", "ministerie", "kabinet"})
# The organisations by their first canonical name, without those roles.
_AGENCIES = tuple(c[0] for c in _ORGANISATIONS if c[0] not in _ROLES)


def organisations_named(text: str) -> list[str]:
    """The organisations `text` names, each by its first canonical name ("VWS", "RvIG"); roles
    such as the Kamer, the minister or the cabinet are left out."""
    return [name for name in _AGENCIES if mentions(text, name)]


def organisation_mentions(text: str) -> list[tuple[int, int]]:
    """Where `text` names an organisation the thesaurus knows, by any of its names (roles such
    as the Kamer or the minister left out), in order."""
    found = [match.span() for name in _AGENCIES for match in _mention_pattern(name).finditer(text)]
    return sorted(found)
