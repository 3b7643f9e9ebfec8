"""Order statistics of measured values (latencies in ms)."""

from __future__ import annotations

import math
from collections.abc import Iterable


def percentile(values: Iterable[float], share: float) -> float:
    """The observed value at `share` (0..1) of the sorted values: nearest rank, a half rank
    rounded up, no interpolation (p50 of an even count is the upper middle value)."""
    ordered = sorted(values)
    if not ordered:
        raise ValueError("percentile of no values")
    rank = math.floor(share * (len(ordered) - 1) + 0.5)
    return ordered[min(len(ordered) - 1, max(rank, 0))]
