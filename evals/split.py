"""The fixed split of the blind set: `blind-dev` to calibrate and tune on, `blind-test` to
report on and never look into. A case's half follows from a hash of its id alone, so adding
cases never moves an existing one, and nobody can choose where a question lands."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from typing import Literal

from evals.cases import EvalCase

BlindHalf = Literal["blind-dev", "blind-test"]
HALVES: tuple[BlindHalf, BlindHalf] = ("blind-dev", "blind-test")


def half_of(case_id: str) -> BlindHalf:
    """The half a case belongs to: the parity of the first byte of sha256(id)."""
    return HALVES[hashlib.sha256(case_id.encode("utf-8")).digest()[0] % 2]


def select(cases: Iterable[EvalCase], half: BlindHalf) -> list[EvalCase]:
    """The cases of one half, in file order."""
    return [case for case in cases if half_of(case.id) == half]
