"""Settings of the document layer: where data lives, how text is tokenised and chunked.

The bottom section of the one `Settings` (assistant/config.py) that reads every UITVOERING_ env
var; components of this layer take this section, never the whole.
"""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_dir
from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

# Nothing in this product may reach a model hub: set offline flags before any HF import.
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")

PROJECT_ROOT = Path(__file__).resolve().parent.parent
BUNDLED_CORPUS = PROJECT_ROOT / "corpus" / "uitvoering"
ENV_CONFIG = SettingsConfigDict(env_prefix="UITVOERING_", env_file=".env", extra="ignore")


class DataSettings(BaseSettings):
    """Where the Chroma database and every cache live."""

    model_config = ENV_CONFIG

    data_dir: Path = Field(
        default_factory=lambda: Path(user_data_dir("uitvoering-assistent")),
        description="Where the Chroma database and caches live.",
    )


class IngestSettings(DataSettings):
    """Loading, chunking and token counting."""

    tokenizer_encoding: str = Field("cl100k_base", description="tiktoken encoding for chunk sizes.")
    chunk_tokens: int = Field(300, gt=20, description="Maximum chunk size in tokens.")
    chunk_overlap_tokens: int = Field(50, ge=0, description="Overlap between chunks in tokens.")
    max_file_mb: float = Field(
        20.0,
        gt=0,
        description="Larger files are refused at ingest (a 20 MB text is ~5M "
        "tokens: hours of embedding on a laptop CPU).",
    )

    @property
    def tiktoken_cache_dir(self) -> Path:
        return self.data_dir / "tiktoken"
