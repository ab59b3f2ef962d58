"""HSR acquisitions of assets (15 U.S.C. § 18a(a): "voting securities or assets"): whether
what moves to the acquirer is an acquisition of assets of the acquired person, and its value,
which counts towards the size of transaction with the voting securities held (16 CFR
801.13). What counts [R: the Premerger Notification Office's practice, recalled]:

- a business line, intellectual property, customer contracts or other property bought from
  the target's side: assets;
- an exclusive licence of the target's technology or IP: an acquisition of assets (the
  exclusive right is property; 16 CFR 801.2(g) codifies it for pharmaceutical patents);
- a non-exclusive licence: not an acquisition of assets;
- hiring the target's staff: not, by itself, an acquisition of assets (employees are not
  property of the target), though what they bring with them may be.

The value is the price stated in the file (801.10(b) values assets at the greater of fair
market value and the acquisition price: a stated price is a lower bound of it [R]).
"""

from __future__ import annotations

from trustbench.facts.context import FactContext
from trustbench.facts.registry import Value, fact, known, unknown
from trustbench.model.bounds import plus
from trustbench.model.deal import AcquireAssets
from trustbench.model.transaction import Contract
from trustbench.model.types import Money, source_ids

_Q = (
    "What does the acquirer take from the target besides shares — a business line, IP, "
    "customer contracts, an exclusive or non-exclusive licence, staff — and what does it pay "
    "for each?"
)


def _asset_steps(ctx: FactContext) -> list[AcquireAssets]:
    t = ctx.deal.transaction
    return [
        s
        for s in t.steps
        if isinstance(s, AcquireAssets)
        and (s.buyer or t.acquirer) == t.acquirer
        and set(s.assets) - {"staff"}
    ]


def _licences(ctx: FactContext) -> list[Contract]:
    return [
        s
        for s in ctx.deal.transaction.steps
        if isinstance(s, Contract) and s.contract_type == "licence"
    ]


def _items(ctx: FactContext) -> tuple[list[tuple[Money | None, tuple[str, ...]]], bool]:
    """(value, sources) of every acquisition of assets, and whether a licence's exclusivity
    is not stated (which leaves the answer open)."""
    items = [(s.value, tuple(source_ids(s.source))) for s in _asset_steps(ctx)]
    open_ = False
    for lic in _licences(ctx):
        if lic.exclusive:
            items.append((lic.value, tuple(source_ids(lic.source))))
        open_ = open_ or lic.exclusive is None
    return items, open_


@fact(
    "hsr.assets.acquired",
    "bool",
    "yes/no",
    "the deal acquires assets of the target for HSR purposes: a business line, IP, customer "
    "contracts or other property, or an exclusive licence (not staff alone, not a "
    "non-exclusive licence)",
    test="15 U.S.C. § 18a(a); 16 CFR 801.2, 801.13",
    question=_Q,
    topic="The transaction",
)
def _acquired(ctx: FactContext) -> Value:
    items, open_ = _items(ctx)
    sources = [s for _, src in items for s in src]
    if items:
        return known(True, sources)
    if open_:
        return unknown("whether the licence in the deal is exclusive is not given")
    staff = any(
        isinstance(s, AcquireAssets) and s.assets == ["staff"] for s in ctx.deal.transaction.steps
    )
    note = "staff alone is not an acquisition of assets" if staff else None
    return known(False, sources, note)


@fact(
    "hsr.assets.value.usd",
    "double",
    "USD",
    "the price of the assets the deal acquires for HSR purposes (0 when it acquires none)",
    test="16 CFR 801.10(b), 801.13(b)",
    question=_Q,
    topic="The transaction",
)
def _value(ctx: FactContext) -> Value:
    items, open_ = _items(ctx)
    if not items:
        if open_:
            return unknown("whether the licence in the deal is exclusive is not given")
        return known(0.0, note="no assets are acquired")
    total, sources = 0.0, list[str]()
    for amount, src in items:
        value = ctx.convert(amount, "USD", src)
        if not value.known:
            return unknown(value.note or "the price of an asset acquisition is not given", src)
        total += value.value
        sources.extend(value.sources)
    return known(total, sources)


@fact(
    "hsr.size_of_transaction.total.usd",
    "double",
    "USD",
    "the HSR size of transaction: the voting securities of the target the acquiring person "
    "will hold plus the assets it acquires (hsr.size_of_transaction.usd + "
    "hsr.assets.value.usd)",
    test="15 U.S.C. § 18a(a)(2); 16 CFR 801.13",
    question=_Q,
    topic="The transaction",
)
def _total(ctx: FactContext) -> Value:
    votes = ctx.get("hsr.size_of_transaction.usd")
    assets = ctx.get("hsr.assets.value.usd")
    if not (votes.known and assets.known):
        missing = votes if not votes.known else assets
        return unknown(missing.note, (*votes.sources, *assets.sources))
    note = "; ".join(n for n in (votes.note, assets.note) if n) or None
    total = plus(votes.value, assets.value)
    if total is None:
        return unknown("bounds that do not add up to one", (*votes.sources, *assets.sources))
    return known(total, (*votes.sources, *assets.sources), note)
