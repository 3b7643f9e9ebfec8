"""Dutch term analysis shared by lexical scoring: lower-case words, stop words out, Snowball stems."""

from __future__ import annotations

import re
from functools import lru_cache

import simplemma
import Stemmer

from vectorstore.compounds import compound_parts

DUTCH_STOPWORDS = frozenset(
    [
        "aan",
        "al",
        "alle",
        "alles",
        "als",
        "dan",
        "dat",
        "de",
        "deze",
        "die",
        "dit",
        "door",
        "dus",
        "een",
        "en",
        "er",
        "haar",
        "had",
        "heb",
        "hebben",
        "heeft",
        "het",
        "hier",
        "hij",
        "hoe",
        "hun",
        "ik",
        "in",
        "is",
        "je",
        "kan",
        "kon",
        "maar",
        "me",
        "meer",
        "met",
        "mij",
        "mijn",
        "na",
        "naar",
        "niet",
        "nog",
        "nu",
        "of",
        "om",
        "ons",
        "onze",
        "ook",
        "op",
        "over",
        "te",
        "tot",
        "u",
        "uit",
        "uw",
        "van",
        "veel",
        "voor",
        "was",
        "wat",
        "wel",
        "werd",
        "wie",
        "wij",
        "wil",
        "worden",
        "wordt",
        "zal",
        "ze",
        "zelf",
        "zich",
        "zij",
        "zijn",
        "zo",
        "zonder",
        "zou",
        "welke",
        "welk",
        "waar",
        "wanneer",
        "waarom",
        "hoeveel",
        "wie",
        "wat",
    ]
)
_TOKEN = re.compile(r"[0-9]+(?:[.,][0-9]+)*|[a-zà-ÿ]+(?:-[a-zà-ÿ]+)*")
# Accents carry no meaning for matching: the corpus writes "geinformeerd" and "geïnformeerd",
# "coördinator" and "coordinator" side by side.
_FOLD_ACCENTS = str.maketrans("äëïöüáéíóúàèìòùâêîôûç", "aeiouaeiouaeiouaeiouc")


@lru_cache(maxsize=1)
def _stemmer() -> Stemmer.Stemmer:
    return Stemmer.Stemmer("dutch")


def words(text: str) -> list[str]:
    """The content words of `text` as `terms` reads them (lower case, accents folded, no stop
    words), before stemming."""
    folded = text.lower().translate(_FOLD_ACCENTS)
    return [w for w in _TOKEN.findall(folded) if w not in DUTCH_STOPWORDS]


@lru_cache(maxsize=65536)
def lemma(word: str) -> str:
    """The dictionary form of a Dutch word (simplemma's offline lists): 'verscheen' ->
    'verschijnen', 'kwamen' -> 'komen', 'meldingen' -> 'melding'; Snowball stems cannot join
    a strong verb's forms. simplemma marks the particle of a separable verb in some forms only
    ('toegepast' -> 'toe_passen', 'toepast' -> 'toepassen'); the mark is dropped, so every form
    of the verb has one dictionary form."""
    found = str(simplemma.lemmatize(word, lang="nl")).replace("_", "")
    return found.lower().translate(_FOLD_ACCENTS)


def terms(text: str, compounds: bool = False) -> list[str]:
    """Stemmed content terms of `text`, in order; with `compounds`, each compound word is
    followed by its known parts ('kabinetsreactie' -> kabinetsreactie, kabinet, reactie)."""
    found = words(text)
    if compounds:
        found = [
            term
            for word in found
            for term in (word, *compound_parts(word))
            if term not in DUTCH_STOPWORDS
        ]
    return _stemmer().stemWords(found)


MIN_COMPOUND = 5  # "regeling" matches "Catshuisregeling"; shorter stems match whole words only
_MIN_DERIVED = 6  # "belang" matches "belangrijk"


def term_matches(term: str, text_terms: set[str]) -> bool:
    """The term itself, a Dutch compound with it as head ("regeling" in "Catshuisregeling"), the
    head of the term when the question has the compound ("tijdshorizon": "horizon"), or a word
    derived from the same stem ("belangrijk": "belang")."""
    if term in text_terms:
        return True
    return any(
        (len(term) >= MIN_COMPOUND and word.endswith(term))
        or (len(word) >= MIN_COMPOUND and term.endswith(word))
        or (
            min(len(term), len(word)) >= _MIN_DERIVED
            and (word.startswith(term) or term.startswith(word))
        )
        for word in text_terms
    )
