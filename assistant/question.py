"""What kind of answer a question asks for, and which of its words carry its meaning."""

from __future__ import annotations

import re

from wordfreq import zipf_frequency

from ingest.references import strip_references
from vectorstore.text_analysis import terms

# Verbs and adjectives that shape a question but say nothing about its subject ("Wat zegt … over",
# "Hoe hoog is …", "Welke brief opent met …"); left out when judging whether the stukken cover a
# question.
QUESTION_WORDS = frozenset(
    terms(
        "zegt zeggen noemt noemen houdt staat staan gaat gaan komt komen krijgt krijgen geeft geven "
        "doet doen hoog groot lang er zijn heeft hebben wordt werd worden neemt nemen stuurde "
        "gestuurd verstuurd welke welk wat wie waar wanneer hoeveel hoe eigenlijk precies graag "
        "weet weten vertel kun kunt kan tegen per nieuwe nieuw moet moeten mag mogen volgens "
        "maakt maken "
        # where in a document something stands, not what it is about
        "opent begint eindigt citaat citeert citeren"
    )
)
ASKS_DOCUMENT = re.compile(
    r"\b(in\s+)?(welk|welke)\s+(kamerstuk|kamerbrief|brief|document|stuk|nota)\b|"
    r"\bwelke?\s+van\s+de\s+(?:brieven|stukken|documenten|kamerstukken)\b|"
    r"\bwaar\s+staat\s+(?:dat|het|beschreven)\b|"
    r"\bwhich\s+(?:of\s+the\s+)?(letter|document|paper)s?\b|\bwhere\s+does\s+it\s+say\b",
    re.IGNORECASE,
)
# Function words of one language that are not words of the other ("is", "was", "in", "of",
# "over", "die", "we" are both): a question is English when more of its words are English ones.
_ENGLISH = frozenset(
    "the a an of and or to for with from about into onto than this that these those what when "
    "which who whom whose how why where there their they them it its are were does did do done "
    "has have been be being will would can could should must not no any all each every some "
    "such other also only still yet if then by on at after before during within without between "
    "under up out many much more most new year years according paper letter parliamentary "
    "government ministry cabinet said says say mentioned true".split()
)
_DUTCH = frozenset(
    "de het een en van voor met naar uit aan op bij door tot om te dat deze dit die wat welke "
    "welk wie waar wanneer hoe hoeveel waarom wordt worden werd werden zijn heeft hebben hadden "
    "kan kunnen zal zullen wil moet moeten mag niet geen nog ook als maar dan er hun zij ze "
    "staat gaat komt wel naast tussen volgens jaar brief kabinet ministerie".split()
)


def content_terms(question: str) -> list[str]:
    """Stemmed terms of the question without question words and Kamerstuk numbers (those steer
    retrieval, not the choice of sentence), in order, without repeats."""
    text = strip_references(question)
    # A capitalised word after the first is part of a name ("de Staat van de Uitvoering").
    names = set(terms(" ".join(w for w in text.split()[1:] if w[:1].isupper())))
    return [
        t
        for t in dict.fromkeys(terms(text))
        if (t not in QUESTION_WORDS or t in names) and (len(t) > 1 or t.isdigit())
    ]


def subject_terms(question: str) -> list[str]:
    """The question's subject words: its content terms that are not numbers."""
    return [t for t in content_terms(question) if not t[0].isdigit()]


# "18,000", "1.5": a number written with separators is spelled differently per language.
_SEPARATED_NUMBER = re.compile(r"\d+(?:[.,]\d+)+")
_WORD = re.compile(r"[^\W_][\w-]*")
_NUMBER_DIGITS = 3  # "2030", "410"; not a day of the month


def names(question: str) -> list[str]:
    """The words of a question that a translation would leave as they are: numbers of three or
    more digits, words with a digit ("F-35"), and capitalised words and acronyms that are no more
    common in English than in Dutch ("Borssele", "UWV", "Mulder"; not "Interior", "House",
    "Dutch", a translated name). Kamerstuk numbers are left out (the Kamerstuk rule judges them).
    """
    text = _SEPARATED_NUMBER.sub(" ", strip_references(question))
    words = _WORD.findall(text)
    found = [w for i, w in enumerate(words) if _untranslated(w, first=i == 0)]
    return list(dict.fromkeys(found))


def _untranslated(word: str, first: bool) -> bool:
    if word.isdigit():
        return len(word) >= _NUMBER_DIGITS
    if any(c.isdigit() for c in word):
        return True
    capitalised = (not first and word[0].isupper()) or sum(c.isupper() for c in word) >= 2
    folded = word.lower()
    return capitalised and zipf_frequency(folded, "nl") >= zipf_frequency(folded, "en")


def is_english(question: str) -> bool:
    """Whether the question is in English: at least two of its words are English function words,
    and more than are Dutch ones (a Dutch question may quote an English title)."""
    words = re.findall(r"[a-z]+", question.lower())
    english = sum(w in _ENGLISH for w in words)
    dutch = sum(w in _DUTCH for w in words)
    return english >= 2 and english > dutch
