"""``analyze``, ``memo`` and ``facts``."""

from __future__ import annotations

import contextlib
import re
import sys
import time
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, Any

import typer

from trustbench.analysis import Analysis, evaluate, json_value, load_packs, result_json
from trustbench.cli.options import (
    AsOf,
    FailOn,
    FailOnMet,
    Format,
    Jurisdiction,
    RulesDirs,
    check_folders,
    dump_json,
    parse_date,
    parse_statuses,
)
from trustbench.errors import TrustbenchError
from trustbench.facts import REGISTRY, FactContext
from trustbench.graph.loops import locate
from trustbench.graph.ownership import OwnershipError
from trustbench.model import load_deal
from trustbench.model.patch import apply_scenario
from trustbench.model.plausibility import plausibility
from trustbench.rules.text import fmt
from trustbench.sources import atomic_write, check_output, default_output, display_path

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
    check_folders("--rules", rules)
    size = deal_path.stat().st_size if deal_path.is_file() else 0
    large = size > LARGE_DEAL_BYTES
    start = time.perf_counter()
    _progress(large, f"reading {display_path(deal_path)} ({size / 1e6:.1f} MB)…")
    deal = load_deal(deal_path)
    if scenario is not None:
        deal = apply_scenario(deal, scenario)
    for warning in plausibility(deal):  # printed, never an error (exit 0)
        typer.echo(warning.render(), err=True)
    # a jurisdiction no pack covers is reported at its line of case.jurisdictions
    packs = load_packs(
        jurisdiction or deal.case.jurisdictions,
        rules,
        cache=True,
        deal=None if jurisdiction else deal,
    )
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
    deal: Annotated[Path, typer.Argument(metavar="DEAL", help="the deal file (YAML or JSON)")],
    jurisdiction: Jurisdiction = None,
    as_of: AsOf = None,
    rules: RulesDirs = None,
    format: Annotated[Format, typer.Option("--format", help="output format")] = Format.text,
    fail_on: FailOn = None,
    only: Annotated[
        str | None,
        typer.Option(
            "--only",
            metavar="STATUS,...",
            help="show only findings of these statuses: triggered, unknown, not_triggered",
        ),
    ] = None,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="print the summary table only")
    ] = False,
    verbose: Annotated[
        bool, typer.Option("--verbose", "-v", help="print the full text of every finding")
    ] = False,
    explain: Annotated[
        list[str] | None,
        typer.Option(
            "--explain",
            metavar="RULE",
            help="print the trace of this rule: facts, sources, parameters, "
            "the part of the condition that decided (repeatable)",
        ),
    ] = None,
    scenario: Annotated[
        str | None, typer.Option("--scenario", help="analyse the deal under this scenario")
    ] = None,
) -> None:
    """Screen a deal: a summary per jurisdiction, then the findings."""
    statuses = parse_statuses(only)
    analysis = run_analysis(deal, jurisdiction, as_of, rules, scenario)
    if explain:
        from trustbench.cli.explain import explain as explain_rule
        from trustbench.document import full_result

        result = full_result(analysis, structuring=False)
        typer.echo("\n\n".join(explain_rule(result, rid) for rid in explain))
    elif format == Format.json:
        typer.echo(dump_json(result_json(analysis)))
    else:
        from trustbench.cli.output import console, print_analysis

        if scenario is not None:
            typer.echo(f"scenario {scenario} (a variant of the deal as filed)")
        print_analysis(analysis, console(), only=statuses, quiet=quiet, verbose=verbose)
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
            raise FailOnMet(f"{result.name}: band {result.band} reaches --fail-on {fail_on}")


