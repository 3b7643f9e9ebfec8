"""LangChain's LocalFileStore with writes that are all-or-nothing.

The embedding cache lives in such a store. LocalFileStore writes a value straight into its file,
so an ingest killed mid-write would leave a truncated vector that every later ingest trips over.
Here each value is written to a private temporary file in the same folder and renamed into place.
"""

from __future__ import annotations

from collections.abc import Sequence

from langchain_classic.storage import LocalFileStore

from ingest.atomic_write import write_atomically


class AtomicFileStore(LocalFileStore):
    def mset(self, key_value_pairs: Sequence[tuple[str, bytes]]) -> None:
        for key, value in key_value_pairs:
            full_path = self._get_full_path(key)
            self._mkdir_for_store(full_path.parent)
            write_atomically(full_path, value)
            if self.chmod_file is not None:
                full_path.chmod(self.chmod_file)
