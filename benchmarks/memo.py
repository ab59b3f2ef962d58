"""How much time does trustbench add to WeasyPrint's own, writing a memo?

    .venv/bin/python benchmarks/memo.py            # the seed case and a ~40-page memo
    .venv/bin/python benchmarks/memo.py --runs 5   # more runs (the minimum is reported)

For each case it measures, each run in a fresh subprocess:

- ``memo``: ``trustbench memo DEAL -o memo.pdf`` — loading the deal and the packs,
  evaluating, building the context, Jinja, WeasyPrint, writing the file;
- ``weasyprint``: WeasyPrint alone rendering the very same HTML (written beforehand with
  ``memo --html``) to PDF, with a ``data:``-only URL fetcher.

Both are timed inside the subprocess from its first line: imports included (trustbench's and
WeasyPrint's), Python's own start-up excluded (it is the same for both). It prints
wall-clock seconds (the minimum over the runs: the least disturbed by other load), CPU
seconds of the subprocess, the memo/WeasyPrint ratio (target ≤ 1.15), the page count and
the peak resident memory (``ru_maxrss`` of each subprocess). ``SOURCE_DATE_EPOCH`` is
set, so every run renders the same bytes.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "cases" / "meta-scale-ai.yaml"

# Runs inside the measured subprocess: do the work, then report time and memory as JSON.
_MEMO = """
import json, resource, sys, time
t0 = time.perf_counter()
from trustbench.cli import main
t1 = time.perf_counter()
code = main(["memo", sys.argv[1], "-o", sys.argv[2]])
wall = time.perf_counter() - t0
u = resource.getrusage(resource.RUSAGE_SELF)
print(json.dumps({"code": code, "inner": wall, "imports": t1 - t0,
                  "cpu": u.ru_utime + u.ru_stime, "rss_mb": u.ru_maxrss / 1024}))
"""
_WEASYPRINT = """
import json, resource, sys, time
t0 = time.perf_counter()
from weasyprint import HTML
from weasyprint.urls import URLFetcher
html = open(sys.argv[1], encoding="utf-8").read()
fetcher = URLFetcher(allowed_protocols={"data"}, allow_redirects=False)
pdf = HTML(string=html, url_fetcher=fetcher).write_pdf()
open(sys.argv[2], "wb").write(pdf)
wall = time.perf_counter() - t0
u = resource.getrusage(resource.RUSAGE_SELF)
print(json.dumps({"code": 0, "inner": wall, "cpu": u.ru_utime + u.ru_stime,
                  "rss_mb": u.ru_maxrss / 1024}))
