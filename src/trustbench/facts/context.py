"""The context facts are computed in: the deal, its graph, FX, and a cache."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, TypeVar, cast

from trustbench.facts.registry import REGISTRY, Coords, Definition, Value, known, unknown
from trustbench.graph import Interests, Phase, TransactionGraph, build
from trustbench.model.bounded import MoneyBound
from trustbench.model.deal import Deal, Entity, Figure, Market
from trustbench.model.seats import seats_as_of
from trustbench.model.types import Money, format_money, source_ids

T = TypeVar("T")


@dataclass(frozen=True)
class Rate:
    """A conversion actually used: 1 ``base`` = ``rate`` ``quote`` on ``date``."""

    base: str
    quote: str
    rate: float
    date: dt.date
    sources: tuple[str, ...]

    def text(self) -> str:
        return f"1 {self.base} = {self.rate:.4f} {self.quote} ({self.date.isoformat()})"


@dataclass
class FactContext:
    """Computes facts lazily, once each, for one deal (and optionally one market)."""

    deal: Deal
    graph: TransactionGraph
    as_of: dt.date
    market: Market | None = None
    _cache: dict[tuple[str, Coords], Value] = field(default_factory=dict)
    _parent: FactContext | None = None
    _memo: dict[tuple[str, ...], Any] = field(default_factory=dict)

    @classmethod
    def for_deal(cls, deal: Deal, as_of: dt.date | None = None) -> FactContext:
        """The context of ``deal`` as of a date: its boards as they stand then (a seat the
        timeline ends on or before it is not held, :mod:`trustbench.model.seats`)."""
        when = as_of or deal.case.as_of
        seated = seats_as_of(deal, when) or deal
        return cls(seated, build(seated), when)

    def for_market(self, market: Market) -> FactContext:
        return FactContext(self.deal, self.graph, self.as_of, market, _parent=self)

    def get(self, name: str) -> Value:
        """The value of a fact by the name rules use (``turnover.acquirer.eu.eur``)."""
        spec = REGISTRY[name]
        return self._value(spec.definition, spec.coords)

    def of(self, definition: str, **coords: str) -> Value:
        """The value of a definition at any point of its dimensions, named or not:
        ``ctx.of("acquirer.board.seats", phase="before")``."""
        found = REGISTRY.definitions[definition]
        point = tuple(sorted(coords.items()))
        found.check(point)
        return self._value(found, point)

    def _value(self, definition: Definition, coords: Coords) -> Value:
        key = (definition.id, coords)
        if key in self._cache:
            return self._cache[key]
        if definition.scope == "deal" and self._parent is not None:
            return self._parent._value(definition, coords)
        value = definition.compute(self, dict(coords))
        self._cache[key] = value
        return value

    # -- shared helpers for fact modules ---------------------------------------------------
    def memo(self, key: tuple[str, ...], compute: Callable[[], T]) -> T:
        """``compute()``, once per deal: for a deal-wide intermediate several facts read
        (a register of the target's holders costs a pass over all of them)."""
        root = self._parent or self
        if key not in root._memo:
            root._memo[key] = compute()
        return cast(T, root._memo[key])

    @property
    def acquirer(self) -> str:
        return self.deal.transaction.acquirer

    @property
    def target(self) -> str:
        return self.deal.transaction.target

    def phase(self, name: str) -> Phase:
        return self.graph.phase(name)

    @cached_property
    def _interests(self) -> dict[str, Interests]:
        root = self._parent or self
        if root is not self:
            return root._interests
        return {"before": Interests(self.graph.before), "after": Interests(self.graph.after)}

    def interests(self, phase: str) -> Interests:
        return self._interests[phase]

    def entity(self, entity_id: str) -> Entity:
        return self.deal.entity(entity_id)

    def name(self, entity_id: str) -> str:
        return self.deal.name(entity_id)

    def declared(self, section: str) -> bool:
        """Whether the deal file has the section at all. An absent section is unknown; an
        empty one (``rights: []``) states that there is nothing to list."""
        return section in self.deal.model_fields_set

    @property
    def currency(self) -> str:
        return self.deal.case.currency

    # -- money -----------------------------------------------------------------------------
    def rate(self, base: str, quote: str) -> Rate | None:
        """The latest rate on or before the as-of date, directly or inverted."""
        best: Rate | None = None
        for fx in self.deal.fx:
            if fx.date > self.as_of:
                continue
            if (fx.from_, fx.to) == (base, quote):
                cand = Rate(base, quote, fx.rate, fx.date, source_ids(fx.source))
            elif (fx.from_, fx.to) == (quote, base):
                cand = Rate(base, quote, 1 / fx.rate, fx.date, source_ids(fx.source))
            else:
                continue
            if best is None or cand.date > best.date:
                best = cand
        return best

    def convert(
        self,
        money: Money | MoneyBound | None,
        quote: str,
        sources: tuple[str, ...] = (),
        *,
        bounds: bool = False,
    ) -> Value:
        """``money`` in ``quote`` at the case's dated rate. An amount given only as a bound is
        a :class:`Range` when the caller can carry one (``bounds=True``), else unknown."""
        if money is None:
            return unknown()
        if isinstance(money, MoneyBound):
            return self._convert_bound(money, quote, sources, bounds)
        base = money.currency or self.currency
        if base == quote:
            return known(money.amount, sources)
        rate = self.rate(base, quote)
        if rate is None:
            return unknown(f"no {base}/{quote} rate on or before {self.as_of.isoformat()}", sources)
        return known(
            money.amount * rate.rate,
            (*sources, *rate.sources),
            f"{format_money(money.amount, base)} converted at {rate.text()}",
        )

    def _convert_bound(
        self, money: MoneyBound, quote: str, sources: tuple[str, ...], bounds: bool
    ) -> Value:
        text = money.text(self.currency)
        if not bounds:
            return unknown(f"only a bound is given: {text}", sources)
        base = money.currency or self.currency
        if base == quote:
            return known(money.range, sources, f"given as {text}")
        rate = self.rate(base, quote)
        if rate is None:
            return unknown(f"no {base}/{quote} rate on or before {self.as_of.isoformat()}", sources)
        return known(
            money.range.scale(rate.rate, text=""),
            (*sources, *rate.sources),
            f"given as {text}, converted at {rate.text()}",
        )

    def figure(
        self, figures: list[Figure], geography: str, quote: str, *, bounds: bool = False
    ) -> Value:
        """The latest fiscal year's figure for a geography, converted to ``quote`` (a bound
        as a :class:`Range` with ``bounds=True``, else unknown)."""
        matches = [f for f in figures if f.geography.lower() == geography.lower()]
        if not matches:
            return unknown()
        latest = max(matches, key=lambda f: f.fiscal_year or 0)
        value = self.convert(latest.amount, quote, source_ids(latest.source), bounds=bounds)
        if value.known and latest.fiscal_year:
            note = f"fiscal year {latest.fiscal_year}" + (f"; {value.note}" if value.note else "")
            return known(value.value, value.sources, note)
        return value
