"""Answers across documents: one cited sub-answer per side of a comparison, per document a
question names, or per sub-question of a conjunction (see `document_sides`).

Each side is answered from its own document: the passages the search found there, or else a
search restricted to that document. A side asking for a field of the document (its signer, its
Kamerstuk number, its own date) is answered from the metadata (`DocumentFacts`), one asking for
a Kamerstuk it refers to from its references (`reference_sides`); any other side with the best
sentence for it, quoted: "Volgens Kamerstuk 29 362, nr. 290, 5 maart 2021: “…” [2]", and the next
ones of that document (three in all at most) that no other side quotes. A side the stukken say
nothing about is named: "Over de POK-voortgangsbrief vinden de stukken hier niets."
"""

from __future__ import annotations

import logging
import re
from dataclasses import replace
from datetime import date
from functools import cache, partial
from typing import Any

from assistant.answering.answerer import AnswerRequest
from assistant.answering.citations import Citations
from assistant.answering.document_dates import DatedDocument, asks_document_dates, dates_sentences
from assistant.answering.document_descriptions import Resolve, description_spans, named_documents
from assistant.answering.document_facts import DocumentFacts, own_date_sentence, refers_elsewhere
from assistant.answering.document_questions import asked_field
from assistant.answering.document_sides import Side, question_sides
from assistant.answering.document_target import target_document
from assistant.answering.footnotes import FootnoteReader
from assistant.answering.list_items import continued_list, first_items, following_chunk
from assistant.answering.list_questions import asks_for_items
from assistant.answering.reference_sides import answer_in_turn, reference_answer
from assistant.answering.side_facts import (
    MultiAnswer,
    SideAnswer,
    counts_asked,
    deadline_only,
    nothing_found,
    own_subject,
    repeats,
    repeats_an_answer,
    typed_fact,
    without_repeats,
)
from assistant.config import Settings
from assistant.extractive import select_passages
from assistant.plan import QuestionPlan, plan_question
from assistant.question import subject_terms
from assistant.sentence_scoring import question_similarity
from assistant.sentences import Passage
from ingest.labels import label_with_date
from vectorstore.chunk_metadata import document_from_metadata
from vectorstore.document_cards import acronyms
from vectorstore.filters import SearchFilters
from vectorstore.query_analysis import asks_document_date
from vectorstore.search import HybridSearcher, SearchResult
from vectorstore.text_analysis import terms

logger = logging.getLogger(__name__)

_MIN_ABBREVIATION = 3  # "VWS", "BZK"; two letters name too much
_AS_TOLD_IN = re.compile(r"\b(?:volgens|according to)\b", re.IGNORECASE)


