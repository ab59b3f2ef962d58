"""The transaction graph: the deal as a typed multigraph, before and after the deal.

Nodes are entities (:class:`~trustbench.graph.multigraph.Node`, ``kind``: company, fund,
person, …) and markets (``market:<id>``). Edges are typed (:mod:`trustbench.graph.edges`),
one frozen dataclass per kind, stored as such (:mod:`trustbench.graph.multigraph`):

========== ====================== ==================================================
kind        direction              fields
========== ====================== ==================================================
holds       holder → issuer        equity, voting, share_class, value, source, bounds
director    person → company       role (director/chair), designated_by, source
observer    person → company       designated_by, source
officer     person → company       title, board_elected, source
right       holder → issuer        kind, matters, seats, source
supplies    supplier → customer    product, value, share_of_needs, confidential_data, status
active_in   entity → market:<id>   share, sales, source
========== ====================== ==================================================

The post-deal graph is the pre-deal graph with the transaction's steps applied in order.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from typing import TypeVar

from trustbench.errors import DealError
from trustbench.graph.edges import (
    ActiveIn,
    Director,
    Edge,
    Employee,
    Holds,
    Observer,
    Officer,
    RightEdge,
    Supplies,
)
from trustbench.graph.multigraph import Graph, Node
from trustbench.model.bounds import Range, minus
from trustbench.model.deal import (
    AcquireStake,
    AppointDirector,
    Board,
    Contract,
    Deal,
    GrantRight,
    Hire,
    Market,
    Right,
)
from trustbench.model.types import Money, exact, source_ids
from trustbench.sources import paused_gc

E = TypeVar("E", bound=Edge)


def market_node(market_id: str) -> str:
    return f"market:{market_id}"


@dataclass
class Phase:
    """One side of the deal: the graph and the contracts in force."""

    name: str
    graph: Graph
    contracts: list[Contract] = field(default_factory=list)
    partial: frozenset[str] = frozenset()
    """sections of the deal file marked partial: what they do not list is unknown"""

    def edges(
        self, kind: type[E], u: str | None = None, v: str | None = None
    ) -> Iterator[tuple[str, str, E]]:
        """Edges of a type (``Edge``: all), optionally from ``u`` and/or to ``v``
        (adjacency lookups, so a query about one entity costs its degree, not the size of
        the graph)."""
        return self.graph.edges(kind, u, v)

    def node(self, node_id: str) -> Node:
        return self.graph.node(node_id)


def _right(right: Right, *, granted: bool = False) -> RightEdge:
    return RightEdge(
        kind=right.kind,
        matters=tuple(right.matters),
        seats=right.seats,
        joint_with=tuple(right.joint_with),
        source=source_ids(right.source),
        granted=granted,
    )


def _bounds(equity: float | Range | None, voting: float | Range | None) -> dict[str, Range] | None:
    """The measures of a holding known only as a bound ("at most 7 %"): the edge's number
    is then unknown (``None``) and the bound is kept here for the facts that can use it."""
    out = {name: v for name, v in (("equity", equity), ("voting", voting)) if isinstance(v, Range)}
    return out or None


def build_pre(deal: Deal) -> Phase:
    g = Graph()
    for e in deal.entities:
        g.add_node(e.id, Node(kind=e.kind, name=e.name))
    for h in deal.holdings:
        holds = Holds(
            equity=exact(h.equity),
            voting=exact(h.voting),
            share_class=h.share_class,
            value=h.value,
            source=source_ids(h.source),
            bounds=_bounds(h.equity, h.voting),
        )
        g.add(h.holder, h.issuer, holds)
    for b in deal.boards:
        _add_board(g, b)
    for r in deal.rights:
        g.add(r.holder, r.issuer, _right(r))
    for m in deal.markets:
        _add_market(g, m)
    for s in deal.supply:
        supplies = Supplies(
            product=s.product,
            value=s.value,
            share_of_needs=s.share_of_needs,
            confidential_data=s.confidential_data,
            status=s.status,
            source=source_ids(s.source),
        )
        g.add(s.supplier, s.customer, supplies)
    return Phase("before", g, partial=frozenset(deal.partial))


def _add_board(g: Graph, b: Board) -> None:
    if b.company in g and b.size is not None:
        g.nodes[b.company].board_size = b.size
    if b.company in g and b.partial:
        g.nodes[b.company].board_partial = True
    for seat in b.directors:
        src = source_ids(seat.source) or source_ids(b.source)
        director = Director(role=seat.role, designated_by=seat.designated_by, source=src)
        g.add(seat.person, b.company, director)
    for seat in b.observers:
        src = source_ids(seat.source) or source_ids(b.source)
        g.add(seat.person, b.company, Observer(designated_by=seat.designated_by, source=src))
    for off in b.officers:
        src = source_ids(off.source) or source_ids(b.source)
        officer = Officer(title=off.title, board_elected=off.board_elected, source=src)
        g.add(off.person, b.company, officer)


def _add_market(g: Graph, m: Market) -> None:
    g.add_node(market_node(m.id), Node(kind="market", name=m.name))
    for p in m.participants:
        src = source_ids(p.source) or source_ids(m.source)
        g.add(p.entity, market_node(m.id), ActiveIn(share=p.share, sales=p.sales, source=src))


def apply_steps(deal: Deal, pre: Phase) -> Phase:
    g = pre.graph.copy()
    post = Phase("after", g, list(pre.contracts), pre.partial)
    t = deal.transaction
    for step in t.steps:
        src = source_ids(step.source) or source_ids(t.source)
        if isinstance(step, AcquireStake):
            holder, issuer = step.holder or t.acquirer, step.issuer or t.target
            if step.holding_after:
                for u, v, held in list(g.edges(Holds, holder, issuer)):
                    g.remove(u, v, held)
            holds = Holds(
                equity=exact(step.equity),
                voting=exact(step.voting),
                share_class=step.share_class,
                value=step.value if isinstance(step.value, Money) else None,
                source=src,
                acquired=True,
                bounds=_bounds(step.equity, step.voting),
            )
            g.add(holder, issuer, holds)
            if step.seller:
                _reduce_seller(g, step.seller, issuer, step.equity, step.voting)
        elif isinstance(step, AppointDirector):
            seat = Observer if step.role == "observer" else Director
            edge = seat(
                role=step.role, designated_by=step.designated_by, source=src, appointed=True
            )
            g.add(step.person, step.company or t.target, edge)
        elif isinstance(step, Hire):
            _apply_hire(g, step, t.acquirer, t.target, src)
        elif isinstance(step, GrantRight):
            g.add(step.right.holder, step.right.issuer, _right(step.right, granted=True))
        elif isinstance(step, Contract):
            post.contracts.append(step)
    return post


def _reduce_seller(
    g: Graph, seller: str, issuer: str, equity: float | Range | None, voting: float | Range | None
) -> None:
    """The seller keeps what it held less what it sells; a sale given as a bound leaves a
    bound (``held − 20-25 %``), a sale of unknown size the holding as it was."""
    for u, v, held in g.edges(Holds, seller, issuer):
        eq = _left(held.share_or_bound("equity"), equity)
        vo = _left(held.share_or_bound("voting"), voting)
        rest = replace(held, equity=exact(eq), voting=exact(vo), bounds=_bounds(eq, vo))
        g.replace(u, v, held, rest)
        break


def _left(held: float | Range | None, sold: float | Range | None) -> float | Range | None:
    if held is None or sold is None:
        return held
    rest = minus(held, sold)
    if rest is None or not isinstance(rest, Range):
        return None if rest is None else max(0.0, rest)
    lo = None if rest.lo is None else max(0.0, rest.lo)
    hi = None if rest.hi is None else max(0.0, rest.hi)
    return hi if lo == hi else Range(lo, hi, rest.lo_open and lo != 0.0, rest.hi_open)


def _apply_hire(g: Graph, step: Hire, acquirer: str, target: str, src: tuple[str, ...]) -> None:
    by, origin = step.by or acquirer, step.from_ or target
    if step.leaves_roles:
        for u, v, officer in list(g.edges(Officer, step.person, origin)):
            g.remove(u, v, officer)
    if not step.keeps_board_seat:
        for u, v, seat in list(g.edges(Edge, step.person, origin)):
            if isinstance(seat, Director | Observer):
                g.remove(u, v, seat)
    if step.officer:
        officer = Officer(
            title=step.title or "officer", board_elected=step.board_elected, source=src, hired=True
        )
        g.add(step.person, by, officer)
    else:
        g.add(step.person, by, Employee(title=step.title, source=src, hired=True))


@dataclass
class TransactionGraph:
    """The deal before and after, and the parties."""

    deal: Deal
    before: Phase
    after: Phase

    @property
    def acquirer(self) -> str:
        return self.deal.transaction.acquirer

    @property
    def target(self) -> str:
        return self.deal.transaction.target

    def phase(self, name: str) -> Phase:
        return self.before if name == "before" else self.after


def build(deal: Deal) -> TransactionGraph:
    with paused_gc():
        pre = build_pre(deal)
        post = apply_steps(deal, pre)
    check_holdings(deal, pre, "holdings")
    check_holdings(deal, post, "transaction")
    return TransactionGraph(deal, pre, post)


def check_holdings(deal: Deal, phase: Phase, section: str) -> None:
    """No issuer can be held more than 100 % (equity or votes), before or after the deal."""
    for measure in ("equity", "voting"):
        totals: dict[str, float] = {}
        for _, issuer, held in phase.edges(Holds):
            share = held.share(measure)
            if share is not None:
                totals[issuer] = totals.get(issuer, 0.0) + share
        for issuer, total in sorted(totals.items()):
            if total > 1 + 1e-9:
                file, line, column = deal.locate((section,))
                when = "before the deal" if phase.name == "before" else "after the deal"
                raise DealError(
                    f"{deal.name(issuer)} would be held {total:.1%} in {measure} {when}",
                    file=file,
                    line=line,
                    column=column,
                    hint="the holdings of an issuer add up to at most 100 %; for shares bought "
                    "from existing holders name the `seller`, or use `holding_after: true`",
                )
