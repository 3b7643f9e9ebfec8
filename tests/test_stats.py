"""The one percentile helper of the evals and benchmarks."""

from __future__ import annotations

import pytest

from evals.stats import percentile

pytestmark = pytest.mark.unit


def test_percentile_is_an_observed_value_by_nearest_rank() -> None:
    values = [float(v) for v in range(100, 0, -1)]  # 100 .. 1, unsorted on purpose
    assert percentile(values, 0.95) == 95.0  # rank round(0.95 * 99) = 94 (0-based)
    assert percentile(values, 0.0) == 1.0 and percentile(values, 1.0) == 100.0
    assert percentile([3.0, 1.0, 2.0], 0.5) == 2.0
    assert percentile([1.0, 2.0, 3.0, 4.0], 0.5) == 3.0  # a half rank rounds up, no mean


def test_percentile_of_nothing_is_an_error() -> None:
    with pytest.raises(ValueError, match="no values"):
        percentile([], 0.5)
