"""A long fuzzing campaign on demand. The test suite replays a small fixed sample (deal
seeds 0–119, pack seeds 0–39: tests/fuzz/test_*_fuzz.py) and the saved corpus; the long
replay the suite used to run on every test run (about 2,350 inputs) is

    .venv/bin/python -m tests.fuzz.campaign --seed 0 --cases 2100 --packs 250

and a fresh campaign is

    .venv/bin/python -m tests.fuzz.campaign --cases 20000 [--seed N] [--packs 2000]

Prints how many mutated deal files and packs loaded, ended in a trustbench error, or crashed
(a crash is any other exception: a bug). Crashing inputs are saved under
tests/fuzz/crashes/ so they can become regression fixtures.
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
import time
import traceback
from pathlib import Path

from tests.fuzz.mutate import deal_input, pack_input, seed_documents
from trustbench.analysis import evaluate, load_packs
from trustbench.errors import TrustbenchError
from trustbench.model.load import deal_from_document
from trustbench.rules.lint import lint_pack
from trustbench.rules.loader import builtin_dir, load_pack
from trustbench.sources import parse_document

CRASHES = Path(__file__).parent / "crashes"


def _save(kind: str, seed: int, text: str, error: BaseException) -> None:
    CRASHES.mkdir(exist_ok=True)
    (CRASHES / f"{kind}-{seed}.yaml").write_text(text, encoding="utf-8")
    (CRASHES / f"{kind}-{seed}.txt").write_text("".join(traceback.format_exception(error)))


def deals(cases: int, seed: int) -> dict[str, int]:
    docs, packs = seed_documents(), load_packs(["us", "eu", "uk", "de"])
    counts = {"ok": 0, "error": 0, "crash": 0}
    for i in range(cases):
        text = deal_input(docs, seed + i)
        try:
            deal = deal_from_document(parse_document(text, "fuzz.yaml"))
            evaluate(deal, [p for p in packs if p.jurisdiction in deal.case.jurisdictions])
            counts["ok"] += 1
        except TrustbenchError:
            counts["error"] += 1
        except Exception as exc:
            counts["crash"] += 1
            _save("deal", seed + i, text, exc)
    return counts


def packs(cases: int, seed: int) -> dict[str, int]:
    counts = {"ok": 0, "error": 0, "crash": 0}
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "us"
        shutil.copytree(builtin_dir() / "us", root)
        files = sorted(root.rglob("*.yaml"))
        for i in range(cases):
            path, text = pack_input(files, seed + i)
            original = path.read_text(encoding="utf-8")
            path.write_text(text, encoding="utf-8")
            try:
                lint_pack(load_pack(root))
                counts["ok"] += 1
            except TrustbenchError:
                counts["error"] += 1
            except Exception as exc:
                counts["crash"] += 1
                _save("pack", seed + i, text, exc)
            finally:
                path.write_text(original, encoding="utf-8")
    return counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=5000)
    parser.add_argument("--packs", type=int, default=500)
    parser.add_argument("--seed", type=int, default=int(time.time()))
    args = parser.parse_args()
    for name, run, n in (("deal files", deals, args.cases), ("packs", packs, args.packs)):
        start = time.perf_counter()
        counts = run(n, args.seed)
        print(
            f"{name:<10} {n:>7,} cases in {time.perf_counter() - start:6.1f} s: "
            f"{counts['ok']:,} loaded, {counts['error']:,} trustbench errors, "
            f"{counts['crash']:,} crashes (seed {args.seed})"
        )


if __name__ == "__main__":
    main()
