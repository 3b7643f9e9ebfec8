"""Shared fixtures: an isolated data dir, a loopback-only network, and one ingested corpus."""

from __future__ import annotations

import ipaddress
import shutil
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest

from assistant.config import BUNDLED_CORPUS, Settings, get_settings

SEEDS = sorted(BUNDLED_CORPUS.glob("*.txt"))
SHARED_FORMATS = Path(__file__).resolve().parents[2] / "shared" / "formats"

_real_connect = socket.socket.connect


def _loopback_only(self: socket.socket, address: object) -> object:
    if isinstance(address, tuple) and self.family in (socket.AF_INET, socket.AF_INET6):
        host = str(address[0])
        try:
            allowed = ipaddress.ip_address(host).is_loopback
        except ValueError:
            allowed = host == "localhost"
        if not allowed:
            raise OSError(f"test network guard: connection to {host} refused (loopback only)")
    return _real_connect(self, address)


@pytest.fixture(autouse=True, scope="session")
def loopback_network_only() -> Iterator[None]:
    """Anything that tries to download (model hub, tiktoken, telemetry) fails the test run."""
    socket.socket.connect = _loopback_only  # type: ignore[method-assign]
    yield
    socket.socket.connect = _real_connect  # type: ignore[method-assign]


@pytest.fixture(scope="session")
def session_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("uitvoering")


@pytest.fixture(autouse=True, scope="session")
def shared_embedding_cache(session_dir: Path) -> Iterator[None]:
    """One embedding cache for the session: each test still gets its own data dir and Chroma
    collection, but the seeds are embedded only once. Tests of the cache itself use their own."""
    mp = pytest.MonkeyPatch()
    mp.setenv("UITVOERING_EMBEDDING_CACHE_DIR", str(session_dir / "embedding-cache"))
    yield
    mp.undo()


def make_settings(data_dir: Path, **overrides: object) -> Settings:
    return Settings(data_dir=data_dir, **overrides)


@pytest.fixture(scope="session")
def corpus_env(session_dir: Path) -> Iterator[Settings]:
    """The bundled corpus ingested once through the CLI into a session data dir."""
    from assistant.cli import main

    data_dir = session_dir / "corpus-data"
    mp = pytest.MonkeyPatch()
    mp.setenv("UITVOERING_DATA_DIR", str(data_dir))
    get_settings.cache_clear()
    assert main(["ingest", "--quiet", str(BUNDLED_CORPUS)]) == 0
    yield get_settings()
    mp.undo()
    get_settings.cache_clear()


@pytest.fixture
def corpus_copy(tmp_path: Path) -> Path:
    """A writable copy of the two smallest seed documents."""
    folder = tmp_path / "docs"
    folder.mkdir()
    for seed in SEEDS[:2]:
        shutil.copy(seed, folder / seed.name)
    return folder


TIERS = ("unit", "integration", "slow")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Every test has a tier (`pytestmark` in its module, or a mark on the test itself that
    makes it finer), so `make test-fast` (the unit tier) never silently misses a new module."""
    untiered = [
        item.nodeid for item in items if not any(item.get_closest_marker(tier) for tier in TIERS)
    ]
    if untiered:
        raise pytest.UsageError(
            "tests zonder niveau (pytestmark unit, integration of slow): " + ", ".join(untiered[:5])
        )
