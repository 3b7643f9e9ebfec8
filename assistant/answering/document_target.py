"""Which stored document a question about "de brief van …" means.

A named Kamerstuk or kenmerk decides; otherwise each document the search found scores by what
the question says about it (its date range, the signer's surname, the sender's ministry or its
abbreviation, "nota" for a beslisnota), by the share of the question's describing words on its
document card (title, dossier, first passage, acronyms such as WaU), by how densely its whole
text uses them (the letter about "fase 2" says "fase" far more often per word than a long letter
that mentions phases in passing), and by its share of the retrieved passages.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any

from assistant.answering.document_people import signer_surname
from assistant.answering.document_questions import without_field_words
from assistant.question import content_terms
from vectorstore.document_cards import acronyms
from vectorstore.search import SearchResult
from vectorstore.text_analysis import terms

_CONSTRAINT = 2.0  # a date range, signer or sender the question names outweighs ranking
_SENDER = 1.5
_TYPE = 1.0
_MIN_STEM = 4
_INFLECTION = 2  # letters an inflected form may add to a card word ("fase" -> "fasen")
_CARD = 2.0  # weight of the share of describing words on the document's card
_TOPIC = 1.0  # weight of how densely the document's whole text uses them
_NOTA = re.compile(r"\b(?:beslis)?nota\b", re.IGNORECASE)


def _words(text: str) -> set[str]:
    return {w.lower() for w in re.findall(r"[\wÀ-ÿ]+", text)}


def _sender_names(document: dict[str, Any]) -> set[str]:
    """How a question may name the sender: its abbreviations (BZK, VWS) and ministry words."""
    sender = str(document.get("sender") or "")
    names = {a.lower() for a in acronyms(sender) if len(a) >= 3}
    ministry = re.search(r"\bvan\s+(.+)$", sender)
    if ministry:
        names.add(ministry.group(1).split(" - ")[0].split(",")[0].strip().lower())
    return names


def _constraint_score(question: str, document: dict[str, Any], dated: frozenset[str]) -> float:
    words = _words(question)
    lowered = question.lower()
    score = _CONSTRAINT if document["doc_id"] in dated else 0.0
    if signer_surname(document).lower() in words:
        score += _CONSTRAINT
    if any(
        (name in words) if " " not in name else (name in lowered)
        for name in _sender_names(document)
    ):
        score += _SENDER
    if _NOTA.search(question) and document.get("doc_type") == "beslisnota":
        score += _TYPE
    return score


def _same_stem(term: str, word: str) -> bool:
    """The term itself, an inflection of it ("fase" and "fasen") or a word derived from it, but
    not a word the term only starts with ("kabinet" is not "kabinetsreactie")."""
    return term == word or (
        min(len(term), len(word)) >= _MIN_STEM
        and (
            word.startswith(term)
            or (term.startswith(word) and len(term) - len(word) <= _INFLECTION)
        )
    )


def _on_card(term: str, card_terms: set[str]) -> bool:
    """Whether the card holds the term or a word sharing its stem (`_same_stem`)."""
    return term in card_terms or any(_same_stem(term, word) for word in card_terms)


def _card_shares(described: set[str], cards: dict[str, str]) -> dict[str, float]:
    """Per document, the idf-weighted share (idf over the cards) of the question's describing
    terms that its card contains: "Tweede" on every card says nothing, "WaU" on one does."""
    on_card = {
        doc_id: {t for t in described if _on_card(t, set(terms(text.replace("-", " "))))}
        for doc_id, text in cards.items()
    }
    count = len(cards)
    weight = {
        t: math.log((count + 1) / (sum(t in found for found in on_card.values()) + 0.5))
        for t in described
    }
    total = sum(weight.values()) or 1.0
    return {doc_id: sum(weight[t] for t in found) / total for doc_id, found in on_card.items()}


def _topic_shares(
    described: set[str], document_terms: Mapping[str, Counter[str]]
) -> dict[str, float]:
    """Per document, the idf-weighted share of the describing terms, each counted by how densely
    the document's whole text uses it (the share of its words sharing the term's stem) against
    the densest document: the short September 2020 letter says "fase" six times in 379 words,
    the long kabinetsreactie twice in 4,674."""
    count = len(document_terms)
    lengths = {doc_id: sum(counts.values()) or 1 for doc_id, counts in document_terms.items()}
    score = dict.fromkeys(document_terms, 0.0)
    total = 0.0
    for term in described:
        density = {
            doc_id: sum(n for word, n in counts.items() if _same_stem(term, word)) / lengths[doc_id]
            for doc_id, counts in document_terms.items()
        }
        densest = max(density.values(), default=0.0)
        if not densest:
            continue
        weight = math.log((count + 1) / (sum(1 for d in density.values() if d) + 0.5))
        total += weight
        for doc_id, share in density.items():
            score[doc_id] += weight * share / densest
    return {doc_id: value / (total or 1.0) for doc_id, value in score.items()}


# Other words for the cabinet's response to a report, as the stukken call it ("het
# regeringsantwoord op WaU" is "de kabinetsreactie op Werk aan Uitvoering").
_RESPONSE = re.compile(r"\b(?:regerings|kabinets)antwoord\b|\bregeringsreactie\b", re.I)


def target_document(
    question: str,
    result: SearchResult,
    documents: Sequence[dict[str, Any]],
    cards: dict[str, str],
    document_terms: Mapping[str, Counter[str]],
) -> dict[str, Any] | None:
    """The metadata of the document the question is about, or None when nothing was found;
    `cards` holds each document's card text and `document_terms` the term counts of its whole
    text, by doc_id."""
    question = _RESPONSE.sub("kabinetsreactie", question)
    by_id = {str(d["doc_id"]): d for d in documents}
    if len(result.hints.documents) == 1:
        return by_id.get(next(iter(result.hints.documents)))
    for document in documents:
        kenmerk = document.get("kenmerk")
        if kenmerk and str(kenmerk) in question:
            return document
    ranking: dict[str, float] = {}
    for rank, chunk in enumerate(result.chunks):
        doc_id = str(chunk.metadata.get("doc_id"))
        ranking[doc_id] = ranking.get(doc_id, 0.0) + 1.0 / (rank + 1)
    if not ranking:
        return None
    total = sum(ranking.values())
    described = set(content_terms(without_field_words(question).replace("-", " ")))
    dated = result.hints.dated_documents
    shares = _card_shares(described, cards)
    signers = {signer_surname(document).lower() for document in documents}  # scored as a constraint
    topics = _topic_shares(described - signers, document_terms)
    scored = {
        doc_id: _constraint_score(question, by_id[doc_id], dated)
        + _CARD * shares.get(doc_id, 0.0)
        + _TOPIC * topics.get(doc_id, 0.0)
        + ranking[doc_id] / total
        for doc_id in ranking
        if doc_id in by_id
    }
    best = max(scored, key=lambda doc_id: scored[doc_id], default=None)
    return by_id[best] if best else None
