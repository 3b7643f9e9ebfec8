"""The answering service: question in, grounded answer with citations out.

Extractive for now: the answer consists of verbatim quotes from retrieved chunks, and every
citation label comes from document metadata, never from generated text.
"""

from __future__ import annotations

import time
from assistant.answer_models import Answer, Citation
from assistant.config import Settings
from assistant.extractive import ASKS_DATE, best_quote, shares_terms
from ingest.dates import format_dutch_date
from ingest.labels import document_label, label_with_date
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


def asks_for_date(question: str) -> bool:
    return bool(ASKS_DATE.search(question))


class AnswerService:
    """One service for every front end: CLI, chat and Slack bot call `ask`."""

    def __init__(self, settings: Settings, store: VectorStore) -> None:
        self.settings = settings
        self.store = store
        self.searcher = HybridSearcher(settings, store)

    def _with_dated_head(self, chunks: list[StoredChunk]) -> list[StoredChunk]:
        """For 'wanneer'-questions: put the chunk where the best document prints its own date
        (e.g. 'Den Haag, 5 maart 2021') first, so the date is quoted from the source."""
        document = document_from_metadata(chunks[0].metadata)
        written_date = format_dutch_date(document["date"])
        if not written_date or any(written_date in c.text for c in chunks[:1]):
            return chunks
        head = self.store.first_chunk_containing(str(document["doc_id"]), written_date)
        if head is None:
            return chunks
        return [head] + [c for c in chunks if c.chunk_id != head.chunk_id]

    def ask(self, question: str) -> Answer:
        started = time.perf_counter()
        chunks = self.searcher.search(question, k=self.settings.top_k)
        retrieved = time.perf_counter()
        best_similarity = max((c.dense_score or 0.0 for c in chunks), default=0.0)
        relevant = chunks if best_similarity >= self.settings.min_relevance else []
        if relevant and asks_for_date(question):
            relevant = self._with_dated_head(relevant)
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
        finished = time.perf_counter()
        answer.timings_ms = {
            "retrieve": round((retrieved - started) * 1000, 1),
            "answer": round((finished - retrieved) * 1000, 1),
            "total": round((finished - started) * 1000, 1),
        }
        return answer
