"""``case new``, ``case validate`` and ``schema``."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Annotated

import typer
from pydantic import BaseModel

from trustbench.errors import TrustbenchError
from trustbench.model import Deal, load_deal, reference
from trustbench.model.reference import json_schema

__all__ = ["app", "json_schema", "schema"]
from trustbench.sources import atomic_write, display_path

app = typer.Typer(help="Create and check deal files.", no_args_is_help=True)

SCHEMAS = ("deal", "pack", "rule", "parameter", "result")


def _schema_model(what: str) -> type[BaseModel] | None:
    """The model a schema is printed from (imported only by ``schema``: the result and
    rule models cost every other command nothing)."""
    from trustbench.result import Result
    from trustbench.rules.schema import Manifest, Parameter, Rule

    models: dict[str, type[BaseModel]] = {
        "deal": Deal,
        "pack": Manifest,
        "rule": Rule,
        "parameter": Parameter,
        "result": Result,
    }
    return models.get(what)


SCHEMA_FILE = "deal.schema.json"

TEMPLATE = """\
# yaml-language-server: $schema={schema}
# Deal file for trustbench; the guide is docs/writing-deals.md, `trustbench schema deal`
# prints the JSON Schema. Leave out what you do not know: an absent section is unknown and
# becomes a question in the memo, never a zero. A section written empty (`rights: []`)
# states that there is nothing to list. Uncomment the sections you can fill in.
case:
  id: {id}
  title: "Acquirer / Target"
  as_of: 2026-01-01          # thresholds in force on this date apply (usually closing)
  jurisdictions: [us]        # us, eu, uk, de — each once
  currency: USD              # the currency of amounts written as bare numbers

sources:                     # every document a fact comes from; facts name it with source:
  - id: src1
    title: "Press release announcing the deal"
    publisher: "Acquirer"
    date: 2026-01-01

entities:                    # companies, funds, persons; kind: company | fund | person | ...
  - id: acquirer
    name: "Acquirer, Inc."
    revenues: [{{geography: worldwide, amount: USD 1bn, fiscal_year: 2025, source: src1}}]
  - id: target
    name: "Target, Inc."
    # revenues: [{{geography: UK, amount: "< GBP 70m", fiscal_year: 2025}}]  # a bound
    # shares_outstanding: 10_000_000      # then holdings may count shares
  # - {{id: jane-doe, name: Jane Doe, kind: person}}

# holdings:                  # stakes held before the deal
#   - {{holder: acquirer, issuer: target, equity: "at most 7 %", source: src1}}
#   - {{holder: acquirer, issuer: target, shares: 500_000}}   # with shares_outstanding
# partial: [holdings]        # the lists named here leave out what they do not state

# boards:                    # seats before the deal; partial: true if not all are listed
#   - company: target
#     size: 7
#     directors: [{{person: jane-doe, designated_by: acquirer}}]

# rights:                    # vetoes, consents, information and appointment rights
#   - {{holder: acquirer, issuer: target, kind: veto, matters: [budget, business_plan]}}

# markets:                   # relevant markets, with shares (exact, or "60-70%")
#   - id: widgets
#     name: Widgets (EEA)
#     participants: [{{entity: acquirer, share: 30%}}, {{entity: target, share: "10-20%"}}]
#     partial: true          # other firms are active but not listed
#     reported: {{hhi_after: "> 2,500", hhi_delta: 150, source: src1}}
#     potential_entrants: [{{entity: acquirer, kind: perceived}}]

# supply:                    # who supplies what to whom
#   - {{supplier: target, customer: acquirer, product: widgets, share_of_needs: 40%}}
#   - {{supplier: target, customer: acquirer, product: gadgets, must_have: true,
#      alternatives: 0, switching: costly, margin_lost: USD 5m, margin_gained: USD 9m}}

# evidence:                  # sourced statements on a limb of a theory of harm
#   - {{theory: input-foreclosure, limb: incentive, direction: against, jurisdictions: [uk],
#      text: "foreclosure would cost more than it gains", source: src1}}

# safeguards:                # firewalls and commitments on the acquirer's access to information
#   - {{kind: firewall, channels: [board, shared-director], persons: [jane-doe],
#      enforceability: undertaking-to-agency, monitoring: true, until: 2031-12-31}}

transaction:
  acquirer: acquirer
  target: target
  value: USD 100m
  steps:                     # acquire_stake | acquire_assets | appoint_director | hire | ...
    - kind: acquire_stake
      equity: 20%
      class: voting           # voting | non-voting | convertible
      value: USD 100m
      source: src1

# timeline:                  # dated events: announcement, signing, filing, clearance, ...
#   - {{date: 2026-01-05, type: signing}}
#   - {{date: 2026-02-01, type: filing, jurisdiction: us}}
#   - {{date: 2026-03-03, type: waiting_period_expiry, jurisdiction: us}}
#   - {{date: 2026-03-10, type: closing}}

# prior_acquisitions:        # the acquirer's earlier deals in the same space
#   - {{acquirer: acquirer, target: "Earlier Co", date: 2024-05-01}}

# fx:                        # dated rates for amounts in other currencies
#   - {{from: EUR, to: USD, rate: 1.08, date: 2025-12-31, source: src1}}

# waivers:                   # findings the reviewer has considered and set aside
#   - {{rule: us.hsr.filing-required, reason: "...", by: "A. Lawyer"}}
"""


def schema(
    what: Annotated[str, typer.Argument(help="deal, pack, rule, parameter or result")],
    markdown: Annotated[
        bool, typer.Option("--markdown", help="the field reference as Markdown tables")
    ] = False,
    output: Annotated[
        Path | None, typer.Option("-o", "--output", help="write to this file (atomically)")
    ] = None,
) -> None:
    """Print the JSON Schema of a deal file, pack manifest, rule file, parameter or the
    analysis result (what `analyze --format json` prints), or its field reference."""
    model = _schema_model(what)
    if model is None:
        raise TrustbenchError(
            f"unknown schema {what!r}", hint="one of: " + ", ".join(sorted(SCHEMAS))
        )
    if markdown:
        text = reference.markdown(model, f"{what.capitalize()} file fields")
    else:
        text = reference.schema_text(model)
    if output is None:
        typer.echo(text, nl=False)
    else:
        atomic_write(output, text.encode("utf-8"))


@app.command("validate")
def validate(deal: Annotated[Path, typer.Argument(help="the deal file")]) -> None:
    """Check a deal file; print every problem with file:line (exit 2 if any), and warn
    where a fact rests only on sources dated after the case date."""
    from trustbench.report.asof import later_only

    loaded = load_deal(deal)
    from trustbench.model.plausibility import plausibility

    for warning in [*plausibility(loaded), *later_only(loaded)]:
        typer.echo(warning.render(), err=True)
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
    schema = directory / SCHEMA_FILE
    text = reference.schema_text(Deal)
    if not schema.exists() or schema.read_text(encoding="utf-8") != text:
        atomic_write(schema, text.encode("utf-8"))
    atomic_write(path, TEMPLATE.format(id=name, schema=SCHEMA_FILE).encode("utf-8"))
    typer.echo(f"wrote {display_path(path)}; check it with: trustbench case validate {path}")
