"""Deal value and the HSR size-of-transaction and size-of-person facts."""

from __future__ import annotations

from collections.abc import Callable

from trustbench.facts.context import FactContext
from trustbench.facts.registry import F, Value, defines, fact, known, unknown
from trustbench.graph.edges import Holds
from trustbench.model.bounded import MoneyBound
from trustbench.model.bounds import Range, plus
from trustbench.model.deal import AcquireStake
from trustbench.model.types import Money, format_money, source_ids

NOT_VOTING = ("non-voting", "convertible")
_Q_VALUE = "What is the total consideration for the transaction, and in which currency?"
_Q_SALES = (
    "What were the annual net sales and total assets of the {party}'s ultimate parent "
    "entity in its last regularly prepared financial statements?"
)


@defines(
    "deal.value",
    "deal.value.{currency}",
    "double",
    "{currency}",
    "the transaction's total consideration in {currency} (converted at the case's dated FX "
    "rate where needed)",
    over=("currency",),
    exposed=[{"currency": "eur"}],
    test="HSR size of transaction; GWB §35(1a); DMA Art. 14 information",
    question=_Q_VALUE,
    topic="The transaction",
)
def _value(ctx: FactContext, currency: str) -> Value:
    t = ctx.deal.transaction
    return ctx.convert(t.value, currency.upper(), source_ids(t.source) or _step_sources(ctx))


def _step_sources(ctx: FactContext) -> tuple[str, ...]:
    for step in ctx.deal.transaction.steps:
        if isinstance(step, AcquireStake) and step.value is not None:
            return source_ids(step.source)
    return ()


def _acquirer_steps(ctx: FactContext) -> list[AcquireStake]:
    t = ctx.deal.transaction
    return [
        s
        for s in t.steps
        if isinstance(s, AcquireStake)
        and (s.holder or t.acquirer) == t.acquirer
        and (s.issuer or t.target) == t.target
    ]


def _may_vote(voting: float | Range) -> bool:
    """Votes that may be more than none (a bound whose upper end is above zero)."""
    if isinstance(voting, Range):
        return voting.hi is None or voting.hi > 0
    return voting > 0


@fact(
    "hsr.voting_securities.acquired",
    "bool",
    "yes/no",
    "the deal acquires securities that presently entitle the holder to vote for the "
    "target's directors",
    test="16 CFR 801.1(f)(1) (voting security); 15 U.S.C. § 18a(a)",
    question="Do the shares acquired presently carry a vote for directors?",
    topic="Ownership and voting",
)
def _voting_acquired(ctx: FactContext) -> Value:
    """A purchase of voting shares whose percentage or value the file does not state still
    acquires voting securities: only a stated zero vote, or a non-voting or convertible
    class, says "none"; a class not given leaves it unknown (issue 12)."""
    steps = _acquirer_steps(ctx)
    sources = [s for st in steps for s in source_ids(st.source)]
    if any(
        st.share_class == "voting" and (st.voting is None or _may_vote(st.voting)) for st in steps
    ):
        return known(True, sources)
    if any(st.share_class == "unknown" for st in steps):
        return unknown("the class of the shares acquired is not given", sources)
    return known(False, sources)


@fact(
    "hsr.convertible.acquired",
    "bool",
    "yes/no",
    "the deal acquires convertible voting securities (no present vote; may become voting)",
    test="16 CFR 801.1(f)(2), 802.31",
    question="Can the shares acquired convert into voting shares, and on what conditions?",
    topic="Ownership and voting",
)
def _convertible(ctx: FactContext) -> Value:
    steps = _acquirer_steps(ctx)
    sources = [s for st in steps for s in source_ids(st.source)]
    return known(any(st.share_class == "convertible" for st in steps), sources)


def _person_steps(ctx: FactContext) -> list[AcquireStake]:
    """Acquisitions of the target's securities by any entity of the acquiring person."""
    t = ctx.deal.transaction
    interests = ctx.interests("before")
    person = interests.group(t.acquirer) - interests.closure(t.target).members | {t.acquirer}
    return [
        s
        for s in t.steps
        if isinstance(s, AcquireStake)
        and (s.holder or t.acquirer) in person
        and (s.issuer or t.target) == t.target
    ]


Amounts = list[tuple[Money | MoneyBound | None, tuple[str, ...]]]


def _add_usd(ctx: FactContext, items: Amounts, missing: str) -> Value:
    """The amounts in USD added up; amounts given as bounds add up to a range."""
    total: float | Range | None = 0.0
    sources, notes = list[str](), list[str]()
    for amount, src in items:
        value = ctx.convert(amount, "USD", src, bounds=True)
        if not value.known:
            return unknown(value.note or missing, value.sources)
        total = plus(total, value.value) if total is not None else None
        sources.extend(value.sources)
        notes.extend([value.note] if value.note and value.note not in notes else [])
    if total is None:
        return unknown("amounts given as bounds that do not add up to one: " + missing, sources)
    return known(total, sources, "; ".join(notes) or None)


def _already_held(ctx: FactContext) -> Amounts | Value:
    """Voting securities of the target the acquiring person held before the deal."""
    interests = ctx.interests("before")
    person = interests.group(ctx.acquirer) - interests.closure(ctx.target).members
    held: Amounts = []
    for holder, _, stake in ctx.phase("before").edges(Holds, v=ctx.target):
        if holder not in person | {ctx.acquirer} or stake.share_class in NOT_VOTING:
            continue
        if stake.share_class != "voting":
            return unknown(
                f"the class of {ctx.name(holder)}'s shares in the target is not given",
                stake.source,
            )
        held.append((stake.value, stake.source))
    return held


