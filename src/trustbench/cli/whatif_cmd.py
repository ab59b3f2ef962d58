"""``whatif`` (verified structuring options) and ``compare`` (the scenario matrix)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from trustbench.analysis import analysis_json
from trustbench.cli.analyze_cmd import AsOf, Jurisdiction, RulesDirs, run_analysis
from trustbench.errors import TrustbenchError
from trustbench.whatif import structuring_options
from trustbench.whatif.compare import Row, compare_json
from trustbench.whatif.compare import compare as compare_rows
from trustbench.whatif.output import options_json, whatif_text
from trustbench.whatif.questions import decisive_questions

Format = Annotated[str, typer.Option("--format", help="text or json")]


def _check_format(format: str) -> None:
    if format not in ("text", "json"):
        raise TrustbenchError(f"--format: expected text or json, got {format!r}")


def whatif(
    deal: Annotated[Path, typer.Argument(help="the deal file (YAML or JSON)")],
    jurisdiction: Jurisdiction = None,
    as_of: AsOf = None,
    rules: RulesDirs = None,
    levers: Annotated[
        list[Path] | None,
        typer.Option("--levers", help="extra lever catalogues (YAML, as rules/levers.yaml)"),
    ] = None,
    format: Format = "text",
) -> None:
    """Search the deal's levers for the smallest changes that turn each finding; print the
    verified options and the questions that decide what no lever can."""
    _check_format(format)
    analysis = run_analysis(deal, jurisdiction, as_of, rules)
    report = structuring_options(analysis, levers or [])
    questions = decisive_questions(analysis)
    if format == "json":
        doc = analysis_json(analysis)
        doc["options"] = options_json(report, questions)
        typer.echo(json.dumps(doc, indent=2, sort_keys=True, ensure_ascii=False))
        return
    typer.echo(whatif_text(report, questions, analysis.deal.case.title))


def compare(
    deal: Annotated[Path, typer.Argument(help="the deal file (YAML or JSON)")],
    jurisdiction: Jurisdiction = None,
    as_of: AsOf = None,
    rules: RulesDirs = None,
    format: Format = "text",
) -> None:
    """The scenario matrix: each scenario × jurisdiction (notification, concept, theories,
    band), and the findings that change against the base."""
    _check_format(format)
    analysis = run_analysis(deal, jurisdiction, as_of, rules)
    if not analysis.deal.scenarios:
        raise TrustbenchError(
            "the deal file has no scenarios to compare",
            file=str(deal),
            hint="add a `scenarios:` section: name, description and changes, e.g. "
            "`- stake: {equity: 24.9%}`",
        )
    rows = compare_rows(analysis)
    if format == "json":
        doc = analysis_json(analysis)
        doc["comparison"] = compare_json(rows)
        typer.echo(json.dumps(doc, indent=2, sort_keys=True, ensure_ascii=False))
        return
    typer.echo(matrix_text(rows))


def matrix_text(rows: list[Row]) -> str:
    jids = list(rows[0].cells)
    head = f"{'scenario':<24}" + "".join(f"{j:<34}" for j in jids)
    lines = [head, "-" * len(head)]
    for row in rows:
        cells = [
            f"{c.filing}/{c.control} {c.band} " + (",".join(c.theories) or "-")
            for c in (row.cells[j] for j in jids)
        ]
        lines.append(f"{row.name:<24}" + "".join(f"{c[:33]:<34}" for c in cells))
    lines.append("cells: notification/merger concept, band, theories raised")
    for row in rows[1:]:
        lines += ["", f"{row.name}: {row.description}"]
        if not row.changes:
            lines.append("  no finding changes against the base")
        for c in row.changes:
            lines.append(f"  {c.jurisdiction} {c.rule}: {c.before} → {c.after}")
    return "\n".join(lines)
