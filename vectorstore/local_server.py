"""A Chroma server (`chroma run`) on 127.0.0.1, started and stopped around a block of code.

For tests and benchmarks that need a real server; deployments run their own (see README).
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class LocalChromaServer:
    port: int
    pid: int


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def local_chroma_server(path: Path, startup_timeout_s: float = 60.0) -> Iterator[LocalChromaServer]:
    chroma = shutil.which("chroma") or str(Path(sys.executable).parent / "chroma")
    port = free_port()
    process = subprocess.Popen(
        [chroma, "run", "--path", str(path), "--host", "127.0.0.1", "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + startup_timeout_s
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"chroma run on 127.0.0.1:{port} did not start") from None
                time.sleep(0.3)
        yield LocalChromaServer(port, process.pid)
    finally:
        process.terminate()
        process.wait(timeout=30)
