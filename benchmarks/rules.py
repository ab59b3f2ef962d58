"""Rule-pack speed: pack load time, and per-deal evaluation time over all built-in packs.

    .venv/bin/python benchmarks/rules.py [DEAL] [--runs N]

Loading a pack parses its YAML, validates it, resolves ``extends`` and compiles every
condition once (CEL, type-checked). Evaluating a deal then computes the facts the rules ask
for (once per deal, cached) and runs the compiled conditions; both are timed:

* "first evaluation incl. facts": a fresh deal context each time, as for a new deal;
* "rules only": the facts already computed, i.e. the cost of the rules themselves.

Figures are medians of N runs (default 50) on this machine; the deal is the seed case.
"""

from __future__ import annotations

import argparse
import platform
import statistics
import time
from collections.abc import Callable
from importlib.metadata import version
from pathlib import Path

from trustbench.facts import FactContext
from trustbench.model import load_deal
from trustbench.model.deal import Deal
from trustbench.rules.evaluate import evaluate_pack
from trustbench.rules.loader import builtin_dir, discover, load_pack
from trustbench.rules.pack import Pack, is_example
from trustbench.rules.validate import known_packs

ROOT = Path(__file__).resolve().parents[1]


def median_ms(fn: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("deal", nargs="?", default=ROOT / "cases" / "meta-scale-ai.yaml", type=Path)
    parser.add_argument("--runs", type=int, default=50)
    args = parser.parse_args()
    known = known_packs()
    folders = discover([builtin_dir()])
    print(
        f"trustbench rules benchmark — Python {platform.python_version()}, "
        f"cel-expr-python {version('cel-expr-python')}, median of {args.runs} runs"
    )
    packs = []
    for pid, folder in sorted(folders.items()):
        load_ms = median_ms(lambda f=folder: load_pack(f, known), max(5, args.runs // 5))
        pack = load_pack(folder, known)
        packs.append(pack)
        base = f", incl. its base {' → '.join(pack.lineage)}" if pack.lineage else ""
        print(f"  load {pid:<20} {load_ms:7.1f} ms  ({len(pack.rules)} rules compiled{base})")
    deal = load_deal(args.deal)
    builtin = [p for p in packs if not is_example(p.root)]
    report(
        f"the built-in jurisdiction packs ({', '.join(p.id for p in builtin)})",
        builtin,
        deal,
        args.runs,
    )
    for example in (p for p in packs if is_example(p.root)):
        others = [p for p in builtin if p.jurisdiction != example.jurisdiction]
        report(
            f"{example.id} in place of {example.lineage[0]}", [example, *others], deal, args.runs
        )


def report(title: str, packs: list[Pack], deal: Deal, runs: int) -> None:
    """Time one deal against ``packs``: with a fresh fact context (facts computed), and
    with the facts already computed (the rules alone)."""
    as_of = deal.case.as_of

    def first() -> None:
        ctx = FactContext.for_deal(deal, as_of)
        for pack in packs:
            evaluate_pack(pack, ctx, as_of, {})

    warm = FactContext.for_deal(deal, as_of)

    def rules_only() -> None:
        for pack in packs:
            evaluate_pack(pack, warm, as_of, {})

    rules_only()
    count = sum(len(set(p.rules) - set(p.disabled)) for p in packs)
    print(f"evaluate {deal.case.id} with {title}, {count} rules:")
    print(f"  first evaluation incl. facts {median_ms(first, runs):7.2f} ms per deal")
    print(f"  rules only (facts computed)  {median_ms(rules_only, runs):7.2f} ms per deal")


if __name__ == "__main__":
    main()
