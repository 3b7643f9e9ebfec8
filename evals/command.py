"""`uitvoering eval`: run eval sets through the answering service, report, and gate on a
baseline; `--compare` runs two configurations side by side."""

from __future__ import annotations

import argparse
import logging
import sys
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from tqdm import tqdm

from assistant import app
from assistant.config import PROJECT_ROOT, Settings
from evals.cases import (
    BLIND,
    BLIND_V1,
    BLIND_V2,
    BLIND_VERSIONS,
    DEV_SET,
    KNOWN_FACTS,
    EvalCase,
    load_eval_cases,
)
from evals.gate import compare, load_baseline
from evals.report import console_report, gate_summary, text_table, write_report
from evals.runner import EvalRun, describe_setup, run_cases
from evals.scoring import METRIC_LABELS, QUALITY_METRICS, CaseResult
from evals.split import HALVES, BlindHalf, select
from vectorstore.store import VectorStore

log = logging.getLogger(__name__)
BASELINES = PROJECT_ROOT / "evals" / "baselines"
# The shipped sets by name (`--set`); `--dataset` takes any file.
SETS = {
    "known_facts": KNOWN_FACTS,
    "dev": DEV_SET,
    "blind": BLIND,
    "blind_v1": BLIND_V1,
    "blind_v2": BLIND_V2,
}


class EvalUsageError(ValueError):
    """A bad dataset, baseline or configuration file; the message names it."""


@dataclass
class _Options:
    datasets: list[Path]
    ingest: list[Path]
    quiet: bool
    split: BlindHalf | None = None  # run only this half of the blind set

    @property
    def blind(self) -> bool:
        return any(_is_blind(path) for path in self.datasets)


def add_eval_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = sub.add_parser("eval", help="evaluatiesets draaien, rapporteren en toetsen")
    parser.add_argument(
        "--dataset",
        action="append",
        type=Path,
        metavar="FILE.jsonl",
        help=f"evaluatieset (herhaalbaar; standaard {KNOWN_FACTS.name})",
    )
    parser.add_argument(
        "--set",
        action="append",
        choices=sorted(SETS),
        dest="sets",
        help="meegeleverde evaluatieset bij naam (herhaalbaar, naast --dataset)",
    )
    parser.add_argument(
        "--split",
        choices=HALVES,
        help="alleen deze helft van de blinde set; blind-test alleen voor eindcijfers "
        "(het rapport toont daarvan alleen totalen)",
    )
    parser.add_argument("--mode", choices=["extractive", "llm"], help="antwoordmodus")
    parser.add_argument(
        "--baseline",
        type=Path,
        metavar="FILE.json",
        help="vergelijk met deze resultaten; exitcode 1 bij regressie",
    )
    parser.add_argument(
        "--update-baseline",
        action="store_true",
        help="schrijf de resultaten als nieuwe baseline (--baseline of evals/baselines/<set>.json)",
    )
    parser.add_argument(
        "--tolerance",
        type=float,
        help="toegestane daling per metriek (standaard UITVOERING_EVAL_TOLERANCE)",
    )
    parser.add_argument(
        "--report", type=Path, metavar="DIR", help="schrijf results.json, report.md en report.html"
    )
    parser.add_argument(
        "--ingest",
        action="append",
        type=Path,
        default=[],
        metavar="PATH",
        help="lees eerst deze documenten in (idempotent)",
    )
    parser.add_argument(
        "--compare",
        nargs=2,
        type=Path,
        metavar=("A.toml", "B.toml"),
        help="twee configuraties naast elkaar",
    )
    parser.add_argument("--quiet", action="store_true", help="geen voortgangsbalk")
    parser.set_defaults(handler=cmd_eval)


def cmd_eval(args: argparse.Namespace, settings: Settings) -> int:
    try:
        return _run(args, settings)
    except EvalUsageError as exc:
        print(f"fout: {exc}", file=sys.stderr)
        return 2


def _run(args: argparse.Namespace, settings: Settings) -> int:
    named = [SETS[name] for name in args.sets or []]
    options = _Options((args.dataset or []) + named or [KNOWN_FACTS], args.ingest, args.quiet)
    if args.split:
        if not options.blind:
            raise EvalUsageError("--split kiest een helft van de blinde set: geef --set blind")
        options.split = args.split
    cases = _load_cases(options.datasets, options.split)
    if args.mode:
        settings = settings.model_copy(update={"answer_mode": args.mode})
    if args.compare:
        return _compare(args.compare, settings, cases, options, args.report)
    run = _evaluate(settings, cases, options)
    print(console_report(run))
    gate = None
    baseline_path = args.baseline
    if baseline_path and not args.update_baseline:
        try:
            baseline = load_baseline(baseline_path)
        except ValueError as exc:
            raise EvalUsageError(str(exc)) from exc
        tolerance = args.tolerance if args.tolerance is not None else settings.eval_tolerance
        gate = compare(run.to_json(), baseline, str(baseline_path), tolerance)
        print("\n" + "\n".join(gate_summary(gate)))
    if args.report:
        paths = write_report(run, gate, args.report)
        print(f"\nRapport: {', '.join(str(p) for p in paths)}")
    if args.update_baseline:
        target = baseline_path or BASELINES / f"{options.split or options.datasets[0].stem}.json"
        run.write_json(target)
        print(f"\nNieuwe baseline: {target}")
    return 0 if gate is None or gate.ok else 1


