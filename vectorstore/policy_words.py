"""Words of Dutch policy language that name the same thing.

A civil servant counts "maatregelen" where a letter counts "acties", asks about "zaken" where it
writes "casussen", about "meldingen" where it has "signalen" or "reacties". The small embedding
model barely tells such a pair from two unrelated nouns, and BM25 cannot match them at all. This
is a fixed list of groups of interchangeable nouns from the language of Kamerbrieven and
beslisnota's: general domain knowledge, not fitted to any question. `same_thing` says whether
two stems belong to one group; `names_division` whether a word names a part of a whole ("thema",
"spoor", "pijler"), which a count of parts may use for another ("zes thema's" for "hoeveel
clusters").
"""

from __future__ import annotations

from functools import lru_cache

from vectorstore.text_analysis import term_matches, terms

# Each group: nouns (singular and plural) that name the same thing in policy texts.
_GROUPS: tuple[str, ...] = (
    "maatregel maatregelen actie acties interventie interventies",
    "zaak zaken casus casussen casuïstiek dossier dossiers geval gevallen",
    "signaal signalen melding meldingen reactie reacties",
    "knelpunt knelpunten probleem problemen belemmering belemmeringen obstakel obstakels",
    "rapport rapporten verslag verslagen rapportage rapportages",
    "brief brieven schrijven",
    "medewerker medewerkers ambtenaar ambtenaren werknemer werknemers personeelsleden",
    "burger burgers inwoner inwoners",
    "uitvoerder uitvoerders uitvoeringsorganisatie uitvoeringsorganisaties uitvoeringsdienst "
    "uitvoeringsdiensten instantie instanties",
    "wet wetten wetgeving regelgeving",
    "doel doelen doelstelling doelstellingen ambitie ambities",
    "budget budgetten middelen financiering",
    "bijeenkomst bijeenkomsten sessie sessies overleg overleggen",
    "deelnemer deelnemers aanwezigen",
    "toezegging toezeggingen belofte beloften beloftes",
    "vacature vacatures",
    "termijn termijnen deadline deadlines",
    "voorstel voorstellen plan plannen",
    "gezin gezinnen huishouden huishoudens",
    "prioriteit prioriteiten speerpunt speerpunten",
)


@lru_cache(maxsize=1)
def _group_of() -> dict[str, int]:
    groups: dict[str, int] = {}
    for index, group in enumerate(_GROUPS):
        for stem in terms(group):
            groups.setdefault(stem, index)
    return groups


def same_thing(stem: str, other: str) -> bool:
    """Whether two stemmed nouns name the same thing in policy language ("maatregel" and
    "actie"); a stem is the same thing as itself."""
    if stem == other:
        return True
    groups = _group_of()
    return stem in groups and groups[stem] == groups.get(other)


# Nouns for the parts a whole is divided into: "In hoeveel clusters zijn de acties ingedeeld?"
# is answered by "zes verschillende thema's"; the stukken and the asker pick either word.
_DIVISIONS = frozenset(
    terms(
        "thema themas cluster categorie onderwerp groep soort pijler lijn spoor sporen domein "
        "onderdeel hoofdstuk rubriek bouwsteen gebied terrein prioriteit speerpunt as assen "
        "theme themes topic topics category categories pillar pillars track tracks area areas"
    )
)


def names_division(stems: list[str] | set[str]) -> bool:
    """Whether one of the stems is (a compound of) a noun for a part of a whole."""
    known = set(stems)
    return any(term_matches(division, known) for division in _DIVISIONS)
