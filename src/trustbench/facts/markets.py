"""Market facts, computed once per relevant market (rules with ``each: market``)."""

from __future__ import annotations

from collections.abc import Callable

from trustbench.facts.concentration import (
    hhi,
    merger_delta,
    stake_mhhi_delta,
)
from trustbench.facts.context import FactContext
from trustbench.facts.registry import F, FactType, Value, fact, known, unknown
from trustbench.facts.structure import reported
from trustbench.model.bounds import Range, monotone, plus
from trustbench.model.deal import Market
from trustbench.model.types import exact, source_ids

_Q_SHARES = (
    "What are the shares of all firms in the {market} market (with the share held "
    "by firms too small to list), and on what basis (sales, volume, capacity)?"
)


def _market(ctx: FactContext) -> Market:
    if ctx.market is None:
        raise LookupError("market facts need a market")
    return ctx.market


def _share(ctx: FactContext, entity: str) -> Value:
    """A listed participant's share (unknown if not given); an entity the deal file states to
    be outside the market (``excluded``) has none, even on a partial list; an entity the deal
    file does not list as active in the market has none (the list says who is active, as for
    overlaps), unless the list is partial."""
    market = _market(ctx)
    for p in market.participants:
        if p.entity == entity:
            return Value(p.share, source_ids(p.source) or source_ids(market.source))
    for x in market.excluded:
        if x.entity == entity:
            why = f": {x.note}" if x.note else ""
            return known(
                0.0, source_ids(x.source), f"{ctx.name(entity)} is stated outside this market{why}"
            )
    if market.partial:
        return unknown(
            f"{ctx.name(entity)} is not listed, and the list of participants is partial",
            source_ids(market.source),
        )
    return known(
        0.0, source_ids(market.source), f"{ctx.name(entity)} is not listed as active in this market"
    )


def _complete(market: Market) -> bool:
    shares = [exact(p.share) for p in market.participants]
    if market.partial or any(s is None for s in shares):
        return False
    return abs(sum(s for s in shares if s is not None) + (market.fringe or 0.0) - 1.0) < 0.005


def _market_fact(
    name: str, type_: FactType, unit: str, doc: str, test: str = ""
) -> Callable[[F], F]:
    return fact(
        f"market.{name}",
        type_,
        unit,
        doc,
        test=test,
        scope="market",
        question=_Q_SHARES,
        topic="Markets",
    )


@_market_fact("name", "string", "text", "the market's name", "names the market a finding is about")
def _name(ctx: FactContext) -> Value:
    return known(_market(ctx).name)


@_market_fact(
    "share.acquirer",
    "double",
    "share",
    "the acquirer's share of the market before the deal",
    "MG 2023 §2.1",
)
def _share_acquirer(ctx: FactContext) -> Value:
    return _share(ctx, ctx.acquirer)


@_market_fact(
    "share.target",
    "double",
    "share",
    "the target's share of the market before the deal",
    "MG 2023 §2.1",
)
def _share_target(ctx: FactContext) -> Value:
    return _share(ctx, ctx.target)


@_market_fact(
    "overlap",
    "bool",
    "yes/no",
    "both the acquirer and the target are active in the market",
    "MG 2023 §2.1",
)
def _overlap(ctx: FactContext) -> Value:
    ids = {p.entity for p in _market(ctx).participants}
    return known(ctx.acquirer in ids and ctx.target in ids, source_ids(_market(ctx).source))


def _pair(ctx: FactContext) -> tuple[Value, Value, tuple[str, ...]]:
    a, t = ctx.get("market.share.acquirer"), ctx.get("market.share.target")
    return a, t, (*a.sources, *t.sources)


@_market_fact(
    "share.merged",
    "double",
    "share",
    "the combined share of acquirer and target",
    "MG 2023 §2.1 (30 % share prong)",
)
def _merged(ctx: FactContext) -> Value:
    a, t, src = _pair(ctx)
    total = plus(a.value, t.value) if a.known and t.known else None
    if total is not None:
        return known(total, src)
    return reported(ctx, "combined_share", unknown(sources=src))


@_market_fact(
    "hhi.before",
    "double",
    "HHI points",
    "the Herfindahl-Hirschman index before the deal (Σ of squared shares; listed "
    "fringe firms count as atomistic)",
    "MG 2023 §2.1",
)
def _hhi_before(ctx: FactContext) -> Value:
    market = _market(ctx)
    if not _complete(market):
        return reported(
            ctx,
            "hhi_before",
            unknown(
                "the shares of all firms in the market are not given", source_ids(market.source)
            ),
        )
    shares = [exact(p.share) or 0.0 for p in market.participants]
    sources = [s for p in market.participants for s in source_ids(p.source)]
    return known(hhi(shares), (*source_ids(market.source), *sources))


@_market_fact(
    "hhi.delta",
    "double",
    "HHI points",
    "the change in HHI if acquirer and target combine: 2·s₁·s₂",
    "MG 2023 §2.1",
)
def _hhi_delta(ctx: FactContext) -> Value:
    a, t, src = _pair(ctx)
    if _either_zero(a, t):
        return known(0.0, src, "only one of the parties is active in this market")
    delta = monotone(merger_delta, a.value, t.value) if a.known and t.known else None
    if delta is not None:
        return known(delta, src)
    return reported(ctx, "hhi_delta", unknown(sources=src))


def _ranged(*values: Value) -> bool:
    return any(isinstance(v.value, Range) for v in values)


def _either_zero(a: Value, t: Value) -> bool:
    return (a.known and a.value == 0) or (t.known and t.value == 0)


@_market_fact(
    "hhi.after",
    "double",
    "HHI points",
    "the HHI after acquirer and target combine",
    "MG 2023 §2.1 (HHI > 1,800)",
)
def _hhi_after(ctx: FactContext) -> Value:
    before, delta = ctx.get("market.hhi.before"), ctx.get("market.hhi.delta")
    src = (*before.sources, *delta.sources)
    total = plus(before.value, delta.value) if before.known and delta.known else None
    if total is not None and not _ranged(before, delta):
        return known(total, src, _joined(before.note, delta.note))
    fallback = known(total, src, _joined(before.note, delta.note)) if total is not None else None
    return reported(ctx, "hhi_after", fallback or unknown(sources=src))


def _joined(*notes: str | None) -> str | None:
    return "; ".join(n for n in notes if n) or None


def _register_mhhi(model: str) -> None:
    @_market_fact(
        f"mhhi.delta.{model}",
        "double",
        "HHI points",
        f"O'Brien–Salop MHHI delta of the acquirer's equity stake in the target under "
        f"the {model} control assumption",
        "MG 2023 §2.11; O'Brien & Salop (2000)",
    )
    def _mhhi(ctx: FactContext) -> Value:
        a, t, src = _pair(ctx)
        stake = ctx.get("acquirer.equity.after")
        if _either_zero(a, t):
            return known(0.0, src, "only one of the parties is active in this market")
        if not (a.known and t.known and stake.known) or _ranged(a, t, stake):
            return unknown(sources=(*src, *stake.sources))
        value = stake_mhhi_delta(a.value, t.value, stake.value, model)
        return known(value, (*src, *stake.sources))


for _model in ("silent", "proportional", "total"):
    _register_mhhi(_model)
