"""Whole-process cost of ``trustbench analyze`` on the seed case against the bare imports
every run pays anyway (pydantic, networkx, yaml): CPU (user + system, from the kernel's
accounting of the child) and wall time, several runs interleaved, medians and the ratio.

    python benchmarks/startup.py            # 7 runs of each
    python benchmarks/startup.py 15

Run it from the repository root with the virtual environment's python (it uses
``sys.executable`` for both commands). Interleaving makes a busy machine hurt both sides
alike; the CPU ratio is the figure to read (wall time also counts waiting for a core).
"""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "cases" / "meta-scale-ai.yaml"
BASELINE = [sys.executable, "-c", "import pydantic, networkx, yaml"]
SCRIPT = Path(sys.executable).with_name("trustbench")  # the console script, as users run it
ANALYZE = [str(SCRIPT), "analyze", str(SEED), "--format", "json"]


ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
"""As users run it: with Python's bytecode cache (a sandbox that switches it off would make
every run recompile trustbench's modules, and only those: the baseline's are cached)."""


def measure(command: list[str]) -> tuple[float, float]:
    """CPU seconds (user + system) and wall seconds of one run of ``command``."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, cwd=ROOT, env=ENV)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return cpu, wall


def main(runs: int) -> None:
    env_note = "(warm-up run first; caches as a user's second run finds them)"
    measure(ANALYZE)
    measure(BASELINE)
    samples: dict[str, list[tuple[float, float]]] = {"imports": [], "analyze": []}
    for _ in range(runs):
        samples["imports"].append(measure(BASELINE))
        samples["analyze"].append(measure(ANALYZE))
    print(f"{runs} runs each, interleaved {env_note}; {os.cpu_count()} cores")
    medians = {}
    for name, runs_ in samples.items():
        cpu = statistics.median(c for c, _ in runs_)
        wall = statistics.median(w for _, w in runs_)
        medians[name] = (cpu, wall)
        print(f"{name:<8} cpu {cpu * 1000:7.0f} ms   wall {wall * 1000:7.0f} ms")
    cpu_ratio = medians["analyze"][0] / medians["imports"][0]
    wall_ratio = medians["analyze"][1] / medians["imports"][1]
    print(f"ratio    cpu {cpu_ratio:7.2f}      wall {wall_ratio:7.2f}   (target cpu <= 1.5)")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 7)
