"""``rules list | show | validate | test``."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Annotated, Optional

import typer

from trustbench.analysis import available_packs
from trustbench.errors import ErrorGroup, TrustbenchError
from trustbench.rules.examples import run_examples
from trustbench.rules.lint import lint_pack
from trustbench.rules.loader import Pack, builtin_dir, discover, load_pack, resolve_param

app = typer.Typer(help="List, inspect, validate and test rule packs.", no_args_is_help=True)


def _packs(dirs: list[Path] | None) -> list[Pack]:
    known = available_packs(dirs)
    targets = discover(list(dirs)) if dirs else discover([builtin_dir()])
    problems = []
    packs = []
    for pid in sorted(targets):
        try:
            packs.append(load_pack(targets[pid], known))
        except ErrorGroup as exc:
            problems.extend(exc.diagnostics)
    if problems:
        raise ErrorGroup(items=problems)
    if not packs:
        raise TrustbenchError("no rule packs found (a pack is a folder with pack.yaml)",
                              file=", ".join(str(d) for d in dirs or []))
    return packs


@app.command("list")
def list_rules(
    jurisdiction: Annotated[Optional[str], typer.Option("--jurisdiction", "-j")] = None,  # noqa: UP045
    factor: Annotated[Optional[str], typer.Option("--factor")] = None,  # noqa: UP045
    rules: Annotated[Optional[list[Path]], typer.Option("--rules")] = None,  # noqa: UP045
) -> None:
    """A table of rules: id, factor, weight, title."""
    for pack in _packs(rules):
        if jurisdiction and pack.jurisdiction != jurisdiction:
            continue
        for rid, loaded in sorted(pack.rules.items()):
            if factor and loaded.rule.factor != factor:
                continue
            off = " (disabled)" if rid in pack.disabled else ""
            typer.echo(f"{rid:<44} {loaded.rule.factor:<15} {loaded.rule.weight:>4g}  "
                       f"{loaded.rule.title}{off}")


@app.command("show")
def show(
    rule_id: Annotated[str, typer.Argument(help="e.g. us.hsr.filing-required")],
    as_of: Annotated[Optional[str], typer.Option("--as-of")] = None,  # noqa: UP045
    rules: Annotated[Optional[list[Path]], typer.Option("--rules")] = None,  # noqa: UP045
) -> None:
    """Everything about one rule, with its parameters as of a date."""
    when = dt.date.fromisoformat(as_of) if as_of else dt.date.today()
    for pack in _packs(rules):
        loaded = pack.rules.get(rule_id)
        if loaded is None:
            continue
        r = loaded.rule
        typer.echo(f"{rule_id} — {r.title}\n  file: {loaded.file}\n  pack: {pack.id} "
                   f"{pack.manifest.version}\n  factor: {r.factor}  weight: {r.weight:g}")
        typer.echo(f"  test: {r.test.strip()}\n  when: {r.when.strip()}")
        names = loaded.compiled.names if loaded.compiled else ()
        for name in names:
            if name.startswith("params."):
                param = pack.params[name.removeprefix("params.")]
                value = resolve_param(param, when)
                shown = f"{value[0]} (from {value[1]})" if value else "not in force"
                typer.echo(f"  {name} = {shown} {param.unit} — {param.reference.title}"
                           f" [{param.reference.confidence}]")
            else:
                typer.echo(f"  fact {name}")
        for cite in r.cites:
            auth = pack.authorities.get(cite)
            typer.echo(f"  cites {cite}: {auth.short if auth else '(undefined)'}")
        typer.echo(f"  examples: {', '.join(e.name for e in r.examples)}")
        return
    raise TrustbenchError(f"no rule {rule_id!r}", hint="see `trustbench rules list`")


@app.command("validate")
def validate(dirs: Annotated[Optional[list[Path]], typer.Argument()] = None) -> None:  # noqa: UP045
    """Load packs, compile every condition, lint them; report every problem (exit 2 on any)."""
    packs = _packs(dirs)
    problems = [d for pack in packs for d in lint_pack(pack)]
    if problems:
        raise ErrorGroup(items=problems)
    for pack in packs:
        typer.echo(f"{pack.id}: ok — {len(pack.rules)} rules, {len(pack.params)} parameters, "
                   f"{len(pack.authorities)} authorities")


@app.command("test")
def test(
    dirs: Annotated[Optional[list[Path]], typer.Argument()] = None,  # noqa: UP045
    format: Annotated[str, typer.Option("--format", help="text or json")] = "text",
) -> None:
    """Run every rule's examples; never stop at the first failure."""
    results = [r for pack in _packs(dirs) for r in run_examples(pack)]
    failed = [r for r in results if not r.passed]
    if format == "json":
        typer.echo(json.dumps([{"id": r.id, "expected": r.expected, "actual": r.actual,
                                "passed": r.passed, "file": r.file, "line": r.line,
                                "message": r.message} for r in results], indent=2))
    else:
        for r in failed:
            typer.echo(f"{r.file}:{r.line}: FAIL {r.id}: {r.message}")
        typer.echo(f"{len(results) - len(failed)} passed, {len(failed)} failed")
    if failed:
        raise typer.Exit(1)
