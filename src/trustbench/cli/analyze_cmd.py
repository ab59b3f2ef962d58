"""``analyze``, ``memo`` and ``facts``."""

from __future__ import annotations

import datetime as dt
import json
import textwrap
import time
from pathlib import Path
from typing import Annotated

import typer

from trustbench.analysis import Analysis, evaluate, load_packs, result_json
from trustbench.errors import InputError, TrustbenchError
from trustbench.facts import REGISTRY, FactContext
from trustbench.graph.loops import locate
from trustbench.graph.ownership import OwnershipError
from trustbench.model import load_deal
from trustbench.rules.text import fmt
from trustbench.sources import atomic_write, display_path

BANDS_ORDER = ("none", "low", "medium", "high", "very-high")


class FailOn(Exception):
    """``--fail-on BAND`` was met (exit 1)."""


Jurisdiction = Annotated[
    list[str] | None,
    typer.Option(
        "--jurisdiction", "-j", help="screen only these jurisdictions (default: the case's)"
    ),
]
AsOf = Annotated[
    str | None,
    typer.Option("--as-of", help="apply thresholds in force on this date (YYYY-MM-DD)"),
]
RulesDirs = Annotated[
    list[Path] | None,
    typer.Option("--rules", help="extra rule-pack folders (house packs, other jurisdictions)"),
]


def parse_date(text: str | None) -> dt.date | None:
    if text is None:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise TrustbenchError(f"--as-of: expected a date YYYY-MM-DD, got {text!r}") from None


LARGE_DEAL_BYTES = 1_000_000
"""Deal files above this size get progress lines on stderr (long work is never silent)."""


def _progress(enabled: bool, message: str) -> None:
    if enabled:
        typer.echo(f"trustbench: {message}", err=True)


def run_analysis(
    deal_path: Path, jurisdiction: list[str] | None, as_of: str | None, rules: list[Path] | None
) -> Analysis:
    for folder in rules or []:
        if not folder.is_dir():
            raise TrustbenchError("--rules: not a folder", file=str(folder))
    size = deal_path.stat().st_size if deal_path.is_file() else 0
    large = size > LARGE_DEAL_BYTES
    start = time.perf_counter()
    _progress(large, f"reading {display_path(deal_path)} ({size / 1e6:.1f} MB)…")
    deal = load_deal(deal_path)
    packs = load_packs(jurisdiction or deal.case.jurisdictions, rules, cache=True)
    _progress(
        large,
        f"{len(deal.entities):,} entities, {len(deal.holdings):,} holdings read in "
        f"{time.perf_counter() - start:.1f} s; building the graph and evaluating "
        f"{sum(len(p.rules) for p in packs)} rules…",
    )
    try:
        analysis = evaluate(deal, packs, parse_date(as_of))
    except OwnershipError as exc:  # name the holdings of the loop, file:line
        raise locate(exc, deal) from None
    _progress(large, f"done in {time.perf_counter() - start:.1f} s")
    return analysis


def analyze(
    deal: Annotated[Path, typer.Argument(help="the deal file (YAML or JSON)")],
    jurisdiction: Jurisdiction = None,
    as_of: AsOf = None,
    rules: RulesDirs = None,
    format: Annotated[str, typer.Option("--format", help="text or json")] = "text",
    fail_on: Annotated[
        str | None,
        typer.Option("--fail-on", help="exit 1 if any jurisdiction's band reaches this band"),
    ] = None,
    explain: Annotated[
        list[str] | None,
        typer.Option(
            "--explain",
            help="print the trace of this rule: facts, sources, parameters, "
            "the part of the condition that decided",
        ),
    ] = None,
) -> None:
    """Screen a deal and print the findings per jurisdiction."""
    if format not in ("text", "json"):
        raise TrustbenchError(f"--format: expected text or json, got {format!r}")
    analysis = run_analysis(deal, jurisdiction, as_of, rules)
    if explain:
        from trustbench.cli.explain import explain as explain_rule

        typer.echo("\n\n".join(explain_rule(analysis, rid) for rid in explain))
    elif format == "json":
        typer.echo(
            json.dumps(
                result_json(analysis), indent=2, sort_keys=True, ensure_ascii=False, allow_nan=False
            )
        )
    else:
        typer.echo(text_report(analysis))
    check_fail_on(analysis, fail_on)


def check_fail_on(analysis: Analysis, fail_on: str | None) -> None:
    if fail_on is None:
        return
    bands = [b.band for r in analysis.results for b in r.pack.manifest.bands]
    if fail_on not in bands:
        raise TrustbenchError(
            f"--fail-on: unknown band {fail_on!r}", hint="bands: " + ", ".join(dict.fromkeys(bands))
        )
    for result in analysis.results:
        order = [b.band for b in sorted(result.pack.manifest.bands, key=lambda b: b.min)]
        if (
            fail_on in order
            and result.band in order
            and order.index(result.band) >= order.index(fail_on)
        ):
            raise FailOn(f"{result.name}: band {result.band} reaches --fail-on {fail_on}")


MARK = {"triggered": "●", "not_triggered": "○", "unknown": "?"}


