"""The Kamerstuk a document refers to, for "Naar welk Kamerstuk verwijst de kabinetsreactie voor
het rapport van fase II?": not the document's own number, and of several references the one
whose own words match what the question says it is for ("Kamerstuk 31 490, nr. 271 (Fase I)
Kamerstuk 31 490, nr. 284 (Fase II)")."""

from __future__ import annotations

import re

from assistant.sentences import Passage
from ingest.references import find_references, reference_spans
from vectorstore.text_analysis import terms

_SENTENCE_END = re.compile(r"[.!?](?=\s+[A-Z(])")


def cited_kamerstuk(passage: Passage, document: dict[str, object]) -> str | None:
    """The first Kamerstuk the sentence refers to ("(Kamerstuk 26 448, nr. 641)"), when it is
    not the document itself: a question "in welk Kamerstuk staat …" may mean either."""
    own = str(document.get("kamerstuk") or "")
    cited = [k for k in find_references(passage.text) if k.normalized != own]
    return cited[0].label if cited else None


def _described(text: str) -> list[tuple[str, set[str]]]:
    """Each Kamerstuk `text` refers to, with the words that describe it: those of its sentence
    from the reference before it to the one after it ("Het resultaat van fase 1 is … aangeboden (Kamerstuk …)",
    "Kamerstuk 31 490, nr. 284 (Fase II)")."""
    spans = sorted(reference_spans(text))
    described = []
    for n, (start, end) in enumerate(spans):
        before = spans[n - 1][1] if n else 0
        after = spans[n + 1][0] if n + 1 < len(spans) else len(text)
        # within the reference's own sentence
        lead = _SENTENCE_END.split(text[before:start])[-1]
        tail = _SENTENCE_END.split(text[end:after])[0]
        words = set(terms(f"{lead} {tail}"))
        described += [(ref.normalized, words) for ref in find_references(text[start:end])]
    return described


def best_cited_kamerstuk(
    passages: list[Passage], document: dict[str, object], focus: tuple[str, ...]
) -> tuple[Passage, str] | None:
    """Of the Kamerstukken the quoted sentences of `document` refer to (not itself), the one
    described with most of the question's focus words; the first sentence's first on a tie."""
    own = str(document.get("kamerstuk") or "")
    wanted = set(focus)
    found = []
    for order, passage in enumerate(passages):
        if passage.chunk.metadata.get("doc_id") != document.get("doc_id"):
            continue
        labels = {ref.normalized: ref.label for ref in find_references(passage.text)}
        for normalized, words in _described(passage.text):
            if normalized != own and normalized in labels:
                found.append((-len(words & wanted), order, passage, labels[normalized]))
    if not found:
        return None
    _, _, passage, label = min(found, key=lambda item: item[:2])
    return passage, label
