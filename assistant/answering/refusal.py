"""The refusal policy: when the stukken cannot answer a question, and what the refusal says."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from assistant.answer_models import Citation
from assistant.answering.answerability_features import ScoredSentences, answerability_features
from assistant.answering.answerability_model import AnswerabilityModel
from assistant.answering.citations import Citations
from assistant.answering.cited_only import about_cited_only
from assistant.answering.document_dates import asks_document_dates
from assistant.answering.document_descriptions import description_spans
from assistant.answering.document_questions import FIELD_WORDS, asked_field, without_field_words
from assistant.config import Settings
from assistant.guard import Evidence, check_sentence
from assistant.plan import AskedType, QuestionPlan
from assistant.question import is_english, names, subject_terms
from assistant.sentence_scoring import Similarity, candidates, question_similarity
from assistant.sentences import SHORT, Passage, sentence_spans
from ingest.labels import label_with_date
from vectorstore.chunk_metadata import document_from_metadata
from vectorstore.compounds import coined_parts
from vectorstore.organisations import corpus_forms
from vectorstore.query_analysis import QueryHints
from vectorstore.search import HybridSearcher, SearchResult
from vectorstore.stored_chunk import StoredChunk
from vectorstore.text_analysis import terms, words

NOT_IN_DOCUMENTS = "Dat staat niet in de stukken die ik kan doorzoeken."
NEAREST = 3  # documents a refusal names as the nearest
NEARBY_COVERAGE = 0.5  # a sentence a refusal quotes as nearby has half the question's words
NEARBY_LENGTH = 400  # characters: a longer unit (a list, a table) is no sentence to quote
_DATED_DOCUMENTS = 2  # documents whose dates a question asks for, told from their metadata
# What a refusal says the stukken do not give, by the asked type: "… noemen hier geen aantal voor".
_ASKED_NOUN: dict[AskedType, str] = {
    "number": "aantal",
    "magnitude": "cijfer",
    "amount": "bedrag",
    "percentage": "percentage",
    "date": "datum",
    "period": "termijn",
    "frequency": "frequentie",
    "person": "naam",
    "organisation": "organisatie",
    "document": "Kamerstuk",
    "reason": "reden",
}


def refusal_text(nearest: Sequence[StoredChunk], off_topic: bool = False) -> str:
    """The refusal, naming the documents of the `nearest` passages (none when the question is
    `off_topic`: about something the corpus never mentions)."""
    if off_topic:
        return NOT_IN_DOCUMENTS
    labels: list[str] = []
    for chunk in nearest:
        label = label_with_date(document_from_metadata(chunk.metadata))
        if label not in labels:
            labels.append(label)
    if not labels:
        return f"{NOT_IN_DOCUMENTS} Er zijn (met deze filters) geen documenten om te doorzoeken."
    return f"{NOT_IN_DOCUMENTS} Het dichtst in de buurt komen: " + "; ".join(labels) + "."


def nearby_text(plan: QuestionPlan, sentence: str, n: int) -> str:
    """The refusal that quotes what the stukken do say nearby, cited as [n]."""
    noun = _ASKED_NOUN.get(plan.asks)
    missing = f" De stukken noemen hier geen {noun} voor." if noun else ""
    return f"{NOT_IN_DOCUMENTS}{missing} Wel staat er: “{sentence}” [{n}]"


@dataclass(frozen=True)
class Similarities:
    """The cosines the thresholds judge: of the best passage, and of the best sentence of the
    passages an answer would quote (None when none is given)."""

    passage: float
    sentence: float | None = None


def best_cosines(
    result: SearchResult, passages: Sequence[Passage] = (), similarity: Similarity | None = None
) -> Similarities:
    """The cosine of the best passage found and (given `passages` and `similarity`) of the best
    sentence of `passages`."""
    passage = max((c.dense_score or 0.0 for c in result.chunks), default=0.0)
    sentences = [p.text[a:b] for p in passages for a, b in sentence_spans(p.text)]
    if similarity is None or not sentences:
        return Similarities(passage)
    return Similarities(passage, max(similarity(sentences)))


def _dates_of_documents(question: str) -> bool:
    """Whether the question asks for the dates of two or more documents it describes ("Zet de
    twee Koolmees-brieven en de VWS-nota in chronologische volgorde"): those come from the
    documents' metadata, whatever passages the question's words find."""
    described = description_spans(question, frozenset(), generic=True)
    return asks_document_dates(question) and len(described) >= _DATED_DOCUMENTS


def lacks_kamerstuk(question: str, hints: QueryHints) -> bool:
    """Whether the question is about a Kamerstuk the stukken do not hold: one the corpus does
    not have at all, or one it only cites (`cited_only`)."""
    return bool(hints.unknown and not hints.named) or about_cited_only(question, hints)


class RefusalPolicy:
    """Decides from the search result (and the sentences found) whether to answer at all. The
    hand rules refuse a question without passages, about a Kamerstuk the corpus does not have,
    without a subject, about words the corpus never uses or only weakly similar to what was
    found; with the setting `answerability_model` the fitted model (see
    `assistant.answering.answerability_model`) refuses more of the rest: those it judges the
    stukken do not answer. The model adds refusals and lifts none, so what the rules refuse
    stays refused."""

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
        if not self.by_rules(question, result):
            return False
        if self.model is None or not self.judged_by_model(question, result):
            return True
        return self.model.answers(self.features(question, result))

    def by_rules(self, question: str, result: SearchResult) -> bool:
        """Whether the hand rules let the question through (the model not asked)."""
        if not question.strip() or not result.chunks:
            return False
        if lacks_kamerstuk(question, result.hints):
            return False
        if result.hints.unknown_kenmerken and not result.hints.documents:
            return False  # … or about a kenmerk none of its documents has
        if self.similarities(question, result).passage < self.settings.min_relevance and (
            not _dates_of_documents(question)
        ):
            return False
        if not subject_terms(question):
            return bool(result.hints.named)  # "Waar gaat kst-31490-284 over?"; not "En dan?"
        if result.hints.documents and not subject_terms(without_field_words(question)):
            return True  # "Welk document heeft kenmerk 2021-0000126162?": only its fields
        return not self.off_topic(question)

    def off_topic(self, question: str) -> bool:
        """Whether a question is about something the corpus never mentions: the share of its
        subject words that occur nowhere reaches `max_unknown_fraction` ("dienstplicht",
        "stikstofuitstoot"). Dutch word statistics do not apply to an English question: its
        names (`assistant.question.names`: "Borssele", "AOW", "2030") are judged instead, each as
        a whole word. Its refusal names no documents: none is near."""
        if is_english(question):
            judged = [terms(name) or [name.lower()] for name in names(question)]
            unknown = [t for t in judged if not all(self.knows(part) for part in t)]
        else:
            judged = subject_terms(question)
            # "Wat voor soort document is Kamerstuk …?": a question whose words only name an
            # asked field is about that document, whatever words its text uses
            if asked_field(question) and set(judged) <= set(
                terms(" ".join(FIELD_WORDS.findall(question)))
            ):
                return False
            # 'verscheen', 'kwamen': a form of a word the corpus has in another form;
            # 'overheidsdienst': a word the corpus has as part of a compound
            # ('overheidsdienstverlening')
            lexical = self.searcher.lexical
            known = {
                stem
                for word in words(question)
                if lexical.knows_lemma(word)
                for stem in terms(word)
            }
            unknown = [
                t
                for t in judged
                if t not in known and not self.knows(t) and not lexical.knows_part(t)
            ]
        return bool(judged) and len(unknown) / len(judged) >= self.settings.max_unknown_fraction

    def knows(self, term: str) -> bool:
        """Whether the corpus has the term; a hyphenated one ("POK-voortgangsbrief") counts as
        known when each of its parts is, another name for an organisation or role when the
        corpus has its own form (`vectorstore.organisations`)."""
        lexical = self.searcher.lexical
        parts = [p for part in term.split("-") if part for p in terms(part)] or [term]
        if lexical.knows(term) or all(lexical.knows(p) for p in parts):
            return True
        # 'ombudsmanstuk', 'gastouderzaak': a compound of words the corpus has
        pieces = [p for part in coined_parts(term) for p in terms(part)]
        if pieces and all(lexical.knows_part(p) for p in pieces):
            return True
        # 'zorgministerie' is known as the corpus's 'VWS' when the thesaurus is on
        forms = corpus_forms(term) if lexical.aliases else ()
        return any(all(lexical.knows(p) for p in terms(form)) for form in forms)

    def judged_by_model(self, question: str, result: SearchResult) -> bool:
        """Whether the model (not a hard rule) decides this question and result."""
        has_passages = bool(question.strip() and result.chunks)
        unknown_kamerstuk = bool(result.hints.unknown and not result.hints.named)
        return has_passages and not unknown_kamerstuk and bool(subject_terms(question))

    def features(self, question: str, result: SearchResult) -> list[float]:
        """The answerability features of a result with passages (see FEATURE_NAMES)."""
        cosines: dict[str, float] = {}
        similarity = self._similarity(result, cosines)
        found = candidates(question, result.chunks, self.searcher.lexical.idf, similarity)
        ranked = tuple(sorted(found, key=lambda c: -c.score))
        sentences = ScoredSentences(ranked, cosines)
        lexical = self.searcher.lexical
        return answerability_features(question, result, sentences, lexical.knows, lexical.idf)

    def nearby(
        self, question: str, result: SearchResult, plan: QuestionPlan
    ) -> tuple[str, list[Citation]] | None:
        """A refusal quoting the sentence nearest to the question, with its one citation; None
        when a hard rule refused (no passages, an unknown Kamerstuk, no subject), no sentence
        is about the question's subject (half its words), or the sentence fails the guard."""
        if not self.judged_by_model(question, result):
            return None
        similarity = self._similarity(result, {})
        # a question naming a document (its kenmerk, its Kamerstuk) hears what that one says
        # nearby, never a line of another document that it could take for its answer
        named = result.hints.documents
        chunks = [c for c in result.chunks if not named or c.metadata.get("doc_id") in named]
        found = [
            c
            for c in candidates(question, chunks, self.searcher.lexical.idf, similarity)
            if c.coverage >= NEARBY_COVERAGE and SHORT <= len(c.passage.text) <= NEARBY_LENGTH
        ]
        if not found:
            return None
        best = max(found, key=lambda c: c.score).passage
        citations = Citations()
        n = citations.number(best)
        text = nearby_text(plan, best.one_line, n)
        if check_sentence(text, {n: Evidence.of(best.chunk)}) is not None:
            return None
        return text, citations.listed()

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

    def similarities(
        self,
        question: str,
        result: SearchResult,
        passages: Sequence[Passage] = (),
        similarity: Similarity | None = None,
    ) -> Similarities:
        """The `best_cosines` on the scale of a Dutch question: an English question's are
        raised by `english_relevance_offset`, as an English question is systematically less
        similar to the Dutch text that answers it (measured by `python -m evals.cross_lingual`)."""
        found = best_cosines(result, passages, similarity)
        if not is_english(question):
            return found
        offset = self.settings.english_relevance_offset
        sentence = None if found.sentence is None else found.sentence + offset
        return Similarities(found.passage + offset, sentence)
