"""The answering service: question (+ conversation, + filters) in, grounded answer with citations out.

One service for every front end (CLI, Gradio chat, Slack bot). It runs the parts of
`assistant.answering` in order: validate the question, read it against the conversation, search,
let the refusal policy decide whether the passages can answer, let the answerer (extractive, or
a chat model with the extractive answerer as fallback) write a guarded answer, refuse when
nothing verified is left, and time it all. Its parts are built by `assistant.app`.
"""

from __future__ import annotations

import time
from collections.abc import Iterator, Sequence
from typing import Any

from assistant.answer_models import Answer
from assistant.answering.answerer import Answerer, AnswerRequest
from assistant.answering.reading_notes import reading_notes
from assistant.answering.refusal import NEAREST, RefusalPolicy, refusal_text
from assistant.answering.resolver import QuestionResolver
from assistant.config import Settings
from assistant.conversation import Turn
from assistant.plan import plan_question
from vectorstore.filters import SearchFilters
from vectorstore.search import HybridSearcher
from vectorstore.store import VectorStore
from vectorstore.validation import validate_question


def _milliseconds(start: float, end: float) -> float:
    return round((end - start) * 1000, 1)


class AnswerService:
    """Answers questions from the store's passages."""

    def __init__(
        self,
        settings: Settings,
        store: VectorStore,
        searcher: HybridSearcher,
        answerer: Answerer,
        resolver: QuestionResolver,
        policy: RefusalPolicy,
    ) -> None:
        self.settings = settings
        self.store = store
        self.searcher = searcher
        self.answerer = answerer
        self.resolver = resolver
        self.policy = policy

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
        resolved = self.resolver.resolve(question, history)
        plan = plan_question(question)
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
            mode=self.answerer.mode,
            retrieved=[chunk.chunk_id for chunk in result.chunks],
            plan=plan.to_dict(),
        )
        answer.notes = reading_notes(result.hints)
        if answer.notes:
            yield "\n".join(answer.notes) + "\n\n"
        if self.policy.relevant(resolved.text, result):
            request = AnswerRequest(question, resolved, result, plan)
            yield from self.answerer.answer(request, answer)
        if answer.refused:  # nothing the guard verified is left: say what the stukken say nearby
            nearby = self.policy.nearby(resolved.text, result, plan)
            off_topic = self.policy.off_topic(resolved.text)
            answer.answer, answer.citations = nearby or (
                refusal_text(result.chunks[:NEAREST], off_topic),
                [],
            )
            yield answer.answer
        if answer.notes:
            answer.answer = "\n".join(answer.notes) + "\n\n" + answer.answer
        finished = time.perf_counter()
        answer.timings_ms = {
            "retrieve": _milliseconds(started, retrieved),
            "answer": _milliseconds(retrieved, finished),
            "total": _milliseconds(started, finished),
        }
        yield answer