"""


def generate(markets: int = 18, rivals: int = 18, sources: int = 30, steps: int = 20) -> str:
    """A deal shaped like the seed case, scaled up: many markets, rivals supplied by the
    target, sources, and steps with notes — a memo of about 40 pages."""
    q = json.dumps
    lines = [
        "case:",
        "  id: generated",
        "  title: Generated deal for the memo benchmark",
        "  as_of: 2025-06-13",
        "  jurisdictions: [us]",
        "  summary: "
        + q(
            "A large acquirer takes a 40 % non-voting stake in a supplier of "
            "many rivals and hires its founder. " * 4
        ),
        "sources:",
    ]
    title = "Report number {} on the transaction and its reception by customers"
    lines += [
        f"  - {{id: s{i}, title: {q(title.format(i))}, "
        f"publisher: Newswire, date: 2025-06-{1 + i % 28:02d}, "
        f"url: https://example.com/articles/{i}}}"
        for i in range(sources)
    ]
    src = lambda i: f"[s{i % sources}, s{(i + 7) % sources}]"  # noqa: E731
    lines += [
        "entities:",
        f"  - {{id: acq, name: Acquirer Platforms Inc., short: Acquirer, source: {src(1)}}}",
        "  - {id: tgt, name: Target Data Labs Inc., short: Target, revenues: "
        f"[{{amount: USD 870m, fiscal_year: 2024, source: s2}}], source: {src(2)}}}",
        "  - {id: ceo, name: Founder Chief Executive, kind: person}",
    ]
    lines += [
        f"  - {{id: r{i}, name: Rival Model Developer {i} Corporation, source: {src(i)}}}"
        for i in range(rivals)
    ]
    lines += [
        "boards:",
        "  - company: tgt",
        f"    directors: [{{person: ceo, source: {src(3)}}}]",
        f"    officers: [{{person: ceo, title: Chief Executive Officer, source: {src(4)}}}]",
        "markets:",
    ]
    for m in range(markets):
        members = ["acq", *[f"r{(m + k) % rivals}" for k in range(4)]]
        parts = ", ".join(f"{{entity: {e}, source: {src(m + k)}}}" for k, e in enumerate(members))
        lines.append(
            f"  - {{id: m{m}, name: {q(f'Product market number {m} for AI models')}, "
            f"participants: [{parts}], source: {src(m)}}}"
        )
    lines.append(
        "  - {id: labelling, name: Data labelling services, kind: input, "
        "participants: [{entity: tgt}]}"
    )
    lines.append("supply:")
    for i in range(rivals):
        lines.append(
            f"  - {{supplier: tgt, customer: r{i}, product: labelling, "
            f"confidential_data: true, status: {'reduced' if i % 2 else 'ongoing'}, "
            f"source: {src(i)}}}"
        )
    lines += [
        "transaction:",
        "  acquirer: acq",
        "  target: tgt",
        "  value: USD 12bn",
        f"  source: {src(5)}",
        "  steps:",
        f"    - {{kind: acquire_stake, equity: 0.4, class: non-voting, value: USD 12bn, "
        f"holding_after: true, note: {q('Price and terms as reported. ' * 6)}, "
        f"source: {src(6)}}}",
        f"    - {{kind: hire, person: ceo, title: Chief AI Officer, source: {src(7)}}}",
    ]
    for i in range(steps):
        lines.append(
            f"    - {{kind: contract, type: commitment, parties: [acq, tgt], "
            f"text: {q(f'Commitment number {i} on the handling of customer data. ' * 3)}, "
            f"note: {q('Its terms are not public. ' * 5)}, source: {src(i)}}}"
        )
    return "\n".join(lines) + "\n"


def _run(script: str, args: list[str], env: dict[str, str]) -> dict[str, float]:
    out = subprocess.run(
        [sys.executable, "-c", script, *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        check=True,
        timeout=600,
    )
    result: dict[str, float] = json.loads(out.stdout.strip().splitlines()[-1])
    if result["code"]:
        raise SystemExit(f"memo failed: {out.stderr}")
    return result


def _pages(pdf: Path) -> int | str:
    try:
        from pypdf import PdfReader  # a test dependency: present in the dev environment
    except ImportError:
        return "?"
    return len(PdfReader(str(pdf)).pages)


def measure(name: str, deal: Path, work: Path, runs: int) -> dict[str, object]:
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1764223200"}
    html, pdf, alone = work / f"{name}.html", work / f"{name}.pdf", work / f"{name}-wp.pdf"
    subprocess.run(
        [sys.executable, "-m", "trustbench", "memo", str(deal), "--html", "-o", str(html)],
        env=env,
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    memo = [_run(_MEMO, [str(deal), str(pdf)], env) for _ in range(runs)]
    wp = [_run(_WEASYPRINT, [str(html), str(alone)], env) for _ in range(runs)]
    best = {k: min(r["inner"] for r in rs) for k, rs in (("memo", memo), ("wp", wp))}
    imports = min(r["imports"] for r in memo)
    cpu = {k: min(r["cpu"] for r in rs) for k, rs in (("memo", memo), ("wp", wp))}
    return {
        "case": name,
        "pages": _pages(pdf),
        "memo_s": best["memo"],
        "weasyprint_s": best["wp"],
        "ratio": best["memo"] / best["wp"],
        "cli_import_s": imports,
        "ratio_after_imports": (best["memo"] - imports) / best["wp"],
        "memo_cpu_s": cpu["memo"],
        "weasyprint_cpu_s": cpu["wp"],
        "cpu_ratio": cpu["memo"] / cpu["wp"],
        "memo_rss_mb": max(r["rss_mb"] for r in memo),
        "weasyprint_rss_mb": max(r["rss_mb"] for r in wp),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3, help="runs per measurement (min is kept)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        big = work / "generated.yaml"
        big.write_text(generate(), encoding="utf-8")
        rows = [measure("seed", SEED, work, args.runs), measure("generated", big, work, args.runs)]
    print(
        f"{'case':<10} {'pages':>5} {'memo s':>7} {'WP s':>7} {'ratio':>6} {'CLI imp s':>9} "
        f"{'ratio w/o imp':>13} {'memo cpu':>8} {'WP cpu':>7} {'cpu ratio':>9} "
        f"{'memo RSS':>9} {'WP RSS':>8}"
    )
    for r in rows:
        print(
            f"{r['case']:<10} {r['pages']:>5} {r['memo_s']:>7.2f} {r['weasyprint_s']:>7.2f} "
            f"{r['ratio']:>6.2f} {r['cli_import_s']:>9.2f} {r['ratio_after_imports']:>13.2f} "
            f"{r['memo_cpu_s']:>8.2f} {r['weasyprint_cpu_s']:>7.2f} {r['cpu_ratio']:>9.2f} "
            f"{r['memo_rss_mb']:>7.0f}MB {r['weasyprint_rss_mb']:>6.0f}MB"
        )
    print(
        "times: minimum over runs, each in a fresh process (Python start-up excluded, imports "
        "included); target ratio <= 1.15.\n'CLI imp s' is `from trustbench.cli import main` "
        "(typer, pydantic, numpy/scipy/networkx via trustbench.graph); 'ratio w/o imp' leaves "
        "it out (WeasyPrint's import stays in both)."
    )


if __name__ == "__main__":
    main()
