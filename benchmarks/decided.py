"""The decided-case scoreboard: per theory, how often trustbench agrees with the decision.

    .venv/bin/python benchmarks/decided.py [FOLDER]

Prints one row per question kind (notification, concept, each theory, rule findings) with the
number of decisions that found the harm (or said yes), that rejected it (or said no), and how
many of trustbench's answers agree; then the disagreements with their stated reasons.
"""

from __future__ import annotations

import sys
from collections import defaultdict
from pathlib import Path

from trustbench.decided import compare, load_cases
from trustbench.errors import TrustbenchError

FOUND = {"yes", "raised", "triggered", "remedied"}


def main(folder: Path) -> None:
    rows: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    wrong = []
    for case in load_cases(folder):
        for c in compare(case):
            key = c.question.question.partition(":")[0]
            if key == "theory":
                key = c.question.question
            row = rows[key]
            row[0 if c.question.found in FOUND else 1] += 1
            row[2] += c.agrees
            row[3] += 1
            if not c.agrees:
                wrong.append((case.case, c))
    print(f"{'question':34} {'found':>6} {'rejected':>9} {'agreed':>7} {'of':>4}")
    total = [0, 0]
    for key in sorted(rows):
        found, rejected, agreed, n = rows[key]
        total[0] += agreed
        total[1] += n
        print(f"{key:34} {found:6} {rejected:9} {agreed:7} {n:4}")
    share = total[0] / total[1] if total[1] else 0.0
    print(f"{'all':34} {'':6} {'':9} {total[0]:7} {total[1]:4}  ({share:.0%} agree)")
    for slug, c in wrong:
        why = c.question.xfail or "no reason recorded"
        print(
            f"  {slug}: {c.question.label} found {c.question.found}, "
            f"trustbench {c.trustbench} — {why}"
        )


if __name__ == "__main__":
    try:
        main(
            Path(sys.argv[1])
            if len(sys.argv) > 1
            else Path(__file__).parents[1] / "cases" / "decided"
        )
    except TrustbenchError as exc:
        print(exc.render(), file=sys.stderr)
        sys.exit(2)
