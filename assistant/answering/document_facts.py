"""Answers about a document itself: its date, sender, signer, Kamerstuk number or kenmerk,
dossier, vergaderjaar, commissie, title, type, the Kamerstukken it cites, what it is about.

Each comes from the document's metadata and is cited from the line of the document that shows it
(the printed date, the sender's heading, the signature, the title), so the citation guard can
check it. The lead sentence is the direct answer; a field the document lacks gives no answer.
"""

from __future__ import annotations

import re

from assistant.answering.answerer import AnswerRequest
from assistant.answering.citations import Citations
from assistant.answering.document_fields import document_fact
from assistant.answering.document_lines import Fact, line_passage
from assistant.answering.document_people import signer_surname
from assistant.answering.document_questions import (
    CONFIRMS_SENDER,
    DocumentField,
    asked_fields,
    speaks_of_document,
    without_field_words,
)
from assistant.answering.document_target import target_document
from assistant.answering.sender_claims import office_correction, sender_verdict
from assistant.opening import opening_passages
from assistant.question import content_terms
from assistant.sentences import Passage
from ingest.dates import format_dutch_date
from ingest.labels import document_label, label_with_date
from vectorstore.chunk_metadata import document_from_metadata
from vectorstore.focus import sentences
from vectorstore.query_analysis import ASKS_DATE
from vectorstore.search import HybridSearcher, SearchResult
from vectorstore.store import VectorStore
from vectorstore.stored_chunk import StoredChunk

_OPENING_CHUNKS = 3  # "Waar gaat … over?" quotes the body's opening from these
_ALL_CHUNKS = 100_000  # a document's chunks, read whole for its signature and footnotes
# "Van welke datum was die eerdere brief?", "de brief waarnaar wordt verwezen": the date of a
# document the found one refers to, which its text gives next to the reference, not its own.
_REFERRED_DOCUMENT = re.compile(
    r"\b(?:eerdere|vorige|voorgaande|oudere|eerder\s+verschenen|aangehaalde)\s+"
    r"(?:[\w-]+\s+)?[\w-]*(?:brief|nota|stuk|document|rapport|reactie|letter)\b|"
    r"\bwaar\s*naar\b[^?]{0,60}?\b(?:verwijst|verwezen|verwijzen|refereert)\b|"
    r"\b(?:earlier|previous|referenced)\s+(?:[\w-]+\s+)?(?:letter|document|paper)\b",
    re.IGNORECASE,
)
# "Om welk stuk gaat het en van wanneer is het?": which document, not only its date
_ASKS_WHICH_DOCUMENT = re.compile(
    r"\bwelke?\s+(?:stuk|document|brief|kamerstuk|nota)\b|"
    r"\bwhich\s+(?:document|letter|paper)\b",
    re.IGNORECASE,
)


