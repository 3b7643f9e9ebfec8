"""The answering service: question (+ conversation, + filters) in, grounded answer with citations out.

One service for every front end (CLI, Gradio chat, Slack bot). Two modes:
- extractive (offline default): the answer is made of verbatim sentences from the retrieved
  passages, each followed by its marker [n];
- llm: an OpenAI-compatible model phrases the answer from numbered passages.
In both, citations are built from document metadata, and the citation guard checks every sentence
before it is shown (also while streaming).
"""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Iterator, Sequence
from dataclasses import replace
from typing import Any

import numpy as np

from assistant.answer_models import Answer, Citation
from assistant.config import Settings
from assistant.conversation import ResolvedQuestion, Turn, resolve
from assistant.extractive import Passage, Similarity, select_passages, sentence_spans
from assistant.guard import MARKER, Evidence, check_sentence, split_sentences
from assistant.llm import LLMClient, LLMError
from assistant.opening import opening_passages
from assistant.question import ASKS_DOCUMENT, content_terms, is_english
from ingest.dates import format_dutch_date
from ingest.labels import document_label, label_with_date
from ingest.references import KamerstukId
from vectorstore.filters import SearchFilters
from vectorstore.query_analysis import ASKS_DATE, QueryHints
from vectorstore.search import HybridSearcher, SearchResult
from vectorstore.store import StoredChunk, VectorStore, document_from_metadata
from vectorstore.validation import validate_question

log = logging.getLogger(__name__)

NOT_IN_DOCUMENTS = "Dat staat niet in de stukken die ik kan doorzoeken."
_NEAREST = 3
_OPENING_CHUNKS = 3  # "Waar gaat … over?" quotes the body's opening from these


def _lines_around(chunk: StoredChunk, start: int, end: int) -> Passage:
    """The whole line(s) of `chunk` holding the text from `start` to `end`."""
    line_start = chunk.text.rfind("\n", 0, start) + 1
    line_end = chunk.text.find("\n", end)
    return Passage(chunk, line_start, line_end if line_end >= 0 else len(chunk.text))


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _refusal_text(nearest: Sequence[StoredChunk]) -> str:
    labels: list[str] = []
    for chunk in nearest:
        label = label_with_date(document_from_metadata(chunk.metadata))
        if label not in labels:
            labels.append(label)
    if not labels:
        return f"{NOT_IN_DOCUMENTS} Er zijn (met deze filters) geen documenten om te doorzoeken."
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


class _Citations:
    """Numbers cited chunks in order of first use. A citation's quote is the verbatim span of
    its chunk that covers every passage the answer used from it."""

    def __init__(self) -> None:
        self.by_chunk: dict[str, Citation] = {}
        self.spans: dict[str, tuple[int, int]] = {}
        self.chunks: dict[int, StoredChunk] = {}

    def number(self, passage: Passage | None, chunk: StoredChunk | None = None) -> int:
        """The citation number for a passage (or for a whole chunk cited without a quote)."""
        chunk = passage.chunk if passage is not None else chunk
        assert chunk is not None
        if passage is not None:
            start, end = self.spans.get(chunk.chunk_id, (passage.start, passage.end))
            self.spans[chunk.chunk_id] = (min(start, passage.start), max(end, passage.end))
        existing = self.by_chunk.get(chunk.chunk_id)
        if existing is None:
            document = document_from_metadata(chunk.metadata)
            existing = Citation(
                n=len(self.by_chunk) + 1,
                label=document_label(document),
                kamerstuk=document["kamerstuk"],
                source=str(document["source"]),
                title=document["title"],
                date=document["date"],
                quote="",
                chunk_id=chunk.chunk_id,
            )
            self.chunks[existing.n] = chunk
        if chunk.chunk_id in self.spans:
            start, end = self.spans[chunk.chunk_id]
            existing = replace(existing, quote=chunk.text[start:end].strip())
        self.by_chunk[chunk.chunk_id] = existing
        return existing.n

    def listed(self) -> list[Citation]:
        return sorted(self.by_chunk.values(), key=lambda c: c.n)


