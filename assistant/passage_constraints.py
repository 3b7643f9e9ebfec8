"""Whether a passage is about what a typed question constrains: the one organisation it asks
about, the names it gives, the years it asks for. A number, date or amount from a passage about
something else answers a question the stukken do not.
"""

from __future__ import annotations

import re

from assistant.plan import QuestionPlan
from assistant.sentences import Passage, sentence_spans
from ingest.text import squash
from vectorstore.chunk_metadata import written_year
from vectorstore.organisations import is_organisation, mentions, organisations_named
from vectorstore.stored_chunk import StoredChunk
from vectorstore.text_analysis import terms

# A name of several capitalised words in the question ("de Commissie Werkelijke Schade", "het
# Landelijk Maatwerkloket"): a typed fact answers only from a passage about what it names.
_NAME = re.compile(r"(?<=[a-zà-ÿ,]\s)([A-Z][a-zà-ÿ]+(?:\s+[A-Z][a-zà-ÿ]+)+)")
# A coined name inside a sentence, before a hyphen ("de Stella-teams") or with a capital inside
# ("DigiD", "MijnOverheid"): what it names has no other word in the stukken.
_COINED = re.compile(r"(?<=[a-zà-ÿ,]\s)([A-Z][a-zà-ÿ]{3,}(?=-[a-zà-ÿ])|[A-Z][a-zà-ÿ]{2,}[A-Z]\w*)")
_PARLIAMENT = re.compile(r"^(?:Tweede|Eerste)\s+Kamer$|^Den\s+Haag$")
_DOCUMENT_FIELDS = ("sender", "signer", "title", "dossier_title")
# Words that tell one instance of a thing from another ("de eerste compensatie", "een
# aanvullende betaling"): a fact of one instance is none of another.
_INSTANCE = frozenset(terms("eerste tweede aanvullende extra laatste"))


def _with_document_fields(chunk: StoredChunk) -> str:
    """The chunk's text with its document's sender, signer and titles: what a passage is about."""
    fields = (str(chunk.metadata.get(field) or "") for field in _DOCUMENT_FIELDS)
    return " ".join([chunk.text, *fields])


def _one_organisation(plan: QuestionPlan) -> str | None:
    """The government organisation the question is about, when it names exactly one."""
    known = [name for name in plan.organisations if is_organisation(name)]
    return known[0] if len(known) == 1 else None


def about_organisation(chunk: StoredChunk, plan: QuestionPlan) -> bool:
    """For a question about one government organisation: whether the passage, or the document
    it is from (sender, signer, title), names it ("Hoeveel mensen werken er bij het UWV?": a
    count of staff in a passage that never mentions the UWV is not the UWV's)."""
    asked = _one_organisation(plan)
    return asked is None or mentions(_with_document_fields(chunk), asked)


def written_before_asked_years(chunk: StoredChunk, plan: QuestionPlan) -> bool:
    """Whether the passage's document was written before every year the question names, and
    the passage names none of them: a letter of 2021 cannot tell how many parents were paid "begin
    2023" (one that names 2023 may tell what was planned for it)."""
    written = written_year(chunk.metadata)
    if not plan.years or not written:
        return False
    return all(int(year) > int(written) and year not in chunk.text for year in plan.years)


def told_of_another_organisation(passage: Passage, plan: QuestionPlan) -> bool:
    """For a question about one organisation: whether the sentence does not name it but the
    sentence before it, in its paragraph, names another one and not it ("Het lukt RvIG niet
    om alle posities te vullen. Ongeveer 15 procent van de functies …" is RvIG's figure, not
    Logius')."""
    asked = _one_organisation(plan)
    if asked is None or mentions(passage.text, asked):
        return False
    text = passage.chunk.text
    paragraph = text.rfind("\n\n", 0, passage.start) + 1
    before = [s for s in sentence_spans(text[paragraph : passage.start]) if s[1] > s[0]][-1:]
    if not before:
        return False
    previous = text[paragraph + before[0][0] : paragraph + before[0][1]]
    # a sentence that does not name the asked organisation names only others, if any
    return not mentions(previous, asked) and bool(organisations_named(previous))


def about_names(chunk: StoredChunk, plan: QuestionPlan) -> bool:
    """Whether the passage, or the document it is from, names each multi-word name of the
    question ("Hoeveel zaken zijn voorgelegd aan de Commissie Werkelijke Schade?": a count of
    the Maatwerkloket's cases is not one)."""
    # an organisation the stukken may write otherwise ("Binnenlandse Zaken": "BZK") is judged by
    # `about_organisation`; the writer's own context is not in the focus
    found = _NAME.findall(plan.focus) + _COINED.findall(plan.focus)
    names = [n for n in found if not _PARLIAMENT.match(n) and not is_organisation(n)]
    if not names:
        return True
    text = squash(_with_document_fields(chunk)).lower()
    return all(squash(name).lower() in text for name in names)


def another_instance(passage: Passage, plan: QuestionPlan) -> bool:
    """Whether the question asks about one instance of a thing ("een aanvullende betaling") and
    the passage tells of another ("deze eerste compensatie") and not of the asked one."""
    asked = _INSTANCE & plan.focus_stems
    if not asked:
        return False
    said = set(terms(passage.text))
    return not asked & said and bool(_INSTANCE & said)
