"""Continuous levers: where along a lever each rule turns, found by evaluation.

For a lever (say the equity stake) the rules whose facts move at all between the lever's
ends are probed at the values where a pack's thresholds lie (each share or money parameter
``p``, just below and just above it), and where two neighbouring probes still disagree
the gap is bisected down to a tolerance. What comes out is, per rule, the status on each
stretch of the lever and the exact value where it turns.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from trustbench.whatif.engine import INVALID, Evaluator, Patch, Unbuildable
from trustbench.whatif.levers import Lever, Move, moves

SHARE_EPS = 1e-4
MONEY_REL = 1e-6
MAX_BISECT = 24


@dataclass(frozen=True)
class Turn:
    """``rule`` has ``left`` at ``low`` and ``right`` at ``high`` (nothing probed between)."""

    rule: str
    low: float
    high: float
    left: str
    right: str


class LeverProbe:
    """Probes one continuous lever on one part of the deal."""

    def __init__(self, ev: Evaluator, lever: Lever, item_move: Move) -> None:
        self.ev, self.lever = ev, lever
        self.item = item_move.item
        self.base = float(item_move.base or 0.0)
        self._moves: dict[float, Move] = {}

    def move(self, value: float) -> Move:
        value = round(value, 6) if self.lever.set != "consideration" else round(value, 2)
        found = self._moves.get(value)
        if found is None:
            candidates = [m for m in moves(self.ev.deal, self.lever, value) if m.item == self.item]
            found = self._moves[value] = candidates[0]
        return found

    def patch(self, value: float) -> Patch:
        return self.move(value).changes

    def bounds(self) -> tuple[float, float]:
        lo, hi = self.lever.range or (0.0, None)
        return float(lo), float(hi if hi is not None else self.base)

    def sensitive(self, rules: list[str]) -> list[str]:
        """The rules some of whose facts differ at either end of the lever."""
        lo, hi = self.bounds()
        patches = [self.patch(v) for v in (lo, hi) if abs(v - self.base) > 1e-12]
        out = []
        for rid in rules:
            base = self._facts((), rid)
            if any(self._facts(p, rid) != base for p in patches):
                out.append(rid)
        return out

    def _facts(self, patch: Patch, rid: str) -> list[object]:
        compiled = self.ev.rule_pack[rid].rules[rid].compiled
        if compiled is None:
            return []
        try:
            ctx = self.ev.context(patch)
        except Unbuildable:
            return [INVALID]
        contexts = [ctx]
        if self.ev.rule_pack[rid].rules[rid].rule.each == "market":
            contexts = [self.ev.market(ctx, i) for i in range(len(ctx.deal.markets))]
        pack = self.ev.rule_pack[rid]
        resolved = self.ev.resolved[pack.id]
        names = [n for n in pack.leaves(compiled.names) if n not in resolved]
        return [c.get(n).value for c in contexts for n in names]

    def probes(self, rid: str) -> list[float]:
        """The lever's ends, the deal's value, and each threshold of the rule's own
        parameters (at, just below and just above it)."""
        lo, hi = self.bounds()
        step = SHARE_EPS if self.lever.set != "consideration" else 0.01
        points = {lo, lo + step, hi - step, hi, self.base}
        for p in self._thresholds(rid):
            eps = SHARE_EPS if self.lever.set != "consideration" else max(p * MONEY_REL, 0.01)
            points.update(v for v in (p - eps, p, p + eps) if lo <= v <= hi)
        return sorted(points)

    def _thresholds(self, rid: str) -> set[float]:
        out: set[float] = set()
        compiled = self.ev.rule_pack[rid].rules[rid].compiled
        pack = self.ev.rule_pack[rid]
        names = set(pack.leaves(compiled.names)) if compiled is not None else set()
        ctx = self.ev.context(())
        currency = (
            ctx.currency
            if self.ev.deal.transaction.value is None
            else (self.ev.deal.transaction.value.currency or ctx.currency)
        )
        for uses in self.ev.resolved.values():
            for use in uses.values():
                if use.name not in names:
                    continue
                value = use.value
                if not isinstance(value, int | float) or isinstance(value, bool):
                    continue
                if self.lever.set != "consideration":
                    if use.unit == "share" and 0 < value < 1:
                        out.add(float(value))
                elif use.unit == currency:
                    out.add(float(value))
                elif len(use.unit) == 3 and use.unit.isupper():
                    rate = ctx.rate(use.unit, currency)
                    if rate is not None:
                        out.add(float(value) * rate.rate)
        return out

    def turns(self, rid: str) -> list[Turn]:
        """Where ``rid`` turns along the lever, each gap bisected down to the tolerance."""
        points = self.probes(rid)
        statuses = [self.ev.status(self.patch(v), rid) for v in points]
        out = []
        for i in range(len(points) - 1):
            if INVALID in (statuses[i], statuses[i + 1]):
                continue  # where the lever leaves the possible deals, nothing turns
            if statuses[i] != statuses[i + 1]:
                out.append(
                    self._bisect(rid, points[i], points[i + 1], statuses[i], statuses[i + 1])
                )
        return out

    def _bisect(self, rid: str, a: float, b: float, sa: str, sb: str) -> Turn:
        tol = SHARE_EPS if self.lever.set != "consideration" else max(self.base * 1e-3, 1.0)
        for _ in range(MAX_BISECT):
            if b - a <= tol * 1.0001:
                break
            mid = (a + b) / 2
            sm = self.ev.status(self.patch(mid), rid)
            if sm == sa:
                a = mid
            elif sm == sb:
                b = mid
            else:  # a third status in between: keep the nearer turn
                b, sb = mid, sm
        if self.lever.set != "consideration":  # on the grid of the tolerance
            a, b = math.floor(a / SHARE_EPS) * SHARE_EPS, math.ceil(b / SHARE_EPS) * SHARE_EPS
        return Turn(rid, round(a, 6), round(b, 6), sa, sb)
