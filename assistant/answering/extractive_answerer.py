"""The extractive answerer: verbatim sentences from the retrieved passages, each with its [n].

A question about a document itself (its date, sender, subject) is answered from its metadata;
any other question with the sentences that answer it best (`assistant.extractive`). Every
sentence passes the citation guard before the answer is shown.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace
from functools import partial
from typing import TypeVar

from assistant.answer_models import Answer
from assistant.answering.actor_spans import actor_span
from assistant.answering.answerer import AnswerRequest
from assistant.answering.bridges import bridge_line
from assistant.answering.citations import Citations
from assistant.answering.cited_references import REFERS, best_cited_kamerstuk, cited_kamerstuk
from assistant.answering.document_facts import DocumentFacts
from assistant.answering.footnotes import FootnoteReader
from assistant.answering.heading_values import under_heading
from assistant.answering.list_items import continued_list, first_items, following_chunk
from assistant.answering.list_questions import asks_for_items, counts_instead_of_naming
from assistant.answering.multi_document import MultiDocumentAnswers
from assistant.answering.name_spans import WEB_ADDRESS
from assistant.answering.organisation_spans import organisation_span
from assistant.answering.premise import PremiseCheck, asked_part
from assistant.answering.refusal import RefusalPolicy
from assistant.answering.spans import Span, best_span, names_counted
from assistant.config import Settings
from assistant.extractive import select_passages
from assistant.guard import MARKER, Evidence, check_sentence
from assistant.plan import QuestionPlan, plan_question
from assistant.question import ASKS_DOCUMENT, subject_terms
from assistant.sentence_scoring import question_similarity
from assistant.sentences import Passage
from ingest.labels import document_label, label_with_date
from vectorstore.chunk_metadata import document_from_metadata
from vectorstore.organisations import acronym_in
from vectorstore.search import HybridSearcher
from vectorstore.store import VectorStore

_Found = TypeVar("_Found")


def _lead(span: Span, n: int) -> str:
    """The direct answer: the span on its own, capitalised (not a web address), with its
    citation."""
    text = span.text if WEB_ADDRESS.match(span.text) else span.text[:1].upper() + span.text[1:]
    return f"{text.rstrip(' ,;:(')} [{n}]."


def _outside(passages: list[Passage], quoted: Passage) -> list[Passage]:
    """The passages that `quoted` (of the same chunk) does not already hold."""
    return [
        p
        for p in passages
        if p.chunk.chunk_id != quoted.chunk.chunk_id or p.start < quoted.start or p.end > quoted.end
    ]


def _with_sender(label: str, document: dict[str, object]) -> str:
    """The label with its sender's acronym when the label does not name it ("Beslisnota …,
    14 juni 2022 (VWS)"): "waar staat dat …" is also asked to learn whose document it is."""
    acronym = acronym_in(str(document.get("sender") or ""))
    return f"{label} ({acronym})" if acronym and acronym not in label else label


def _fact_span(text: str, plan: QuestionPlan) -> Span | None:
    """The asked fact in a quoted sentence: a span of the asked type, or for "Welke instantie …"
    the organisation the sentence names; for "Met wie …" the phrase in the asked role ("met het
    presidium van de Tweede Kamer en de uitvoeringsorganisaties") unless the sentence names a
    person outside it."""
    if plan.asks == "organisation":
        return organisation_span(text, plan)
    span = best_span(text, plan)
    actor = actor_span(text, plan)
    if actor and (span is None or actor.start <= span.start and span.end <= actor.end):
        return actor
    return span


def first_fact(passages: list[Passage], plan: QuestionPlan) -> tuple[Passage, Span] | None:
    """The asked fact to lead with: the span of the first quoted sentence that states one (the
    best sentence may say who is responsible in general, the next one name the burgemeester);
    a value under a document heading only when no sentence states one."""
    found = [(p, span) for p in passages if (span := _fact_span(p.text, plan))]
    told = [(p, span) for p, span in found if not under_heading(p, span, plan)]
    # "Hoeveel zaken …": a count of the asked things ("zeventig casussen") before another count
    counting = [(p, span) for p, span in told if names_counted(span, plan)]
    return next(iter(counting or told or found), None)


_OWN_TERMS = 2  # subject words a question sentence needs to be searched on its own


