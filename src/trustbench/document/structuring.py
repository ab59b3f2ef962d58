"""The verified structuring options (trustbench.whatif) and the deal file's scenarios against
the base, computed in the analysis stage for the memo's "Structuring options" section.

The finder re-evaluates the whole deal under each change of the deal's own levers and keeps
only the options it verified; this keeps, per finding, its smallest option (or the facts
that decide it when no lever turns it), and the options that work across jurisdictions.
"""

from __future__ import annotations

from typing import Any

from trustbench.analysis import Analysis
from trustbench.result import StructuringOut
from trustbench.whatif import structuring_options
from trustbench.whatif.compare import compare
from trustbench.whatif.finder import Option, Target

MAX_ACROSS = 3  # options that improve findings and worsen none, across jurisdictions


def structuring_out(analysis: Analysis) -> StructuringOut:
    report = structuring_options(analysis)
    return StructuringOut.model_validate(
        {
            "evaluations": report.evaluations,
            "targets": [
                {
                    "jurisdiction": t.jurisdiction,
                    "rule": t.rule,
                    "title": t.title,
                    "status": t.status,
                    "brings_in": t.goal == "brought_in",
                    "option": _option(t.options[0], t) if t.options else None,
                    "deciding": list(t.deciding),
                }
                for t in report.targets
                if t.options or t.deciding
            ],
            "across": [_option(o, None) for o in report.across[:MAX_ACROSS]],
            "scenarios": _scenarios(analysis) if analysis.deal.scenarios else [],
        }
    )


def _effect(e: Any) -> dict[str, str]:
    return {"jurisdiction": e.jurisdiction, "rule": e.rule, "before": e.before, "after": e.after}


def _option(o: Option, target: Target | None) -> dict[str, Any]:
    others = [e for e in o.effects if target is None or e.rule != target.rule]
    result = None
    if target is not None:
        result = o.verdicts[target.jurisdiction].statuses[target.rule]
    return {
        "change": "; ".join(m.text() for m in o.moves),
        "result": result,
        "effects": [_effect(e) for e in others],
    }


def _scenarios(analysis: Analysis) -> list[dict[str, Any]]:
    return [
        {
            "name": row.name,
            "description": row.description,
            "cells": [
                {
                    "jurisdiction": jid,
                    "filing": c.filing,
                    "control": c.control,
                    "theories": list(c.theories),
                    "band": c.band,
                }
                for jid, c in row.cells.items()
            ],
            "changes": [_effect(c) for c in row.changes],
        }
        for row in compare(analysis)
    ]