class DocumentFacts:
    """Answers questions about a document rather than about what it says."""

    def __init__(self, store: VectorStore, searcher: HybridSearcher) -> None:
        self.store = store
        self.searcher = searcher

    def sentences(self, request: AnswerRequest, citations: Citations) -> list[str] | None:
        """The answer's sentences when the question asks for the date or the sender of a
        document, or names a document and nothing else, and the document shows it; else None."""
        question, result = request.question, request.result
        fields = asked_fields(question) or (
            [DocumentField.SENDER] if result.hints.asks_document_sender else []
        )
        if fields:
            # "Klopt het dat de kabinetsreactie is verstuurd door VWS?": the claimed sender
            # does not say which document is meant
            claim = CONFIRMS_SENDER.search(question)
            document = self.target(
                question[: claim.start("claimed")] if claim else question, result
            )
            fact = self.fact(fields[0], document, question) if document else None
            if fact is None or document is None:
                return []
            lead, quotes = _told(fact, citations)
            # "In welk dossier en onder welk nummer …": the second field right after the first
            more = [self.fact(field, document, question) for field in fields[1:]]
            if fields[0] in _WHO_SENT and claim:
                co_senders = self.fact(DocumentField.CO_SENDERS, document, question)
                signers = {signer_surname(d) for d in self.searcher.catalog.documents()}
                verdict = sender_verdict(
                    question, document, co_senders.lead if co_senders else "", signers
                )
                if verdict is not None:
                    lead = f"{verdict}: {lead}"
                elif co_senders is not None:
                    more.append(co_senders)
            told = [_told(f, citations)[0] for f in more if f is not None]
            return [lead, *told, *self._office(question, document, citations), *quotes]
        asks_date = bool(ASKS_DATE.search(question))
        own_date = result.hints.asks_document_date or (request.resolved.follow_up and asks_date)
        if own_date and not refers_elsewhere(question):
            document = self.target(question, result)
            if document is not None and not document.get("date"):
                # no date may be guessed from its text; "welk stuk …" still learns which one
                return self._undated(document, question, citations)
            dated = self._date_line(result, document)
            if dated is not None:
                document = document_from_metadata(dated.chunk.metadata)
                lead, _ = own_date_sentence(document, dated, citations)
                office = self._office(question, document, citations)
                if not _ASKS_WHICH_DOCUMENT.search(question):
                    return [lead, *office]
                title = self.fact(DocumentField.TITLE, document, question)
                named = [_told(title, citations)[0]] if title else []  # "Om welk stuk …"
                return [lead, *named, *office]
        head = self._named_document_head(question, result)
        if head is not None:
            return self._about(head, citations)
        return None

    def _office(
        self, question: str, document: dict[str, object], citations: Citations
    ) -> list[str]:
        """ "… schreef de brief als minister": the office its signer signed in, when the
        question gives them another, cited to the signature; else nothing."""
        office = office_correction(question, document)
        signed = self.fact(DocumentField.SIGNER, document, question) if office else None
        if signed is None:
            return []
        n = citations.number(signed.passages[0])
        return [f"Let op: {document['signer']} ondertekende als {office} [{n}]."]

    def _undated(
        self, document: dict[str, object], question: str, citations: Citations
    ) -> list[str]:
        """ "Welk stuk heeft kenmerk … en van wanneer is het?" about a document that prints no
        date: which document it is, and that it gives no date; [] (a refusal) when only the
        date is asked."""
        if not _ASKS_WHICH_DOCUMENT.search(question):
            return []
        title = self.fact(DocumentField.TITLE, document, question)
        if title is None:
            return []
        n = citations.number(title.passages[0])
        return [f"Het gaat om {document_label(document)} [{n}]; het stuk vermeldt zelf geen datum."]

    def fact(self, field: DocumentField, document: dict[str, object], question: str) -> Fact | None:
        """The field of the document, read from its metadata and the line that prints it (its
        whole text is read: a signature or footnote stands at its end)."""
        return document_fact(field, document, self.whole(str(document["doc_id"])), question)

    def whole(self, doc_id: str) -> list[StoredChunk]:
        """Every chunk of a document, in order: a signature, footnote or reference stands
        anywhere in it."""
        return self.store.leading_chunks(doc_id, _ALL_CHUNKS)

    def target(self, question: str, result: SearchResult) -> dict[str, object] | None:
        """The document a question about "de brief van …" means (see `document_target`): the
        one its question sentence names, when a sentence before names another ("De VWS-nota
        verwijst naar een kabinetsreactie. Wie heeft die kabinetsreactie ondertekend?")."""
        question = _asking_about_document(question)
        self.searcher.cards.refresh()
        cards = {card.doc_id: card.text for card in self.searcher.cards.cards}
        return target_document(
            question,
            result,
            self.searcher.catalog.documents(),
            cards,
            self.searcher.cards.document_terms,
        )

    def _about(self, head: Passage, citations: Citations) -> list[str]:
        """ "Waar gaat kst-31490-284 over?": its title, then the opening of its body."""
        n = citations.number(head)
        document = document_from_metadata(head.chunk.metadata)
        sentences = [f"{label_with_date(document)} heeft als titel “{document['title']}” [{n}]."]
        chunks = self.store.leading_chunks(str(document["doc_id"]), _OPENING_CHUNKS)
        for passage in opening_passages(chunks):
            sentences.append(f"{passage.one_line} [{citations.number(passage)}]")
        return sentences

    def identifies_document(self, request: AnswerRequest) -> bool:
        """Whether the question only asks which document an identifier it gives belongs to, or
        what that document is about ("Bij welk stuk hoort kenmerk …, en waar gaat het over?"):
        one answer about that document, not one per sub-question."""
        return self._named_document_head(request.question, request.result) is not None

    def _named_document_head(self, question: str, result: SearchResult) -> Passage | None:
        """The title line of the one document a question names, when it names nothing else
        ("Waar gaat kst-31490-284 over?", "Bij welk stuk hoort kenmerk 2021-0000126162?")."""
        if len(result.hints.documents) != 1:
            return None
        doc_id = next(iter(result.hints.documents))
        if content_terms(_without_identifiers(question, self.searcher.catalog.documents())):
            return None
        head = next(
            (
                c
                for c in result.chunks
                if c.metadata.get("doc_id") == doc_id and c.metadata.get("chunk_index") == 0
            ),
            None,
        )
        if head is None:
            head = self.store.head_chunk(doc_id)
        title = head.metadata.get("title") if head else None
        if head is None or not title:
            return None
        first_line = head.text.strip().splitlines()[0]
        start = head.text.find(first_line)
        return Passage(head, start, start + len(first_line))

    def _date_line(self, result: SearchResult, target: dict[str, object] | None) -> Passage | None:
        """The line in which the document the question means (else the best-found one) prints
        its own date. For a document-date question the searcher found that passage already; a
        follow-up, or a document other than the one it found, looks it up."""
        document = target or document_from_metadata(result.chunks[0].metadata)
        found = result.dated_head
        own = found is not None and found.metadata.get("doc_id") == document["doc_id"]
        return self.date_line(document, found if own else None)

    def date_line(
        self, document: dict[str, object], head: StoredChunk | None = None
    ) -> Passage | None:
        """The line in which the document prints its own date (looked up unless `head`, the
        chunk that prints it, is given); None for an undated document."""
        written = format_dutch_date(str(document["date"])) if document.get("date") else None
        if not written:
            return None
        head = head or self.searcher.dated_head(str(document["doc_id"]))
        if head is None:
            return None
        start = head.text.find(written)
        return line_passage(head, start, start)