class ExtractiveAnswerer:
    """Answers with quoted sentences; needs no language model."""

    mode = "extractive"

    def __init__(
        self,
        settings: Settings,
        store: VectorStore,
        searcher: HybridSearcher,
        facts: DocumentFacts,
        policy: RefusalPolicy,
        premises: PremiseCheck,
        multi: MultiDocumentAnswers,
        footnotes: FootnoteReader,
    ) -> None:
        self.settings = settings
        self.store = store
        self.searcher = searcher
        self.facts = facts
        self.policy = policy
        self.premises = premises
        self.multi = multi
        self.footnotes = footnotes

    def answer(self, request: AnswerRequest, answer: Answer) -> Iterator[str]:
        """The whole answer as one piece, once its sentences passed the guard."""
        # one answer per document or sub-question, unless an identifier names the one document
        multi = None if self.facts.identifies_document(request) else self.multi.answer(request)
        if multi and multi.premised and self.premises.sentence(request, Citations()) is not None:
            multi = None  # a statement with a wrong date or figure is corrected, not quoted
        citations = multi.citations if multi else Citations()
        sentences = multi.sentences if multi else self.facts.sentences(request, citations)
        lead = multi.direct if multi else sentences[0] if sentences else None  # a fact leads
        sentences = [lead, *sentences] if multi and lead else sentences
        if multi and multi.leads_with_fact:
            lead = sentences[0]  # "Kamerstuk … is ondertekend door …": the field is the answer
        if sentences is None:
            premise = self.premises.sentence(request, citations)  # corrected or confirmed
            # What the note corrects or confirms is what the asker believes; the quotes answer
            # what else the message asks.
            asked = self._asked_only(request) if premise is not None else request
            direct, quoted = self._quoted(asked, citations)
            lead = premise or direct
            sentences = [lead, *quoted] if lead and quoted else quoted
        if not sentences:
            return
        if not multi and (linked := self._bridge(request, citations)):
            sentences = [*sentences, linked]
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
        if lead in kept and answer.direct_answer is None:
            answer.direct_answer = lead
        yield answer.answer

    def _quoted(self, request: AnswerRequest, citations: Citations) -> tuple[str | None, list[str]]:
        """The direct answer (the asked fact on its own, when the question asks for a typed
        one; the items, when it asks for a list) and the sentences that answer the question
        best, quoted; none when no sentence does (`select_passages`)."""
        result = request.result
        passages = select_passages(
            request.resolved.text,
            result.chunks,
            self.searcher.lexical.idf,
            most=self.settings.answer_sentences,
            similarity=question_similarity(self.store.backend.embeddings, result.sentence_vector),
            plan=request.plan,
        )
        if not passages:
            return None, []
        best = passages[0]
        direct = None
        plan = request.plan
        if ASKS_DOCUMENT.search(request.question):
            n = citations.number_chunk(best.chunk)
            document = document_from_metadata(best.chunk.metadata)
            direct = f"Dit staat in {_with_sender(label_with_date(document), document)} [{n}]."
            # any quoted sentence of the document when the question asks what it refers to
            among = passages if REFERS.search(request.question) else passages[:1]
            source, cited = best_cited_kamerstuk(among, document, plan.terms) or (best, None)
            # else the Kamerstuk a footnote of the best sentence cites, other than its document
            if cited is None and (
                noted := self._from_footnotes(
                    passages, lambda note: cited_kamerstuk(note, document), among=1
                )
            ):
                source, cited = noted
            if cited:
                direct += f" Het verwijst daar naar {cited} [{citations.number(source)}]."
        elif asks_for_items(plan):
            if counts_instead_of_naming(best.text, plan):
                return None, []  # "zestig gemeenten": the stukken count them, do not name them
            if listed := first_items(passages, plan, pairs=True):
                index, passages[index], span = listed
                direct = _lead(span, citations.number(passages[index]))
            elif continued := continued_list(passages, plan, partial(following_chunk, self.store)):
                index, items, listed = continued
                lead_in, rest = passages[: index + 1], passages[index + 1 :]
                passages[:] = [*_outside(lead_in, items), items, *_outside(rest, items)]
                if listed:
                    direct = _lead(Span.of_items(listed), citations.number(items))
            elif plan.count:
                return None, []  # "de drie lijnen": the stukken name them, but do not list them
        elif led := first_fact(passages, plan) or self._from_footnotes(
            passages, lambda note: best_span(note.text, plan)
        ):
            # no quoted sentence states the asked fact, a footnote of one does ("… het rapport
            # ‘Geen powerplay maar fair play’ publiceerde" — "…, 9 augustus 2017")
            passage, span = led
            direct = _lead(span, citations.number(passage))
        sentences = [f"{passage.one_line} [{citations.number(passage)}]" for passage in passages]
        return direct, sentences

    def _bridge(self, request: AnswerRequest, citations: Citations) -> str | None:
        """The line of another document the question describes that cites the one document the
        answer quotes ("De VWS-nota verwijst naar: “… 29 362 nr. 290 …”"), quoted and cited."""
        cited = {str(c.metadata.get("doc_id")): c for c in citations.chunks.values()}
        if len(cited) != 1 or not REFERS.search(request.question):
            return None
        answering = document_from_metadata(next(iter(cited.values())).metadata)
        found = bridge_line(
            self.multi.described_documents(request),
            answering,
            self.facts.whole,
        )
        if found is None:
            return None
        document, line = found
        return f"{document_label(document)} verwijst daarnaar: “{line.one_line}” [{citations.number(line)}]"

    def _asked_only(self, request: AnswerRequest) -> AnswerRequest:
        """The request for the question sentences of the message only, with their own vector."""
        asked = asked_part(request.question)
        if asked == request.question or len(subject_terms(asked)) < _OWN_TERMS:
            return request  # "Kun je dat bevestigen?" asks about the statement itself
        vector = self.store.backend.embeddings.embed_query(asked)
        result = replace(
            request.result, sentence_vector=self.searcher.sentences.ranking_vector(vector)
        )
        resolved = replace(request.resolved, text=asked)
        return replace(request, resolved=resolved, result=result, plan=plan_question(asked))

    def _from_footnotes(
        self,
        passages: list[Passage],
        find: Callable[[Passage], _Found | None],
        among: int | None = None,
    ) -> tuple[Passage, _Found] | None:
        """The first footnote of one of the first `among` quoted sentences (all by default) in
        which `find` finds something, with what it found; the footnote is quoted right after
        its sentence."""
        noted = self.footnotes.first_found(passages[:among], find)
        if noted is None:
            return None
        index, note, found = noted
        passages.insert(index + 1, note)
        return note, found
