"""What kind of answer a question asks for, and which of its words carry its meaning."""

from __future__ import annotations

import re

from ingest.references import strip_references
from vectorstore.text_analysis import terms

# Verbs and adjectives that shape a question but say nothing about its subject ("Wat zegt … over",
# "Hoe hoog is …"); left out when judging whether the stukken cover a question.
QUESTION_WORDS = frozenset(
    terms(
        "zegt zeggen noemt noemen houdt staat staan gaat gaan komt komen krijgt krijgen geeft geven "
        "doet doen hoog groot lang er zijn heeft hebben wordt werd worden neemt nemen stuurde "
        "gestuurd verstuurd welke welk wat wie waar wanneer hoeveel hoe eigenlijk precies graag "
        "weet weten vertel kun kunt kan tegen per nieuwe nieuw moet moeten mag mogen volgens "
        "maakt maken"
    )
)
ASKS_DOCUMENT = re.compile(
    r"\b(in\s+)?(welk|welke)\s+(kamerstuk|kamerbrief|brief|document|stuk|nota)\b|"
    r"\bwhich\s+(letter|document|paper)\b",
    re.IGNORECASE,
)
# English function words that are not also Dutch words ("is", "was", "in" are both).
_ENGLISH = frozenset(
    [
        "the",
        "of",
        "and",
        "what",
        "when",
        "which",
        "who",
        "how",
        "are",
        "were",
        "does",
        "did",
        "to",
        "about",
        "for",
        "with",
        "many",
        "much",
        "from",
        "this",
        "that",
        "these",
        "those",
        "has",
        "have",
        "been",
        "be",
        "why",
        "where",
        "letter",
        "government",
        "received",
        "sent",
    ]
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


def is_english(question: str) -> bool:
    words = re.findall(r"[a-z]+", question.lower())
    english = sum(w in _ENGLISH for w in words)
    return english >= 2 and english / len(words) >= 0.25