def _holding_value(ctx: FactContext, voting: list[AcquireStake]) -> Value | None:
    """The value of the whole holding after the deal, when the file states it on the last
    acquisition step (``holding_value``): it already includes what was held before."""
    stated = [st for st in voting if st.holding_value is not None]
    if not stated:
        return None
    last = stated[-1]
    value = ctx.convert(last.holding_value, "USD", source_ids(last.source), bounds=True)
    if not value.known:
        return value
    note = "the value of the whole holding after the deal, as stated"
    return known(value.value, value.sources, "; ".join(p for p in (note, value.note) if p))


@fact(
    "hsr.size_of_transaction.usd",
    "double",
    "USD",
    "the value of the target's voting securities the acquiring person will hold as a "
    "result of the deal: those acquired plus those any entity of the acquiring person "
    "already holds (0 when no voting securities are acquired; convertible and non-voting "
    "securities excluded)",
    test="15 U.S.C. § 18a(a)(2); 16 CFR 801.10, 801.13(a), 802.31",
    question="What is the value of the voting securities acquired, and of any voting "
    "securities of the target the acquirer already holds?",
    topic="The transaction",
)
def _size_of_transaction(ctx: FactContext) -> Value:
    steps = _person_steps(ctx)
    step_sources = [s for st in steps for s in source_ids(st.source)]
    if any(st.share_class == "unknown" for st in steps):
        return unknown("the class of the shares acquired is not given", step_sources)
    voting = [st for st in steps if st.share_class == "voting"]
    if not voting:
        return known(0.0, step_sources, "no voting securities are acquired")
    whole = _holding_value(ctx, voting)
    if whole is not None:
        return whole
    held = _already_held(ctx)
    if isinstance(held, Value):
        return held
    items: Amounts = [(st.value, source_ids(st.source)) for st in voting]
    acquired = _add_usd(ctx, items, "the value of a voting-share acquisition is not given")
    before = _add_usd(ctx, held, "the value of voting securities already held is not given")
    if not (acquired.known and before.known):
        return acquired if not acquired.known else before
    parts = [
        acquired.note,
        before.note,
        f"includes {_usd(before.value)} already held" if held else None,
    ]
    note = "; ".join(dict.fromkeys(p for p in parts if p)) or None
    total = plus(acquired.value, before.value)
    return known(total, (*acquired.sources, *before.sources), note)


def _usd(amount: float | Range) -> str:
    if isinstance(amount, Range):
        return amount.render(lambda end: format_money(end, "USD"))
    return format_money(amount, "USD")


def _person_figure(ctx: FactContext, entity: str, key: str) -> Value:
    upe = ctx.interests("before").ultimate_parent(entity)
    figures = getattr(ctx.entity(upe), key) if upe in {e.id for e in ctx.deal.entities} else []
    return ctx.figure(figures, "worldwide", "USD", bounds=True)


_HSR_PERSON = {"acquirer": "acquiring", "target": "acquired"}
"""The parties in the words of 15 U.S.C. § 18a(a)(2): the acquiring and the acquired person."""


def _person_fact(measure: str, doc: str) -> Callable[[F], F]:
    return defines(
        f"hsr.person.{measure}",
        f"hsr.{{party}}_person.{measure}.usd",
        "double",
        "USD",
        doc,
        over=("party",),
        exposed=[{"party": "acquirer"}, {"party": "target"}],
        spelling=_HSR_PERSON,
        words={"party": _HSR_PERSON},
        test="15 U.S.C. § 18a(a)(2)(B); 16 CFR 801.11 (size of person)",
        question=_Q_SALES,
        topic="Financials",
    )


@_person_fact(
    "sales",
    "annual net sales (worldwide, latest fiscal year) of the {party} person's ultimate "
    "parent entity",
)
def _person_sales(ctx: FactContext, party: str) -> Value:
    return _person_figure(ctx, ctx.acquirer if party == "acquirer" else ctx.target, "revenues")


@_person_fact(
    "assets", "total assets (latest balance sheet) of the {party} person's ultimate parent entity"
)
def _person_assets(ctx: FactContext, party: str) -> Value:
    return _person_figure(ctx, ctx.acquirer if party == "acquirer" else ctx.target, "assets")


@fact(
    "hsr.acquired_person.manufacturer",
    "bool",
    "yes/no",
    "the acquired person is engaged in manufacturing",
    test="15 U.S.C. § 18a(a)(2)(B)(i)–(iii)",
    question="Is the target (or its ultimate parent) engaged in manufacturing?",
    topic="Financials",
)
def _manufacturer(ctx: FactContext) -> Value:
    entity = ctx.entity(ctx.interests("before").ultimate_parent(ctx.target))
    return Value(entity.manufacturer, tuple(source_ids(entity.source)))


@fact(
    "transaction.investment_only",
    "bool",
    "yes/no",
    "the acquirer states that it holds the securities solely for the purpose of investment",
    test="15 U.S.C. § 18a(c)(9); 16 CFR 802.9",
    question="Does the acquirer hold the "
    "securities solely for investment, with no intention of participating in the target's "
    "basic business decisions?",
    topic="Ownership and voting",
)
def _investment_only(ctx: FactContext) -> Value:
    return Value(ctx.deal.transaction.investment_only)
