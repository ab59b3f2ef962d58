"""Pathological deal shapes through ``trustbench analyze`` (issue 17): a long ownership chain
of control (each link 60 %), a star of controlled subsidiaries, a star of small holders of the
target, and dense cross-holdings. Prints wall and CPU time and peak memory of each run.

    python benchmarks/scale.py                    # chain 10,000, stars 20,000, dense 120
    python benchmarks/scale.py --chain 2000 --star 5000 --dense 60

Each must finish well within 30 s and 2 GB (or stop with a located limit message).
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HEAD = (
    "case: {{id: {kind}, title: Scale {kind}, as_of: 2025-06-13, "
    "jurisdictions: [us, eu, uk, de]}}\n"
    "entities:\n"
    "  - {{id: acq, name: Acquirer, revenues: [{{amount: USD 5bn, fiscal_year: 2024}}]}}\n"
    "  - {{id: tgt, name: Target, revenues: [{{amount: USD 300m, fiscal_year: 2024}}]}}\n"
)
TAIL = (
    "transaction:\n  acquirer: acq\n  target: tgt\n  steps:\n"
    "    - {kind: acquire_stake, equity: 30%, class: voting, value: USD 400m}\n"
)


def entities(n: int) -> str:
    return "".join(f"  - {{id: e{i}, name: Entity {i}}}\n" for i in range(n))


def chain(n: int) -> str:
    """e(n-1) holds 60 % of e(n-2) … e0 holds 60 % of the acquirer: a chain of control."""
    links = "".join(
        f"  - {{holder: e{i + 1}, issuer: e{i}, equity: 0.6, voting: 0.6}}\n" for i in range(n - 1)
    )
    return (
        HEAD.format(kind="chain")
        + entities(n)
        + "holdings:\n"
        + links
        + "  - {holder: e0, issuer: acq, equity: 0.6, voting: 0.6}\n"
        + TAIL
    )


def star(n: int) -> str:
    """The acquirer holds 60 % of each of n subsidiaries."""
    links = "".join(
        f"  - {{holder: acq, issuer: e{i}, equity: 0.6, voting: 0.6}}\n" for i in range(n)
    )
    return HEAD.format(kind="star") + entities(n) + "holdings:\n" + links + TAIL


def holders(n: int) -> str:
    """n small holders share half of the target."""
    s = f"{0.5 / n:.8f}"
    links = "".join(
        f"  - {{holder: e{i}, issuer: tgt, equity: {s}, voting: {s}}}\n" for i in range(n)
    )
    return HEAD.format(kind="holders") + entities(n) + "holdings:\n" + links + TAIL


def dense(n: int) -> str:
    """Every one of n entities holds 0.9/n of every other; some hold the target."""
    s = f"{0.9 / n:.6f}"
    links = "".join(
        f"  - {{holder: e{i}, issuer: e{j}, equity: {s}, voting: {s}}}\n"
        for i in range(n)
        for j in range(n)
        if i != j
    )
    links += "".join(
        f"  - {{holder: e{i}, issuer: tgt, equity: 0.01}}\n" for i in range(min(n, 50))
    )
    return HEAD.format(kind="dense") + entities(n) + "holdings:\n" + links + TAIL


def run(path: Path) -> tuple[float, float, float, int, str]:
    script = Path(sys.executable).with_name("trustbench")
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(
        [str(script), "analyze", str(path), "--format", "json"],
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
    )
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    peak_mb = after.ru_maxrss / 1024  # the largest child so far (kilobytes on Linux)
    lines = done.stderr.strip().splitlines()
    return wall, cpu, peak_mb, done.returncode, lines[-1] if lines else ""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--chain", type=int, default=10_000)
    parser.add_argument("--star", type=int, default=20_000)
    parser.add_argument("--dense", type=int, default=120)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="trustbench-scale-"))
    cases = {
        "chain": (f"chain of {args.chain:,}", chain(args.chain)),
        "star": (f"star of {args.star:,} subsidiaries", star(args.star)),
        "holders": (f"{args.star:,} holders of the target", holders(args.star)),
        "dense": (f"dense cross-holdings among {args.dense}", dense(args.dense)),
    }
    for key, (name, text) in cases.items():
        path = folder / f"{key}.yaml"
        path.write_text(text, encoding="utf-8")
        wall, cpu, peak, code, last = run(path)
        print(f"{name:<40} wall {wall:6.1f} s  cpu {cpu:6.1f} s  peak {peak:6.0f} MB  exit {code}")
        if code not in (0, 1):
            print(f"  {last}")


if __name__ == "__main__":
    main()
