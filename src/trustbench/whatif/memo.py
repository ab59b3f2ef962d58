"""The "Structuring options" section of the memo, as plain data for its template.

The report layer renders; this module only gathers: per jurisdiction, each finding's
verified options in words (what changes, what else it changes), the options that work
across all jurisdictions, and the scenario matrix when the file has scenarios.
"""

from __future__ import annotations

from typing import Any

from trustbench.analysis import Analysis
from trustbench.whatif.compare import compare, compare_json
from trustbench.whatif.finder import Option, Target, WhatIf
from trustbench.whatif.output import LABEL, effect_text

MAX_OPTIONS = 2


def structuring_context(analysis: Analysis, report: WhatIf) -> dict[str, Any]:
    titles = {f.rule: f.title for r in analysis.results for f in r.findings}
    names = {r.id: r.name for r in analysis.results}
    return {
        "jurisdictions": [
            {
                "id": jid,
                "name": names.get(jid, jid),
                "findings": [
                    _finding(t, titles)
                    for t in report.targets
                    if t.jurisdiction == jid and (t.options or t.deciding)
                ],
            }
            for jid in report.base
        ],
        "across": [_option(o, None) for o in report.across[:5]],
        "scenarios": compare_json(compare(analysis)) if analysis.deal.scenarios else [],
    }


def _finding(target: Target, titles: dict[str, str]) -> dict[str, Any]:
    return {
        "rule": target.rule,
        "title": titles.get(target.rule, target.rule),
        "status": LABEL[target.status],
        "goal": target.goal,
        "options": [_option(o, target) for o in target.options[:MAX_OPTIONS]],
        "deciding_facts": target.deciding,
    }


def _option(option: Option, target: Target | None) -> dict[str, Any]:
    result = None
    if target is not None:
        result = LABEL[option.verdicts[target.jurisdiction].statuses[target.rule]]
    return {
        "change": "; ".join(m.text() for m in option.moves),
        "result": result,
        "also": [effect_text(e) for e in option.effects if target is None or e.rule != target.rule],
        "verified": True,
    }
