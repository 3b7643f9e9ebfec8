"""The regression gate: a run compared with a baseline run of the same cases."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from evals.scoring import METRIC_LABELS, QUALITY_METRICS


@dataclass
class GateResult:
    baseline: str
    tolerance: float
    regressions: list[str] = field(default_factory=list)  # metrics that dropped too far
    new_failures: list[str] = field(default_factory=list)  # passed in the baseline, fail now
    fixed: list[str] = field(default_factory=list)  # failed in the baseline, pass now
    not_run: list[str] = field(default_factory=list)  # in the baseline, not in this run
    deltas: dict[str, tuple[float | None, float | None]] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.regressions and not self.new_failures


def load_baseline(path: Path) -> dict[str, Any]:
    """A results file written by `uitvoering eval`; errors name the file."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ValueError(f"{path}: baseline niet te lezen ({exc.strerror})") from exc
    except json.JSONDecodeError as exc:
        raise ValueError(f"{path}: geen geldige JSON ({exc.msg}, regel {exc.lineno})") from exc
    if not isinstance(data, dict) or data.get("format") != "uitvoering-eval/1":
        raise ValueError(f"{path}: geen resultaten van `uitvoering eval` (veld 'format' ontbreekt)")
    return data


def compare(
    run: dict[str, Any], baseline: dict[str, Any], name: str, tolerance: float
) -> GateResult:
    """Which metrics dropped by more than `tolerance` and which cases that passed now fail."""
    gate = GateResult(baseline=name, tolerance=tolerance)
    for metric in QUALITY_METRICS:
        # A metric the baseline lacks (it predates the metric) or did not measure is no regression.
        before, now = baseline["metrics"].get(metric), run["metrics"].get(metric)
        gate.deltas[metric] = (before, now)
        if before is not None and (now is None or now < before - tolerance):
            gate.regressions.append(
                f"{METRIC_LABELS[metric]}: {before:.3f} → {'-' if now is None else f'{now:.3f}'}"
            )
    passed_before = {c["id"]: c["passed"] for c in baseline["cases"]}
    passed_now = {c["id"]: c["passed"] for c in run["cases"]}
    gate.new_failures = [i for i, ok in passed_now.items() if not ok and passed_before.get(i)]
    gate.fixed = [i for i, ok in passed_now.items() if ok and passed_before.get(i) is False]
    gate.not_run = [i for i in passed_before if i not in passed_now]
    return gate
