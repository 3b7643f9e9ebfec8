"""The answering service: question in, grounded answer with citations out.

Extractive for now: the answer consists of verbatim quotes from retrieved chunks, and every
citation label comes from document metadata, never from generated text.
"""

from __future__ import annotations

import time
from assistant.answer_models import Answer, Citation
from assistant.config import Settings
from assistant.extractive import best_quote, shares_terms
from ingest.dates import format_dutch_date
from ingest.labels import document_label, label_with_date
from ingest.references import KamerstukId
from vectorstore.filters import SearchFilters
from vectorstore.query_analysis import QueryHints
from vectorstore.search import HybridSearcher
from vectorstore.store import StoredChunk, VectorStore, document_from_metadata

NOT_IN_DOCUMENTS = "Dat staat niet in de stukken die ik kan doorzoeken."


def citation_reference(citation: Citation) -> str:
    """'Kamerstuk 29 362, nr. 290, 5 maart 2021': label plus the document date when known."""
    date = format_dutch_date(citation.date)
    return f"{citation.label}, {date}" if date else citation.label


def _citation(n: int, question: str, chunk: StoredChunk) -> Citation:
    document = document_from_metadata(chunk.metadata)
    return Citation(
        n=n,
        label=document_label(document),
        kamerstuk=document["kamerstuk"],
        source=str(document["source"]),
        title=document["title"],
        date=document["date"],
        quote=best_quote(question, chunk.text),
        chunk_id=chunk.chunk_id,
    )


def _refusal_text(nearest: list[StoredChunk]) -> str:
    labels: list[str] = []
    for chunk in nearest:
        label = label_with_date(document_from_metadata(chunk.metadata))
        if label not in labels:
            labels.append(label)
    if not labels:
        return f"{NOT_IN_DOCUMENTS} Er zijn nog geen documenten ingelezen."
    return f"{NOT_IN_DOCUMENTS} Het dichtst in de buurt komen: " + "; ".join(labels) + "."


def reading_notes(hints: QueryHints) -> list[str]:
    """Say how Kamerstuk numbers in the question were read, so a typo never goes unnoticed."""
    notes = [
        f"Ik lees {typed} als {KamerstukId.parse(stored).label}."
        for typed, stored in hints.corrections.items()
    ]
    notes += [
        f"{KamerstukId.parse(unknown).label} zit niet in de stukken die ik kan doorzoeken."
        for unknown in hints.unknown
    ]
    return notes


class AnswerService:
    """One service for every front end: CLI, chat and Slack bot call `ask`."""

    def __init__(self, settings: Settings, store: VectorStore) -> None:
        self.settings = settings
        self.store = store
        self.searcher = HybridSearcher(settings, store)

    def ask(self, question: str, filters: SearchFilters | None = None) -> Answer:
        started = time.perf_counter()
        result = self.searcher.search_with_hints(question, k=self.settings.top_k, filters=filters)
        chunks = result.chunks
        retrieved = time.perf_counter()
        best_similarity = max((c.dense_score or 0.0 for c in chunks), default=0.0)
        relevant = chunks if best_similarity >= self.settings.min_relevance else []
        if result.hints.unknown and not result.hints.named:
            relevant = []  # the question is about a Kamerstuk the corpus does not have
        if not question.strip() or not relevant:
            answer = Answer(question, _refusal_text(chunks[:3]), refused=True)
        else:
            quoted = [c for c in relevant if shares_terms(question, c.text)]
            citations = [
                _citation(n, question, chunk)
                for n, chunk in enumerate(quoted[: self.settings.answer_passages], start=1)
            ]
            lines = [f"[{c.n}] “{c.quote}” — {citation_reference(c)}" for c in citations]
            answer = Answer(question, "Uit de stukken:\n" + "\n".join(lines), False, citations)
        answer.notes = reading_notes(result.hints)
        if answer.notes:
            answer.answer = "\n".join(answer.notes) + "\n\n" + answer.answer
        finished = time.perf_counter()
        answer.timings_ms = {
            "retrieve": round((retrieved - started) * 1000, 1),
            "answer": round((finished - retrieved) * 1000, 1),
            "total": round((finished - started) * 1000, 1),
        }
        return answer
