"""The LLM answerer: a chat model phrases the answer from numbered passages.

The passages are numbered document by document, and the prompt groups them so and says what the
question's plan asks (see `assistant.answering.answer_prompt`). The model's text is split into
sentences as it streams; each sentence is shown only when the citation guard passed it and it
cites a passage. Cited passages are renumbered in order of first use, and citations are built
from metadata with the passage's best-matching sentence as quote. When a typed question's answer
opens with a shown sentence holding a span of the asked type, that sentence is the direct answer.
"""

from __future__ import annotations

from collections.abc import Iterator

from assistant.answer_models import Answer, Citation
from assistant.answering.answerer import AnswererFailed, AnswerRequest
from assistant.answering.chat_model import ChatModel, ChatModelError
from assistant.answering.citations import Citations
from assistant.answering.refusal import NOT_IN_DOCUMENTS
from assistant.answering.spans import find_spans
from assistant.extractive import select_passages
from assistant.guard import MARKER, Evidence, check_sentence, split_sentences
from assistant.plan import QuestionPlan
from assistant.sentences import Passage
from ingest.labels import label_with_date
from vectorstore.chunk_metadata import document_from_metadata
from vectorstore.search import HybridSearcher
from vectorstore.stored_chunk import StoredChunk

_FALLBACK_QUOTE = 300  # characters quoted from a cited passage with no sentence matching


class _Release:
    """Decides per finished sentence of the model whether it is shown, renumbering its markers
    in order of first use."""

    def __init__(self, chunks: list[StoredChunk], answer: Answer) -> None:
        self.evidence = {n: Evidence.of(c) for n, c in enumerate(chunks, start=1)}
        self.answer = answer
        self.renumbered: dict[int, int] = {}  # the model's passage number -> citation number
        self.shown: list[str] = []
        self.first: str | None = None  # the model's first sentence as shown; None if held back
        self.seen = 0  # sentences the model finished
        self.model_refused = False

    def __call__(self, sentence: str) -> str | None:
        """The sentence as shown, or None when it is held back."""
        self.seen += 1
        if NOT_IN_DOCUMENTS.rstrip(".") in sentence:
            self.model_refused = True
            return None
        reason = check_sentence(sentence, self.evidence)
        if reason is None and not MARKER.search(sentence):
            reason = "zin zonder bronverwijzing"
        if reason:
            self.answer.guard_removed.append(f"{reason}: “{sentence}”")
            return None
        for number in MARKER.findall(sentence):
            self.renumbered.setdefault(int(number), len(self.renumbered) + 1)
        text = MARKER.sub(lambda m: f" [{self.renumbered[int(m.group(1))]}]", sentence).strip()
        self.shown.append(text)
        if self.seen == 1:
            self.first = text
        return text


def by_document(chunks: list[StoredChunk]) -> list[StoredChunk]:
    """The chunks with each document's passages together, documents in order of their best
    passage, so that the prompt's per-document groups are numbered consecutively."""
    labels = [label_with_date(document_from_metadata(c.metadata)) for c in chunks]
    first = {label: labels.index(label) for label in labels}
    order = sorted(range(len(chunks)), key=lambda i: (first[labels[i]], i))
    return [chunks[i] for i in order]


def direct_answer(first: str | None, plan: QuestionPlan) -> str | None:
    """The answer's first sentence when it states a fact of the type a typed question asks."""
    if first is None or not plan.typed:
        return None
    return first if find_spans(MARKER.sub("", first), plan) else None


class LLMAnswerer:
    """Answers through a `ChatModel`; raises `AnswererFailed` when the model fails."""

    mode = "llm"

    def __init__(self, chat_model: ChatModel, searcher: HybridSearcher) -> None:
        self.chat_model = chat_model
        self.searcher = searcher

    def answer(self, request: AnswerRequest, answer: Answer) -> Iterator[str]:
        """Each guarded sentence as soon as the model finished it."""
        chunks = by_document(request.result.chunks)
        release = _Release(chunks, answer)
        try:
            yield from self._released(request.resolved.text, chunks, request.plan, release)
        except ChatModelError as exc:
            raise AnswererFailed(f"Het taalmodel gaf geen antwoord ({exc})") from exc
        if not release.shown or release.model_refused and not release.renumbered:
            return  # no sentence with a verified source: refuse
        answer.answer = " ".join(release.shown)
        answer.refused = False
        answer.citations = self._citations(answer.answer, chunks, release.renumbered)
        answer.direct_answer = direct_answer(release.first, request.plan)

    def _released(
        self, question: str, chunks: list[StoredChunk], plan: QuestionPlan, release: _Release
    ) -> Iterator[str]:
        """The model's answer, sentence by sentence, as far as the guard lets it through."""
        passages = [
            (n, label_with_date(document_from_metadata(c.metadata)), c.text)
            for n, c in enumerate(chunks, start=1)
        ]
        buffer = ""
        for piece in self.chat_model.stream_answer(question, passages, plan):
            buffer += piece
            complete = split_sentences(buffer)
            if len(complete) > 1:  # all but the last are finished sentences
                for sentence in complete[:-1]:
                    if (text := release(sentence)) is not None:
                        yield text + " "
                buffer = complete[-1]
        for sentence in split_sentences(buffer):
            if (text := release(sentence)) is not None:
                yield text

    def _citations(
        self, text: str, chunks: list[StoredChunk], renumbered: dict[int, int]
    ) -> list[Citation]:
        """A citation per passage the answer cites, in the answer's numbering, quoting the
        passage's sentence closest to the answer."""
        quoted = Citations()
        for old, _ in sorted(renumbered.items(), key=lambda item: item[1]):
            chunk = chunks[old - 1]
            best = select_passages(text, [chunk], self.searcher.lexical.idf, most=1)
            opening = Passage(chunk, 0, min(len(chunk.text), _FALLBACK_QUOTE))
            quoted.number(best[0] if best else opening)
        return quoted.listed()
