"""Ownership and control queries over one phase of the transaction graph.

``interest(holder, issuer, measure)`` is the integrated (direct + indirect) share; it is
``None`` (unknown) when a holding that lies on some chain from holder to issuer has no
figure for that measure. The arithmetic runs in :mod:`trustbench.graph.ownership` on
holdings built once per phase and measure; columns are cached per issuer.

Control, and so groups and ultimate parents, comes in two concepts:

``hsr``
    16 CFR 801.1(b): 50 % or more of the voting securities, or the contractual power
    presently to designate 50 % or more of the directors; for a fund, partnership or other
    unincorporated entity 50 % or more of the profits (the ``equity`` share here).
``majority``
    the grouping that turnover aggregation uses in the EU, the UK and Germany, simplified to
    its structural core: *more than half* of the votes, of the capital, or of the board by a
    right to appoint (EUMR Art. 5(4)(b)(i)–(iii); GWB § 36(2) with §§ 16–17 AktG; EA 2002
    s. 26 legal control). Decisive influence by vetoes, joint control and de facto control
    are not modelled here: rule packs screen them with the control facts.

Either way an undertaking controls what its controlled undertakings hold together with it
(16 CFR 801.1(c)(8); Consolidated Jurisdictional Notice ¶ 184): 30 % held by the parent and
30 % by its subsidiary is control. A board-appointment right shared with a holder outside
the group (edge attribute ``joint_with``) is not sole control.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

import networkx as nx

from trustbench.graph.build import Phase
from trustbench.graph.control_share import above_half, half_or_more
from trustbench.graph.ownership import Ownership, OwnershipError, holdings_for

Concept = Literal["hsr", "majority"]

CORPORATE = frozenset({"company"})
"""Entity kinds whose control HSR tests by votes or board designation (801.1(b)(1)(i), (2));
the others (funds, partnerships, other forms) by rights to profits (801.1(b)(1)(ii)), for
which the ``equity`` share stands. Natural persons are never controlled."""


BOARD_GOVERNED = frozenset({"non-profit", "trust"})
"""Entity kinds without shares or profits to hold, controlled by whoever designates their
board or trustees: 16 CFR 801.1(b)(2) (50 % or more of the directors of a for-profit or
not-for-profit corporation, or of the trustees of a trust) [recalled; legal.md §1.3 states
the test for corporations only]."""

APPOINTING = frozenset({"board_appointment", "trustee_appointment"})
"""Right kinds that designate seats (``seats``) on the issuer's board or body of trustees."""


def _meets(share: float, concept: Concept) -> bool:
    """HSR control is half or more (16 CFR 801.1(b)); a majority more than half (EUMR
    Art. 5(4)(b)): see :mod:`trustbench.graph.control_share`."""
    return half_or_more(share) if concept == "hsr" else above_half(share)


@dataclass(frozen=True)
class Closure:
    """An entity and everything it controls, directly or through what it controls."""

    members: frozenset[str]
    undecided: frozenset[str]
    """entities whose control by the members turns on a share the file does not give"""


