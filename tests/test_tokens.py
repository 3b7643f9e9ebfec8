import hashlib
from pathlib import Path

import pytest

from ingest.tokens import CL100K_SHA256, CL100K_URL, get_encoding, install_offline_encoding

pytestmark = pytest.mark.unit


def test_cl100k_base_works_offline(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.delenv("TIKTOKEN_CACHE_DIR", raising=False)
    cache = install_offline_encoding(tmp_path / "tiktoken")
    cached = cache / hashlib.sha1(CL100K_URL.encode()).hexdigest()
    assert hashlib.sha256(cached.read_bytes()).hexdigest() == CL100K_SHA256
    encoding = get_encoding("cl100k_base", tmp_path / "tiktoken")
    assert (
        encoding.decode(encoding.encode("Kamerstuk 29 362, nr. 290")) == "Kamerstuk 29 362, nr. 290"
    )
