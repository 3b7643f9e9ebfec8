"""The hybrid searcher as a LangChain `BaseRetriever`, so chains and tools can use it."""

from __future__ import annotations

from langchain_core.callbacks import CallbackManagerForRetrieverRun
from langchain_core.documents import Document
from langchain_core.retrievers import BaseRetriever
from pydantic import ConfigDict, Field

from vectorstore.filters import SearchFilters
from vectorstore.search import HybridSearcher


class UitvoeringRetriever(BaseRetriever):
    """Chunks from the hybrid searcher as LangChain Documents; the chunk's metadata plus its
    `chunk_id`, fused `score`, cosine `dense_score` and BM25 `lexical_score`."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    searcher: HybridSearcher
    k: int = Field(5, gt=0)
    filters: SearchFilters | None = None

    def _get_relevant_documents(
        self, query: str, *, run_manager: CallbackManagerForRetrieverRun
    ) -> list[Document]:
        return [
            Document(
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
            for chunk in self.searcher.search(query, self.k, self.filters)
        ]