def own_date_sentence(
    document: dict[str, object], line: Passage, citations: Citations
) -> tuple[str, str]:
    """ "Kamerstuk 29 362, nr. 290 is van 5 maart 2021 [1]." cited to the `line` that prints
    the date, and the date with its marker ("5 maart 2021 [1]")."""
    n = citations.number(line)
    written = format_dutch_date(str(document["date"]))
    return f"{document_label(document)} is van {written} [{n}].", f"{written} [{n}]"


# Fields a question may ask to confirm ("Klopt het dat … is verstuurd door …?").
_WHO_SENT = (DocumentField.SENDER, DocumentField.SIGNER)


def _told(fact: Fact, citations: Citations) -> tuple[str, list[str]]:
    """The fact's lead sentence with its markers, and the quotes of its other passages."""
    numbers = [citations.number(p) for p in fact.passages]
    lead = f"{fact.lead} {''.join(f'[{n}]' for n in dict.fromkeys(numbers))}."
    quotes = [f"{p.one_line} [{n}]" for p, n in zip(fact.passages[1:], numbers[1:], strict=True)]
    return lead, quotes


def _asking_about_document(question: str) -> str:
    """The message's last question sentence when it speaks of a document itself, else the whole
    message."""
    every = sentences(question)
    asking = [s for s in every if s.rstrip().endswith("?")]
    if len(every) > 1 and asking and speaks_of_document(asking[-1]):
        return asking[-1]
    return question


# What asks to which document an identifier belongs: "bij welk stuk hoort kenmerk …"
_BELONGS = re.compile(r"\b(?:bij|hoort|horen|behoort|behoren)\b", re.IGNORECASE)


def _without_identifiers(question: str, documents: list[dict[str, object]]) -> str:
    """The question without the kenmerken it gives, the words that only name a field or ask
    where an identifier belongs: what is left says what else it asks."""
    for document in documents:
        if document.get("kenmerk"):
            question = re.sub(re.escape(str(document["kenmerk"])), " ", question, flags=re.I)
    return _BELONGS.sub(" ", without_field_words(question))


def refers_elsewhere(question: str) -> bool:
    """Whether the question asks about a document the found one refers to ("die eerdere brief",
    "de brief waarnaar wordt verwezen"): its date is in the text, not in the metadata."""
    return bool(_REFERRED_DOCUMENT.search(question))
