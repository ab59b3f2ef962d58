"""Closeness of competition between the parties in a market: the GUPPI of each party's
product and the qualitative evidence (win/loss or bidding data, ordinary-course documents).

GUPPI (2010 Horizontal Merger Guidelines § 6.1): the value of the sales a party would divert
to the other on a price rise, as a share of its own revenue lost — the diversion ratio times
the other product's margin times the ratio of the prices:

    GUPPI_acquirer = D(acquirer→target) · m_target · P_target / P_acquirer

No threshold comes with it (the Guidelines give none): rules report it, they do not test it.
"""

from __future__ import annotations

from collections.abc import Callable

from trustbench.facts.context import FactContext
from trustbench.facts.registry import FactType, Value, fact, known, unknown
from trustbench.model.closeness import Closeness
from trustbench.model.types import exact, source_ids

_Q = (
    "How closely do the parties compete in the {market} market: diversion ratios between "
    "them, their margins and prices, win/loss or bidding data, and what their own documents "
    "say about each other?"
)


def _closeness(ctx: FactContext) -> Closeness | None:
    if ctx.market is None:
        raise LookupError("market facts need a market")
    return ctx.market.closeness


def _market_fact(
    name: str, type_: FactType, unit: str, doc: str, test: str
) -> Callable[[Callable[[FactContext], Value]], Callable[[FactContext], Value]]:
    return fact(
        f"market.{name}", type_, unit, doc, test=test, question=_Q, topic="Markets", scope="market"
    )


def _guppi(c: Closeness | None, towards: str) -> Value:
    """GUPPI of the product of the party that diverts ``towards`` the other."""
    if c is None or c.diversion is None or c.acquirer is None or c.target is None:
        return unknown("the file gives no diversion ratios, margins and prices for this market")
    own, other = (c.acquirer, c.target) if towards == "target" else (c.target, c.acquirer)
    ratio = exact(
        getattr(c.diversion, f"{'acquirer' if towards == 'target' else 'target'}_to_{towards}")
    )
    margin = exact(other.margin)
    if ratio is None or margin is None or own.price is None or other.price is None:
        return unknown("a diversion ratio, margin or price needed for the GUPPI is missing")
    sources = (
        *source_ids(c.diversion.source),
        *source_ids(own.source),
        *source_ids(other.source),
        *source_ids(c.source),
    )
    return known(ratio * margin * other.price / own.price, sources)


@_market_fact(
    "guppi.acquirer",
    "double",
    "share of price",
    "GUPPI of the acquirer's product: diversion to the target × the target's margin × the "
    "target's price / the acquirer's price",
    "2010 HMG § 6.1",
)
def _guppi_acquirer(ctx: FactContext) -> Value:
    return _guppi(_closeness(ctx), "target")


@_market_fact(
    "guppi.target",
    "double",
    "share of price",
    "GUPPI of the target's product: diversion to the acquirer × the acquirer's margin × the "
    "acquirer's price / the target's price",
    "2010 HMG § 6.1",
)
def _guppi_target(ctx: FactContext) -> Value:
    return _guppi(_closeness(ctx), "acquirer")


@_market_fact(
    "head_to_head",
    "bool",
    "yes/no",
    "win/loss or bidding data show the parties competing head to head (false: they rarely meet)",
    "MG 2023 §2.2",
)
def _head_to_head(ctx: FactContext) -> Value:
    c = _closeness(ctx)
    if c is None or c.head_to_head is None:
        return unknown("the file gives no win/loss or bidding evidence for this market")
    return known(c.head_to_head, source_ids(c.source))


@_market_fact(
    "documents.rival",
    "list",
    "statements",
    "ordinary-course documents in which a party names the other as a rival ([] when the file "
    "states there are none)",
    "MG 2023 §2.2",
)
def _documents(ctx: FactContext) -> Value:
    c = _closeness(ctx)
    if c is None or c.documents is None:
        return unknown("the file lists no ordinary-course documents for this market")
    names = [f"{ctx.name(d.by)}: {d.statement}" for d in c.documents]
    return known(names, [s for d in c.documents for s in source_ids(d.source)])
