"""Evaluating a deal under many patches, sharing what can be shared.

The packs are loaded once and their parameters resolved once. Each patched deal gets its
own fact context (its graph differs), cached by the patch; each rule's status under a
patch is cached too, so the search asks for one rule at a time and pays only for the facts
that rule needs. :meth:`Evaluator.verdicts` re-evaluates the *whole* deal (every rule of
every pack) under a patch: that is how an option is verified. Statuses are those
:func:`trustbench.analysis.evaluate` gives (a test holds them equal); texts are not
rendered, which is where most of a full analysis's time goes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from trustbench.errors import TrustbenchError
from trustbench.expr import Outcome
from trustbench.facts import FactContext
from trustbench.model.deal import Deal
from trustbench.model.patch import apply_changes
from trustbench.model.scenarios import Change
from trustbench.rules.evaluate import STATUS, ParamUse, param_uses, resolved_for
from trustbench.rules.loader import Pack
from trustbench.rules.scope import Scope
from trustbench.scoring import band

Patch = tuple[Change, ...]
INVALID = "invalid"  # the status of every rule under a patch that makes no possible deal


class Unbuildable(Exception):
    """A patch gives a deal that cannot exist; the finder skips it."""


@dataclass(frozen=True)
class Verdict:
    """One jurisdiction under one patch: every rule's status and the summary answers."""

    jurisdiction: str
    statuses: dict[str, str]
    score: float
    band: str
    filing: str
    control: str


def patch_key(patch: Iterable[Change]) -> str:
    return "|".join(sorted(c.key() for c in patch))


class Evaluator:
    def __init__(self, deal: Deal, packs: list[Pack], as_of: dt.date | None = None) -> None:
        self.deal = deal
        self.packs = packs
        self.as_of = as_of or deal.case.as_of
        self.resolved: dict[str, dict[str, ParamUse]] = {
            p.id: param_uses(p, [f"params.{n}" for n in p.params], self.as_of) for p in packs
        }
        self.waived = {w.rule for w in deal.waivers}
        self.rule_pack = {rid: p for p in packs for rid in p.rules if rid not in p.disabled}
        self._contexts: dict[str, FactContext] = {}
        # keyed by the identity of a context; each entry holds its context, so that the
        # identity is not reused while the entry lives
        self._markets: dict[tuple[int, int], tuple[FactContext, FactContext]] = {}
        self._scopes: dict[tuple[int, str], tuple[FactContext, Scope]] = {}
        self._invalid: dict[str, str] = {}
        self._status: dict[tuple[str, str], str] = {}
        self.evaluations = 0  # patched deals built (for the benchmark)

    def context(self, patch: Patch) -> FactContext:
        """The patched deal's fact context; :class:`Unbuildable` if the patch makes a deal
        that cannot exist (an issuer held more than 100 %, say)."""
        key = patch_key(patch)
        if key in self._invalid:
            raise Unbuildable(self._invalid[key])
        ctx = self._contexts.get(key)
        if ctx is None:
            deal = apply_changes(self.deal, patch) if patch else self.deal
            self.evaluations += 1
            try:
                ctx = FactContext.for_deal(deal, self.as_of)
            except TrustbenchError as exc:
                self._invalid[key] = exc.message
                raise Unbuildable(exc.message) from None
            self._contexts[key] = ctx
        return ctx

    def status(self, patch: Patch, rid: str) -> str:
        """The rule's status under ``patch``, or :data:`INVALID`."""
        key = (patch_key(patch), rid)
        found = self._status.get(key)
        if found is None:
            try:
                found = self._evaluate(self.context(patch), rid)
            except Unbuildable:
                found = INVALID
            self._status[key] = found
        return found

    def _evaluate(self, ctx: FactContext, rid: str) -> str:
        pack = self.rule_pack[rid]
        loaded = pack.rules[rid]
        if loaded.compiled is None:
            return "unknown"
        if loaded.rule.each == "market":
            statuses = [
                self._once(loaded.compiled, self.market(ctx, i), pack)
                for i in range(len(ctx.deal.markets))
            ]
            if not statuses:
                return "unknown"
            for status in ("triggered", "unknown"):
                if status in statuses:
                    return status
            return "not_triggered"
        return self._once(loaded.compiled, ctx, pack)

    def _once(self, compiled: Any, ctx: FactContext, pack: Pack) -> str:
        return STATUS[self._outcome(compiled, ctx, pack).value]

    def market(self, ctx: FactContext, index: int) -> FactContext:
        """The context of a patched deal's ``index``-th market, made once: its market facts
        are then worked out once for all the rules that read them."""
        key = (id(ctx), index)
        found = self._markets.get(key)
        if found is None:
            found = self._markets[key] = (ctx, ctx.for_market(ctx.deal.markets[index]))
        return found[1]

    def _outcome(self, compiled: Any, ctx: FactContext, pack: Pack) -> Outcome:
        """The condition's outcome with the pack's definitions and rule references in
        scope, exactly as :func:`evaluate_pack` works it out. One scope per context and
        pack, as there: a definition is evaluated once per patched deal, not once for
        every rule that uses it. The parameters are those in force for that deal (a threshold
        dated by the acquisition is read on its date)."""
        key = (id(ctx), pack.id)
        found = self._scopes.get(key)
        if found is None:
            fact = ctx.get
            scope = Scope(
                pack, lambda name: fact(name).value, resolved_for(pack, ctx, self.as_of)[1]
            )
            found = self._scopes[key] = (ctx, scope)
        scope = found[1]
        outcome: Outcome = scope.expand(compiled.evaluate(scope.values(compiled)))
        return outcome

    def missing(self, patch: Patch, rid: str) -> tuple[str, ...]:
        """The facts that leave ``rid`` unknown under ``patch`` (what it then needs)."""
        pack = self.rule_pack[rid]
        loaded = pack.rules[rid]
        if loaded.compiled is None:
            return ()
        ctx = self.context(patch)
        contexts = [ctx]
        if loaded.rule.each == "market":
            contexts = [self.market(ctx, i) for i in range(len(ctx.deal.markets))]
        names = {n for c in contexts for n in self._outcome(loaded.compiled, c, pack).missing}
        return tuple(sorted(n for n in names if not n.startswith("params.")))

    def verdicts(self, patch: Patch = ()) -> dict[str, Verdict]:
        """The whole deal re-evaluated under ``patch``, per jurisdiction
        (:class:`Unbuildable` if the patch makes no possible deal)."""
        self.context(patch)
        out = {}
        for pack in self.packs:
            rules = sorted(r for r in pack.rules if r not in pack.disabled)
            statuses = {rid: self.status(patch, rid) for rid in rules}
            total = round(
                sum(
                    pack.rules[r].rule.weight
                    for r, s in statuses.items()
                    if s == "triggered" and r not in self.waived
                ),
                6,
            )
            out[pack.jurisdiction] = Verdict(
                pack.jurisdiction,
                statuses,
                total,
                band(pack, total),
                self._answer(pack, statuses, "filing"),
                self._answer(pack, statuses, "control"),
            )
        return out

    def _answer(self, pack: Pack, statuses: dict[str, str], question: str) -> str:
        """As :func:`trustbench.scoring.answer`, on statuses."""
        found = {
            s
            for r, s in statuses.items()
            if pack.rules[r].rule.summary == question and r not in self.waived
        }
        if not found:
            return "n/a"
        if "triggered" in found:
            return "yes"
        return "unknown" if "unknown" in found else "no"
