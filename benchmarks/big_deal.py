"""Generate a deal file with N entities (a chain-and-fan ownership structure around the
parties) to check that analysis stays usable at register scale.

    python benchmarks/big_deal.py 100000 /tmp/big.yaml
    time trustbench analyze /tmp/big.yaml --format json > /dev/null
"""

from __future__ import annotations

import random
import sys
from pathlib import Path


def generate(n: int, seed: int = 7) -> str:
    rng = random.Random(seed)
    lines = [
        "case: {id: big, title: Register-scale deal, as_of: 2025-06-13, jurisdictions: [us]}",
        "entities:",
        "  - {id: acq, name: Acquirer, revenues: [{amount: USD 5bn, fiscal_year: 2024}]}",
        "  - {id: tgt, name: Target, revenues: [{amount: USD 300m, fiscal_year: 2024}]}",
    ]
    lines += [f"  - {{id: e{i}, name: Entity {i}}}" for i in range(n - 2)]
    lines.append("holdings:")
    held: dict[str, float] = {}
    for i in range(n - 2):
        issuer = f"e{rng.randrange(i)}" if i and rng.random() < 0.9 else "tgt"
        share = min(rng.uniform(0, 0.2), 0.6 - held.get(issuer, 0.0))  # tgt: room for 30 %
        if share <= 0:
            continue
        held[issuer] = held.get(issuer, 0.0) + share
        lines.append(f"  - {{holder: e{i}, issuer: {issuer}, equity: {share:.4f}}}")
    lines += [
        "transaction:",
        "  acquirer: acq",
        "  target: tgt",
        "  steps:",
        "    - {kind: acquire_stake, equity: 30%, class: voting, value: USD 400m}",
    ]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    out = Path(sys.argv[2]) if len(sys.argv) > 2 else Path("big-deal.yaml")
    out.write_text(generate(count))
    print(f"wrote {out} ({out.stat().st_size:,} bytes, {count:,} entities)")
