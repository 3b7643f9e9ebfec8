"""BM25 over the same chunks as the dense index (bm25s, Dutch Snowball stems, stop words).

The index is saved next to Chroma in a folder named after the collection's revision; whenever
the collection changed (ingest, replacement, removal, by any process) it is rebuilt from Chroma,
so the lexical and dense indexes always cover the same chunks. Answering processes that rebuild
at the same moment each write a private folder and rename it into place.

Kamerstuk references are indexed as one token each ('Kamerstuk 35 510, nr. 4' and '35510-4'
both become `kst35510n4`), so a question naming a Kamerstuk finds the passages that cite it.
"""

from __future__ import annotations

import hashlib
import json
import logging
import math
import shutil
import tempfile
import time
from bisect import bisect_left
from collections import Counter
from collections.abc import Collection, Sequence
from pathlib import Path
from typing import Any

import bm25s
import numpy as np

from ingest.labels import label_with_date
from ingest.references import find_references
from vectorstore.chunk_metadata import document_from_metadata
from vectorstore.organisations import alias_terms
from vectorstore.query_analysis import reference_token
from vectorstore.store import VectorStore
from vectorstore.text_analysis import MIN_COMPOUND, lemma, terms, words

log = logging.getLogger(__name__)
logging.getLogger("bm25s").setLevel(logging.WARNING)


def lexical_text(text: str, metadata: dict[str, Any]) -> str:
    """What BM25 indexes for a chunk: its section heading and text. The first chunk of a
    document (where its number and date are printed) also carries the document's title, sender,
    signer, label and date, so questions that describe a document ("wanneer stuurde minister
    Koolmees de brief over …") find its head."""
    parts = [str(metadata.get("section") or ""), text]
    if metadata.get("chunk_index") == 0:
        document = document_from_metadata(metadata)
        head = [document.get(key) for key in ("title", "dossier_title", "sender", "signer")]
        parts[:0] = [str(value) for value in head if value] + [label_with_date(document)]
    return "\n".join(part for part in parts if part)


def lexical_terms(text: str, metadata: dict[str, Any], compounds: bool = False) -> list[str]:
    """Stemmed terms of `lexical_text` (with the parts of compound words when `compounds`) plus
    one token per Kamerstuk the chunk cites (the first chunk also carries its own document's
    Kamerstuk)."""
    cited = [ref.normalized for ref in find_references(text)]
    if metadata.get("chunk_index") == 0 and metadata.get("kamerstuk"):
        cited.append(str(metadata["kamerstuk"]))
    return terms(lexical_text(text, metadata), compounds) + [
        reference_token(k) for k in dict.fromkeys(cited)
    ]


# Text whose analysis stands for the analyser: stop words, stems, compounds, Kamerstuk tokens,
# dictionary forms (a separable verb: "toegepast").
_PROBE_TEXT = (
    "De uitvoeringsorganisaties meldden hardvochtige effecten van wetten; zie Kamerstuk "
    "35 510, nr. 4 en de werkagenda voor de dienstverlening aan burgers, toegepast."
)
_PROBE_METADATA = {"chunk_index": 1, "section": "Stand van de Uitvoering"}


def analyser_fingerprint(compounds: bool) -> str:
    """A short hash of what the analyser makes of a probe text: a saved index is only reused
    by the analyser that built it, so a changed stemmer, stop list or compound splitter
    rebuilds the index instead of silently searching old terms."""
    probe = lexical_terms(_PROBE_TEXT, _PROBE_METADATA, compounds)
    forms = [lemma(word) for word in words(_PROBE_TEXT)]
    return hashlib.sha256(json.dumps([probe, forms]).encode()).hexdigest()[:8]


def _has_prefix(ordered: list[str], prefix: str) -> bool:
    """Whether a word of the sorted list starts with `prefix`."""
    at = bisect_left(ordered, prefix)
    return at < len(ordered) and ordered[at].startswith(prefix)


