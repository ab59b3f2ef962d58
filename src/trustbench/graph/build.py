"""The transaction graph: the deal as a typed multigraph, before and after the deal.

Nodes are entities (attribute ``kind``: company, fund, person, …) and markets
(``market:<id>``). Edges are typed (:mod:`trustbench.graph.edges`) and carry a ``type``:

========== ====================== ==================================================
type        direction              attributes
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
from dataclasses import dataclass, field
from typing import Any, TypeAlias

import networkx as nx

from trustbench.errors import DealError
from trustbench.graph.edges import (
    ActiveIn,
    Director,
    Employee,
    Holds,
    Observer,
    Officer,
    RightEdge,
    Supplies,
    add,
)
from trustbench.model.bounds import Range
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
from trustbench.model.types import exact, source_ids
from trustbench.sources import paused_gc

Graph: TypeAlias = nx.MultiDiGraph


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
        self, kind: str | None = None, u: str | None = None, v: str | None = None
    ) -> Iterator[tuple[str, str, dict[str, Any]]]:
        """Edges of a type, optionally from ``u`` and/or to ``v`` (adjacency lookups, so a
        query about one entity costs its degree, not the size of the graph)."""
        g = self.graph
        if u is not None:
            if u not in g:
                return
            source = (
                g.out_edges(u, data=True)
                if v is None
                else ((u, v, d) for d in (g.get_edge_data(u, v) or {}).values())
            )
        elif v is not None:
            if v not in g:
                return
            source = g.in_edges(v, data=True)
        else:
            source = g.edges(data=True)
        for a, b, data in source:
            if kind is None or data["type"] == kind:
                yield a, b, data


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
    g: Graph = nx.MultiDiGraph()
    for e in deal.entities:
        g.add_node(e.id, kind=e.kind, name=e.name)
    for h in deal.holdings:
        holds = Holds(
            equity=exact(h.equity),
            voting=exact(h.voting),
            share_class=h.share_class,
            value=h.value,
            source=source_ids(h.source),
            bounds=_bounds(h.equity, h.voting),
        )
        add(g, h.holder, h.issuer, holds)
    for b in deal.boards:
        _add_board(g, b)
    for r in deal.rights:
        add(g, r.holder, r.issuer, _right(r))
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
        add(g, s.supplier, s.customer, supplies)
    return Phase("before", g, partial=frozenset(deal.partial))


def _add_board(g: Graph, b: Board) -> None:
    if b.company in g and b.size is not None:
        g.nodes[b.company]["board_size"] = b.size
    if b.company in g and b.partial:
        g.nodes[b.company]["board_partial"] = True
    for seat in b.directors:
        src = source_ids(seat.source) or source_ids(b.source)
        director = Director(role=seat.role, designated_by=seat.designated_by, source=src)
        add(g, seat.person, b.company, director)
    for seat in b.observers:
        src = source_ids(seat.source) or source_ids(b.source)
        add(g, seat.person, b.company, Observer(designated_by=seat.designated_by, source=src))
    for off in b.officers:
        src = source_ids(off.source) or source_ids(b.source)
        officer = Officer(title=off.title, board_elected=off.board_elected, source=src)
        add(g, off.person, b.company, officer)


def _add_market(g: Graph, m: Market) -> None:
    g.add_node(
        market_node(m.id),
        kind="market",
        name=m.name,
        market_kind=m.kind,
        geography=m.geography,
        fringe=m.fringe,
    )
    for p in m.participants:
        src = source_ids(p.source) or source_ids(m.source)
        add(g, p.entity, market_node(m.id), ActiveIn(share=p.share, sales=p.sales, source=src))


def apply_steps(deal: Deal, pre: Phase) -> Phase:
    g = pre.graph.copy()
    post = Phase("after", g, list(pre.contracts), pre.partial)
    t = deal.transaction
    for step in t.steps:
        src = source_ids(step.source) or source_ids(t.source)
        if isinstance(step, AcquireStake):
            holder, issuer = step.holder or t.acquirer, step.issuer or t.target
            if step.holding_after:
                for u, v, key, data in list(g.edges(holder, keys=True, data=True)):
                    if v == issuer and data["type"] == "holds":
                        g.remove_edge(u, v, key)
            holds = Holds(
                equity=step.equity,
                voting=step.voting,
                share_class=step.share_class,
                value=step.value,
                source=src,
                acquired=True,
            )
            add(g, holder, issuer, holds)
            if step.seller:
                _reduce_seller(g, step.seller, issuer, step.equity, step.voting)
        elif isinstance(step, AppointDirector):
            seat = Observer if step.role == "observer" else Director
            edge = seat(
                role=step.role, designated_by=step.designated_by, source=src, appointed=True
            )
            add(g, step.person, step.company or t.target, edge)
        elif isinstance(step, Hire):
            _apply_hire(g, step, t.acquirer, t.target, src)
        elif isinstance(step, GrantRight):
            add(g, step.right.holder, step.right.issuer, _right(step.right, granted=True))
        elif isinstance(step, Contract):
            post.contracts.append(step)
    return post


def _reduce_seller(
    g: Graph, seller: str, issuer: str, equity: float | None, voting: float | None
) -> None:
    for u, v, key, data in list(g.edges(seller, keys=True, data=True)):
        if data["type"] != "holds" or v != issuer:
            continue
        for name, sold in (("equity", equity), ("voting", voting)):
            if data.get(name) is not None and sold is not None:
                data[name] = max(0.0, data[name] - sold)
        g.edges[u, v, key].update(data)
        break


def _apply_hire(g: Graph, step: Hire, acquirer: str, target: str, src: tuple[str, ...]) -> None:
    by, origin = step.by or acquirer, step.from_ or target
    if step.leaves_roles:
        for u, v, key, data in list(g.edges(step.person, keys=True, data=True)):
            if v == origin and data["type"] == "officer":
                g.remove_edge(u, v, key)
    if not step.keeps_board_seat:
        for u, v, key, data in list(g.edges(step.person, keys=True, data=True)):
            if v == origin and data["type"] in ("director", "observer"):
                g.remove_edge(u, v, key)
    if step.officer:
        officer = Officer(
            title=step.title or "officer", board_elected=step.board_elected, source=src, hired=True
        )
        add(g, step.person, by, officer)
    else:
        add(g, step.person, by, Employee(title=step.title, source=src, hired=True))


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
        for _, issuer, data in phase.edges("holds"):
            if data.get(measure) is not None:
                totals[issuer] = totals.get(issuer, 0.0) + data[measure]
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
