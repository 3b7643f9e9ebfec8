"""The cross-lingual calibration: its statistics on a tiny fixture, and its pairs file."""

from __future__ import annotations

import pytest

from assistant.question import is_english
from evals.cases import load_eval_cases
from evals.cross_lingual import (
    SETS,
    Measured,
    PairResult,
    agreement_table,
    load_pairs,
    refusal_agreement,
    shift,
    shifts,
)

pytestmark = pytest.mark.unit


def _pair(dutch: float, english: float, sentence: float | None, should_refuse: bool = False):
    return PairResult(
        "x",
        should_refuse,
        Measured(dutch, None if sentence is None else dutch, refused=should_refuse),
        Measured(english, None if sentence is None else dutch + sentence, refused=True),
    )


def test_the_shift_is_the_median_and_quartiles_of_the_differences() -> None:
    found = shift([-0.10, -0.05, -0.04, -0.02, 0.0])
    assert found.pairs == 5
    assert found.median == pytest.approx(-0.04)
    assert (found.q1, found.q3) == (pytest.approx(-0.05), pytest.approx(-0.02))
    with pytest.raises(ValueError):
        shift([-0.1])


def test_shifts_take_english_minus_dutch_and_skip_pairs_without_a_sentence() -> None:
    results = [
        _pair(0.85, 0.79, -0.04),
        _pair(0.86, 0.80, -0.02),
        _pair(0.84, 0.77, None),
    ]
    found = shifts(results)
    assert found["passage"].median == pytest.approx(-0.06)
    assert found["passage"].pairs == 3
    assert found["sentence"].pairs == 2
    assert found["sentence"].median == pytest.approx(-0.03)


def test_refusal_agreement_counts_by_expected_dutch_and_english_refusal() -> None:
    results = [_pair(0.85, 0.79, None), _pair(0.8, 0.7, None, should_refuse=True)]
    counts = refusal_agreement(results)
    assert counts == {(False, False, True): 1, (True, True, True): 1}
    assert len(agreement_table(counts).splitlines()) == 3


def test_each_pair_translates_its_dev_or_known_facts_case() -> None:
    cases = {(name, c.id): c.question for name, path in SETS.items() for c in load_eval_cases(path)}
    pairs = load_pairs()
    assert len(pairs) >= 200
    for pair in pairs:
        assert cases[(pair.set, pair.id)] == pair.dutch
        assert not is_english(pair.dutch), pair.dutch
        assert is_english(pair.english), pair.english
        assert pair.english != pair.dutch