def memo(
    deal: Annotated[
        Path | None,
        typer.Argument(
            metavar="DEAL", help="the deal file (YAML or JSON); omit with --from-result"
        ),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "-o",
            "--output",
            metavar="FILE",
            help="where to write (default reports/<case id>.pdf or .html)",
        ),
    ] = None,
    html: Annotated[bool, typer.Option("--html", help="write HTML instead of PDF")] = False,
    docx: Annotated[bool, typer.Option("--docx", help="write Word (.docx) instead of PDF")] = False,
    template_dir: Annotated[
        list[Path] | None,
        typer.Option(
            "--template-dir",
            metavar="DIR",
            help="a folder whose templates override the house style (repeatable)",
        ),
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
    save_result: Annotated[
        Path | None,
        typer.Option(
            "--save-result",
            metavar="FILE",
            help="also write the full analysis result (JSON) the memo is rendered from",
        ),
    ] = None,
    from_result: Annotated[
        Path | None,
        typer.Option(
            "--from-result",
            metavar="FILE",
            help="render from a result saved with --save-result (no deal file, no analysis)",
        ),
    ] = None,
) -> None:
    """Write the memo (PDF, or HTML with --html, or Word with --docx) for a deal; print
    where, pages and time. The memo reads one saved result: `memo DEAL --save-result r.json`
    keeps it, `memo --from-result r.json -o memo.pdf` renders it again."""
    from trustbench.cli.result_io import dump_result, load_result, template_dirs
    from trustbench.document import full_result
    from trustbench.report import render_html, render_pdf
    from trustbench.report.context import Options, build_context
    from trustbench.report.docx import render_docx

    start = time.perf_counter()
    dirs = list(template_dir or [])
    check_folders("--template-dir", dirs)
    if (deal is None) == (from_result is None):
        raise TrustbenchError(
            "give a deal file or --from-result FILE (one of them)",
            hint="trustbench memo DEAL, or trustbench memo --from-result result.json",
        )
    if from_result is not None:
        result = load_result(from_result)
        inputs: tuple[Path, ...] = (from_result,)
    else:
        assert deal is not None
        analysis = run_analysis(deal, jurisdiction, as_of, rules)
        result = full_result(analysis, deal)
        inputs = (deal, *[p for r in analysis.results for p in r.pack.files])
    suffix = ".html" if html else ".docx" if docx else ".pdf"
    target = output if output is not None else default_output(result.case.id, suffix)
    packs = template_dirs(result, rules)
    inputs += tuple(p for d in [*dirs, *packs.values()] for p in d.glob("*") if p.is_file())
    check_output(target, protect=inputs)  # before rendering, not after
    if save_result is not None:
        check_output(save_result, protect=(*inputs, target))
        atomic_write(save_result, dump_result(result), protect=inputs)
    options = Options(reviewer, later_developments, full_appendix)
    with _rendering(f"rendering {display_path(target)}"):
        context = build_context(result, options=options)
        data = (
            render_html(context, template_dirs=dirs, pack_dirs=packs).encode("utf-8")
            if html
            else render_docx(context, template_dirs=dirs, pack_dirs=packs)
            if docx
            else render_pdf(context, template_dirs=dirs, pack_dirs=packs)
        )
    atomic_write(target, data, protect=inputs)
    pages = "HTML" if html else "Word" if docx else _pages(data)
    typer.echo(f"wrote {display_path(target)} ({pages}, {time.perf_counter() - start:.1f} s)")


@contextlib.contextmanager
def _rendering(message: str) -> Iterator[None]:
    """A spinner on stderr while the memo renders, when stderr is a terminal."""
    if not sys.stderr.isatty():
        yield
        return
    from trustbench.cli.output import console

    with console(sys.stderr).status(message):
        yield


def _pages(pdf: bytes) -> str:
    """The page count of a PDF, from its page objects (``/Type /Page``, not ``/Pages``),
    looked for in the file and inside its compressed object streams."""
    page = re.compile(rb"/Type\s*/Page(?![a-zA-Z])")
    count = len(page.findall(pdf))
    for stream in re.findall(rb"/Type\s*/ObjStm[^>]*>>\s*stream\r?\n(.*?)endstream", pdf, re.S):
        try:
            count += len(page.findall(zlib.decompress(stream)))
        except zlib.error:
            continue
    return f"{count} page" + ("" if count == 1 else "s")


def facts(
    deal: Annotated[
        Path | None,
        typer.Argument(help="a deal file: print its computed facts (omit for the catalogue)"),
    ] = None,
    format: Annotated[Format, typer.Option("--format", help="output format")] = Format.text,
    as_of: AsOf = None,
) -> None:
    """List the fact catalogue, or compute a deal's facts before and after."""
    if deal is None:
        if format == Format.json:
            typer.echo(dump_json(catalogue()))
        else:
            from trustbench.cli.output import console, table

            rows = []
            for e in catalogue():
                doc = e["doc"] + (f" (one of {e['definition']})" if e["dimensions"] else "")
                rows.append([e["name"], e["type"], e["unit"], doc])
            console().print(table(["fact", "type", "unit", "meaning"], rows, wrap=(3,)))
        return
    loaded = load_deal(deal)
    ctx = FactContext.for_deal(loaded, parse_date(as_of))
    try:
        values = computed_facts(ctx)
    except OwnershipError as exc:
        raise locate(exc, loaded) from None
    if format == Format.json:
        typer.echo(dump_json(values))
        return
    print_facts(values["facts"])  # type: ignore[arg-type]


def print_facts(values: dict[str, dict[str, Any]]) -> None:
    """Facts by topic, before and after side by side, with their sources; long values wrap."""
    from trustbench.cli.output import console, fact_rows, table

    out = console()
    for topic, rows in fact_rows(values, _shown).items():
        out.print(f"[bold]{topic}[/]")
        out.print(table(["fact", "before", "after", "sources"], rows, wrap=(1, 2, 3)))


def _shown(name: str, value: object) -> str:
    base = name.split(" @")[0]
    for candidate in (base, base + ".before", base + ".after"):
        if candidate in REGISTRY:
            return fmt(value, REGISTRY[candidate].unit)
    return fmt(value, "")


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
    return json_value(value)
