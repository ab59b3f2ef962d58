"""The memo's "Structuring options" section: the finder's verified options, in client words.

The finder (:mod:`trustbench.whatif`) re-evaluates the whole deal under each change of the
deal's own levers and keeps only options that it verified. This module words them for the
client: findings by their titles (never rule ids), what else each change turns, and for a
finding no lever can turn, the facts outside the deal's structure that decide it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from trustbench.analysis import Analysis
from trustbench.report.requests import Wording
from trustbench.summary import summary_of
from trustbench.whatif import structuring_options
from trustbench.whatif.compare import compare
from trustbench.whatif.finder import Effect, Option, Target
from trustbench.whatif.output import LABEL

MAX_ALSO = 1  # further effects of one option, named; the rest counted
MAX_ACROSS = 3  # options that improve findings and worsen none, across jurisdictions


def structuring(
    analysis: Analysis, wording: Wording, words: Callable[[str], str]
) -> dict[str, Any]:
    """Per jurisdiction, each finding with its smallest verified option (or the facts that
    decide it), and the options that work across all jurisdictions at once. ``words`` is
    the memo's client wording (no tool terms or ids)."""
    report = structuring_options(analysis)
    titles = {(r.id, f.rule): f.title for r in analysis.results for f in r.findings}
    names = {r.id: r.name for r in analysis.results}

    def effect(e: Effect, home: str | None) -> str:
        title = titles.get((e.jurisdiction, e.rule), "another finding")
        where = "" if e.jurisdiction == home else f"{names.get(e.jurisdiction, '')}: "
        return words(f"{where}{title} — {LABEL[e.before]} → {LABEL[e.after]}")

    def option(o: Option, target: Target | None) -> dict[str, Any]:
        others = [e for e in o.effects if target is None or e.rule != target.rule]
        result = None
        if target is not None:
            result = LABEL[o.verdicts[target.jurisdiction].statuses[target.rule]]
        return {
            "change": "; ".join(m.text() for m in o.moves),
            "result": result,
            "also": [effect(e, target.jurisdiction if target else None) for e in others[:MAX_ALSO]],
            "more": max(0, len(others) - MAX_ALSO),
        }

    rows = []
    for r in analysis.results:
        found = [t for t in report.targets if t.jurisdiction == r.id and (t.options or t.deciding)]
        rows.append(
            {
                "id": r.id,
                "name": r.name,
                "findings": _grouped(
                    [
                        {
                            "title": f"{titles.get((t.jurisdiction, t.rule), t.title)} "
                            f"({LABEL[t.status]})",
                            "brings_in": t.goal == "brought_in",
                            "option": option(t.options[0], t),
                        }
                        for t in found
                        if t.options
                    ]
                ),
                "fixed": [
                    {
                        "title": titles.get((t.jurisdiction, t.rule), t.title),
                        "deciding": _named(words(wording.phrase(f)) for f in t.deciding),
                    }
                    for t in found
                    if not t.options
                ],
            }
        )
    return {
        "scenarios": _scenarios(analysis, titles, names) if analysis.deal.scenarios else [],
        "jurisdictions": [row for row in rows if row["findings"] or row["fixed"]],
        "across": [option(o, None) for o in report.across[:MAX_ACROSS]],
        "evaluations": report.evaluations,
    }


def _grouped(findings: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Findings that the same change turns the same way, as one row (the Guideline 11 and
    5(B) findings all turn on the same seat and rights)."""
    rows: dict[tuple[str, str | None, bool], dict[str, Any]] = {}
    for f in findings:
        key = (f["option"]["change"], f["option"]["result"], f["brings_in"])
        row = rows.setdefault(key, {**f, "titles": []})
        row["titles"].append(f["title"])
    return list(rows.values())


MAX_DECIDING = 3


def _named(labels: Iterable[str]) -> list[str]:
    """Fact labels, each cut to its first clause, without repeats; beyond three, a count."""
    short = list(dict.fromkeys(label.split(";")[0].strip() for label in labels))
    if len(short) <= MAX_DECIDING:
        return short
    return [*short[:MAX_DECIDING], f"{len(short) - MAX_DECIDING} more facts"]


ANSWER = {"yes": "yes", "no": "no", "unknown": "open", "n/a": "not screened"}


def _scenarios(
    analysis: Analysis, titles: dict[tuple[str, str], str], names: dict[str, str]
) -> list[dict[str, Any]]:
    """The deal file's scenarios against the base: per jurisdiction, notification, the merger
    concept, the theories raised and the band; then the findings each scenario changes."""
    scope = {r.id: summary_of(r).band_scope for r in analysis.results}
    out = []
    for row in compare(analysis):
        out.append(
            {
                "name": row.name,
                "description": row.description,
                "cells": [
                    {
                        "jurisdiction": names.get(jid, jid),
                        "filing": ANSWER.get(c.filing, c.filing),
                        "concept": ANSWER.get(c.control, c.control),
                        "theories": ", ".join(c.theories) or "none",
                        "band": f"{c.band} (on {', '.join(scope[jid])})"
                        if scope.get(jid)
                        else "no theory screened",
                    }
                    for jid, c in row.cells.items()
                ],
                "changes": [
                    f"{names.get(c.jurisdiction, c.jurisdiction)}: "
                    f"{titles.get((c.jurisdiction, c.rule), 'a finding')} — "
                    f"{LABEL[c.before]} → {LABEL[c.after]}"
                    for c in row.changes
                ],
            }
        )
    return out
