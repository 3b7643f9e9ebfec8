"""K-fold cross-validation of a grid search: every candidate setting is scored on each fold
(mean and spread over the folds), and the choice itself is checked by choosing on k-1 folds and
scoring on the fold left out (nested), so a setting that only fits some questions shows."""

from __future__ import annotations

import hashlib
import statistics
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from typing import TypeVar

Candidate = TypeVar("Candidate", bound=Hashable)
FOLDS = 5


def assign_folds(ids: Sequence[str], folds: int = FOLDS) -> list[int]:
    """A fold per id: ids ordered by sha256 and dealt round-robin, so fold sizes differ by at
    most one and no one picks where a question lands."""
    order = sorted(range(len(ids)), key=lambda i: hashlib.sha256(ids[i].encode()).hexdigest())
    fold_of = [0] * len(ids)
    for position, index in enumerate(order):
        fold_of[index] = position % folds
    return fold_of


@dataclass(frozen=True)
class FoldScores:
    per_fold: tuple[float, ...]

    @property
    def mean(self) -> float:
        return statistics.fmean(self.per_fold)

    @property
    def spread(self) -> float:
        """Sample standard deviation over the folds."""
        return statistics.stdev(self.per_fold) if len(self.per_fold) > 1 else 0.0


def fold_scores(hits: Sequence[bool], fold_of: Sequence[int], folds: int = FOLDS) -> FoldScores:
    """The share of hits within each fold."""
    per_fold = []
    for fold in range(folds):
        members = [hit for hit, f in zip(hits, fold_of, strict=True) if f == fold]
        per_fold.append(sum(members) / len(members) if members else 0.0)
    return FoldScores(tuple(per_fold))


def choose(
    scores: dict[Candidate, FoldScores], tie_break: Callable[[Candidate], float]
) -> Candidate:
    """The candidate with the best mean over the folds; ties by `tie_break` (higher wins)."""
    return max(scores, key=lambda c: (scores[c].mean, tie_break(c)))


def nested_estimate(
    hits: dict[Candidate, Sequence[bool]],
    fold_of: Sequence[int],
    tie_break: Callable[[Candidate], float],
    folds: int = FOLDS,
) -> tuple[FoldScores, list[Candidate]]:
    """For each fold: choose on the other folds, score the choice on this one. The scores
    estimate what the chosen setting does on questions it was not chosen on."""
    outer = []
    chosen = []
    for held_out in range(folds):
        inside = [f != held_out for f in fold_of]

        def inner_share(candidate: Candidate, inside: list[bool] = inside) -> float:
            kept = [h for h, keep in zip(hits[candidate], inside, strict=True) if keep]
            return sum(kept) / len(kept)

        best = max(hits, key=lambda c: (inner_share(c), tie_break(c)))
        chosen.append(best)
        outer.append(fold_scores(hits[best], fold_of, folds).per_fold[held_out])
    return FoldScores(tuple(outer)), chosen
