import pytest

from bench.ingest_timing import Timing, ratio

pytestmark = pytest.mark.unit


def test_ratio_is_median_on_over_median_off():
    timings = [
        Timing("off", 27.5, 40.0, 0.5),
        Timing("on", 45.3, 70.0, 0.5),
        Timing("off", 27.7, 41.0, 0.4),
        Timing("on", 90.0, 71.0, 6.0),  # a loaded run must not drag the ratio up
        Timing("on", 45.8, 72.0, 0.3),
        Timing("off", 60.0, 42.0, 6.0),
    ]
    assert ratio(timings) == round(45.8 / 27.7, 2)
    assert ratio(timings, "cpu_s") == round(71.0 / 41.0, 2)
