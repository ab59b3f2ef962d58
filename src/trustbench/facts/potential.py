"""The elements of Guideline 4 (MG 2023 § 2.4), read from the market's ``potential_entrants``
for a party that could enter the market where the other party is active.

Actual potential competition (§ 2.4.A): a reasonable probability that the party would have
entered other than through the merger (stated, or denied where it lacked the available
feasible means to enter), and that its entry would have deconcentrated the market or brought
other significant procompetitive effects. Perceived potential competition (§ 2.4.B): current
market participants could reasonably consider the party a potential entrant, and that
perception is likely to influence their conduct.

Each element is true if a party-entrant of that kind shows it, false if every one denies it
(or none of that kind is named, on a stated list), and unknown otherwise or when the file
does not say who could enter.
"""

from __future__ import annotations

from collections.abc import Callable

from trustbench.facts.context import FactContext
from trustbench.facts.registry import Value, known, unknown
from trustbench.facts.structure import _Q_ENTRY as _Q
from trustbench.facts.structure import _market_fact
from trustbench.model.market import Entrant
from trustbench.model.types import source_ids


def _party_entrants(ctx: FactContext, kind: str) -> list[Entrant] | None:
    market = ctx.market
    if market is None or market.potential_entrants is None:
        return None
    active = {p.entity for p in market.participants}
    parties = {ctx.acquirer, ctx.target}
    return [
        e
        for e in market.potential_entrants
        if e.kind == kind and e.entity in parties and (parties - {e.entity}) & active
    ]


def _element(ctx: FactContext, kind: str, read: Callable[[Entrant], bool | None]) -> Value:
    entrants = _party_entrants(ctx, kind)
    if entrants is None:
        return unknown("the deal file does not say which firms could enter this market")
    market_sources = source_ids(ctx.market.source) if ctx.market else []
    if not entrants:
        return known(False, market_sources, f"no party is named as an {kind} potential entrant")
    readings = [(e, read(e)) for e in entrants]
    shown = [e for e, v in readings if v is True]
    if shown:
        return known(True, [x for e in shown for x in source_ids(e.source)])
    if all(v is False for _, v in readings):
        return known(False, [x for e in entrants for x in source_ids(e.source)])
    return unknown("the file does not state it for the party named", market_sources)


def _likely(e: Entrant) -> bool | None:
    if e.entry_likely is not None:
        return e.entry_likely
    return False if e.feasible_means is False else None


_ELEMENTS: tuple[tuple[str, str, str, Callable[[Entrant], bool | None]], ...] = (
    (
        "actual.likely",
        "actual",
        "a party had a reasonable probability of entering the market other than through the "
        "merger (not where it lacked the available feasible means)",
        _likely,
    ),
    (
        "actual.deconcentrating",
        "actual",
        "a party's entry would likely have deconcentrated the market or brought other "
        "significant procompetitive effects",
        lambda e: e.deconcentrating,
    ),
    (
        "perceived.perceived",
        "perceived",
        "firms in the market could reasonably consider a party a potential entrant",
        lambda e: e.perceived,
    ),
    (
        "perceived.constraining",
        "perceived",
        "the perception of a party as a potential entrant is likely to influence the conduct "
        "of firms in the market",
        lambda e: e.constraining,
    ),
)


def _register(name: str, kind: str, doc: str, read: Callable[[Entrant], bool | None]) -> None:
    pinpoint = "MG 2023 §2.4.A" if kind == "actual" else "MG 2023 §2.4.B"

    @_market_fact(f"potential_entrant.{name}", "bool", "yes/no", doc, pinpoint, _Q)
    def _compute(ctx: FactContext) -> Value:
        return _element(ctx, kind, read)


for _spec in _ELEMENTS:
    _register(*_spec)
