"""Cold ingest of the seed corpus with the sentence index off and on, alternating, plus an
unchanged re-ingest: the cost the sentence index adds (target: on <= 1.5x off, re-ingest <= 5 s).

Each run is `uitvoering ingest` in a fresh data dir (empty Chroma and embedding cache), so it
includes process start, model load and every embedding. Wall time depends on what else the
machine runs; the load average at each start and the child CPU seconds are printed with it, so
a loaded run can be told apart. Run: `python -m bench.ingest_timing [--rounds N]`.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from statistics import median

from assistant.config import BUNDLED_CORPUS

SENTENCE_WEIGHT = {"off": "0", "on": "2.0"}


@dataclass(frozen=True)
class Timing:
    mode: str  # "off" or "on"
    wall_s: float
    cpu_s: float  # user + system of the ingest process
    load: float  # 1-minute load average when it started


def timed_ingest(data_dir: Path, mode: str) -> Timing:
    """One `uitvoering ingest` of the seed corpus into `data_dir`."""
    env = {
        **os.environ,
        "UITVOERING_DATA_DIR": str(data_dir),
        "UITVOERING_SENTENCE_FUSION_WEIGHT": SENTENCE_WEIGHT[mode],
    }
    command = [str(Path(sys.executable).with_name("uitvoering")), "ingest", "--quiet"]
    load = os.getloadavg()[0]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run([*command, str(BUNDLED_CORPUS)], env=env, check=True, capture_output=True)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return Timing(mode, round(wall, 1), round(cpu, 1), load)


def ratio(timings: list[Timing], field: str = "wall_s") -> float:
    """Median 'on' over median 'off' of one measure."""
    on = median(getattr(t, field) for t in timings if t.mode == "on")
    off = median(getattr(t, field) for t in timings if t.mode == "off")
    return round(on / off, 2)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=2, help="off/on pairs, alternating")
    args = parser.parse_args()
    timings: list[Timing] = []
    with tempfile.TemporaryDirectory() as tmp:
        for round_ in range(args.rounds):
            for mode in ("off", "on") if round_ % 2 == 0 else ("on", "off"):
                timing = timed_ingest(Path(tmp) / f"{mode}{round_}", mode)
                timings.append(timing)
                print(
                    f"cold, sentence index {mode}: {timing.wall_s} s "
                    f"(cpu {timing.cpu_s} s, load {timing.load:.1f})"
                )
        again = timed_ingest(Path(tmp) / "on0", "on")
    print(f"unchanged re-ingest: {again.wall_s} s (load {again.load:.1f})")
    print(f"on/off: wall {ratio(timings)}x, cpu {ratio(timings, 'cpu_s')}x")


if __name__ == "__main__":
    main()