@dataclass
class Interests:
    phase: Phase
    _index: dict[str, int] = field(default_factory=dict)
    _matrices: dict[str, Ownership] = field(default_factory=dict)
    _columns: dict[tuple[str, str], Sequence[float]] = field(default_factory=dict)
    _closures: dict[tuple[str, str], Closure] = field(default_factory=dict)
    _holdings: nx.DiGraph | None = None
    _links: nx.DiGraph | None = None
    # controllers and ultimate parents, worked out once per phase (many facts ask again)
    _controllers: dict[tuple[str, str], frozenset[str]] = field(default_factory=dict)
    _parents: dict[tuple[str, str], tuple[str, ...]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        nodes = [n for n, d in self.phase.graph.nodes(data=True) if d.get("kind") != "market"]
        self._index = {n: i for i, n in enumerate(sorted(nodes))}

    @property
    def holdings(self) -> nx.DiGraph:
        """Who holds whom (one edge per holder and issuer, figures or not)."""
        if self._holdings is None:
            g = nx.DiGraph()
            g.add_nodes_from(self._index)
            g.add_edges_from((u, v) for u, v, _ in self.phase.edges("holds"))
            self._holdings = g
        return self._holdings

    def _kind(self, entity: str) -> str:
        return str(self.phase.graph.nodes[entity].get("kind", "company"))

    # -- integrated interests ---------------------------------------------------------------
    def matrix(self, measure: str) -> Ownership:
        """The holdings of one measure (``equity`` or ``voting``), built once."""
        if measure not in self._matrices:
            edges = [(u, v, d.get(measure)) for u, v, d in self.phase.edges("holds")]
            holder = [self._index[u] for u, _, _ in edges]
            issuer = [self._index[v] for _, v, _ in edges]
            share = [math.nan if s is None else float(s) for _, _, s in edges]
            try:
                built = holdings_for(len(self._index), holder, issuer, share)
            except OwnershipError as exc:
                raise exc.named(list(self._index)) from None
            self._matrices[measure] = built
        return self._matrices[measure]

    def column(self, issuer: str, measure: str) -> Sequence[float]:
        """Every entity's integrated share of ``issuer`` (index order; NaN = unknown)."""
        key = (issuer, measure)
        if key not in self._columns:
            self._columns[key] = self.matrix(measure).column(self._index[issuer])
        return self._columns[key]

    def interest(self, holder: str, issuer: str, measure: str) -> float | None:
        """Integrated share of ``issuer`` held by ``holder`` (``equity`` or ``voting``)."""
        if holder not in self._index or issuer not in self._index:
            return None
        value = float(self.column(issuer, measure)[self._index[holder]])
        if math.isnan(value) or (value == 0.0 and self.partial):
            return None
        return value

    @property
    def partial(self) -> bool:
        """The deal marks its holdings partial: no listed chain is not the same as none."""
        return "holdings" in self.phase.partial

    def direct(self, holder: str, issuer: str, measure: str) -> float | None:
        total, found = 0.0, False
        for _, _, data in self.phase.edges("holds", holder, issuer):
            if data.get(measure) is None:
                return None
            total += data[measure]
            found = True
        return None if not found and self.partial else total

    # -- control ----------------------------------------------------------------------------
    def held_by(
        self, holders: set[str] | frozenset[str], issuer: str, measure: str
    ) -> tuple[float, bool]:
        """Sum of the direct ``measure`` shares ``holders`` hold in ``issuer``, and whether
        a holding among them has no figure."""
        total, missing = 0.0, False
        graph = self.phase.graph
        if issuer in graph and len(holders) < len(graph.pred[issuer]):  # a few of many holders
            found = (d for u in sorted(holders) for _, _, d in self.phase.edges("holds", u, issuer))
        else:
            found = (d for u, _, d in self.phase.edges("holds", v=issuer) if u in holders)
        for data in found:
            missing |= data.get(measure) is None
            total += data.get(measure) or 0.0
        return total, missing

    def designation_share(
        self, holder: str | set[str] | frozenset[str], issuer: str
    ) -> float | None:
        """Share of ``issuer``'s board that ``holder`` (or a set of group members) may
        designate by board-appointment rights of its own; ``None`` when seats are given but
        the board's size is not."""
        holders = {holder} if isinstance(holder, str) else holder
        rights = [
            d
            for u, _, d in self.phase.edges("right", v=issuer)
            if u in holders and set(d.get("joint_with") or ()) <= holders
        ]
        if any(d["kind"] == "sole_member" for d in rights):
            return 1.0  # the sole member elects the whole board
        seats = sum(d.get("seats") or 0 for d in rights if d["kind"] in APPOINTING)
        if not seats:
            return 0.0
        size = self.phase.graph.nodes[issuer].get("board_size") if issuer in self._index else None
        return seats / size if size else None

    def controlled_by(
        self, holders: set[str] | frozenset[str], issuer: str, concept: Concept = "hsr"
    ) -> bool | None:
        """Whether ``holders`` (a group, counted together) control ``issuer``; ``None`` when
        it turns on a figure the file does not give."""
        if self._kind(issuer) == "person":
            return False
        corporate = self._kind(issuer) in CORPORATE
        if concept == "hsr":
            measures = ["voting"] if corporate else ["equity"]
        else:
            measures = ["voting", "equity"]
        verdict: bool | None = False
        for measure in measures:
            share, missing = self.held_by(holders, issuer, measure)
            if _meets(share, concept):
                return True
            if missing:
                verdict = None
        if corporate or concept == "majority" or self._kind(issuer) in BOARD_GOVERNED:
            board = self.designation_share(holders, issuer)
            if board is not None and _meets(board, concept):
                return True
            if board is None:
                verdict = None
        return verdict

    def controls(self, holder: str, issuer: str, concept: Concept = "hsr") -> bool | None:
        """Direct control of ``issuer`` by ``holder`` alone (the issuer's kind is read from
        the graph)."""
        return self.controlled_by({holder}, issuer, concept)

    def closure(self, entity: str, concept: Concept = "hsr") -> Closure:
        """``entity`` and everything it controls, directly or through what it controls,
        counting the holdings and rights of all members together."""
        key = (entity, concept)
        if key not in self._closures:
            self._closures[key] = self._grow(entity, concept)
        return self._closures[key]

    def _grow(self, entity: str, concept: Concept) -> Closure:
        """A worklist: a verdict on an issuer can change only when a new member holds it
        or has a right over it, so each member's issuers are judged when it joins (linear in
        the closure's edges, where re-scanning every member each round was cubic on chains).
        Same members and undecided set as judging every reached issuer until nothing grows."""
        members, undecided = {entity}, set()
        queue = [entity]
        while queue:
            member = queue.pop()
            reached = {
                v for _, v, d in self.phase.edges(u=member) if d["type"] in ("holds", "right")
            }
            for issuer in sorted(reached - members):
                verdict = self.controlled_by(members, issuer, concept)
                if verdict:
                    members.add(issuer)
                    queue.append(issuer)
                elif verdict is None:
                    undecided.add(issuer)
        return Closure(frozenset(members), frozenset(undecided - members))

    def controllers(self, entity: str, concept: Concept = "hsr") -> set[str]:
        """Every entity that controls ``entity``, directly or through a chain."""
        if entity not in self._index:
            return set()
        key = (entity, concept)
        if key not in self._controllers:
            up = nx.ancestors(self._control_candidates(), entity)
            found = {a for a in up if entity in self.closure(a, concept).members}
            self._controllers[key] = frozenset(found)
        return set(self._controllers[key])

    def undecided_controllers(self, entity: str, concept: Concept = "hsr") -> set[str]:
        """Entities whose control of ``entity`` turns on a figure the file does not give."""
        if entity not in self._index:
            return set()
        up = nx.ancestors(self._control_candidates(), entity)
        return {a for a in up if entity in self.closure(a, concept).undecided}

    def _control_candidates(self) -> nx.DiGraph:
        """Holdings and rights: the links along which control can run."""
        if self._links is None:
            self._links = self.holdings.copy()
            self._links.add_edges_from((u, v) for u, v, _ in self.phase.edges("right"))
        return self._links

    def ultimate_parents(self, entity: str, concept: Concept = "hsr") -> list[str]:
        """The entities at the top of ``entity``'s chains of control — an entity controlled
        by no other (16 CFR 801.1(a)(3)); ``[entity]`` when nobody controls it. Under HSR a
        corporation held 50/50 has two. Where control runs in a circle (A controls B and B
        controls A) the circle is one top, named by its first id."""
        key = (entity, concept)
        if key not in self._parents:  # facts ask for it per entity, many times
            above = self.controllers(entity, concept) | {entity}
            tops = set()
            for candidate in above:
                over = self.controllers(candidate, concept)
                if over <= self.closure(candidate, concept).members:
                    tops.add(min(over | {candidate}))
            self._parents[key] = tuple(sorted(tops))
        return list(self._parents[key])

    def ultimate_parent(self, entity: str, concept: Concept = "hsr") -> str:
        """The first of :meth:`ultimate_parents` (the only one unless control is shared)."""
        return self.ultimate_parents(entity, concept)[0]

    def group(self, entity: str, concept: Concept = "hsr") -> set[str]:
        """The ultimate parent and everything it controls (the whole group, counted once)."""
        return set(self.closure(self.ultimate_parent(entity, concept), concept).members)
