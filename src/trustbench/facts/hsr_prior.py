"""An earlier HSR filing for the same issuer's voting securities (16 CFR 802.21).

802.21 exempts an acquisition of voting securities made within five years after the waiting
period of an earlier filing for the same issuer ended, unless it takes the acquirer's holding
to a notification threshold (801.1(h)) greater than the one that filing was made for. The
earlier filing is a US ``filing`` event marked ``earlier: true`` with the ``threshold`` it was
made for, and the end of its waiting period a US ``waiting_period_expiry`` or ``clearance``
also marked ``earlier: true``.

An exemption the file does not invoke is not applied: with no earlier filing recorded the
facts say "none" (the acquirer claiming 802.21 records its filing), as the filing rule applies
no other exemption the file does not state. Whether the threshold reached now is greater is
the definition def.us.exemption_802_21's question (the thresholds are parameters).
"""

from __future__ import annotations

import datetime as dt

from trustbench.facts.context import FactContext
from trustbench.facts.hsr_dates import acquisition_day
from trustbench.facts.registry import Value, fact, known, unknown
from trustbench.facts.timeline import ENDS_REVIEW, events
from trustbench.model.timeline import Event, HsrThreshold
from trustbench.model.types import source_ids

ORDER: tuple[HsrThreshold, ...] = ("50m", "100m", "500m", "25%", "50%")
WINDOW_YEARS = 5  # 16 CFR 802.21(a): "within five years" of the end of the waiting period
_Q = (
    "Did the acquirer file under HSR for an earlier acquisition of the target's voting "
    "securities? On what date, for which notification threshold, and when did its waiting "
    "period end?"
)


def _years_after(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def _covering(ctx: FactContext) -> list[tuple[Event, Event]]:
    """(earlier filing, end of its waiting period) pairs whose waiting period ended on or
    before the acquisition and no more than five years before it."""
    evts = [e for e in events(ctx) if e.jurisdiction == "us" and e.earlier]
    filings = sorted((e for e in evts if e.type == "filing"), key=lambda e: e.date)
    ends = sorted((e for e in evts if e.type in ENDS_REVIEW), key=lambda e: e.date)
    day = acquisition_day(ctx) or ctx.as_of
    pairs = []
    for filing in filings:
        end = next((e for e in ends if e.date >= filing.date), None)
        if end and end.date <= day <= _years_after(end.date, WINDOW_YEARS):
            pairs.append((filing, end))
    return pairs


@fact(
    "hsr.prior_filing.recorded",
    "bool",
    "yes/no",
    "the timeline records an earlier HSR filing by the acquirer for the target's voting "
    "securities whose waiting period ended on or before the acquisition and within five "
    "years before it (false when none is recorded: an exemption not invoked is not applied)",
    test="16 CFR 802.21(a)",
    question=_Q,
    topic="Timeline",
)
def _recorded(ctx: FactContext) -> Value:
    pairs = _covering(ctx)
    if not pairs:
        return known(False, note="no earlier HSR filing covering the acquisition is recorded")
    filing, end = pairs[-1]
    note = f"filed {filing.date.isoformat()}, waiting period ended {end.date.isoformat()}"
    return known(True, (*source_ids(filing.source), *source_ids(end.source)), note)


@fact(
    "hsr.prior_filing.threshold",
    "string",
    "threshold",
    "the greatest notification threshold (16 CFR 801.1(h): 50m, 100m, 500m, 25%, 50%) an "
    "earlier HSR filing covering the acquisition was made for; none when no such filing is "
    "recorded",
    test="16 CFR 802.21(a)",
    question=_Q,
    topic="Timeline",
)
def _threshold(ctx: FactContext) -> Value:
    pairs = _covering(ctx)
    if not pairs:
        return known("none", note="no earlier HSR filing covering the acquisition is recorded")
    stated = [f.threshold for f, _ in pairs]
    if any(t is None for t in stated):
        return unknown("the notification threshold of an earlier HSR filing is not given")
    top = max((t for t in stated if t is not None), key=ORDER.index)
    sources = [s for f, _ in pairs if f.threshold == top for s in source_ids(f.source)]
    return known(top, tuple(sources), f"the earlier filing was made for the {top} threshold")
