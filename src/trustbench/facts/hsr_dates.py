"""The date an HSR acquisition is made, on which its reportability is tested.

Reportability uses the thresholds in force when the acquiring person acquires beneficial
ownership (16 CFR 801.1(c)); the annual notices revise them "effective" on a date and apply
to acquisitions consummated from it. A case analysed later — a complaint years after the
purchases, a look-back review — must not test them against the thresholds of its own date.
The US pack's threshold parameters are ``dated_by`` this fact.

The date is the first act of consummation the file records on or before the case date (the
closing, a dated acquisition step, or a right the deal gives used by the acquirer's side:
the same act :mod:`trustbench.facts.hsr_violation` counts days from). Where the file records
none — a deal not yet closed — it is unknown and the thresholds of the case date apply: run
the case as of the expected closing. A deal of several dated purchases is tested on the
first [D: each purchase that crosses a threshold is its own acquisition; one date per deal
is this module's simplification, and the earliest is the one a violation runs from].
"""

from __future__ import annotations

import datetime as dt

from trustbench.facts.context import FactContext
from trustbench.facts.hsr_violation import consummation
from trustbench.facts.registry import Value, fact, known, unknown
from trustbench.model.types import source_ids


def acquisition_day(ctx: FactContext) -> dt.date | None:
    """The acquisition date as a date (None when the file records none)."""
    act = consummation(ctx)
    return act.date if act is not None else None


@fact(
    "hsr.acquisition.date",
    "string",
    "ISO date",
    "the date the acquiring person acquired beneficial ownership (the first closing, dated "
    "acquisition step, or right used, on or before the case date); the HSR thresholds "
    "are those in force on it",
    test="15 U.S.C. § 18a(a)(2); 16 CFR 801.1(c); the annual threshold notices' effective date",
    question="On what date did (or will) the acquirer close, or first acquire the shares or "
    "assets?",
    topic="Timeline",
)
def _acquisition_date(ctx: FactContext) -> Value:
    act = consummation(ctx)
    if act is None:
        return unknown("no closing or dated acquisition on or before the case date")
    what = "acquisition" if act.note == "acquisition in the deal" else act.type.replace("_", " ")
    return known(
        act.date.isoformat(), tuple(source_ids(act.source)), f"the {what} on {act.date.isoformat()}"
    )
