"""Market facts, computed once per relevant market (rules with ``each: market``)."""

from __future__ import annotations

from collections.abc import Callable

import networkx as nx

from trustbench.facts.concentration import (
    Link,
    hhi,
    merger_delta,
    mhhi_weights,
    stake_mhhi_delta,
)
from trustbench.facts.context import FactContext
from trustbench.facts.registry import FactType, Value, fact, known, unknown
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
    """A listed participant's share (unknown if not given); an entity the deal file does not
    list as active in the market has none (the list says who is active, as for overlaps)."""
    market = _market(ctx)
    for p in market.participants:
        if p.entity == entity:
            return Value(p.share, source_ids(p.source) or source_ids(market.source))
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
) -> Callable[[Callable[[FactContext], Value]], Callable[[FactContext], Value]]:
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


@_market_fact("name", "string", "text", "the market's name")
def _name(ctx: FactContext) -> Value:
    return known(_market(ctx).name)


@_market_fact("kind", "string", "text", "'product' or 'input'")
def _kind(ctx: FactContext) -> Value:
    return known(_market(ctx).kind)


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
        if not (a.known and t.known and stake.known) or _ranged(a, t):
            return unknown(sources=(*src, *stake.sources))
        value = stake_mhhi_delta(a.value, t.value, stake.value, model)
        return known(value, (*src, *stake.sources))


for _model in ("silent", "proportional", "total"):
    _register_mhhi(_model)


# -- common ownership ------------------------------------------------------------------------

_Q_OWNERS = (
    "Who holds shares in the firms of the {market} market (including the target and "
    "its rivals): each investor's equity and voting share of each firm?"
)


def _links(
    ctx: FactContext, phase: str, firms: set[str]
) -> tuple[list[Link], list[Link], tuple[str, ...]] | str:
    """The holdings that lie upstream of ``firms`` (equity links, voting links, sources), or
    the reason they cannot be used. A holding of unknown size matters only if it is linked,
    through holdings, to two firms of the market; otherwise no owner can reach both and it
    is left out."""
    graph = ctx.interests(phase).holdings
    upstream = set(firms).union(*(nx.ancestors(graph, f) for f in firms if f in graph))
    linked = graph.subgraph(upstream & set(graph)).to_undirected()
    firms_near = {n: len(firms & comp) for comp in nx.connected_components(linked) for n in comp}
    equity: list[Link] = []
    voting: list[Link] = []
    sources: list[str] = []
    for holder, issuer, data in ctx.phase(phase).edges("holds"):
        if issuer not in upstream:
            continue
        if data.get("equity") is None or data.get("voting") is None:
            if firms_near.get(issuer, 0) < 2:
                continue
            return (
                f"the equity or voting share {ctx.name(holder)} holds in "
                f"{ctx.name(issuer)} is not given"
            )
        equity.append((holder, issuer, float(data["equity"])))
        voting.append((holder, issuer, float(data["voting"])))
        sources.extend(data.get("source", ()))
    return equity, voting, tuple(sources)


def _common_mhhi(ctx: FactContext, phase: str) -> Value:
    market = _market(ctx)
    if not ctx.declared("holdings"):
        return unknown("the deal file has no `holdings` section")
    firms = {p.entity: p for p in market.participants}
    links = _links(ctx, phase, set(firms))
    if isinstance(links, str):
        return unknown(links)
    equity, voting, sources = links
    try:
        weights = mhhi_weights(sorted(firms), equity, voting)
    except ValueError as exc:
        return unknown(str(exc), sources)
    total = 0.0
    for (j, k), w in sorted(weights.items()):
        sj, sk = exact(firms[j].share), exact(firms[k].share)
        if sj is None or sk is None:
            missing = ctx.name(j if sj is None else k)
            return unknown(
                f"{missing}'s share is not given and it shares owners with a rival", sources
            )
        total += (100 * sj) * (100 * sk) * w
        sources = (*sources, *source_ids(firms[j].source), *source_ids(firms[k].source))
    note = None if weights else "no investor holds stakes in two firms of the market"
    return known(total, (*source_ids(market.source), *sources), note)


def _common_owners(ctx: FactContext, phase: str) -> Value:
    """Investors with an equity interest in both the target and another firm of the market,
    outside the groups of those firms (a firm's own parent is the firm, not a common owner)."""
    market = _market(ctx)
    firms = {p.entity for p in market.participants}
    if not ctx.declared("holdings"):
        return unknown("the deal file has no `holdings` section")
    if ctx.target not in firms:
        return known([], source_ids(market.source), "the target is not active in this market")
    interests = ctx.interests(phase)
    graph = interests.holdings
    rivals = firms - {ctx.target}
    candidates = nx.ancestors(graph, ctx.target) & set().union(
        *(nx.ancestors(graph, r) for r in rivals if r in graph)
    )
    found: list[str] = []
    for investor in sorted(candidates):
        if interests.group(investor) & firms:
            continue
        in_target = interests.interest(investor, ctx.target, "equity")
        in_rivals = [interests.interest(investor, r, "equity") for r in sorted(rivals)]
        if in_target is None or any(v is None for v in in_rivals):
            return unknown(
                f"{ctx.name(investor)}'s equity interest in a firm of the market is not given"
            )
        if in_target > 0 and any(v for v in in_rivals):
            found.append(ctx.name(investor))
    return known(found, source_ids(market.source))


def _register_common(phase: str) -> None:
    @fact(
        f"market.mhhi.delta.common.{phase}",
        "double",
        "HHI points",
        "the O'Brien–Salop MHHI delta of all cross- and common ownership among the firms of "
        f"the market {phase} the deal, under proportional control (β = equity, γ = votes; "
        "a non-voting stake is a silent financial interest); 0 when no owner links two "
        "firms",
        test="MG 2023 §2.11 (common ownership); O'Brien & Salop (2000)",
        question=_Q_OWNERS,
        topic="Markets",
        scope="market",
    )
    def _mhhi(ctx: FactContext) -> Value:
        return _common_mhhi(ctx, phase)

    @fact(
        f"market.common_owners.{phase}",
        "list",
        "names",
        f"investors holding equity, directly or indirectly, in both the target and a rival "
        f"in the market {phase} the deal (outside the groups of the firms themselves)",
        test="MG 2023 §2.11 (common ownership)",
        question=_Q_OWNERS,
        topic="Markets",
        scope="market",
    )
    def _owners(ctx: FactContext) -> Value:
        return _common_owners(ctx, phase)


for _phase in ("before", "after"):
    _register_common(_phase)
