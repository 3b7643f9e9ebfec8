"""The Kamerstuk a document refers to, for "Naar welk Kamerstuk verwijst de kabinetsreactie voor
het rapport van fase II?": not the document's own number, and of several references the one
whose own words match what the question says it is for ("Kamerstuk 31 490, nr. 271 (Fase I)
Kamerstuk 31 490, nr. 284 (Fase II)")."""

from __future__ import annotations

import re
from collections.abc import Iterable

from assistant.answering.document_questions import without_field_words
from assistant.sentences import Passage, sentence_spans
from ingest.references import KamerstukId, find_references, reference_spans
from vectorstore.stored_chunk import StoredChunk
from vectorstore.text_analysis import terms

_SENTENCE_END = re.compile(r"[.!?](?=\s+[A-Z(])")
# "Naar welk Kamerstuk verwijst …", "In de voetnoten … staat het Kamerstuknummer van …"
REFERS = re.compile(
    r"\b(?:verwijst|verwijzen|verwezen|voetnoot|voetnoten|refereert|aangehaald|citeert|refers|"
    r"cites|footnote)\b",
    re.IGNORECASE,
)
# "Kamerstukken II 2020/21, 35510, nr. 49": the chamber and year a reference is cited by, not
# words that describe it
_CHAMBER = re.compile(r"\bKamerstukken\s+I{1,2}\b(?:\s+\d{4}/\d{2,4})?", re.IGNORECASE)
_ASKS_NUMBER = re.compile(r"\bkamerstuk\w*|\bnummer\b|\bnumber\b", re.IGNORECASE)


def _words(found: Iterable[str]) -> set[str]:
    """Analysed words with the parts of hyphenated ones ("ii-rapport": "ii", "rapport")."""
    return {part for word in found for part in (word, *word.split("-")) if part}


def cited_kamerstuk(passage: Passage, document: dict[str, object]) -> str | None:
    """The first Kamerstuk the sentence refers to ("(Kamerstuk 26 448, nr. 641)"), when it is
    not the document itself: a question "in welk Kamerstuk staat …" may mean either."""
    own = str(document.get("kamerstuk") or "")
    cited = [k for k in find_references(passage.text) if k.normalized != own]
    return cited[0].label if cited else None


def _described(text: str) -> list[tuple[KamerstukId, set[str]]]:
    """Each Kamerstuk `text` refers to, with the words that describe it (and the parts of its
    hyphenated ones): those of its sentence from the reference before it to the one after it
    ("Het resultaat van fase 1 is … aangeboden (Kamerstuk …)", "Kamerstuk 31 490, nr. 284 (Fase
    II)")."""
    spans = sorted(reference_spans(text))
    described = []
    for n, (start, end) in enumerate(spans):
        before = spans[n - 1][1] if n else 0
        after = spans[n + 1][0] if n + 1 < len(spans) else len(text)
        # within the reference's own sentence
        lead = _SENTENCE_END.split(text[before:start])[-1]
        tail = _SENTENCE_END.split(text[end:after])[0]
        words = _words(terms(_CHAMBER.sub(" ", f"{lead} {tail}")))
        described += [(ref, words) for ref in find_references(text[start:end])]
    return described


def best_cited_kamerstuk(
    passages: list[Passage], document: dict[str, object], focus: tuple[str, ...], least: int = 0
) -> tuple[Passage, str] | None:
    """Of the Kamerstukken the quoted sentences of `document` refer to (not itself), the one
    described with most of the question's focus words (at least `least`); the first sentence's
    first on a tie."""
    own = str(document.get("kamerstuk") or "")
    wanted = _words(focus)
    found = []
    for order, passage in enumerate(passages):
        if passage.chunk.metadata.get("doc_id") != document.get("doc_id"):
            continue
        for ref, words in _described(passage.text):
            shared = len(words & wanted)
            if ref.normalized != own and shared >= least:
                found.append((-shared, order, passage, ref.label))
    if not found:
        return None
    _, _, passage, label = min(found, key=lambda item: item[:2])
    return passage, label


def asks_reference(question: str) -> bool:
    """Whether the question asks for the number of a Kamerstuk a document refers to."""
    return bool(REFERS.search(question) and _ASKS_NUMBER.search(question))


def described_reference(
    question: str, document: dict[str, object], chunks: list[StoredChunk], named_as: str = ""
) -> tuple[Passage, str] | None:
    """For "In de voetnoten van de WaU-kabinetsreactie staat het Kamerstuknummer van het Fase
    II-rapport. Welk nummer is dat?": of every Kamerstuk the whole document (its `chunks`)
    refers to, the one described with the question's words for it, with the sentence that gives
    it; None unless the question asks for the number the document refers to. The words that
    name the document itself (`named_as`: "de WaU-kabinetsreactie") do not describe the one
    it refers to."""
    if not asks_reference(question):
        return None
    own = _words(terms(named_as))
    wanted = tuple(
        t for t in terms(without_field_words(question)) if not REFERS.fullmatch(t) and t not in own
    )
    passages = [Passage(c, start, end) for c in chunks for start, end in sentence_spans(c.text)]
    return best_cited_kamerstuk(passages, document, wanted, least=1)
