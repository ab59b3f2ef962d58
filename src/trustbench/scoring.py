"""Findings → score and risk band per jurisdiction, and the summary answers.

The score is the sum of the weights of triggered, non-waived findings; the band is the
highest band in ``pack.yaml`` whose ``min`` the score reaches. Weights and bands are the
pack author's screening policy, not law; the pack's ``scoring_note`` says so.
"""

from __future__ import annotations

from collections.abc import Iterable

from trustbench.rules.evaluate import Finding
from trustbench.rules.loader import Pack


def score(findings: Iterable[Finding]) -> float:
    return round(sum(f.weight for f in findings if f.status == "triggered" and not f.waiver), 6)


def band(pack: Pack, value: float) -> str:
    chosen = "none"
    for item in sorted(pack.manifest.bands, key=lambda b: b.min):
        if value >= item.min:
            chosen = item.band
    return chosen


def answer(findings: Iterable[Finding], question: str) -> str:
    """'yes' if any rule answering ``question`` triggered, 'no' if all did not, else
    'unknown' ('n/a' when the pack has no such rule)."""
    relevant = [f for f in findings if f.summary == question and not f.waiver]
    if not relevant:
        return "n/a"
    statuses = {f.status for f in relevant}
    if "triggered" in statuses:
        return "yes"
    if "unknown" in statuses:
        return "unknown"
    return "no"
