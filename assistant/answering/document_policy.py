"""The refusal policy, letting questions about a document itself through.

"Welk Kamerstuknummer draagt de kabinetsreactie?" uses words no passage contains
("Kamerstuknummer", "handtekening", "D-code"): they name the asked field, which the document
prints in its head or signature. Such a question is answered (from the document's metadata, see
`DocumentFacts`) when the rest of it, which says which document is meant, is mostly made of
words the corpus knows; a question about a document the corpus lacks ("de brief over
dienstplicht") is still refused.
"""

from __future__ import annotations

from assistant.answering.document_questions import asked_field, without_field_words
from assistant.answering.refusal import RefusalPolicy, lacks_kamerstuk
from assistant.question import subject_terms
from vectorstore.search import SearchResult


class DocumentAwarePolicy(RefusalPolicy):
    """A `RefusalPolicy` that answers document-field questions about a known document."""

    def relevant(self, question: str, result: SearchResult) -> bool:
        if result.chunks and asked_field(question) is not None and self._describes_known(question):
            return not lacks_kamerstuk(question, result.hints)
        return super().relevant(question, result)

    def _describes_known(self, question: str) -> bool:
        """Whether the words that describe the document are mostly known to the corpus; a
        hyphenated word ("BZK-brief") counts as known when its parts are."""
        described = subject_terms(without_field_words(question))
        if not described:
            return False
        unknown = [t for t in described if not self.knows(t)]
        return len(unknown) / len(described) < self.settings.max_unknown_fraction