def text_report(analysis: Analysis) -> str:
    case = analysis.deal.case
    lines = [f"{case.title}", f"as of {analysis.as_of.isoformat()}", ""]
    for r in analysis.results:
        lines.append(
            f"{r.name} ({r.id}) — band {r.band}, score {r.score:g}; "
            f"filing required: {r.filing}; control/merger: {r.control}"
        )
        for f in r.findings:
            tag = " [waived]" if f.waiver else ""
            lines.append(f"  {MARK[f.status]} {f.status:<13} {f.rule}{tag}")
            body = textwrap.fill(
                f.text, width=96, initial_indent="      ", subsequent_indent="      "
            )
            lines.append(body)
        lines.append("")
    lines.append("● triggered  ○ not triggered  ? unknown (missing facts become questions)")
    return "\n".join(lines)


def memo(
    deal: Annotated[Path, typer.Argument(help="the deal file (YAML or JSON)")],
    output: Annotated[
        Path | None,
        typer.Option(
            "-o", "--output", help="where to write (default reports/<case id>.pdf or .html)"
        ),
    ] = None,
    html: Annotated[bool, typer.Option("--html", help="write HTML instead of PDF")] = False,
    template_dir: Annotated[
        list[Path] | None,
        typer.Option("--template-dir", help="folders whose templates override the house style"),
    ] = None,
    jurisdiction: Jurisdiction = None,
    as_of: AsOf = None,
    rules: RulesDirs = None,
) -> None:
    """Write the memo (PDF, or HTML with --html) for a deal."""
    from trustbench.report import render_html, render_pdf
    from trustbench.report.context import build_context, pack_template_dirs

    dirs = list(template_dir or [])
    for folder in dirs:
        if not folder.is_dir():
            raise TrustbenchError("--template-dir: not a folder", file=str(folder))
    analysis = run_analysis(deal, jurisdiction, as_of, rules)
    suffix = ".html" if html else ".pdf"
    target = output or Path("reports") / f"{analysis.deal.case.id}{suffix}"
    packs = pack_template_dirs(analysis)
    inputs = (
        deal,
        *[p for r in analysis.results for p in r.pack.files],
        *[p for d in [*dirs, *packs.values()] for p in d.glob("*") if p.is_file()],
    )
    if target.resolve() in {p.resolve() for p in inputs}:  # before rendering, not after
        raise InputError(
            "refusing to overwrite an input file",
            file=display_path(target),
            hint="choose another output path with -o",
        )
    context = build_context(analysis, deal_file=deal)
    data = (
        render_html(context, template_dirs=dirs, pack_dirs=packs).encode("utf-8")
        if html
        else render_pdf(context, template_dirs=dirs, pack_dirs=packs)
    )
    atomic_write(target, data, protect=inputs)
    typer.echo(f"wrote {display_path(target)}")
    typer.echo(text_report(analysis))


def facts(
    deal: Annotated[
        Path | None,
        typer.Argument(help="a deal file: print its computed facts (omit for the catalogue)"),
    ] = None,
    format: Annotated[str, typer.Option("--format", help="text or json")] = "text",
    as_of: AsOf = None,
) -> None:
    """List the fact catalogue, or compute a deal's facts before and after."""
    if deal is None:
        if format == "json":
            typer.echo(json.dumps(catalogue(), indent=2, sort_keys=True, ensure_ascii=False))
        else:
            for entry in catalogue():
                typer.echo(
                    f"{entry['name']:<44} {entry['type']:<7} {entry['unit']:<11} {entry['doc']}"
                )
        return
    loaded = load_deal(deal)
    ctx = FactContext.for_deal(loaded, parse_date(as_of))
    try:
        values = computed_facts(ctx)
    except OwnershipError as exc:
        raise locate(exc, loaded) from None
    if format == "json":
        typer.echo(json.dumps(values, indent=2, sort_keys=True, ensure_ascii=False))
        return
    rows: dict[str, dict[str, object]] = values["facts"]  # type: ignore[assignment]
    for name, item in rows.items():
        spec = REGISTRY[name.split("@")[0]]
        shown = fmt(item["value"], spec.unit)
        typer.echo(f"{name:<52} {shown}")


def catalogue() -> list[dict[str, str]]:
    return [
        {
            "name": s.name,
            "type": s.type,
            "unit": s.unit,
            "doc": s.doc,
            "test": s.test,
            "scope": s.scope,
        }
        for s in (REGISTRY[n] for n in REGISTRY.names())
    ]


def computed_facts(ctx: FactContext) -> dict[str, object]:
    out: dict[str, dict[str, object]] = {}
    for name in REGISTRY.names("deal"):
        value = ctx.get(name)
        out[name] = {
            "value": _json(value.value),
            "sources": list(value.sources),
            "note": value.note,
        }
    for market in ctx.deal.markets:
        mctx = ctx.for_market(market)
        for name in REGISTRY.names("market"):
            value = mctx.get(name)
            out[f"{name}@{market.id}"] = {
                "value": _json(value.value),
                "sources": list(value.sources),
                "note": value.note,
            }
    return {"case": ctx.deal.case.id, "as_of": ctx.as_of.isoformat(), "facts": out}


def _json(value: object) -> object:
    return list(value) if isinstance(value, tuple) else value
