"""Document cards: one searchable record per document, for questions about the document itself.

"Welk Kamerstuk is de brief van Koolmees over fase 2?", "wie ondertekende de BZK-brief?": the
answer is printed in the document's head (number, kenmerk, date, commissie) or by its signature,
while the question's topic words match passages about the topic. A card holds the document's
title, dossier title, type, sender, signer, kenmerk, label, date and first passage; the cards
are ranked against the question (BM25-like term weights over the cards fused with the cosine of
the card's vector), and a card ranks its document's field passages: the first chunk and the
chunks that print its date, signer or kenmerk. Derived from the stored chunks and rebuilt per
collection revision, like the other in-memory indexes.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Collection
from dataclasses import dataclass

import numpy as np

from ingest.dates import format_dutch_date
from ingest.labels import label_with_date
from vectorstore.chunk_metadata import document_from_metadata
from vectorstore.document_mentions import name_index
from vectorstore.store import VectorStore
from vectorstore.text_analysis import terms

FIRST_PASSAGE_CHARS = 1500  # of the first chunk, on the card
_LINK_WORDS = r"(?:aan|van|en|de|het|der|voor|op|in)"
# Two or more capitalised words, possibly joined by linking words or commas.
_NAME_RUN = re.compile(r"\b[A-Z][\w-]+(?:,?\s+(?:" + _LINK_WORDS + r"\s+)*[A-Z][\w-]+)+")
_SKIPPED_IN_ACRONYM = frozenset({"en", "van", "de", "het", "der"})
FIELD_CHUNKS = 3  # most passages a card ranks
CARDS_RANKED = 2  # documents whose field passages enter the fusion
_CARD_RANK_CONSTANT = 10


@dataclass(frozen=True)
class DocumentCard:
    doc_id: str
    text: str
    field_chunks: tuple[str, ...]  # chunk ids, the document's first chunk first
    fields: str = ""  # the identifying fields alone (card_fields)


def acronyms(text: str) -> list[str]:
    """Abbreviations a reader may use for names in `text`: the initials of every stretch of a
    run of capitalised words, linking words kept as lower case ('Werk aan Uitvoering' -> WaU)
    except 'en', 'van', 'de' ('Ministerie van Volksgezondheid, Welzijn en Sport' -> MVWS, VWS;
    'Binnenlandse Zaken en Koninkrijksrelaties' -> BZK)."""
    found: list[str] = []
    for run in _NAME_RUN.finditer(text):
        words = [w for w in re.findall(r"[\w-]+", run.group()) if w not in _SKIPPED_IN_ACRONYM]
        capitals = [i for i, word in enumerate(words) if word[0].isupper()]
        found += [
            "".join(word[0] for word in words[start : end + 1])
            for n, start in enumerate(capitals)
            for end in capitals[n + 1 :]
        ]
    return list(dict.fromkeys(found))


def card_fields(document: dict[str, object]) -> str:
    """A document's identifying fields, one a line: title, dossier, type, sender, signer,
    kenmerk and label."""
    fields = [document.get(key) for key in ("title", "dossier_title", "doc_type", "sender")]
    fields += [document.get("signer"), document.get("kenmerk"), label_with_date(document)]
    return "\n".join(str(value) for value in fields if value)


def card_text(document: dict[str, object], first_passage: str) -> str:
    """The card of a document: its identifying fields, the start of its first passage and the
    acronyms of the names in both."""
    head = " ".join(first_passage.split())[:FIRST_PASSAGE_CHARS]
    text = "\n".join(part for part in (card_fields(document), head) if part)
    return text + "\n" + " ".join(acronyms(text))


def field_chunks(document: dict[str, object], chunks: list[tuple[str, str]]) -> tuple[str, ...]:
    """The document's first chunk and the first chunks that print its date, signer or kenmerk
    (`chunks`: (chunk_id, text) in document order)."""
    needles = [
        format_dutch_date(str(document["date"])) if document.get("date") else None,
        document.get("signer"),
        document.get("kenmerk"),
    ]
    found = [chunks[0][0]] if chunks else []
    for needle in needles:
        if not needle:
            continue
        squashed = " ".join(str(needle).split())
        hit = next((cid for cid, text in chunks if squashed in " ".join(text.split())), None)
        if hit and hit not in found:
            found.append(hit)
    return tuple(found[:FIELD_CHUNKS])


class DocumentCards:
    def __init__(self, store: VectorStore) -> None:
        self.store = store
        self._revision: str | None = None
        self.cards: list[DocumentCard] = []
        self._terms: list[Counter[str]] = []
        self._vectors = np.zeros((0, 0), dtype=np.float32)
        self.names: dict[str, frozenset[str]] = {}  # abbreviation -> documents carrying it
        self.document_terms: dict[str, Counter[str]] = {}  # doc_id -> term counts of its text

    def refresh(self, revision: str | None = None) -> None:
        """Rebuild the cards when the collection changed (cheap otherwise)."""
        revision = self.store.revision() if revision is None else revision
        if revision == self._revision:
            return
        by_document: dict[str, list[tuple[int, str, str, dict[str, object]]]] = defaultdict(list)
        for chunk_id, text, metadata in self.store.all_chunks():
            by_document[str(metadata["doc_id"])].append(
                (int(metadata.get("chunk_index", 0)), chunk_id, text, metadata)
            )
        cards = []
        document_terms: dict[str, Counter[str]] = {}
        for doc_id, rows in sorted(by_document.items()):
            rows.sort(key=lambda row: row[0])
            document = document_from_metadata(rows[0][3])
            chunks = [(chunk_id, text) for _, chunk_id, text, _ in rows]
            document_terms[doc_id] = Counter(t for _, text in chunks for t in terms(text))
            cards.append(
                DocumentCard(
                    doc_id,
                    card_text(document, chunks[0][1]),
                    field_chunks(document, chunks),
                    card_fields(document),
                )
            )
        self.cards = cards
        self.document_terms = document_terms
        self.names = name_index(
            (card.doc_id, f"{card.fields}\n{' '.join(acronyms(card.fields))}", card.text)
            for card in cards
        )
        self._terms = [Counter(terms(card.text, compounds=True)) for card in cards]
        texts = [card.text for card in cards]
        self._vectors = (
            np.asarray(self.store.backend.embeddings.embed_documents(texts), dtype=np.float32)
            if texts
            else np.zeros((0, 0), dtype=np.float32)
        )
        self._revision = revision

    def _lexical_scores(self, query: str) -> list[float]:
        """Sum of the idf (over the cards) of the question's terms each card contains."""
        asked = set(terms(query, compounds=True))
        count = len(self._terms)
        frequency = Counter(term for card in self._terms for term in asked & card.keys())
        return [
            sum(math.log((count + 1) / (frequency[t] + 0.5)) for t in asked & card.keys())
            for card in self._terms
        ]

    def rank(
        self, query: str, query_vector: list[float], doc_ids: Collection[str] | None = None
    ) -> list[str]:
        """Field chunk ids of the best-matching documents' cards, best card first."""
        if self._revision is None:
            self.refresh()
        eligible = [i for i, c in enumerate(self.cards) if doc_ids is None or c.doc_id in doc_ids]
        if not eligible:
            return []
        lexical = self._lexical_scores(query)
        dense = self._vectors @ np.asarray(query_vector, dtype=np.float32)
        fused: Counter[int] = Counter()
        for scores in (lexical, dense):
            order = sorted(eligible, key=lambda i: (-scores[i], i))
            for rank, i in enumerate(order, start=1):
                fused[i] += 1.0 / (_CARD_RANK_CONSTANT + rank)
        best = sorted(eligible, key=lambda i: (-fused[i], i))[:CARDS_RANKED]
        return [chunk_id for i in best for chunk_id in self.cards[i].field_chunks]