class AnswerService:
    """Answers questions from the store's passages; its parts are built by `assistant.app`."""

    def __init__(
        self,
        settings: Settings,
        store: VectorStore,
        searcher: HybridSearcher,
        llm: LLMClient | None = None,
    ) -> None:
        self.settings = settings
        self.store = store
        self.searcher = searcher
        self.llm = llm

    # -- public API ----------------------------------------------------------------------
    def documents(self) -> list[dict[str, Any]]:
        """Every stored document with its metadata (current: re-read when the store changed)."""
        self.searcher.catalog.sync()
        return self.searcher.catalog.documents()

    def passage_texts(self, chunk_ids: Sequence[str]) -> dict[str, str]:
        """The full text of the given passages (a citation's context, an answer's evidence)."""
        rows = self.store.chunks_with_vectors(list(chunk_ids), with_vectors=False)
        return {chunk_id: text for chunk_id, text, _, _ in rows}

    def ask(
        self, question: str, history: Sequence[Turn] = (), filters: SearchFilters | None = None
    ) -> Answer:
        """The complete answer (the last event of `ask_stream`)."""
        answer: Answer | None = None
        for event in self.ask_stream(question, history, filters):
            if isinstance(event, Answer):
                answer = event
        assert answer is not None  # ask_stream always ends with an Answer
        return answer

    def ask_stream(
        self, question: str, history: Sequence[Turn] = (), filters: SearchFilters | None = None
    ) -> Iterator[str | Answer]:
        """Text pieces as soon as they passed the guard, then the complete `Answer`. An empty,
        too long or garbled question raises `QuestionError`."""
        question = validate_question(question, self.settings.max_question_chars)
        started = time.perf_counter()
        turns = list(history)
        resolved = self._resolve(question, turns)
        result = self.searcher.search_with_hints(
            resolved.text,
            k=self.settings.top_k,
            filters=filters,
            prefer_documents=resolved.documents,
        )
        retrieved = time.perf_counter()
        answer = Answer(
            question,
            "",
            refused=True,
            mode=self.settings.answer_mode,
            retrieved=[chunk.chunk_id for chunk in result.chunks],
        )
        answer.notes = reading_notes(result.hints)
        if answer.notes:
            yield "\n".join(answer.notes) + "\n\n"
        if self._relevant(resolved.text, result):
            if self.llm is not None:
                yield from self._answer_with_llm(resolved, result, answer)
            if self.llm is None or answer.mode == "extractive":
                scoped = filters is not None and not filters.is_empty
                yield from self._answer_extractively(question, resolved, result, answer, scoped)
        if answer.refused:
            answer.citations = []
            answer.answer = _refusal_text(result.chunks[:_NEAREST])
            yield answer.answer
        if answer.notes:
            answer.answer = "\n".join(answer.notes) + "\n\n" + answer.answer
        finished = time.perf_counter()
        answer.timings_ms = {
            "retrieve": round((retrieved - started) * 1000, 1),
            "answer": round((finished - retrieved) * 1000, 1),
            "total": round((finished - started) * 1000, 1),
        }
        yield answer

    # -- steps ---------------------------------------------------------------------------
    def _resolve(self, question: str, history: list[Turn]) -> ResolvedQuestion:
        resolved = resolve(question, history)
        if resolved.follow_up and self.llm is not None:
            pairs = [(t.question, t.answer.answer) for t in history[-3:]]
            try:
                standalone = self.llm.condense(question, pairs)
            except LLMError as exc:  # answered without the model; the answer step says so
                log.warning("condensing failed, reading the follow-up extractively: %s", exc)
                return resolved
            return ResolvedQuestion(standalone, True, resolved.documents)
        return resolved

    def _relevant(self, question: str, result: SearchResult) -> bool:
        """Whether the retrieved passages can answer at all (the refusal policy)."""
        if not question.strip() or not result.chunks:
            return False
        if result.hints.unknown and not result.hints.named:
            return False  # the question is about a Kamerstuk the corpus does not have
        if max(c.dense_score or 0.0 for c in result.chunks) < self.settings.min_relevance:
            return False
        subject = [t for t in content_terms(question) if not t[0].isdigit()]
        if not subject:
            return bool(result.hints.named)  # "Waar gaat kst-31490-284 over?"; not "En dan?"
        if is_english(question):
            return True  # matched by meaning only: Dutch word statistics do not apply
        unknown = [t for t in subject if not self.searcher.lexical.knows(t)]
        return len(unknown) / len(subject) < self.settings.max_unknown_fraction

    def _thin(
        self, result: SearchResult, passages: list[Passage], similarity: Similarity | None
    ) -> bool:
        """Whether both the best passage and the best answer sentence are only weakly similar to
        the question: then the sentences found are about something else (calibrated on the dev
        set: it refuses the answers that cited a document without the fact, and no other)."""
        if similarity is None or result.hints.named:
            return False
        best_passage = max(c.dense_score or 0.0 for c in result.chunks)
        sentences = [p.text[a:b] for p in passages for a, b in sentence_spans(p.text)]
        best_sentence = max(similarity(sentences))
        return (
            best_passage < self.settings.weak_passage_score
            and best_sentence < self.settings.weak_sentence_score
        )

    def _similarity(self, result: SearchResult) -> Similarity | None:
        """Cosine similarity of sentences to the question (sentence vectors are cached)."""
        if result.query_vector is None:
            return None
        question = np.asarray(result.query_vector, dtype=np.float32)

        def similarity(sentences: list[str]) -> list[float]:
            vectors = self.store.backend.embeddings.embed_documents(sentences)
            return [float(v) for v in np.asarray(vectors, dtype=np.float32) @ question]

        return similarity

    def _named_document_head(self, question: str, result: SearchResult) -> Passage | None:
        """ "Waar gaat kst-31490-284 over?": a question naming a document and nothing else is
        answered with its title, cited from its first passage."""
        if content_terms(question) or len(result.hints.documents) != 1:
            return None
        doc_id = next(iter(result.hints.documents))
        head = next(
            (
                c
                for c in result.chunks
                if c.metadata.get("doc_id") == doc_id and c.metadata.get("chunk_index") == 0
            ),
            None,
        )
        if head is None:
            head = self.store.head_chunk(doc_id)
        title = head.metadata.get("title") if head else None
        if head is None or not title:
            return None
        first_line = head.text.strip().splitlines()[0]
        start = head.text.find(first_line)
        return Passage(head, start, start + len(first_line))

    def _document_sender_passage(self, result: SearchResult) -> Passage | None:
        """ "Wie stuurde Kamerstuk …?": the line of the best (or named) document that names its
        sender ("BRIEF VAN DE STAATSSECRETARIS VAN …"), or None when it has none."""
        if not result.hints.asks_document_sender:
            return None
        doc_id = (
            next(iter(result.hints.documents))
            if len(result.hints.documents) == 1
            else str(result.chunks[0].metadata.get("doc_id"))
        )
        head = self.store.head_chunk(doc_id)
        sender = str(head.metadata.get("sender") or "") if head else ""
        if head is None or not sender:
            return None
        written = r"\s+".join(re.escape(word) for word in sender.split())
        match = re.search(written, head.text, re.IGNORECASE) or re.search(
            r"brief van", head.text, re.IGNORECASE
        )
        return _lines_around(head, match.start(), match.end()) if match else None

    def _document_date_passage(self, result: SearchResult) -> Passage | None:
        """The line in which the best document prints its own date. For a document-date
        question the searcher found that passage already; a follow-up looks it up."""
        document = document_from_metadata(result.chunks[0].metadata)
        written = format_dutch_date(document["date"])
        if not written:
            return None
        head = result.dated_head or self.searcher.dated_head(str(document["doc_id"]))
        if head is None:
            return None
        start = head.text.find(written)
        return _lines_around(head, start, start)

    def _answer_extractively(
        self,
        question: str,
        resolved: ResolvedQuestion,
        result: SearchResult,
        answer: Answer,
        scoped: bool = False,
    ) -> Iterator[str]:
        """Verbatim sentences with citations. `scoped`: the user narrowed the search with
        filters, so passages about the question inside that scope are what was asked for even
        when they are only weakly similar to it."""
        citations = _Citations()
        asks_date = bool(ASKS_DATE.search(question))
        about_document = result.hints.asks_document_date or (resolved.follow_up and asks_date)
        dated = self._document_date_passage(result) if about_document else None
        sentences: list[str] = []
        sender = self._document_sender_passage(result) if dated is None else None
        about = (
            self._named_document_head(question, result)
            if dated is None and sender is None
            else None
        )
        if sender is not None:
            n = citations.number(sender)
            document = document_from_metadata(sender.chunk.metadata)
            signer = f", ondertekend door {document['signer']}" if document.get("signer") else ""
            sentences.append(
                f"{label_with_date(document)} is verstuurd door {document['sender']}{signer} [{n}]."
            )
        elif about is not None:
            n = citations.number(about)
            document = document_from_metadata(about.chunk.metadata)
            sentences.append(
                f"{label_with_date(document)} heeft als titel “{document['title']}” [{n}]."
            )
            chunks = self.store.leading_chunks(str(document["doc_id"]), _OPENING_CHUNKS)
            for passage in opening_passages(chunks):
                sentences.append(f"{_squash(passage.text)} [{citations.number(passage)}]")
        elif dated is not None:
            n = citations.number(dated)
            document = document_from_metadata(dated.chunk.metadata)
            sentences.append(
                f"{document_label(document)} is van {format_dutch_date(document['date'])} [{n}]."
            )
        else:
            similarity = self._similarity(result)
            passages = select_passages(
                resolved.text,
                result.chunks,
                self.searcher.lexical.idf,
                most=self.settings.answer_sentences,
                similarity=similarity,
            )
            if passages and not scoped and self._thin(result, passages, similarity):
                return
            if passages and ASKS_DOCUMENT.search(question):
                n = citations.number(None, passages[0].chunk)
                label = label_with_date(document_from_metadata(passages[0].chunk.metadata))
                sentences.append(f"Dit staat in {label} [{n}].")
            for passage in passages:
                n = citations.number(passage)
                sentences.append(f"{_squash(passage.text)} [{n}]")
        evidence = {n: Evidence.of(chunk) for n, chunk in citations.chunks.items()}
        kept = []
        for sentence in sentences:
            reason = check_sentence(sentence, evidence)
            if reason:
                answer.guard_removed.append(f"{reason}: “{sentence}”")
            else:
                kept.append(sentence)
        if not kept:
            return
        used = {int(n) for s in kept for n in MARKER.findall(s)}
        answer.citations = [c for c in citations.listed() if c.n in used]
        answer.answer = " ".join(kept)
        answer.refused = False
        yield answer.answer

    def _answer_with_llm(
        self, resolved: ResolvedQuestion, result: SearchResult, answer: Answer
    ) -> Iterator[str]:
        assert self.llm is not None
        chunks = result.chunks
        passages = [
            (n, label_with_date(document_from_metadata(c.metadata)), c.text)
            for n, c in enumerate(chunks, start=1)
        ]
        evidence = {n: Evidence.of(c) for n, c in enumerate(chunks, start=1)}
        renumbered: dict[int, int] = {}
        shown: list[str] = []
        model_refused = False
        buffer = ""

        def release(sentence: str) -> str | None:
            nonlocal model_refused
            if NOT_IN_DOCUMENTS.rstrip(".") in sentence:
                model_refused = True
                return None
            reason = check_sentence(sentence, evidence)
            if reason is None and not MARKER.search(sentence):
                reason = "zin zonder bronverwijzing"
            if reason:
                answer.guard_removed.append(f"{reason}: “{sentence}”")
                return None
            for number in MARKER.findall(sentence):
                renumbered.setdefault(int(number), len(renumbered) + 1)
            text = MARKER.sub(lambda m: f" [{renumbered[int(m.group(1))]}]", sentence).strip()
            shown.append(text)
            return text

        try:
            for piece in self.llm.stream_answer(resolved.text, passages):
                buffer += piece
                complete = split_sentences(buffer)
                if len(complete) > 1:  # all but the last are finished sentences
                    for sentence in complete[:-1]:
                        if (text := release(sentence)) is not None:
                            yield text + " "
                    buffer = complete[-1]
        except LLMError as exc:
            note = (
                f"Het taalmodel gaf geen antwoord ({exc}); dit antwoord bestaat uit "
                "letterlijke passages uit de stukken."
            )
            answer.notes.append(note)
            answer.mode = "extractive"
            yield note + "\n\n"
            return
        for sentence in split_sentences(buffer):
            if (text := release(sentence)) is not None:
                yield text
        if not shown or model_refused and not renumbered:
            return  # no sentence with a verified source: refuse
        answer.answer = " ".join(shown)
        answer.refused = False
        quoted = _Citations()
        for old, _ in sorted(renumbered.items(), key=lambda item: item[1]):
            chunk = chunks[old - 1]
            best = select_passages(answer.answer, [chunk], self.searcher.lexical.idf, most=1)
            quoted.number(best[0] if best else Passage(chunk, 0, min(len(chunk.text), 300)))
        answer.citations = quoted.listed()
