"""The items a list question asks for ("Welke vier organisaties …"), from a quoted sentence or
a sentence next to it, with the quote widened to hold them."""

from __future__ import annotations

import re
from collections.abc import Callable

from assistant.answering.enumerations import PAIR, Enumeration, asked_enumeration, item_lines
from assistant.answering.spans import Span, best_span
from assistant.plan import QuestionPlan
from assistant.sentences import Passage, sentence_spans
from vectorstore.organisations import organisation_mentions
from vectorstore.store import VectorStore
from vectorstore.stored_chunk import StoredChunk

# "- Bij vaccinatie …\n- Patiënten met …": items on lines of their own, at the start of a chunk
_ITEM_LINES = re.compile(r"\A(?:[ \t]*[-–•][ \t]+[^\n]+(?:\n|\Z))+")
_ITEM_MARK = re.compile(r"^[ \t]*[-–•]", re.M)
# "zoals", "bijvoorbeeld": what follows are examples, not the things asked for
_EXAMPLES = re.compile(
    r"\b(?:zoals|bijvoorbeeld|waaronder|onder (?:meer|andere)|o\.a\.|like|such as|including)"
    r"(?:\s+(?:de|het|the))?\s*$",
    re.IGNORECASE,
)
_REACH = (1, 2)  # sentences after a passage that may hold its items: the next, then two on


def items_near(
    passage: Passage, plan: QuestionPlan, after: int = 1, pair: bool = False
) -> tuple[Passage, Span] | None:
    """The items from the passage, the sentence right before it or one of the `after` sentences
    after it ("CAK, CIBG, CIZ en DUS-I hebben …" before "VWS heeft deze rapportages …"), with
    the passage widened to hold them; None without them. With `pair`, two names the passage
    itself joins come before a neighbour's list."""
    if span := best_span(passage.text, plan) or (_pair(passage, plan) if pair else None):
        return passage, span
    spans = sentence_spans(passage.chunk.text)
    before = [s for s in spans if s[1] <= passage.start][-1:]
    following = [s for s in spans if s[0] >= passage.end][:after]
    for start, end in before + following:
        if span := best_span(passage.chunk.text[start:end], plan):
            widened = Passage(passage.chunk, min(start, passage.start), max(end, passage.end))
            return widened, span
    return None


def first_items(
    passages: list[Passage], plan: QuestionPlan, pairs: bool = False
) -> tuple[int, Passage, Span] | None:
    """The first quoted passage with the items next to it: every passage with its direct
    neighbours first, then with a sentence in between ("… een selectie van vier
    VWS-organisaties … Voor komend jaar … - CAK, CIBG, CIZ en DUS-I hebben …"); its index, the
    widened passage and the items. With `pairs`, the best passage's own two names count too (a
    whole answer's best sentence, not one side's: a side's best sentence is often about
    something else)."""
    for after in _REACH:
        for index, passage in enumerate(passages):
            if listed := items_near(passage, plan, after, pair=pairs and index == 0):
                return index, *listed
    return None


def _pair(passage: Passage, plan: QuestionPlan) -> Span | None:
    """Two things the passage lists ("– RvIG – Logius" after its lead-in) or two names it joins
    with "en" ("DigiD en MijnOverheid"), for a list question that names no number. Not two
    examples ("zoals de Belastingdienst en UWV"), nor two words of one name ("Sociale Zaken en
    Werkgelegenheid")."""
    text = passage.text
    if plan.count or not (pair := asked_enumeration(text, plan, least=PAIR)):
        return None
    if "\n" not in text[pair.start : pair.end] and (
        _EXAMPLES.search(text[: pair.start])
        or any(a <= pair.start and pair.end <= b for a, b in organisation_mentions(text))
    ):
        return None
    return Span.of_items(pair)


def continued_list(
    passages: list[Passage],
    plan: QuestionPlan,
    next_chunk: Callable[[StoredChunk], StoredChunk | None],
) -> tuple[int, Passage, Enumeration | None] | None:
    """The items that the paragraph of a quoted sentence leads into at the very end of its
    chunk ("Twee reacties … zijn uit de bijlage gehaald. … Het betreft:"), read from the start of
    the next chunk, with the index of that sentence; as many as the question counts, if it does.
    The items themselves (each up to its first sentence) come along when they are short enough
    to lead the answer."""
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
        return index, Passage(following, 0, found.end()), item_lines(found.group())
    return None


def following_chunk(store: VectorStore, chunk: StoredChunk) -> StoredChunk | None:
    """The chunk that follows `chunk` in its document."""
    index = int(chunk.metadata.get("chunk_index", 0)) + 1
    found = store.leading_chunks(str(chunk.metadata.get("doc_id")), index + 1, index)
    return found[0] if found else None
