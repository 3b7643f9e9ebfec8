"""One writer at a time per corpus: an advisory file lock held while a process writes.

Readers never take it. The lock is a `flock` on a file under the data dir, so it serialises the
ingests, removals and resets of one machine (embedded store or Chroma server); the operating
system drops it when the holder dies, even by SIGKILL. Several machines writing to one Chroma
server need one ingest job at a time by arrangement (see README, deployment).
"""

from __future__ import annotations

import fcntl
import logging
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

log = logging.getLogger(__name__)


class WriterBusy(RuntimeError):
    """Another process kept the corpus locked for longer than we were willing to wait."""


@contextmanager
def writer_lock(path: Path, timeout_s: float) -> Iterator[None]:
    path.parent.mkdir(parents=True, exist_ok=True)
    handle = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        deadline = time.monotonic() + timeout_s
        announced = False
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise WriterBusy(
                        f"een ander proces schrijft al naar deze collectie (slot {path}); "
                        f"na {timeout_s:.0f} s wachten opgegeven. Probeer het later opnieuw."
                    ) from None
                if not announced:
                    log.warning("Waiting for another process writing to this collection (%s)", path)
                    announced = True
                time.sleep(0.2)
        os.ftruncate(handle, 0)
        os.write(handle, f"{os.getpid()}\n".encode())
        yield
    finally:
        os.close(handle)  # closing releases the lock
