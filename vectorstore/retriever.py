"""The hybrid searcher as a LangChain `BaseRetriever`, so chains and tools can use it.

It honours LangChain's retriever contract (checked by `langchain-tests`' standard suite): `k` set
when the retriever is built, or per call (`retriever.invoke(query, k=1)`, also in `ainvoke`).
"""

from __future__ import annotations

from typing import Any

from langchain_core.callbacks import (
    AsyncCallbackManagerForRetrieverRun,
    CallbackManagerForRetrieverRun,
)
from langchain_core.documents import Document
from langchain_core.retrievers import BaseRetriever
from langchain_core.runnables.config import run_in_executor
from pydantic import ConfigDict, Field, ValidationInfo, field_validator

from vectorstore.filters import SearchFilters
from vectorstore.search import HybridSearcher
from vectorstore.stored_chunk import StoredChunk
from vectorstore.validation import validate_k


def _document(chunk: StoredChunk) -> Document:
    return Document(
        id=chunk.chunk_id,
        page_content=chunk.text,
        metadata={
            **chunk.metadata,
            "chunk_id": chunk.chunk_id,
            "score": chunk.score,
            "dense_score": chunk.dense_score,
            "lexical_score": chunk.lexical_score,
        },
    )


class UitvoeringRetriever(BaseRetriever):
    """Chunks from the hybrid searcher as LangChain Documents; the chunk's metadata plus its
    `chunk_id`, fused `score`, cosine `dense_score` and BM25 `lexical_score`.

    `k` outside 1..max_k (the searcher's setting) is refused when the retriever is built; a
    per-call `k` outside that range raises `QuestionError` like any search."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    searcher: HybridSearcher
    k: int = Field(5, validate_default=True)
    filters: SearchFilters | None = None

    @field_validator("k", mode="before")
    @classmethod
    def _k_within_max_k(cls, k: Any, info: ValidationInfo) -> Any:
        searcher = info.data.get("searcher")
        if searcher is None:  # the searcher itself was refused; that error says enough
            return k
        return validate_k(k, searcher.settings.max_k)

    def _get_relevant_documents(
        self, query: str, *, run_manager: CallbackManagerForRetrieverRun, k: int | None = None
    ) -> list[Document]:
        chunks = self.searcher.search(query, self.k if k is None else k, self.filters)
        return [_document(chunk) for chunk in chunks]

    async def _aget_relevant_documents(
        self,
        query: str,
        *,
        run_manager: AsyncCallbackManagerForRetrieverRun,
        k: int | None = None,
    ) -> list[Document]:
        # The search is synchronous (native embedding, Chroma, BM25): run it in a worker thread.
        return await run_in_executor(
            None, self._get_relevant_documents, query, run_manager=run_manager.get_sync(), k=k
        )
