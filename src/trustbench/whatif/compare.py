"""The scenario matrix: each scenario of the deal file against the base, per jurisdiction.

Each scenario is a full analysis of the patched deal (the packs are loaded once), so the
findings that change carry their texts as ``analyze`` would print them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from trustbench.analysis import Analysis, evaluate
from trustbench.model.patch import apply_changes
from trustbench.model.scenarios import Scenario
from trustbench.rules.evaluate import JurisdictionResult

ANSWERS = ("filing", "control")


@dataclass(frozen=True)
class Cell:
    """One scenario in one jurisdiction."""

    filing: str
    control: str
    theories: tuple[str, ...]  # factors of the substantive findings that triggered
    band: str
    score: float


@dataclass(frozen=True)
class Change:
    jurisdiction: str
    rule: str
    before: str
    after: str
    text: str


@dataclass
class Row:
    name: str
    description: str
    cells: dict[str, Cell]
    changes: list[Change] = field(default_factory=list)


def cell(result: JurisdictionResult) -> Cell:
    theories = sorted(
        {
            f.factor
            for f in result.findings
            if f.status == "triggered" and not f.waiver and f.factor not in ANSWERS
        }
    )
    return Cell(result.filing, result.control, tuple(theories), result.band, result.score)


def compare(analysis: Analysis) -> list[Row]:
    """The base and each scenario: a row of cells and the findings that differ."""
    packs = [r.pack for r in analysis.results]
    rows = [
        Row("base", "the deal as filed", {r.id: cell(r) for r in analysis.results}),
    ]
    for scenario in analysis.deal.scenarios:
        rows.append(_row(analysis, scenario, packs))
    return rows


def _row(analysis: Analysis, scenario: Scenario, packs: list[Any]) -> Row:
    patched = evaluate(apply_changes(analysis.deal, scenario.changes), packs, analysis.as_of)
    row = Row(scenario.name, scenario.description, {r.id: cell(r) for r in patched.results})
    for base, new in zip(analysis.results, patched.results, strict=True):
        before = {f.rule: f for f in base.findings}
        for f in new.findings:
            old = before.get(f.rule)
            if old is not None and old.status != f.status:
                row.changes.append(Change(new.id, f.rule, old.status, f.status, f.text))
    return row


def compare_json(rows: list[Row]) -> list[dict[str, Any]]:
    return [
        {
            "name": row.name,
            "description": row.description,
            "jurisdictions": {
                jid: {
                    "filing": c.filing,
                    "control": c.control,
                    "theories": list(c.theories),
                    "band": c.band,
                    "score": c.score,
                }
                for jid, c in sorted(row.cells.items())
            },
            "changes": [
                {
                    "jurisdiction": c.jurisdiction,
                    "rule": c.rule,
                    "before": c.before,
                    "after": c.after,
                }
                for c in row.changes
            ],
        }
        for row in rows
    ]
