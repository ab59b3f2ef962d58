"""The structure of the markets a non-horizontal merger concerns: the merged entity's largest
share and the highest post-merger HHI across the product markets in which either party is
active (the screen of the EU Non-Horizontal Merger Guidelines, para 25). Each is unknown
while any of those markets lacks the figure; a share or HHI given as a range gives a range
(the largest lower and the largest upper bound)."""

from __future__ import annotations

from typing import Any

from trustbench.facts.context import FactContext
from trustbench.facts.governance import acquirer_group, target_side
from trustbench.facts.registry import Value, fact, known, unknown
from trustbench.model.bounds import Range

_Q = (
    "In each market where either party is active (upstream and downstream), what are the "
    "shares of every firm, or the post-merger HHI and the parties' combined share as reported?"
)


def _largest(values: list[Any]) -> Any:
    if not any(isinstance(v, Range) for v in values):
        return max(values)
    los = [v.lo if isinstance(v, Range) else v for v in values]
    his = [v.hi if isinstance(v, Range) else v for v in values]
    known_los = [float(x) for x in los if x is not None]
    lo = max(known_los) if known_los else None
    hi = None if any(x is None for x in his) else max(float(x) for x in his if x is not None)
    return Range(lo, hi, text="up to the largest of the markets' ranges")


def _max_over_markets(ctx: FactContext, name: str) -> Value:
    parties = acquirer_group(ctx, "before") | target_side(ctx, "before")
    markets = [
        m
        for m in ctx.deal.markets
        if m.kind == "product" and parties & {p.entity for p in m.participants}
    ]
    if not markets:
        return unknown("no market in the file lists either party")
    values: list[Any] = []
    sources: list[str] = []
    for market in markets:
        value = ctx.for_market(market).get(name)
        if not value.known:
            return unknown(f"not known for {market.name}", value.sources)
        values.append(value.value)
        sources.extend(value.sources)
    return known(_largest(values), sources, f"over {len(markets)} market(s)")


@fact(
    "nonhorizontal.share.max",
    "double",
    "share",
    "the merged entity's largest share in a market where a party is active",
    test="EU NHMG para 25",
    question=_Q,
    topic="Markets",
)
def _share(ctx: FactContext) -> Value:
    return _max_over_markets(ctx, "market.share.merged")


@fact(
    "nonhorizontal.hhi.max",
    "double",
    "HHI points",
    "the highest post-merger HHI of a market where a party is active",
    test="EU NHMG para 25",
    question=_Q,
    topic="Markets",
)
def _hhi(ctx: FactContext) -> Value:
    return _max_over_markets(ctx, "market.hhi.after")
