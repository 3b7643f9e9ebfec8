"""The refusal policy: when the stukken cannot answer a question, and what the refusal says."""

from __future__ import annotations

from collections.abc import Sequence

from assistant.answering.answerability_features import BestSentence, answerability_features
from assistant.answering.answerability_model import AnswerabilityModel
from assistant.config import Settings
from assistant.question import content_terms, is_english
from assistant.sentence_scoring import Similarity, candidates, question_similarity
from assistant.sentences import Passage, sentence_spans
from ingest.labels import label_with_date
from vectorstore.chunk_metadata import document_from_metadata
from vectorstore.search import HybridSearcher, SearchResult
from vectorstore.stored_chunk import StoredChunk

NOT_IN_DOCUMENTS = "Dat staat niet in de stukken die ik kan doorzoeken."
NEAREST = 3  # documents a refusal names as the nearest
RUNNERS_UP = 3  # best answer units whose kind of content the answerability model checks


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
    """Decides from the search result (and the sentences found) whether to answer at all: by
    hand-set thresholds, or, with the setting `answerability_model`, by the fitted model (see
    `assistant.answering.answerability_model`). Either way a question without passages, or about
    a Kamerstuk the corpus does not have, is refused."""

    def __init__(
        self,
        settings: Settings,
        searcher: HybridSearcher,
        model: AnswerabilityModel | None = None,
    ) -> None:
        self.settings = settings
        self.searcher = searcher  # its corpus vocabulary says which question words are unknown
        if model is None and settings.answerability_model:
            model = AnswerabilityModel.load()
        self.model = model

    def relevant(self, question: str, result: SearchResult) -> bool:
        """Whether the retrieved passages can answer at all."""
        if not question.strip() or not result.chunks:
            return False
        if result.hints.unknown and not result.hints.named:
            return False  # the question is about a Kamerstuk the corpus does not have
        if self.model is not None:
            if not _subject(question):
                return bool(result.hints.named)  # "Waar gaat kst-31490-284 over?"; not "En dan?"
            return self.model.answers(self.features(question, result))
        if max(c.dense_score or 0.0 for c in result.chunks) < self.settings.min_relevance:
            return False
        subject = _subject(question)
        if not subject:
            return bool(result.hints.named)  # "Waar gaat kst-31490-284 over?"; not "En dan?"
        if is_english(question):
            return True  # matched by meaning only: Dutch word statistics do not apply
        unknown = [t for t in subject if not self.searcher.lexical.knows(t)]
        return len(unknown) / len(subject) < self.settings.max_unknown_fraction

    def judged_by_model(self, question: str, result: SearchResult) -> bool:
        """Whether the model (not a hard rule) decides this question and result."""
        has_passages = bool(question.strip() and result.chunks)
        unknown_kamerstuk = bool(result.hints.unknown and not result.hints.named)
        return has_passages and not unknown_kamerstuk and bool(_subject(question))

    def features(self, question: str, result: SearchResult) -> list[float]:
        """The answerability features of a result with passages (see FEATURE_NAMES)."""
        cosines: dict[str, float] = {}
        similarity = self._similarity(result, cosines)
        found = candidates(question, result.chunks, self.searcher.lexical.idf, similarity)
        ranked = sorted(found, key=lambda c: -c.score)[:RUNNERS_UP]
        best_sentence = BestSentence(tuple(ranked), max(cosines.values(), default=0.0))
        return answerability_features(question, result, best_sentence, self.searcher.lexical.knows)

    def _similarity(self, result: SearchResult, cosines: dict[str, float]) -> Similarity | None:
        """Cosine similarity of sentences to the question, each remembered in `cosines`."""
        if result.query_vector is None:  # before touching the store: the search made no vector
            return None
        cosine = question_similarity(self.searcher.store.backend.embeddings, result.query_vector)
        assert cosine is not None

        def similarity(sentences: list[str]) -> list[float]:
            values = cosine(sentences)
            cosines.update(zip(sentences, values, strict=True))
            return values

        return similarity

    def thin(
        self, result: SearchResult, passages: list[Passage], similarity: Similarity | None
    ) -> bool:
        """Whether both the best passage and the best answer sentence are only weakly similar to
        the question: then the sentences found are about something else (calibrated on the dev
        set: it refuses the answers that cited a document without the fact, and no other). The
        answerability model, when on, has judged this already."""
        if similarity is None or result.hints.named or self.model is not None:
            return False
        best_passage = max(c.dense_score or 0.0 for c in result.chunks)
        sentences = [p.text[a:b] for p in passages for a, b in sentence_spans(p.text)]
        best_sentence = max(similarity(sentences))
        return (
            best_passage < self.settings.weak_passage_score
            and best_sentence < self.settings.weak_sentence_score
        )


def _subject(question: str) -> list[str]:
    """The question's subject words: its content terms that are not numbers."""
    return [t for t in content_terms(question) if not t[0].isdigit()]
