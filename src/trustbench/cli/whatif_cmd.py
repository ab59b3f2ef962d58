"""``whatif`` (verified structuring options) and ``compare`` (the scenario matrix)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from trustbench.analysis import analysis_json
from trustbench.cli.analyze_cmd import run_analysis
from trustbench.cli.options import AsOf, Jurisdiction, RulesDirs
from trustbench.errors import TrustbenchError

if TYPE_CHECKING:
    from trustbench.whatif.compare import Row

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
    from trustbench.whatif import structuring_options
    from trustbench.whatif.output import options_json, whatif_text
    from trustbench.whatif.questions import decisive_questions

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
    from trustbench.whatif.compare import compare as compare_rows
    from trustbench.whatif.compare import compare_json

    rows = compare_rows(analysis)
    if format == "json":
        doc = analysis_json(analysis)
        doc["comparison"] = compare_json(rows)
        typer.echo(json.dumps(doc, indent=2, sort_keys=True, ensure_ascii=False))
        return
    typer.echo(matrix_text(rows))


def matrix_text(rows: list[Row]) -> str:
    head = (
        f"{'scenario':<22} {'':<4} {'notification':<13} {'concept':<9} {'band':<10} theories raised"
    )
    lines = [head, "-" * len(head)]
    for row in rows:
        for i, (jid, c) in enumerate(row.cells.items()):
            name = row.name if i == 0 else ""
            theories = ", ".join(c.theories) or "-"
            lines.append(
                f"{name:<22} {jid:<4} {c.filing:<13} {c.control:<9} {c.band:<10} {theories}"
            )
    lines.append(
        "notification: is a filing required; concept: is it a merger under the law's concept"
    )
    for row in rows[1:]:
        lines += ["", f"{row.name}: {row.description}"]
        if not row.changes:
            lines.append("  no finding changes against the base")
        for ch in row.changes:
            lines.append(f"  {ch.jurisdiction} {ch.rule}: {ch.before} → {ch.after}")
    return "\n".join(lines)
