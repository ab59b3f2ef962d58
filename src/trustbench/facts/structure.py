"""Market structure as decisions report it, potential entrants and buyer-side markets.

Decisions often give the HHI, the parties' combined share or the number of significant
competitors without every firm's share. The concentration facts of
:mod:`trustbench.facts.markets` fall back on these reported figures (:func:`reported`) when
the per-firm shares do not suffice, and their note says so.
"""

from __future__ import annotations

from collections.abc import Callable

from trustbench.facts.context import FactContext
from trustbench.facts.registry import FactType, Value, fact, known, unknown
from trustbench.model.bounds import Range
from trustbench.model.market import Market
from trustbench.model.types import exact, source_ids


def _market(ctx: FactContext) -> Market:
    if ctx.market is None:
        raise LookupError("market facts need a market")
    return ctx.market


def reported(ctx: FactContext, name: str, otherwise: Value) -> Value:
    """The market's reported figure ``name`` (a number or a bound) with its source, or
    ``otherwise`` when the deal file reports none."""
    market = _market(ctx)
    stated = market.reported
    value = getattr(stated, name, None) if stated is not None else None
    if value is None or stated is None:
        return otherwise
    sources = source_ids(stated.source) or source_ids(market.source)
    label = name.replace("_", " ")
    return known(value, sources, f"as reported ({label}), not computed from per-firm shares")


def _market_fact(
    name: str, type_: FactType, unit: str, doc: str, test: str, question: str
) -> Callable[[Callable[[FactContext], Value]], Callable[[FactContext], Value]]:
    return fact(
        f"market.{name}",
        type_,
        unit,
        doc,
        test=test,
        question=question,
        topic="Markets",
        scope="market",
    )


# The parties' rank and the top-N share feed the GWB § 18(6) facts below
# (market.share.top3.after, market.share.top5.after); the number of significant competitors
# is read by the deal model but no rule uses it yet.


_Q_ENTRY = (
    "Could the acquirer (or the target) have entered the {market} market on its own: with what "
    "means and plans, and would its entry have deconcentrated the market? Do the firms there "
    "see it as a potential entrant, and does that change what they do?"
)


def _entry(ctx: FactContext) -> tuple[str | None, tuple[str, ...]] | None:
    """The kind of entry ('actual' / 'perceived') by which one party is a potential entrant
    into the market where the other is active; ``(None, …)`` if neither is; ``None`` if the
    file does not say who could enter."""
    market = _market(ctx)
    if market.potential_entrants is None:
        return None
    active = {p.entity for p in market.participants}
    parties = {ctx.acquirer, ctx.target}
    found: list[str] = []
    sources: list[str] = list(source_ids(market.source))
    for entrant in market.potential_entrants:
        other = parties - {entrant.entity}
        if entrant.entity in parties and other & active:
            found.append(entrant.kind)
            sources.extend(source_ids(entrant.source))
    kind = "actual" if "actual" in found else (found[0] if found else None)
    return kind, tuple(sources)


@_market_fact(
    "potential_entrant",
    "bool",
    "yes/no",
    "one party could enter the market in which the other is active (actual or perceived "
    "potential competition)",
    "MG 2023 §2.4",
    _Q_ENTRY,
)
def _potential_entrant(ctx: FactContext) -> Value:
    entry = _entry(ctx)
    if entry is None:
        return unknown("the deal file does not say which firms could enter this market")
    return known(entry[0] is not None, entry[1])


@_market_fact(
    "potential_entrant.kind",
    "string",
    "text",
    "'actual' (the party would likely have entered) or 'perceived' (incumbents react to the "
    "threat) when a party is a potential entrant; '' when neither party is",
    "MG 2023 §2.4",
    _Q_ENTRY,
)
def _entrant_kind(ctx: FactContext) -> Value:
    entry = _entry(ctx)
    if entry is None:
        return unknown("the deal file does not say which firms could enter this market")
    return known(entry[0] or "", entry[1])


