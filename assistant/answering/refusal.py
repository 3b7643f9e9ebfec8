"""The refusal policy: when the stukken cannot answer a question, and what the refusal says."""

from __future__ import annotations

from collections.abc import Sequence

from assistant.config import Settings
from assistant.question import content_terms, is_english
from assistant.sentence_scoring import Similarity
from assistant.sentences import Passage, sentence_spans
from ingest.labels import label_with_date
from vectorstore.chunk_metadata import document_from_metadata
from vectorstore.search import HybridSearcher, SearchResult
from vectorstore.stored_chunk import StoredChunk

NOT_IN_DOCUMENTS = "Dat staat niet in de stukken die ik kan doorzoeken."
NEAREST = 3  # documents a refusal names as the nearest


def refusal_text(nearest: Sequence[StoredChunk]) -> str:
    """The refusal, naming the documents of the `nearest` passages."""
    labels: list[str] = []
    for chunk in nearest:
        label = label_with_date(document_from_metadata(chunk.metadata))
        if label not in labels:
            labels.append(label)
    if not labels:
        return f"{NOT_IN_DOCUMENTS} Er zijn (met deze filters) geen documenten om te doorzoeken."
    return f"{NOT_IN_DOCUMENTS} Het dichtst in de buurt komen: " + "; ".join(labels) + "."


class RefusalPolicy:
    """Decides from the search result (and the sentences found) whether to answer at all."""

    def __init__(self, settings: Settings, searcher: HybridSearcher) -> None:
        self.settings = settings
        self.searcher = searcher  # its corpus vocabulary says which question words are unknown

    def relevant(self, question: str, result: SearchResult) -> bool:
        """Whether the retrieved passages can answer at all."""
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

    def thin(
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