class LexicalIndex:
    def __init__(self, store: VectorStore, compounds: bool = False, aliases: bool = False) -> None:
        self.store = store
        self.compounds = compounds  # index and search the parts of compound words too
        self.aliases = aliases  # search organisations named otherwise in the corpus's forms too
        self.directory = store.settings.data_dir / "bm25" / store.settings.collection
        self._analyser = analyser_fingerprint(compounds)
        self._revision: str | None = None
        self._ids: list[str] = []
        self._doc_ids = np.array([], dtype=object)
        self._positions: dict[str, int] | None = None
        self._doc_freq: dict[str, int] = {}
        # the terms sorted, and sorted reversed: where a compound's start or end is looked up
        self._affixes: tuple[list[str], list[str]] | None = None
        self._lemmas: frozenset[str] = frozenset()  # dictionary forms of every word in the chunks
        self._bm25: bm25s.BM25 | None = None

    def _saved(self, revision: str) -> Path:
        return self.directory / f"{revision or 'empty'}-{self._analyser}"

    def _load(self, revision: str) -> bool:
        """Load the index saved for this revision, if any. Each revision has its own folder,
        renamed into place whole, so a folder that exists is complete; one removed by another
        process while we read it counts as absent."""
        saved_dir = self._saved(revision)
        try:
            saved = json.loads((saved_dir / "ids.json").read_text(encoding="utf-8"))
            bm25 = (
                bm25s.BM25.load(str(saved_dir / "index"), show_progress=False)
                if saved["ids"]
                else None
            )
            lemmas = frozenset(saved["lemmas"])  # absent from a save of an older version
        except (OSError, ValueError, KeyError):
            return False
        self._ids = saved["ids"]
        self._doc_ids = np.array(saved["doc_ids"], dtype=object)
        self._doc_freq = saved["doc_freq"]
        self._lemmas = lemmas
        self._bm25 = bm25
        return True

    def _build(self, revision: str) -> None:
        ids: list[str] = []
        doc_ids: list[str] = []
        tokens: list[list[str]] = []
        vocabulary: set[str] = set()
        for chunk_id, text, metadata in self.store.all_chunks():
            ids.append(chunk_id)
            doc_ids.append(str(metadata["doc_id"]))
            tokens.append(lexical_terms(text, metadata, self.compounds) or ["_"])
            vocabulary.update(words(text))
        self._lemmas = frozenset(lemma(word) for word in vocabulary)
        self._ids = ids
        self._doc_ids = np.array(doc_ids, dtype=object)
        self._doc_freq = dict(Counter(term for chunk_terms in tokens for term in set(chunk_terms)))
        self._bm25 = None
        if ids:
            self._bm25 = bm25s.BM25()
            self._bm25.index(tokens, show_progress=False)
        log.info("BM25 index rebuilt: %d chunks", len(ids))
        if self.store.revision() == revision:
            self._save(revision, doc_ids)

    def _save(self, revision: str, doc_ids: list[str]) -> None:
        """Save under the revision's own folder: written in a private temporary folder and
        renamed into place, so processes building at the same time never share files; then
        the folders of older revisions are removed."""
        self.directory.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=".build-", dir=self.directory))
        try:
            if self._bm25 is not None:
                self._bm25.save(str(tmp / "index"), show_progress=False)
            (tmp / "ids.json").write_text(
                json.dumps(
                    {
                        "ids": self._ids,
                        "doc_ids": doc_ids,
                        "doc_freq": self._doc_freq,
                        "lemmas": sorted(self._lemmas),
                    }
                ),
                encoding="utf-8",
            )
            tmp.rename(self._saved(revision))
        except OSError as exc:  # kept in memory only; the next process saves it again
            shutil.rmtree(tmp, ignore_errors=True)
            if not self._saved(revision).exists():
                log.warning("BM25 index not saved to %s: %s", self.directory, exc)
        self._remove_old_saves(keep=self._saved(revision).name)

    def _remove_old_saves(self, keep: str) -> None:
        """Remove the folders of other revisions (and files of the one-folder layout used
        before); private build folders only once they are an hour old (a crashed builder's)."""
        for old in self.directory.iterdir():
            if old.name == keep:
                continue
            try:
                if old.name.startswith(".build-") and time.time() - old.stat().st_mtime < 3600:
                    continue
                if old.is_dir():
                    shutil.rmtree(old, ignore_errors=True)
                else:
                    old.unlink(missing_ok=True)
            except OSError:  # removed by another process meanwhile
                continue

    def document_of(self, chunk_id: str) -> str:
        """The document a chunk belongs to (as of the last `refresh`)."""
        if self._positions is None:
            self._positions = {cid: i for i, cid in enumerate(self._ids)}
        return str(self._doc_ids[self._positions[chunk_id]])

    def idf(self, term: str) -> float:
        """Inverse document frequency of a stemmed term over the chunks; highest for a term the
        corpus does not contain."""
        return math.log((len(self._ids) + 1) / (self._doc_freq.get(term, 0) + 0.5))

    def knows(self, term: str) -> bool:
        """Whether any chunk contains this stemmed term."""
        return term in self._doc_freq

    def knows_lemma(self, word: str) -> bool:
        """Whether any chunk has a form of this (unstemmed) word: 'verscheen' is known from
        'verschenen', 'kwamen' from 'komt'."""
        return lemma(word) in self._lemmas

    def knows_part(self, part: str) -> bool:
        """Whether any chunk contains this stemmed term, or a compound that it begins or ends
        ("gastouder" in "gastouderbureau"); parts shorter than MIN_COMPOUND only as words."""
        if part in self._doc_freq:
            return True
        if len(part) < MIN_COMPOUND:
            return False
        affixes = self._affixes  # read once: a refresh in another thread may reset it
        if affixes is None:
            vocabulary = list(self._doc_freq)
            affixes = self._affixes = (sorted(vocabulary), sorted(t[::-1] for t in vocabulary))
        starts, ends = affixes
        return _has_prefix(starts, part) or _has_prefix(ends, part[::-1])

    @property
    def size(self) -> int:
        """Chunks in the index, as of the last `refresh`."""
        return len(self._ids)

    def refresh(self, revision: str | None = None) -> None:
        """Make the index match the collection (cheap when nothing changed); pass a revision
        already read to save a call."""
        revision = self.store.revision() if revision is None else revision
        if revision == self._revision:
            return
        if not self._load(revision):
            self._build(revision)
        self._positions = None
        self._affixes = None
        self._revision = revision

    def search(
        self,
        query: str,
        k: int,
        doc_ids: Collection[str] | None = None,
        extra_terms: Sequence[str] = (),
    ) -> list[tuple[str, float]]:
        """(chunk_id, BM25 score) of the best k chunks with a positive score, optionally only
        from the given documents; `extra_terms` are added to the question's terms as they are
        (e.g. Kamerstuk tokens). With `aliases`, the organisations and roles the query names in
        other words than the corpus are searched in the corpus's forms too ('het zorgministerie'
        also as 'VWS'). Call `refresh` first to see the latest collection."""
        if self._revision is None:
            self.refresh()
        if self.aliases:
            query = " ".join([query, *alias_terms(query)])
        query_terms = terms(query, self.compounds) + list(extra_terms)
        if self._bm25 is None or not query_terms or (doc_ids is not None and not doc_ids):
            return []
        mask = None
        if doc_ids is not None:
            mask = np.isin(self._doc_ids, list(doc_ids)).astype(np.float32)
        k = min(k, len(self._ids))
        indices, scores = self._bm25.retrieve(
            [query_terms], k=k, show_progress=False, weight_mask=mask
        )
        return [
            (self._ids[int(i)], float(s))
            for i, s in zip(np.asarray(indices)[0], np.asarray(scores)[0], strict=True)
            if s > 0
        ]
