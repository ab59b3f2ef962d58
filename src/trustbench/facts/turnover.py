"""Turnover of the undertakings concerned, each counted once with its whole group.

Who counts (EUMR Art. 5(2), 5(4); Consolidated Jurisdictional Notice ¶¶ 134–140, 175–194;
EA 2002 s. 28 with CMA2; GWB §§ 36(2), 38):

- the acquirer side: the acquirer's group before the deal — up to its ultimate parent(s),
  then down everything they control — less the target side;
- the target side: the target and what it controls. The seller's retained group does not
  count (Art. 5(2): only the parts acquired).

Group membership uses the ``majority`` control concept of :mod:`trustbench.graph.interests`
(more than half of the votes, of the capital, or of the board by right). That is a
simplification of decisive influence: vetoes, joint control and de facto control are
screened by the rule packs with the control facts, not folded in here.

How a side's turnover is added up, per geography and currency:

- each member's latest fiscal year's figure for the geography, converted at the case's dated
  rate (latest on or before the as-of date; the note names the year and the rate);
- a figure marked ``consolidated`` already includes what that member controls: those
  members are not added again;
- a member's ``intra_group_revenues`` for the same geography and year are deducted;
- a natural person with no figure of its own has no turnover (only what it controls counts);
- unknown — never zero — when a member's figure or a rate is missing, or when whether an
  entity belongs to the group turns on a share the file does not give.

The two-thirds rule of EUMR Art. 1(2) and 1(3) reads the member-state facts:
``turnover.<side>.eu.top_member_state`` and ``….top_member_state_share``, and
``turnover.eu.same_top_member_state``. The three-member-state count of Art. 1(3)(b)–(c)
needs, per member state, the combined and each party's turnover against parameters; with
facts limited to scalars and lists of strings that is not expressible without writing the
thresholds into Python, so it awaits a map-valued fact type (see the design note in the
issue).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from trustbench.facts.context import FactContext
from trustbench.facts.registry import Value, defines, fact, known, unknown
from trustbench.model.bounds import Range, plus
from trustbench.model.deal import Figure
from trustbench.model.types import format_money, source_ids

SIDES = ("acquirer", "target")
GEOGRAPHIES = {"worldwide": "worldwide", "eu": "EU", "uk": "UK", "de": "DE"}

MEMBER_STATES: dict[str, tuple[dt.date, dt.date | None]] = {
    **dict.fromkeys(("BE", "DE", "FR", "IT", "LU", "NL"), (dt.date(1958, 1, 1), None)),
    **dict.fromkeys(("DK", "IE"), (dt.date(1973, 1, 1), None)),
    "UK": (dt.date(1973, 1, 1), dt.date(2020, 1, 31)),
    "GR": (dt.date(1981, 1, 1), None),
    **dict.fromkeys(("ES", "PT"), (dt.date(1986, 1, 1), None)),
    **dict.fromkeys(("AT", "FI", "SE"), (dt.date(1995, 1, 1), None)),
    **dict.fromkeys(
        ("CY", "CZ", "EE", "HU", "LV", "LT", "MT", "PL", "SK", "SI"), (dt.date(2004, 5, 1), None)
    ),
    **dict.fromkeys(("BG", "RO"), (dt.date(2007, 1, 1), None)),
    "HR": (dt.date(2013, 7, 1), None),
}
"""EU member states and their membership (Treaties of Accession; the UK's withdrawal
agreement, OJ L 29, 31.1.2020). Greece may be written GR or EL."""

ROUNDING = 0.005
"""How far member-state figures may fall short of the EU figure and still be taken as the
whole breakdown (reported figures are rounded). A tolerance of arithmetic, not a threshold."""

_Q = (
    "What was the turnover (net sales) in the last financial year, worldwide and in the EU, "
    "each EU member state, the UK and Germany, of the acquirer and of the target, each with "
    "every undertaking of its group — and are any of these figures consolidated, or do they "
    "include sales to other group members?"
)
"""One request for both parties' figures: the thresholds read them together, and a client
asked for one side's figures is asked for the other's the next day."""


def member_states(on: dt.date) -> list[str]:
    return sorted(
        c for c, (start, end) in MEMBER_STATES.items() if start <= on and (end is None or on <= end)
    )


@dataclass(frozen=True)
class Side:
    members: frozenset[str]
    undecided: frozenset[str]


def side(ctx: FactContext, which: str) -> Side:
    """The undertakings counted for the acquirer or the target (before the deal)."""
    interests = ctx.interests("before")
    target = interests.closure(ctx.target, "majority")
    if which == "target":
        return Side(target.members, target.undecided)
    members: set[str] = set()
    undecided: set[str] = set()
    for top in interests.ultimate_parents(ctx.acquirer, "majority"):
        closure = interests.closure(top, "majority")
        members |= closure.members
        undecided |= closure.undecided
    return Side(
        frozenset(members - target.members), frozenset(undecided - target.members - members)
    )


def _latest(figures: list[Figure], geography: str, year: int | None = None) -> Figure | None:
    matches = [
        f
        for f in figures
        if _norm(f.geography) == _norm(geography) and (year is None or f.fiscal_year == year)
    ]
    return max(matches, key=lambda f: f.fiscal_year or 0) if matches else None


def _norm(code: str) -> str:
    code = code.strip().upper()
    return {"EL": "GR", "GB": "UK", "WORLDWIDE": "worldwide", "WORLD": "worldwide"}.get(code, code)


def _covered(ctx: FactContext, members: frozenset[str], geography: str) -> set[str]:
    """Members whose turnover a consolidated figure of another member already includes."""
    interests = ctx.interests("before")
    covered: set[str] = set()
    for m in members:
        figure = _latest(ctx.entity(m).revenues, geography) if _is_entity(ctx, m) else None
        if figure is not None and figure.consolidated:
            covered |= interests.closure(m, "majority").members - {m}
    return covered & members


def _is_entity(ctx: FactContext, entity: str) -> bool:
    try:
        ctx.deal.entity(entity)
    except KeyError:
        return False
    return True


@dataclass
class _Sum:
    """A running total; a figure given only as a bound (``< GBP 70m``) makes it a
    :class:`Range` (or ``None`` when the bounds cannot be added up)."""

    total: float | Range | None = 0.0
    sources: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()

    def add(self, value: Value, sign: float = 1.0) -> None:
        if self.total is not None:
            if sign < 0 and isinstance(value.value, Range):
                self.total = None  # a deduction known only as a bound: no usable bound
            else:
                self.total = plus(self.total, sign * value.value if sign < 0 else value.value)
        self.sources += value.sources
        if value.note and value.note not in self.notes:
            self.notes += (value.note,)


def _member(ctx: FactContext, entity: str, geography: str, code: str) -> Value | None:
    """One member's turnover net of its intra-group sales; ``None`` if it has none (a
    person without a figure); unknown if its figure or the rate is missing."""
    e = ctx.entity(entity)
    figure = _latest(e.revenues, geography)
    if figure is None:
        if e.kind == "person" and not e.revenues:
            return None
        return unknown(f"{ctx.name(entity)}'s {geography} turnover is not given")
    gross = ctx.convert(figure.amount, code.upper(), source_ids(figure.source), bounds=True)
    if not gross.known:
        return gross
    out = _Sum()
    out.add(known(gross.value, gross.sources, gross.note))
    label = f"{ctx.name(entity)} FY{figure.fiscal_year or '?'}"
    intra = _latest(e.intra_group_revenues, geography, figure.fiscal_year)
    if intra is not None:
        less = ctx.convert(intra.amount, code.upper(), source_ids(intra.source))
        if not less.known:
            return less
        out.add(known(less.value, less.sources, less.note), -1.0)
        label += f" less intra-group {format_money(less.value, code.upper())}"
    if figure.consolidated:
        label += " (consolidated)"
    return _total(out, "; ".join((label, *out.notes)))


def _total(out: _Sum, note: str | None) -> Value:
    if out.total is None:
        return unknown("figures given as bounds cannot be added up: " + (note or ""), out.sources)
    return known(out.total, out.sources, note)


def side_turnover(ctx: FactContext, which: str, geography: str, code: str) -> Value:
    """Turnover of one side in a geography, in a currency (see the module's rules)."""
    s = side(ctx, which)
    if s.undecided:
        names = ", ".join(sorted(ctx.name(u) for u in s.undecided))
        return unknown(
            f"whether {names} belongs to the {which}'s group turns on a share "
            "the file does not give"
        )
    out = _Sum()
    for m in sorted(s.members - _covered(ctx, s.members, geography)):
        if not _is_entity(ctx, m):
            return unknown(f"{m} is not described under entities")
        value = _member(ctx, m, geography, code)
        if value is None:
            continue
        if not value.known:
            return unknown(value.note, value.sources)
        out.add(value)
    return _total(out, "; ".join(out.notes) or None)


LAW_CURRENCY = {"worldwide": "eur", "eu": "eur", "de": "eur", "uk": "gbp"}
"""The currency each geography's thresholds are stated in (EUMR Art. 1 and GWB §§ 35, 39a:
EUR; EA 2002 s. 23: GBP). The worldwide figure serves the EUMR and the GWB, so EUR."""

_PARTY = {
    "acquirer": "the acquirer's group (less the target side)",
    "target": "the target and the undertakings it controls (sellers excluded)",
    "combined": "the acquirer's group and the target together",
}


@defines(
    "turnover",
    "turnover.{party}.{geography}.{currency}",
    "double",
    "{currency}",
    "turnover {geography} of {party}, last fiscal year, in {currency}; each group counted "
    "once, consolidated figures not double counted, intra-group sales deducted",
    over=("party", "geography", "currency"),
    exposed=[
        {"party": side, "geography": geo, "currency": code}
        for side in SIDES
        for geo, code in LAW_CURRENCY.items()
    ]
    + [{"party": "combined", "geography": "worldwide", "currency": "eur"}],
    test="EUMR Art. 1, 5; EA 2002 s. 23, 28; GWB §§ 35, 36(2), 38",
    question=_Q,
    topic="Financials",
    words={"party": _PARTY},
)
def _turnover(ctx: FactContext, party: str, geography: str, currency: str) -> Value:
    if party != "combined":
        return side_turnover(ctx, party, GEOGRAPHIES[geography], currency)
    a, t = (ctx.of("turnover", party=s, geography=geography, currency=currency) for s in SIDES)
    if not (a.known and t.known):
        return unknown((a if not a.known else t).note, (*a.sources, *t.sources))
    notes = "; ".join(n for n in (a.note, t.note) if n) or None
    both = _Sum(a.value, a.sources)  # a bound on either side keeps the sum a bound
    both.add(t)
    return _total(both, notes)


def breakdown(ctx: FactContext, which: str) -> dict[str, float] | Value:
    """A side's EU turnover by member state in EUR, or an unknown saying why not. Each
    counted member's member-state figures must add up to its EU figure (within
    :data:`ROUNDING`): then a member state it does not list is one where it has none."""
    s = side(ctx, which)
    if s.undecided:
        return unknown("the group's membership turns on a share the file does not give")
    states = member_states(ctx.as_of)
    out = dict.fromkeys(states, 0.0)
    for m in sorted(s.members - _covered(ctx, s.members, "EU")):
        eu = _member(ctx, m, "EU", "EUR")
        if eu is None:
            continue
        if not eu.known:
            return eu
        listed = {
            c: _member(ctx, m, c, "EUR")
            for c in states
            if _latest(ctx.entity(m).revenues, c) is not None
        }
        if any(v is None or not v.known for v in listed.values()):
            return unknown(f"a member-state figure of {ctx.name(m)} cannot be converted")
        if any(isinstance(v.value, Range) for v in (eu, *listed.values()) if v is not None):
            return unknown(f"{ctx.name(m)}'s EU or member-state turnover is given as a bound")
        total = sum(v.value for v in listed.values() if v is not None)
        if total < eu.value * (1 - ROUNDING):
            return unknown(
                f"{ctx.name(m)}'s member-state figures do not account for its EU turnover"
            )
        for c, v in listed.items():
            out[c] += v.value if v is not None else 0.0
    return out


def _top(ctx: FactContext, which: str) -> tuple[str, float] | Value:
    split = breakdown(ctx, which)
    if isinstance(split, Value):
        return split
    total = sum(split.values())
    if total <= 0:
        return unknown(f"the {which} side has no EU turnover by member state")
    state = max(sorted(split), key=lambda c: split[c])
    return state, split[state] / total


def _register_top(which: str) -> None:
    @fact(
        f"turnover.{which}.eu.top_member_state",
        "string",
        "member state",
        f"the EU member state where the {which} side achieves the largest part of its EU turnover",
        test="EUMR Art. 1(2), 1(3) (two-thirds rule)",
        question=_Q,
        topic="Financials",
    )
    def _state(ctx: FactContext) -> Value:
        top = _top(ctx, which)
        return top if isinstance(top, Value) else known(top[0])

    @fact(
        f"turnover.{which}.eu.top_member_state_share",
        "double",
        "share",
        f"the share of the {which} side's EU turnover achieved in its top member state",
        test="EUMR Art. 1(2), 1(3) (two-thirds rule)",
        question=_Q,
        topic="Financials",
    )
    def _share(ctx: FactContext) -> Value:
        top = _top(ctx, which)
        return top if isinstance(top, Value) else known(top[1], note=f"in {top[0]}")


for _side in SIDES:
    _register_top(_side)


@fact(
    "turnover.eu.same_top_member_state",
    "bool",
    "yes/no",
    "the acquirer side and the target side achieve the largest part of their EU turnover "
    "in one and the same member state",
    test="EUMR Art. 1(2), 1(3) (two-thirds rule)",
    question=_Q,
    topic="Financials",
)
def _same_state(ctx: FactContext) -> Value:
    a, t = (ctx.get(f"turnover.{s}.eu.top_member_state") for s in SIDES)
    if not (a.known and t.known):
        return unknown((a if not a.known else t).note)
    return known(a.value == t.value, note=f"{a.value} and {t.value}")