class MultiDocumentAnswers:
    """Splits a question over the documents (or sub-questions) it needs, and answers each."""

    def __init__(
        self,
        settings: Settings,
        searcher: HybridSearcher,
        facts: DocumentFacts,
        footnotes: FootnoteReader,
    ) -> None:
        self.settings = settings
        self.searcher = searcher
        self.facts = facts
        self.footnotes = footnotes

    def answer(self, request: AnswerRequest) -> MultiAnswer | None:
        """One sentence per side, when the question has sides and the stukken answer at least
        one side that stands on its own; None otherwise (the question is answered as one)."""
        if asks_document_dates(request.question):
            dated = self._dates(request)
            if dated is not None:
                return dated
        sides = question_sides(request.plan, self._abbreviations(), self._resolver(request.result))
        if not sides:
            return None
        citations = Citations()
        quoted: dict[str, bool] = {}  # sentences earlier sides quote: True for one's answer
        answer = partial(self._answer_side, request=request, citations=citations, quoted=quoted)
        sides, answered = answer_in_turn(sides, answer, self.searcher.catalog.documents())
        # a side that leans on another ("…, en op welke datum?") does not answer on its own
        standalone = [a.found for side, a in zip(sides, answered, strict=True) if not side.leans]
        if not any(a.found for a in answered) or (standalone and not any(standalone)):
            return None
        if (premised := any(side.premise for side in sides)) and len(citations.documents()) < 2:
            return None  # the statement is the asked document's own: answered as one question
        logger.debug("multi-document answer over %d sides", len(sides))
        spans = list(dict.fromkeys(a.span for a in answered if a.span))
        direct = f"{spans[0][:1].upper()}{'; '.join(spans)[1:]}." if spans else None
        sentences = without_repeats(list(dict.fromkeys(a.sentence for a in answered)))
        leads_with_fact = direct is None and answered[0].fact
        return MultiAnswer(sentences, citations, direct, leads_with_fact, premised)

    def _dates(self, request: AnswerRequest) -> MultiAnswer | None:
        """ "Hoeveel tijd zat er tussen … en …?": each named document's date, oldest first, cited
        to the line that prints it, and the time between them; None unless the question names
        two or more dated documents."""
        documents = named_documents(
            request.plan.focus, self._abbreviations(), self._resolver(request.result)
        )
        citations = Citations()
        dated = []
        for document in documents:
            line = self.facts.date_line(document)
            if line is not None:
                written = date.fromisoformat(str(document["date"]))
                dated.append(DatedDocument(document, written, citations.number(line)))
        if len(dated) < 2:
            return None
        sentences = dates_sentences(dated, request.question)
        return MultiAnswer(sentences, citations, None, leads_with_fact=True)

    def described_documents(self, request: AnswerRequest) -> list[dict[str, Any]]:
        """The stored documents the question describes, in its order, when it describes two or
        more (resolving a description searches the corpus)."""
        abbreviations = self._abbreviations()
        if len(description_spans(request.plan.focus, abbreviations, generic=True)) < 2:
            return []
        return named_documents(request.plan.focus, abbreviations, self._resolver(request.result))

    def _abbreviations(self) -> frozenset[str]:
        """How a question may name a sender: "VWS", "BZK", "SZW"."""
        return frozenset(
            abbreviation
            for document in self.searcher.catalog.documents()
            for abbreviation in acronyms(str(document.get("sender") or ""))
            if len(abbreviation) >= _MIN_ABBREVIATION
        )

    def _resolver(self, result: SearchResult) -> Resolve:
        """Description -> document, scored as `target_document` does, with the description's
        own date range and the question's retrieval as the tie-breaker."""
        documents = self.searcher.catalog.documents()
        self.searcher.cards.refresh()
        cards = {card.doc_id: card.text for card in self.searcher.cards.cards}

        heads = [self.searcher.store.head_chunk(str(d["doc_id"])) for d in documents]

        @cache
        def resolve(
            description: str, besides: frozenset[str] = frozenset()
        ) -> dict[str, Any] | None:
            found = self.searcher.search_with_hints(description, k=self.settings.top_k)
            # Every stored document is a candidate, not only those its passages were found in.
            present = {c.metadata.get("doc_id") for c in found.chunks}
            missing = [
                h for h in heads if h is not None and h.metadata.get("doc_id") not in present
            ]
            chunks = [
                c for c in [*found.chunks, *missing] if c.metadata.get("doc_id") not in besides
            ]
            hints = replace(found.hints, documents=found.hints.documents - besides)
            candidates = [d for d in documents if str(d["doc_id"]) not in besides]
            everyone = replace(found, chunks=chunks, hints=hints)
            return target_document(
                description, everyone, candidates, cards, self.searcher.cards.document_terms
            )

        return resolve

    def _side_result(self, side: Side, request: AnswerRequest) -> SearchResult:
        """What the search finds for the side in its document (the request's result if none)."""
        if side.document is None:
            if side.query == request.question:
                return request.result
            # a sub-question of its own ("…, en hoeveel ouders …?"): searched with its own words
            return self.searcher.search_with_hints(side.query, k=self.settings.top_k)
        doc_id = str(side.document["doc_id"])
        found = self.searcher.search_with_hints(
            side.query, k=self.settings.top_k, filters=SearchFilters.for_document(side.document)
        )
        chunks = [c for c in found.chunks if c.metadata.get("doc_id") == doc_id]
        hints = replace(found.hints, documents=frozenset({doc_id}))
        return replace(found, chunks=chunks, hints=hints)

    def _answer_side(
        self, side: Side, request: AnswerRequest, citations: Citations, quoted: dict[str, bool]
    ) -> SideAnswer:
        """The side's sentence, whether it answers (rather than saying nothing is found), and
        the asked fact in it with its marker when the side asks for a typed one. A sentence an
        earlier side quotes (in `quoted`, which gains this side's) answers this side only when
        it states this side's asked fact or no other sentence shares the side's words."""
        result = self._side_result(side, request)
        plan = plan_question(side.question)
        if side.document is not None:  # the document is chosen: no organisation to check
            plan = replace(plan, organisations=())
        if side.document is not None and asked_field(side.question) is not None:
            sub_request = AnswerRequest(side.question, request.resolved, result, plan)
            facts = self.facts.sentences(sub_request, citations)
            if facts is not None:  # [] when the document does not show the field
                return SideAnswer(facts[0], True, fact=True) if facts else nothing_found(side)
        if side.document is not None and (dated := self._own_date(side, citations)):
            return dated  # "…, en van welke datum is de kabinetsreactie?": its printed date
        if cited := reference_answer(side, self.facts.whole, citations):
            return cited  # "… het Kamerstuknummer van het Fase II-rapport. Welk nummer is dat"
        ranked = self._passages(side, result, plan, most=3)  # the best, then the next ones
        passages = ranked[:1]
        if passages and plan.counted and not counts_asked(passages[0], plan):
            # "…, en hoeveel casussen zijn er ingebracht?": a sentence that counts them
            passages = [p for p in ranked if counts_asked(p, plan)][:1] or passages
        if passages and deadline_only(passages[0], plan):
            # "op welke datum tekende hij?": not the nota's deadline, the next best sentence
            passages = [p for p in ranked if not deadline_only(p, plan)][:1]
        # a clause with its own subject, in the document the rest names: another side's answer
        # does not answer it, even with a fact of its type ("hoeveel zaken …" ≠ "twintig procent")
        elsewhere = side.inherited and side.document is not None and own_subject(side)
        taken = bool(passages) and elsewhere and repeats_an_answer(passages[0], quoted)
        if passages and (
            taken or repeats(passages[0], quoted) and not typed_fact(passages[0], plan)
        ):
            # "…, en aan welk gremium is hij daarna voorgelegd?": not the first side's sentence
            own = set(subject_terms(side.question))
            fresh = [p for p in ranked if not repeats(p, quoted) and own & set(terms(p.text))]
            passages = fresh[:1] or ([] if taken else passages)
        if not passages and elsewhere:
            # not in the document the rest of the question names: wherever the stukken say it,
            # and which document says it
            anywhere = self.searcher.search_with_hints(side.query, k=self.settings.top_k)
            unbound = replace(side, document=None)
            return self._answer_side(unbound, replace(request, result=anywhere), citations, quoted)
        if not passages:
            return nothing_found(side)
        best = passages[0]
        again = repeats(best, quoted)  # an earlier side quotes it: this side adds nothing more
        quoted[best.one_line] = True
        found = typed_fact(best, plan)
        if asks_for_items(plan) and (listed := first_items([best], plan)):
            _, best, found = listed  # "Welke VWS-organisaties …": the items, the quote widened
        n = citations.number(best)
        quote = f"“{best.one_line}” [{n}]"
        noted = (  # the sentence names the report, its footnote gives the number
            self.footnotes.first_found([best], lambda note: typed_fact(note, plan))
            if plan.typed and not found
            else None
        )
        if noted is not None:
            _, note, found = noted
            n = citations.number(note)
            quote += f" “{note.one_line}” [{n}]"
        span = f"{found.text.rstrip(' ,;:(')} [{n}]" if found else None
        # the next sentences of the same document that answer nearly as well (see
        # `select_passages`, which quotes three at most) and no side quotes already
        doc_id = best.chunk.metadata.get("doc_id")
        for further in [] if again else ranked[1:3]:
            if not repeats(further, quoted) and further.chunk.metadata.get("doc_id") == doc_id:
                quoted.setdefault(further.one_line, False)
                quote += f" “{further.one_line}” [{citations.number(further)}]"
        if (
            not found
            and asks_for_items(plan)
            and (
                continued := continued_list(
                    [best], plan, partial(following_chunk, self.searcher.store)
                )
            )
        ):
            quote += f" “{continued[1].one_line}” [{citations.number(continued[1])}]"
        if side.document is None and not side.inherited and not side.premise:
            return SideAnswer(quote, True, span)
        label = label_with_date(document_from_metadata(best.chunk.metadata))
        return SideAnswer(f"Volgens {label}: {quote}", True, span)

    def _own_date(self, side: Side, citations: Citations) -> SideAnswer | None:
        """The side's document's own date, cited to the line that prints it, when the side asks
        when that document was written or sent; None otherwise or when it is undated."""
        assert side.document is not None
        # "Wanneer stuurde BZK volgens de POK-brief de brief over …": a date another one gives
        told = _AS_TOLD_IN.search(side.question) or refers_elsewhere(side.question)
        if not asks_document_date(side.question) or told:
            return None
        line = self.facts.date_line(side.document)
        if line is None:
            return None
        sentence, span = own_date_sentence(side.document, line, citations)
        return SideAnswer(sentence, True, span, fact=True)

    def _passages(
        self, side: Side, result: SearchResult, plan: QuestionPlan, most: int
    ) -> list[Passage]:
        """The side's best `most` quoted passages in what its search found."""
        similarity = question_similarity(
            self.searcher.store.backend.embeddings, result.sentence_vector
        )
        return select_passages(
            side.query, result.chunks, self.searcher.lexical.idf, most, similarity, plan
        )
