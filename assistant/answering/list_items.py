"""The items a list question asks for ("Welke vier organisaties …"), from a quoted sentence or
a sentence next to it, with the quote widened to hold them."""

from __future__ import annotations

import re
from collections.abc import Callable

from assistant.answering.spans import Span, best_span
from assistant.plan import QuestionPlan
from assistant.sentences import Passage, sentence_spans
from vectorstore.store import VectorStore
from vectorstore.stored_chunk import StoredChunk

# "- Bij vaccinatie …\n- Patiënten met …": items on lines of their own, at the start of a chunk
_ITEM_LINES = re.compile(r"\A(?:[ \t]*[-–•][ \t]+[^\n]+(?:\n|\Z))+")
_ITEM_MARK = re.compile(r"^[ \t]*[-–•]", re.M)
_REACH = (1, 2)  # sentences after a passage that may hold its items: the next, then two on


def items_near(passage: Passage, plan: QuestionPlan, after: int = 1) -> tuple[Passage, Span] | None:
    """The items from the passage, the sentence right before it or one of the `after` sentences
    after it ("CAK, CIBG, CIZ en DUS-I hebben …" before "VWS heeft deze rapportages …"), with
    the passage widened to hold them; None without them."""
    if span := best_span(passage.text, plan):
        return passage, span
    spans = sentence_spans(passage.chunk.text)
    before = [s for s in spans if s[1] <= passage.start][-1:]
    following = [s for s in spans if s[0] >= passage.end][:after]
    for start, end in before + following:
        if span := best_span(passage.chunk.text[start:end], plan):
            widened = Passage(passage.chunk, min(start, passage.start), max(end, passage.end))
            return widened, span
    return None


def first_items(passages: list[Passage], plan: QuestionPlan) -> tuple[int, Passage, Span] | None:
    """The first quoted passage with the items next to it: every passage with its direct
    neighbours first, then with a sentence in between ("… een selectie van vier
    VWS-organisaties … Voor komend jaar … - CAK, CIBG, CIZ en DUS-I hebben …"); its index, the
    widened passage and the items."""
    for after in _REACH:
        for index, passage in enumerate(passages):
            if listed := items_near(passage, plan, after):
                return index, *listed
    return None


def continued_list(
    passages: list[Passage],
    plan: QuestionPlan,
    next_chunk: Callable[[StoredChunk], StoredChunk | None],
) -> tuple[int, Passage] | None:
    """The items that the paragraph of a quoted sentence leads into at the very end of its
    chunk ("Twee reacties … zijn uit de bijlage gehaald. … Het betreft:"), read from the start of
    the next chunk, with the index of that sentence; as many as the question counts, if it does."""
    for index, passage in enumerate(passages):
        text = passage.chunk.text
        if "\n\n" in text[passage.end :].strip() or not text.rstrip().endswith(":"):
            continue
        following = next_chunk(passage.chunk)
        found = _ITEM_LINES.match(following.text) if following else None
        if following is None or found is None:
            continue
        if plan.count and len(_ITEM_MARK.findall(found.group())) != plan.count:
            continue
        return index, Passage(following, 0, found.end())
    return None


def following_chunk(store: VectorStore, chunk: StoredChunk) -> StoredChunk | None:
    """The chunk that follows `chunk` in its document."""
    index = int(chunk.metadata.get("chunk_index", 0)) + 1
    found = store.leading_chunks(str(chunk.metadata.get("doc_id")), index + 1, index)
    return found[0] if found else None
