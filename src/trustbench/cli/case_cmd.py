"""``case new``, ``case validate`` and ``schema``."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Annotated

import typer
from pydantic import BaseModel

from trustbench.errors import TrustbenchError
from trustbench.model import Deal, load_deal
from trustbench.result import Result
from trustbench.rules.schema import Manifest, Parameter, Rule
from trustbench.sources import atomic_write, display_path

app = typer.Typer(help="Create and check deal files.", no_args_is_help=True)

SCHEMAS: dict[str, type[BaseModel]] = {
    "deal": Deal,
    "pack": Manifest,
    "rule": Rule,
    "parameter": Parameter,
    "result": Result,
}

TEMPLATE = """\
# Deal file for trustbench. `trustbench schema deal` prints the full JSON Schema.
# Leave out what you do not know: trustbench turns it into a question, never a zero.
case:
  id: {id}
  title: "Acquirer / Target"
  as_of: 2026-01-01          # thresholds in force on this date apply (usually closing)
  jurisdictions: [us]
  currency: USD

sources:
  - id: src1
    title: "Press release announcing the deal"
    publisher: "Acquirer"
    date: 2026-01-01

entities:
  - id: acquirer
    name: "Acquirer, Inc."
    revenues: [{{geography: worldwide, amount: USD 1bn, fiscal_year: 2025, source: src1}}]
  - id: target
    name: "Target, Inc."

transaction:
  acquirer: acquirer
  target: target
  value: USD 100m
  steps:
    - kind: acquire_stake
      equity: 20%
      class: voting           # voting | non-voting | convertible
      value: USD 100m
      source: src1
"""


def schema(
    what: Annotated[str, typer.Argument(help="deal, pack, rule, parameter or result")],
) -> None:
    """Print the JSON Schema of a deal file, pack manifest, rule file, parameter or the
    analysis result (what `analyze --format json` prints)."""
    model = SCHEMAS.get(what)
    if model is None:
        raise TrustbenchError(
            f"unknown schema {what!r}", hint="one of: " + ", ".join(sorted(SCHEMAS))
        )
    typer.echo(json.dumps(model.model_json_schema(by_alias=True), indent=2, sort_keys=True))


@app.command("validate")
def validate(deal: Annotated[Path, typer.Argument(help="the deal file")]) -> None:
    """Check a deal file; print every problem with file:line (exit 2 if any)."""
    loaded = load_deal(deal)
    typer.echo(
        f"{display_path(deal)}: ok — {len(loaded.entities)} entities, "
        f"{len(loaded.transaction.steps)} steps, {len(loaded.sources)} sources"
    )


@app.command("new")
def new(
    name: Annotated[str, typer.Argument(help="case id, e.g. acme-widgets")],
    directory: Annotated[Path, typer.Option("--dir", help="where to write")] = Path("cases"),
) -> None:
    """Write a commented starter deal file cases/NAME.yaml."""
    if not re.fullmatch(r"[a-z0-9][a-z0-9_-]*", name):
        raise TrustbenchError(f"case id {name!r}: use lower-case letters, digits, '-' or '_'")
    path = directory / f"{name}.yaml"
    if path.exists():
        raise TrustbenchError("file exists; not overwriting", file=display_path(path))
    atomic_write(path, TEMPLATE.format(id=name).encode("utf-8"))
    typer.echo(f"wrote {display_path(path)}; check it with: trustbench case validate {path}")
