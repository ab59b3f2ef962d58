"""Turnover by Member State: the table the Art. 1(3)(b)–(c) EUMR count reads.

``turnover.member_states.eur`` is a table: one row per EU Member State on the case date,
each row ``[combined, acquirer side, target side]`` in EUR, the sides counted as in
:mod:`trustbench.facts.turnover` (each group once, consolidated figures not added again,
intra-group sales deducted, the seller's retained group excluded — EUMR Art. 5(1)–(2),
Consolidated Jurisdictional Notice ¶¶ 195–203 on allocating turnover to the Member State
where the customer is).

A cell is exact, a bound, or unknown (``None``); a partial breakdown never turns an unstated
Member State into "no turnover there":

- a member's Member-State figures that add up to its EU figure (within
  :data:`~trustbench.facts.turnover.ROUNDING`) are its whole breakdown: an unlisted State
  is 0;
- otherwise an unlisted State lies between 0 and what the listed States leave of the EU
  figure (when that is known), or is unknown;
- a figure given as a bound (``"< EUR 25m"``) stays a bound, and so does the sum it is in.

The rule packs count the rows that meet their thresholds with ``count_above`` (the
thresholds are dated parameters, never written here). The fact is unknown only where no
member of either side gives any Member-State figure.
"""

from __future__ import annotations

from trustbench.facts.context import FactContext
from trustbench.facts.registry import Value, fact, known, unknown
from trustbench.facts.turnover import (
    _Q,
    ROUNDING,
    _covered,
    _is_entity,
    _latest,
    _member,
    member_states,
    side,
)
from trustbench.model.bounds import Range, ends, plus

Cell = float | Range | None
"""An amount in EUR, a bound on it, or unknown."""


def _add(a: Cell, b: Cell) -> Cell:
    if a is None or b is None:
        return None
    return plus(a, b)


def _unlisted(eu: Value, listed: dict[str, Value]) -> Cell:
    """What one member achieves in a Member State it does not list."""
    if not eu.known or isinstance(eu.value, Range):
        return None
    floor = sum((ends(v.value)[0] or 0.0) for v in listed.values())
    exact = all(not isinstance(v.value, Range) for v in listed.values())
    left = eu.value - floor
    if exact and floor >= eu.value * (1 - ROUNDING):
        return 0.0  # the listed States are the whole breakdown
    return 0.0 if left <= 0 else Range(0.0, left)


def _member_row(ctx: FactContext, entity: str, states: list[str]) -> dict[str, Cell] | None:
    """One counted member's figure in each Member State; ``None`` if it has no turnover at
    all (a person without figures)."""
    eu = _member(ctx, entity, "EU", "EUR")
    figures = ctx.entity(entity).revenues
    listed_raw = {c: _member(ctx, entity, c, "EUR") for c in states if _latest(figures, c)}
    if eu is None and not listed_raw:
        return None
    listed = {c: v for c, v in listed_raw.items() if v is not None and v.known}
    rest = _unlisted(eu if eu is not None else Value(None), listed)
    out: dict[str, Cell] = {}
    for c in states:
        out[c] = listed[c].value if c in listed else (None if c in listed_raw else rest)
    return out


def side_by_state(ctx: FactContext, which: str, states: list[str]) -> tuple[dict[str, Cell], bool]:
    """A side's turnover in each Member State, and whether any member lists one."""
    s = side(ctx, which)
    if s.undecided:
        return dict.fromkeys(states), False
    totals: dict[str, Cell] = dict.fromkeys(states, 0.0)
    stated = False
    for m in sorted(s.members - _covered(ctx, s.members, "EU")):
        if not _is_entity(ctx, m):
            return dict.fromkeys(states), False
        stated = stated or any(_latest(ctx.entity(m).revenues, c) for c in states)
        row = _member_row(ctx, m, states)
        if row is None:
            continue
        for c in states:
            totals[c] = _add(totals[c], row[c])
    return totals, stated


@fact(
    "turnover.member_states.eur",
    "table",
    "EUR",
    "turnover in each EU Member State, last fiscal year, in EUR: a row per Member State "
    "giving the combined, acquirer-side and target-side figures in that order, each exact, "
    "a bound or unknown (a State a partial breakdown does not list is never taken as zero)",
    test="EUMR Art. 1(3)(b)-(c)",
    question=_Q,
    topic="Financials",
)
def _by_member_state(ctx: FactContext) -> Value:
    states = member_states(ctx.as_of)
    acquirer, a_stated = side_by_state(ctx, "acquirer", states)
    target, t_stated = side_by_state(ctx, "target", states)
    if not (a_stated or t_stated):
        return unknown("no party gives its turnover by EU Member State")
    table = {c: [_add(acquirer[c], target[c]), acquirer[c], target[c]] for c in states}
    return known(table)
