"""A question about a Kamerstuk the corpus only cites: the stukken do not hold it.

"Waar ging Kamerstuk 31 490, nr. 269 over en wanneer is het verstuurd?", "Wie hebben de motie
Omtzigt (35510, nr. 13) mede ondertekend?": the corpus names these Kamerstukken in a footnote or a
reference but does not hold them, so their subject, date, signers or votes are not in the stukken,
and another document's date or signer would be a wrong answer. A question that asks where such a
Kamerstuk is cited, or what a stored document says about it ("Wat zegt de kabinetsreactie over
Kamerstuk 35 387, nr. 2?"), is about the citing document and is answered.
"""

from __future__ import annotations

import re

from assistant.answering.cited_references import REFERS
from assistant.answering.document_questions import speaks_of_document
from ingest.references import strip_references
from vectorstore.query_analysis import QueryHints

# "Welke stukken verwijzen naar …", "Waar wordt … genoemd?", "Which letters cite …?"
_CITED = re.compile(
    REFERS.pattern + r"|\b(?:noemt|noemen|genoemd|vermeldt|vermelden|vermeld|citeren|refer|"
    r"referred|cite|cited|mentions?|mentioned|footnotes)\b",
    re.IGNORECASE,
)
# "parliamentary paper 31 490, no. 269": the English name of a Kamerstuk, left by its number
_PAPER = re.compile(r"\bparliamentary\s+papers?\b", re.IGNORECASE)


def about_cited_only(question: str, hints: QueryHints) -> bool:
    """Whether the question asks about Kamerstukken the corpus only cites, none of them stored,
    and neither speaks of a document that holds them nor asks where they are cited."""
    if not hints.named or hints.documents or set(hints.named) - set(hints.cited):
        return False
    rest = _PAPER.sub(" ", strip_references(question))
    return not speaks_of_document(rest) and not _CITED.search(rest)