def _is_blind(path: Path) -> bool:
    """Whether `path` is a version of the blind set (its halves apply, blind-test stays hidden)."""
    return path.resolve() in {version.resolve() for version in BLIND_VERSIONS}


def _load_cases(paths: list[Path], split: BlindHalf | None = None) -> list[EvalCase]:
    """The cases of every set; of the blind set only the `split` half when one is given."""
    cases: list[EvalCase] = []
    for path in paths:
        try:
            loaded = load_eval_cases(path)
        except ValueError as exc:
            raise EvalUsageError(str(exc)) from exc
        cases += select(loaded, split) if split and _is_blind(path) else loaded
    ids = [c.id for c in cases]
    if len(ids) != len(set(ids)):
        doubles = sorted({i for i in ids if ids.count(i) > 1})
        raise EvalUsageError(f"dezelfde id in meer dan één set: {', '.join(doubles)}")
    return cases


def prepared_store(settings: Settings, documents: Sequence[Path]) -> VectorStore:
    """The configured store, with `documents` ingested first; EvalUsageError when that ingest
    fails or the collection is empty (nothing to evaluate or fit on)."""
    store = app.build_store(settings)
    if documents:
        report = app.ingest(settings, documents, store)
        if report.failed:
            raise EvalUsageError(f"inlezen mislukt: {report.summary()}")
    if store.count() == 0:
        raise EvalUsageError(
            f"de collectie '{settings.collection}' is leeg: lees eerst "
            "documenten in (uitvoering ingest of --ingest)"
        )
    return store


def script_parser(doc: str | None) -> argparse.ArgumentParser:
    """The argument parser of a fit or calibration script: the first line of its docstring
    `doc` as description and `--ingest DOCUMENT`, which `script_store` reads in first."""
    parser = argparse.ArgumentParser(description=(doc or "").split("\n")[0])
    parser.add_argument("--ingest", type=Path, help="read these documents in first")
    return parser


def script_store(settings: Settings, document: Path | None) -> VectorStore:
    """`prepared_store` for the fit and calibration scripts (`--ingest DOCUMENT`): an error
    ends the script with its message."""
    try:
        return prepared_store(settings, [document] if document else [])
    except EvalUsageError as exc:
        raise SystemExit(f"fout: {exc}") from exc


def _evaluate(settings: Settings, cases: list[EvalCase], options: _Options) -> EvalRun:
    store = prepared_store(settings, options.ingest)
    service = app.build_service(settings, store)
    with tqdm(
        total=len(cases),
        desc="evaluatie",
        unit="vraag",
        file=sys.stderr,
        disable=options.quiet or not sys.stderr.isatty(),
        mininterval=0.5,
    ) as bar:
        passed = 0

        def progress(result: CaseResult) -> None:
            nonlocal passed
            passed += result.passed
            bar.set_postfix_str(f"geslaagd {passed}")
            bar.update()

        results = run_cases(service, cases, progress)
    return EvalRun(
        [_shown(p) for p in options.datasets],
        describe_setup(settings),
        results,
        blind=options.blind,
        split=options.split,
    )


def _shown(path: Path) -> str:
    """A dataset path as recorded in results: relative to the project when inside it."""
    try:
        return str(path.resolve().relative_to(PROJECT_ROOT))
    except ValueError:
        return str(path)


def load_config(path: Path, base: Settings) -> Settings:
    """Settings from a TOML file of setting names (as in Settings, without prefix); unknown
    names and bad values are errors naming the file."""
    try:
        data: dict[str, Any] = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise EvalUsageError(f"{path}: niet te lezen ({exc.strerror})") from exc
    except tomllib.TOMLDecodeError as exc:
        raise EvalUsageError(f"{path}: geen geldige TOML ({exc})") from exc
    unknown = sorted(set(data) - set(Settings.model_fields))
    if unknown:
        raise EvalUsageError(f"{path}: onbekende instelling(en): {', '.join(unknown)}")
    try:
        return Settings.model_validate(base.model_dump() | data)
    except ValidationError as exc:
        fields = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors())
        raise EvalUsageError(f"{path}: {fields}") from exc


def _compare(
    configs: list[Path],
    base: Settings,
    cases: list[EvalCase],
    options: _Options,
    report: Path | None,
) -> int:
    runs = []
    for path in configs:
        settings = load_config(path, base)
        print(
            f"== {path.name}: " + ", ".join(f"{k}={v}" for k, v in describe_setup(settings).items())
        )
        runs.append(_evaluate(settings, cases, options))
        if report:
            write_report(runs[-1], None, report / path.stem)
    first, second = (run.overall for run in runs)
    rows = [["metriek", configs[0].name, configs[1].name, "verschil"]]
    for metric in (*QUALITY_METRICS, "latency_p50_ms", "latency_p95_ms"):
        a, b = first[metric], second[metric]
        delta = f"{b - a:+.3f}" if a is not None and b is not None else "-"
        rows.append([METRIC_LABELS[metric], str(a), str(b), delta])
    print(text_table(rows))
    differ = [
        r.id for r, s in zip(runs[0].results, runs[1].results, strict=True) if r.passed != s.passed
    ]
    if runs[0].aggregate_only:  # blind-test: how many, never which
        print(f"\nVerschillend uitgevallen gevallen: {len(differ)}")
    else:
        print("\nVerschillend uitgevallen gevallen: " + (", ".join(differ) or "geen"))
    return 0
