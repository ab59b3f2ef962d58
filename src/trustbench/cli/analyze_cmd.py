"""``analyze``, ``memo`` and ``facts``."""

from __future__ import annotations

import datetime as dt
import json
import textwrap
import time
from pathlib import Path
from typing import Annotated, Any

import typer

from trustbench.analysis import Analysis, evaluate, load_packs, result_json
from trustbench.errors import TrustbenchError
from trustbench.facts import REGISTRY, FactContext
from trustbench.model import load_deal
from trustbench.model.patch import apply_scenario
from trustbench.rules.text import fmt
from trustbench.sources import atomic_write, check_output, display_path, output_name

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
    deal_path: Path,
    jurisdiction: list[str] | None,
    as_of: str | None,
    rules: list[Path] | None,
    scenario: str | None = None,
) -> Analysis:
    for folder in rules or []:
        if not folder.is_dir():
            raise TrustbenchError("--rules: not a folder", file=str(folder))
    size = deal_path.stat().st_size if deal_path.is_file() else 0
    large = size > LARGE_DEAL_BYTES
    start = time.perf_counter()
    _progress(large, f"reading {display_path(deal_path)} ({size / 1e6:.1f} MB)…")
    deal = load_deal(deal_path)
    if scenario is not None:
        deal = apply_scenario(deal, scenario)
    packs = load_packs(jurisdiction or deal.case.jurisdictions, rules)
    _progress(
        large,
        f"{len(deal.entities):,} entities, {len(deal.holdings):,} holdings read in "
        f"{time.perf_counter() - start:.1f} s; building the graph and evaluating "
        f"{sum(len(p.rules) for p in packs)} rules…",
    )
    analysis = evaluate(deal, packs, parse_date(as_of))
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
    scenario: Annotated[
        str | None, typer.Option("--scenario", help="analyse the deal under this scenario")
    ] = None,
) -> None:
    """Screen a deal and print the findings per jurisdiction."""
    if format not in ("text", "json"):
        raise TrustbenchError(f"--format: expected text or json, got {format!r}")
    analysis = run_analysis(deal, jurisdiction, as_of, rules, scenario)
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
        if scenario is not None:
            typer.echo(f"scenario {scenario} (a variant of the deal as filed)")
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
    docx: Annotated[bool, typer.Option("--docx", help="write Word (.docx) instead of PDF")] = False,
    template_dir: Annotated[
        list[Path] | None,
        typer.Option("--template-dir", help="folders whose templates override the house style"),
    ] = None,
    jurisdiction: Jurisdiction = None,
    as_of: AsOf = None,
    rules: RulesDirs = None,
    reviewer: Annotated[
        bool, typer.Option("--reviewer", help="add the verification notes for the signing lawyer")
    ] = False,
    later_developments: Annotated[
        bool,
        typer.Option(
            "--later-developments", help="add material dated after the as-of date, marked as such"
        ),
    ] = False,
    full_appendix: Annotated[
        bool,
        typer.Option("--full-appendix", help="list every parameter and rule, not only those used"),
    ] = False,
) -> None:
    """Write the memo (PDF, or HTML with --html, or Word with --docx) for a deal."""
    from trustbench.report import render_html, render_pdf
    from trustbench.report.context import Options, build_context, pack_template_dirs
    from trustbench.report.docx import render_docx

    dirs = list(template_dir or [])
    for folder in dirs:
        if not folder.is_dir():
            raise TrustbenchError("--template-dir: not a folder", file=str(folder))
    analysis = run_analysis(deal, jurisdiction, as_of, rules)
    suffix = ".html" if html else ".docx" if docx else ".pdf"
    target = (
        output
        if output is not None
        else Path("reports") / output_name(analysis.deal.case.id, suffix)
    )
    packs = pack_template_dirs(analysis)
    inputs = (
        deal,
        *[p for r in analysis.results for p in r.pack.files],
        *[p for d in [*dirs, *packs.values()] for p in d.glob("*") if p.is_file()],
    )
    check_output(target, protect=inputs)  # before rendering, not after
    options = Options(reviewer, later_developments, full_appendix)
    context = build_context(analysis, deal_file=deal, options=options)
    data = (
        render_html(context, template_dirs=dirs, pack_dirs=packs).encode("utf-8")
        if html
        else render_docx(context, template_dirs=dirs, pack_dirs=packs)
        if docx
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
                if entry["dimensions"]:
                    typer.echo(f"{'':<44} one of {entry['definition']}")
        return
    loaded = load_deal(deal)
    ctx = FactContext.for_deal(loaded, parse_date(as_of))
    values = computed_facts(ctx)
    if format == "json":
        typer.echo(json.dumps(values, indent=2, sort_keys=True, ensure_ascii=False))
        return
    rows: dict[str, dict[str, object]] = values["facts"]  # type: ignore[assignment]
    for name, item in rows.items():
        spec = REGISTRY[name.split("@")[0]]
        shown = fmt(item["value"], spec.unit)
        typer.echo(f"{name:<52} {shown}")


def catalogue() -> list[dict[str, Any]]:
    """Every fact name, with the definition it comes from and its point in the definition's
    dimensions (party, geography, phase, currency)."""
    return REGISTRY.catalogue()


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
