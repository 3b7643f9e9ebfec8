"""Whether a question asks for things to be listed ("Welke vier organisaties …", "Which
services …") rather than for one fact, and whether the stukken only count what it asks to be
named ("zestig gemeenten")."""

from __future__ import annotations

import re

from assistant.plan import QuestionPlan
from vectorstore.plurals import is_plural

# "Welke <noun> wordt …": a singular verb right after the asked noun.
_ONE_THING = re.compile(
    r"\b(?:welke|which)\s+([\w'’-]+)\s+(?:wordt|werd|is|was|heeft|had|kan|zal|moet|staat|komt|"
    r"gaat|geldt|does|has)\b",
    re.IGNORECASE,
)
# "Welke organisaties …", "Welke partijen …": organisations in the plural are a list.
_ORGANISATIONS_ASKED = re.compile(
    r"\b(?:welke|which)\s+(?:\w+\s+)?\w*(?:organisaties|diensten|instanties|instellingen|zbo'?s|"
    r"agentschappen|ministeries|departementen|uitvoerders|gemeenten|provincies|waterschappen|"
    r"organi[sz]ations|agencies|bodies|ministries|municipalities)\b",
    re.IGNORECASE,
)
# After the verb, its own subject: a name, a pronoun or a noun with its article.
_SUBJECT_NEXT = re.compile(
    r"\s+(?:[A-Z]|(?:de|het|een|dit|deze|die|zijn|haar|hun|hij|zij|ze|men|u|je|jij|the|it|they)\b)"
)
# Dutch prepositions: after one, a verb agrees with another subject; an article goes on with the
# phrase it opens ("over de …").
PREPOSITIONS = frozenset("bij met door aan voor in op over van uit naar onder tegen via".split())


def asks_for_items(plan: QuestionPlan) -> bool:
    """Whether the question asks for things to be listed ("Welke vier …", "Which services …")
    rather than for one typed fact; "Welke maatwerkplaats wordt genoemd …" asks for one thing,
    its verb is singular."""
    if plan.count:
        return not plan.typed
    listed = plan.asks == "list" or (
        plan.asks == "organisation" and bool(_ORGANISATIONS_ASKED.search(plan.focus))
    )
    return listed and not _one_thing(plan)


def _one_thing(plan: QuestionPlan) -> bool:
    """Whether the verb after the asked noun is singular ("Welke maatwerkplaats wordt …"). After
    a preposition the verb agrees with another subject: "Bij welke uitvoeringsorganisaties is de
    problematiek in kaart gebracht?" asks for several organisations."""
    match = _ONE_THING.search(plan.focus)
    if match is None:
        return False
    if is_plural(match.group(1)) and _SUBJECT_NEXT.match(plan.focus, match.end()):
        return False  # "Welke meldpunten heeft RvIG …": the verb agrees with RvIG
    before = plan.focus[: match.start()].split()[-1:]
    organisations = plan.asks == "organisation" and _ORGANISATIONS_ASKED.match(
        plan.focus, match.start()
    )
    return not (organisations and before and before[0].lower() in PREPOSITIONS)


# "zestig gemeenten", "een aantal gemeenten": how many, not which
_HOW_MANY = (
    r"(?:\d[\d.]*|een aantal|enkele|diverse|meerdere|verschillende|[a-z]*(?:tig|tien|honderd))"
)


def counts_instead_of_naming(text: str, plan: QuestionPlan) -> bool:
    """Whether a question for organisations by name ("Welke gemeenten doen mee …?") finds them
    only counted ("Momenteel zijn zestig gemeenten betrokken"): the stukken do not say which."""
    asked = _ORGANISATIONS_ASKED.search(plan.focus)
    if asked is None or plan.asks != "organisation":
        return False
    noun = asked.group().split()[-1]
    return bool(re.search(rf"\b{_HOW_MANY}\s+(?:\w+\s+)?{re.escape(noun)}\b", text, re.I))
