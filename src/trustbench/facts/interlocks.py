"""Clayton Act §8 facts: competing corporations, their capital and competitive sales."""

from __future__ import annotations

from trustbench.facts.context import FactContext
from trustbench.facts.governance import acquirer_group
from trustbench.facts.registry import Value, fact, known, unknown
from trustbench.model.types import Money, source_ids

_Q_S8 = ("For the acquirer and the target: capital, surplus and undivided profits at the end "
         "of the last fiscal year; total sales; and sales of products or services that compete "
         "with the other's.")


def _overlapping_markets(ctx: FactContext) -> list[str]:
    group = acquirer_group(ctx, "before")
    interests = ctx.interests("before")
    target_group = interests.group(interests.ultimate_parent(ctx.target))
    out = []
    for market in ctx.deal.markets:
        ids = {p.entity for p in market.participants}
        if market.kind == "product" and ids & group and ids & target_group:
            out.append(market.id)
    return out


@fact("parties.compete", "bool", "yes/no",
      "the acquirer's and the target's groups are both active in at least one product market "
      "of the deal file", test="Clayton §8 (competitors); MG 2023 §2.1, §2.11",
      question="Do the acquirer and the target sell products or services that compete?",
      topic="Markets")
def _compete(ctx: FactContext) -> Value:
    markets = _overlapping_markets(ctx)
    sources = [s for m in ctx.deal.markets if m.id in markets for s in source_ids(m.source)]
    if markets:
        return known(True, sources)
    return known(False) if ctx.declared("markets") else unknown()


@fact("parties.overlap_markets", "list", "names",
      "the product markets in which both parties are active", test="MG 2023 §2.1",
      topic="Markets")
def _overlap(ctx: FactContext) -> Value:
    ids = _overlapping_markets(ctx)
    return known([m.name for m in ctx.deal.markets if m.id in ids])


def _register(side: str) -> None:
    attr = "acquirer" if side == "acquirer" else "target"

    @fact(f"s8.capital.{side}.usd", "double", "USD",
          f"the {side}'s capital, surplus and undivided profits", test="15 U.S.C. § 19(a)(1)",
          question=_Q_S8, topic="Financials")
    def _capital(ctx: FactContext) -> Value:
        entity = ctx.entity(getattr(ctx, attr))
        return ctx.convert(entity.capital, "USD", source_ids(entity.source))

    @fact(f"s8.competitive_sales.{side}.usd", "double", "USD",
          f"the {side}'s sales in the product markets where both parties are active",
          test="15 U.S.C. § 19(a)(2)(A)–(C)", question=_Q_S8, topic="Financials")
    def _competitive(ctx: FactContext) -> Value:
        who = getattr(ctx, attr)
        ids = _overlapping_markets(ctx)
        total, sources = 0.0, []
        for market in ctx.deal.markets:
            if market.id not in ids:
                continue
            part = next((p for p in market.participants if p.entity == who), None)
            money: Money | None = part.sales if part else None
            value = ctx.convert(money, "USD", source_ids(part.source) if part else ())
            if not value.known:
                return unknown(f"the {side}'s sales in {market.name} are not given")
            total += value.value
            sources.extend(value.sources)
        return known(total, sources)

    @fact(f"s8.total_sales.{side}.usd", "double", "USD",
          f"the {side}'s total (worldwide) sales, latest fiscal year",
          test="15 U.S.C. § 19(a)(2)(B)–(C)", question=_Q_S8, topic="Financials")
    def _total(ctx: FactContext) -> Value:
        return ctx.figure(ctx.entity(getattr(ctx, attr)).revenues, "worldwide", "USD")

    @fact(f"s8.competitive_sales_ratio.{side}", "double", "share",
          f"the {side}'s competitive sales as a share of its total sales",
          test="15 U.S.C. § 19(a)(2)(B)–(C) (2 % and 4 % safe harbours)", question=_Q_S8,
          topic="Financials")
    def _ratio(ctx: FactContext) -> Value:
        comp = ctx.get(f"s8.competitive_sales.{side}.usd")
        total = ctx.get(f"s8.total_sales.{side}.usd")
        if not (comp.known and total.known) or not total.value:
            return unknown(sources=(*comp.sources, *total.sources))
        return known(comp.value / total.value, (*comp.sources, *total.sources))


_register("acquirer")
_register("target")