@_market_fact(
    "buyer_side",
    "bool",
    "yes/no",
    "the market is one where the parties compete as buyers (labour, input purchasing); "
    "its shares are shares of purchases",
    "MG 2023 §2.10",
    "Do the parties compete to buy labour or inputs in the {market} market?",
)
def _buyer_side(ctx: FactContext) -> Value:
    market = _market(ctx)
    return known(market.side == "buying" or market.kind == "labour", source_ids(market.source))


@_market_fact(
    "concentration.basis",
    "string",
    "text",
    "what the market's concentration figures rest on: 'per-firm shares' (computed from the "
    "shares of the firms listed) or 'reported figures' (HHI, ΔHHI or combined share as a "
    "decision or filing reports them)",
    "MG 2023 §2.1 (says which figures Guideline 1 used)",
    "What are the shares of all firms in the {market} market, or the HHI and ΔHHI a "
    "decision reports for it?",
)
def _basis(ctx: FactContext) -> Value:
    values = [ctx.get(f"market.{n}") for n in ("hhi.delta", "hhi.after", "share.merged")]
    if not any(v.known for v in values):
        return unknown("neither per-firm shares nor reported figures are in the file")
    stated = [v for v in values if v.known]
    reported_ = any((v.note or "").startswith("as reported") for v in stated)
    computed = any(not (v.note or "").startswith("as reported") for v in stated)
    label = {
        (True, False): "reported figures",
        (False, True): "per-firm shares",
        (True, True): "per-firm shares and reported figures",
    }[(reported_, computed)]
    return known(label, tuple(s for v in stated for s in v.sources))


def _top_after(ctx: FactContext, n: int) -> Value:
    """The combined share of the ``n`` largest firms once the parties combine, where the
    merged firm is one of them (0 where it is not): computed from a complete list of per-firm
    shares, or — a lower bound — from a reported top-``n`` share before the deal with the
    parties' reported rank (combining two firms never lowers the top-``n`` share)."""
    market = _market(ctx)
    merged = exact(ctx.get("market.share.merged").value)
    sources = source_ids(market.source)
    if _complete(market) and merged is not None:
        parties = {ctx.acquirer, ctx.target}
        others = [exact(p.share) or 0.0 for p in market.participants if p.entity not in parties]
        firms = sorted(others, reverse=True)
        if len([s for s in firms if s > merged]) >= n:
            return known(0.0, sources, f"the merged firm is not among the {n} largest")
        return known(merged + sum(firms[: n - 1]), sources)
    stated = market.reported
    top = stated.top if stated is not None else None
    if stated is None or top is None or top.firms != n or stated.rank is None:
        return unknown("the shares of all firms in the market are not given", sources)
    low = exact(top.share)
    if stated.rank > n:
        return known(0.0, source_ids(stated.source), f"the parties rank {stated.rank}")
    if low is None:
        return unknown("the reported top share is a range", sources)
    return known(
        Range(lo=low, hi=1.0, text=f">= {low:.0%}"),
        source_ids(stated.source) or sources,
        f"as reported (top {n} before the deal), a lower bound after it",
    )


def _complete(market: Market) -> bool:
    shares = [exact(p.share) for p in market.participants]
    if market.partial or None in shares:
        return False
    return abs(sum(s or 0.0 for s in shares) + (market.fringe or 0.0) - 1.0) < 0.005


def _register_top(n: int) -> None:
    @_market_fact(
        f"share.top{n}.after",
        "double",
        "share",
        f"the combined share of the {n} largest firms after the deal (the parties as one), "
        f"where the merged firm is one of them; 0 where it is not",
        "GWB § 18(6) (collective dominance presumptions)",
        "What are the shares of all firms in the {market} market (or the combined share of "
        f"its {n} largest firms)?",
    )
    def _top(ctx: FactContext) -> Value:
        return _top_after(ctx, n)


for _n in (3, 5):
    _register_top(_n)
