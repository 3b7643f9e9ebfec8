"""A fitted linear map that moves a question's vector toward the sentences that answer it.

multilingual-e5-small places a question in civil servants' words ('het zorgministerie', 'hoeveel
meldingen') far from the sentence in the stukken' words ('VWS', '70 reacties'); a stronger
model does not ship offline. The adapter learns that mapping from question–evidence pairs one
may tune on: q' = normalise(q + q·R), where R (d × d) is fitted by `python -m
evals.fit_query_adapter` and saved next to this module. Only the sentence-level dense ranking
and the answerers' choice of sentence (`SearchResult.sentence_vector`) use q'; the chunk
vectors, the reranker's features and every calibrated cosine keep the model's own vector. An
adapter fitted for another embedding model is not used.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from vectorstore.settings import SearchSettings

log = logging.getLogger(__name__)

ADAPTER_FILE = Path(__file__).with_name("query_adapter.npz")


@dataclass(frozen=True)
class QueryAdapter:
    model_id: str  # the embedding model whose vectors it maps
    residual: np.ndarray  # R, one row and one column per vector dimension

    def adapt(self, vector: np.ndarray) -> np.ndarray:
        """normalise(q + q·R); the vector itself when the mapping would zero it."""
        vector = np.asarray(vector, dtype=np.float32)
        moved = vector + vector @ self.residual
        length = float(np.linalg.norm(moved))
        return moved / length if length > 0 else vector

    def save(self, path: Path) -> None:
        with path.open("wb") as handle:
            np.savez_compressed(
                handle, model_id=np.array(self.model_id), residual=self.residual.astype(np.float32)
            )

    @classmethod
    def read(cls, path: Path) -> QueryAdapter:
        """The adapter saved at `path`; ValueError naming the file when it holds none."""
        try:
            with np.load(path, allow_pickle=False) as data:
                adapter = cls(str(data["model_id"]), np.asarray(data["residual"], np.float32))
        except (OSError, KeyError, ValueError) as exc:
            raise ValueError(f"{path}: geen query-adapter ({exc})") from exc
        rows, columns = (adapter.residual.shape + (0, 0))[:2]
        if adapter.residual.ndim != 2 or rows != columns:
            raise ValueError(f"{path}: de matrix van de query-adapter is niet vierkant")
        return adapter


def load_query_adapter(path: Path, model_id: str) -> QueryAdapter | None:
    """The adapter at `path` when it was fitted for this embedding model; otherwise None, with
    a warning saying why (search then uses the model's own vectors)."""
    if not path.exists():
        log.warning("No query adapter at %s; sentences are searched without one", path)
        return None
    adapter = QueryAdapter.read(path)
    if adapter.model_id != model_id:
        log.warning(
            "Query adapter %s was fitted for %s, not %s; sentences are searched without one "
            "(refit: python -m evals.fit_query_adapter)",
            path,
            adapter.model_id,
            model_id,
        )
        return None
    return adapter


def configured_adapter(settings: SearchSettings, model_id: str) -> QueryAdapter | None:
    """The adapter the settings ask for (`query_adapter`, `query_adapter_path`), or None."""
    if not settings.query_adapter:
        return None
    return load_query_adapter(settings.query_adapter_path or ADAPTER_FILE, model_id)
