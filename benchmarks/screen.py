"""Screening throughput: generate N varied deal files the size of the examples (a dozen
entities, holdings, a board, rights, one or two markets, a stake of varying size and class,
two to four jurisdictions), some of them broken, and time ``trustbench screen`` on them.

    python benchmarks/screen.py                      # 500 deals, 10 broken, all cores
    python benchmarks/screen.py 2000 --broken 0 --jobs 2
    python benchmarks/screen.py 500 --keep /tmp/deals   # keep the files

Prints deals per second of the whole command (wall clock, start-up included), the same
from the CPU time of all its processes (what an idle machine with that many cores would
give: on a shared machine the wall clock also counts waiting for a core), and checks
that every good file gave a result and every broken one a located error.
"""

from __future__ import annotations

import argparse
import csv
import io
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

JURISDICTIONS = ("us", "eu", "uk", "de")
BROKEN = (
    "case: [\n",  # YAML syntax
    "case: {id: x, title: X, as_of: 2025-13-01, jurisdictions: [us]}\n",  # bad date, no deal
)


def deal(k: int, rng: random.Random) -> str:
    """One varied, valid deal file."""
    n = rng.randint(6, 14)
    rivals = [f"r{i}" for i in range(rng.randint(1, 4))]
    funds = [f"f{i}" for i in range(n - len(rivals) - 2)]
    juris = rng.sample(JURISDICTIONS, rng.randint(2, 4))
    lines = [
        f"case: {{id: deal-{k:05d}, title: Generated deal {k}, as_of: 2025-06-13, "
        f"jurisdictions: [{', '.join(juris)}]}}",
        "sources:",
        "  - {id: s1, title: Generated, publisher: benchmark, date: 2025-06-01}",
        "entities:",
        f"  - {{id: acq, name: Acquirer {k}, revenues: ["
        f"{{geography: worldwide, amount: USD {rng.randint(1, 900)}bn, fiscal_year: 2024}}, "
        f"{{geography: EU, amount: EUR {rng.randint(10, 9000)}m, fiscal_year: 2024}}, "
        f"{{geography: US, amount: USD {rng.randint(10, 9000)}m, fiscal_year: 2024}}]}}",
        f"  - {{id: tgt, name: Target {k}, revenues: ["
        f"{{geography: worldwide, amount: USD {rng.randint(5, 5000)}m, fiscal_year: 2024}}]}}",
    ]
    lines += [f"  - {{id: {r}, name: Rival {r} of {k}}}" for r in rivals]
    lines += [f"  - {{id: {f}, name: Fund {f} of {k}, kind: fund}}" for f in funds]
    lines += ["  - {id: ceo, name: Target CEO, kind: person}", "holdings:"]
    held = dict.fromkeys(["tgt", *rivals], 0.0)
    if rng.random() < 0.4:
        held["tgt"] = rng.choice([0.05, 0.1])
        lines.append(f"  - {{holder: acq, issuer: tgt, equity: {held['tgt']}}}")
    else:
        lines.append(f"  - {{holder: acq, issuer: {rivals[0]}, equity: 0.01, voting: 0.01}}")
    for f in funds:
        issuer = "tgt" if rng.random() < 0.5 else rng.choice(rivals)
        share = round(rng.uniform(0.0, 0.08), 3)
        held[issuer] += share
        lines.append(f"  - {{holder: {f}, issuer: {issuer}, equity: {share}, voting: {share}}}")
    size = rng.randint(5, 11)
    lines += [
        "boards:",
        f"  - company: tgt\n    size: {size}\n    directors:\n      - {{person: ceo, role: chair}}",
        "rights:",
        f"  - {{holder: {funds[0] if funds else 'acq'}, issuer: tgt, kind: board_appointment, "
        f"seats: {rng.randint(1, 3)}}}",
        "markets:",
    ]
    share_a, share_t = round(rng.uniform(0.05, 0.4), 2), round(rng.uniform(0.02, 0.3), 2)
    left = max(0.0, 1 - share_a - share_t)
    rival_share = round(left / (len(rivals) + 1), 3)
    lines += [
        "  - id: m1\n    name: Product market\n    kind: product\n    geography: worldwide",
        "    participants:",
        f"      - {{entity: acq, share: {share_a}}}",
        f"      - {{entity: tgt, share: {share_t}}}",
        *(f"      - {{entity: {r}, share: {rival_share}}}" for r in rivals),
    ]
    equity = min(rng.choice([0.1, 0.2, 0.3, 0.49, 0.6]), round(1 - held["tgt"] - 0.005, 3))
    klass = rng.choice(["voting", "non-voting", "convertible"])
    lines += [
        "transaction:",
        "  acquirer: acq",
        "  target: tgt",
        f"  value: USD {rng.randint(10, 20000)}m",
        "  steps:",
        f"    - {{kind: acquire_stake, equity: {equity}, class: {klass}, "
        f"value: USD {rng.randint(10, 20000)}m}}",
    ]
    if rng.random() < 0.3:
        lines.append("    - {kind: hire, person: ceo}")
    return "\n".join(lines) + "\n"


def generate(folder: Path, count: int, broken: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    bad = set(rng.sample(range(count), broken)) if broken else set()
    for k in range(count):
        text = BROKEN[k % len(BROKEN)] if k in bad else deal(k, rng)
        (folder / f"deal-{k:05d}.yaml").write_text(text, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("count", nargs="?", type=int, default=500)
    parser.add_argument("--broken", type=int, default=10)
    parser.add_argument("--jobs", type=int, default=0, help="0: all cores")
    parser.add_argument("--keep", type=Path, help="write the deal files here and keep them")
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="trustbench-screen-"))
    folder.mkdir(parents=True, exist_ok=True)
    generate(folder, args.count, args.broken)
    script = Path(sys.executable).with_name("trustbench")
    command = [str(script), "screen", str(folder), "--format", "csv", "--jobs", str(args.jobs)]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    done = subprocess.run(command, capture_output=True, text=True, env=env)  # as users run it
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    cores = args.jobs or os.cpu_count() or 1
    rows = list(csv.DictReader(io.StringIO(done.stdout)))
    errors = {r["file"] for r in rows if "error[" in r["error"]}
    good = {r["file"] for r in rows if r["deal"] and not r["error"]}
    print(
        f"{args.count} deal files ({args.broken} broken) in {wall:.2f} s: "
        f"{args.count / wall:.0f} deals/s (jobs {args.jobs or 'all'}, exit {done.returncode})"
    )
    print(
        f"cpu {cpu:.2f} s (all processes): {args.count / cpu * cores:.0f} deals/s on {cores} "
        "idle cores (the figure to read on a busy machine: wall time also counts waiting)"
    )
    print(f"results for {len(good)} files, located errors for {len(errors)}")
    if len(good) != args.count - args.broken or len(errors) != args.broken:
        print(done.stderr[-2000:], file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
