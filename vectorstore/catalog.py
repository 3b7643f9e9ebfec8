"""The documents in the store, kept in memory and refreshed whenever the collection changes.

Query analysis and filters work on documents, not chunks: which Kamerstukken are stored, which
are only referred to, and which documents pass a filter.
"""

from __future__ import annotations

from typing import Any

from vectorstore.filters import SearchFilters
from vectorstore.store import VectorStore


def _damerau_distance(a: str, b: str) -> int:
    """Optimal-string-alignment distance: insertions, deletions, substitutions, transpositions."""
    rows = [[0] * (len(b) + 1) for _ in range(len(a) + 1)]
    for i in range(len(a) + 1):
        rows[i][0] = i
    for j in range(len(b) + 1):
        rows[0][j] = j
    for i in range(1, len(a) + 1):
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            rows[i][j] = min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                rows[i][j] = min(rows[i][j], rows[i - 2][j - 2] + 1)
    return rows[len(a)][len(b)]


def _one_typo(typed: str, known: str) -> bool:
    typed_nr = typed.rpartition("-")[2]
    known_nr = known.rpartition("-")[2]
    if typed_nr != known_nr and sorted(typed_nr) != sorted(known_nr):
        return False
    return _damerau_distance(typed, known) == 1


class DocumentCatalog:
    def __init__(self, store: VectorStore) -> None:
        self.store = store
        self._revision: str | None = None
        self._documents: list[dict[str, Any]] = []
        self._stored: frozenset[str] = frozenset()
        self._referenced: frozenset[str] = frozenset()

    def sync(self, revision: str | None = None) -> None:
        """Reload when the collection changed; pass a revision already read to save a call."""
        revision = self.store.revision() if revision is None else revision
        if revision != self._revision:
            self._documents = self.store.documents()
            self._stored = frozenset(
                str(d["kamerstuk"]) for d in self._documents if d.get("kamerstuk")
            )
            self._referenced = frozenset(
                ref for d in self._documents for ref in d.get("references") or []
            )
            self._revision = revision

    def _ensure_loaded(self) -> None:
        if self._revision is None:
            self.sync()

    def documents(self) -> list[dict[str, Any]]:
        """Every stored document with its metadata, as of the last `sync`."""
        self._ensure_loaded()
        return self._documents

    def doc_ids(self, filters: SearchFilters | None) -> set[str] | None:
        """Ids of the documents that pass `filters`; None means no restriction."""
        if filters is None or filters.is_empty:
            return None
        return {str(d["doc_id"]) for d in self.documents() if filters.matches(d)}

    def documents_for_kamerstuk(self, kamerstuk: str) -> list[str]:
        """Ids of stored documents that are this Kamerstuk."""
        return [str(d["doc_id"]) for d in self.documents() if d.get("kamerstuk") == kamerstuk]

    def stored_kamerstukken(self) -> frozenset[str]:
        """Kamerstukken that are stored documents (as of the last `sync`)."""
        self._ensure_loaded()
        return self._stored

    def referenced_kamerstukken(self) -> frozenset[str]:
        """Kamerstukken that stored documents refer to (as of the last `sync`)."""
        self._ensure_loaded()
        return self._referenced

    def correct_kamerstuk(self, kamerstuk: str) -> str | None:
        """The stored Kamerstuk a mistyped number most likely means ('29632-290' -> '29362-290').

        Only for numbers the corpus does not know at all (neither stored nor referred to), and
        only one edit away: any single edit in the dossier number, but in the ondernummer only
        swapped digits ('381' -> '318'), since 290 and 291 are both real, different letters.
        None when there is no such Kamerstuk or more than one."""
        if kamerstuk in self.stored_kamerstukken() | self.referenced_kamerstukken():
            return None
        candidates = [known for known in self.stored_kamerstukken() if _one_typo(kamerstuk, known)]
        return candidates[0] if len(candidates) == 1 else None
