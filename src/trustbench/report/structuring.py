"""The memo's "Structuring options" section: the finder's verified options, in client words.

The finder (:mod:`trustbench.whatif`) re-evaluates the whole deal under each change of the
deal's own levers and keeps only options that it verified. This module words them for the
client: findings by their titles (never rule ids), what else each change turns, and for a
finding no lever can turn, the facts outside the deal's structure that decide it.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from trustbench.result_parts import BriefOptionOut, EffectOut, StructuringOut, TargetOut

if TYPE_CHECKING:
    from trustbench.report.builder import Builder

MAX_ALSO = 1  # further effects of one option, named; the rest counted
LABEL = {"triggered": "triggered", "not_triggered": "not triggered", "unknown": "unknown"}


def structuring(b: Builder, found: StructuringOut) -> dict[str, Any]:
    """Per jurisdiction, each finding with its smallest verified option (or the facts that
    decide it), and the options that work across all jurisdictions at once, in the memo's
    client wording (no tool terms or ids)."""
    words = b.plain.words
    titles = {(j.id, f.rule): f.title for j in b.result.jurisdictions for f in j.findings}
    names = {j.id: j.name for j in b.result.jurisdictions}

    def effect(e: EffectOut, home: str | None) -> str:
        title = titles.get((e.jurisdiction, e.rule), "another finding")
        where = "" if e.jurisdiction == home else f"{names.get(e.jurisdiction, '')}: "
        return words(f"{where}{title} — {LABEL[e.before]} → {LABEL[e.after]}")

    def option(o: BriefOptionOut, target: TargetOut | None) -> dict[str, Any]:
        home = target.jurisdiction if target else None
        return {
            "change": o.change,
            "result": LABEL[o.result] if o.result else None,
            "also": [effect(e, home) for e in o.effects[:MAX_ALSO]],
            "more": max(0, len(o.effects) - MAX_ALSO),
        }

    rows = []
    for j in b.result.jurisdictions:
        mine = [t for t in found.targets if t.jurisdiction == j.id]
        rows.append(
            {
                "id": j.id,
                "name": j.name,
                "findings": _grouped(
                    [
                        {
                            "title": f"{titles.get((t.jurisdiction, t.rule), t.title)} "
                            f"({LABEL[t.status]})",
                            "brings_in": t.brings_in,
                            "option": option(t.option, t),
                        }
                        for t in mine
                        if t.option is not None
                    ]
                ),
                "fixed": [
                    {
                        "title": titles.get((t.jurisdiction, t.rule), t.title),
                        "deciding": _named(words(b.wording.phrase(f)) for f in t.deciding),
                    }
                    for t in mine
                    if t.option is None
                ],
            }
        )
    return {
        "scenarios": _scenarios(b, found, titles, names),
        "jurisdictions": [row for row in rows if row["findings"] or row["fixed"]],
        "across": [option(o, None) for o in found.across],
        "evaluations": found.evaluations,
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
    b: Builder,
    found: StructuringOut,
    titles: dict[tuple[str, str], str],
    names: dict[str, str],
) -> list[dict[str, Any]]:
    """The deal file's scenarios against the base: per jurisdiction, notification, the merger
    concept, the theories raised and the band; then the findings each scenario changes."""
    scope = {j.id: j.summary.band_scope for j in b.result.jurisdictions}
    return [
        {
            "name": row.name,
            "description": row.description,
            "cells": [
                {
                    "jurisdiction": names.get(c.jurisdiction, c.jurisdiction),
                    "filing": ANSWER.get(c.filing, c.filing),
                    "concept": ANSWER.get(c.control, c.control),
                    "theories": ", ".join(c.theories) or "none",
                    "band": f"{c.band} (on {', '.join(scope[c.jurisdiction])})"
                    if scope.get(c.jurisdiction)
                    else "no theory screened",
                }
                for c in row.cells
            ],
            "changes": [
                f"{names.get(c.jurisdiction, c.jurisdiction)}: "
                f"{titles.get((c.jurisdiction, c.rule), 'a finding')} — "
                f"{LABEL[c.before]} → {LABEL[c.after]}"
                for c in row.changes
            ],
        }
        for row in found.scenarios
    ]
