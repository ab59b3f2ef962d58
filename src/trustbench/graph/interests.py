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
the group (the right's ``joint_with``) is not sole control.

Controllers and ultimate parents are worked out upwards from the entity asked about
(:mod:`trustbench.graph.control`), in time near-linear in its ancestry.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Literal, TypeVar

from trustbench.graph.build import Phase
from trustbench.graph.control import ControlIndex
from trustbench.graph.control_share import above_half, half_or_more
from trustbench.graph.edges import Edge, Holds, RightEdge
from trustbench.graph.interval import End, end_matrix, interest_or_bound
from trustbench.graph.ownership import Ownership, OwnershipError, holdings_for
from trustbench.model.bounds import Range

Concept = Literal["hsr", "majority"]
E = TypeVar("E", Holds, RightEdge)

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
    # controllers and ultimate parents, worked out upwards once per phase and concept
    _control: dict[str, ControlIndex] = field(default_factory=dict)
    # joint holder of a right → the issuers of the rights naming it (built once)
    _joint_issuers: dict[str, set[str]] | None = None
    # each measure's holdings with the bounded ones at their low or high end (built once)
    _ends: dict[tuple[str, str], Ownership | None] = field(default_factory=dict)

    def __post_init__(self) -> None:
        nodes = [n for n, d in self.phase.graph.nodes.items() if d.kind != "market"]
        self._index = {n: i for i, n in enumerate(sorted(nodes))}

    def held_issuers(self, holder: str) -> list[str]:
        """The issuers ``holder`` holds shares in (figures or not), sorted."""
        return sorted({v for _, v, _ in self.phase.edges(Holds, u=holder)})

    def _kind(self, entity: str) -> str:
        return self.phase.node(entity).kind

    # -- integrated interests ---------------------------------------------------------------
    def matrix(self, measure: str) -> Ownership:
        """The holdings of one measure (``equity`` or ``voting``), built once."""
        if measure not in self._matrices:
            edges = [(u, v, h.share(measure)) for u, v, h in self.phase.edges(Holds)]
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

    def interest_or_bound(self, holder: str, issuer: str, measure: str) -> float | Range | None:
        """:meth:`interest`, or the range it lies in where holdings on the chains are given
        only as bounds (:mod:`trustbench.graph.interval`)."""
        return interest_or_bound(self, holder, issuer, measure)

    def end_matrix(self, measure: str, end: End) -> Ownership | None:
        """The holdings with every bounded one at its low or high ``end``, built once."""
        if (measure, end) not in self._ends:
            self._ends[measure, end] = end_matrix(self, measure, end)
        return self._ends[measure, end]

    @property
    def index(self) -> dict[str, int]:
        """Entity id → its row in the holdings (every entity but markets)."""
        return self._index

    @property
    def partial(self) -> bool:
        """The deal marks its holdings partial: no listed chain is not the same as none."""
        return "holdings" in self.phase.partial

    def direct(self, holder: str, issuer: str, measure: str) -> float | None:
        total, found = 0.0, False
        for _, _, held in self.phase.edges(Holds, holder, issuer):
            share = held.share(measure)
            if share is None:
                return None
            total += share
            found = True
        return None if not found and self.partial else total

    # -- control ----------------------------------------------------------------------------
    def held_by(
        self, holders: set[str] | frozenset[str], issuer: str, measure: str
    ) -> tuple[float, float | None]:
        """The least and the most of ``issuer``'s ``measure`` that ``holders`` hold directly
        together: equal where every holding has a figure; a holding given as a bound adds its
        ends (an open low end adds nothing); the most is ``None`` where a holding has no
        figure and no upper bound."""
        low: float = 0.0
        high: float | None = 0.0
        for held in self._into(Holds, holders, issuer):
            share = held.share_or_bound(measure)
            if isinstance(share, Range):
                low += share.lo or 0.0
                high = high + share.hi if high is not None and share.hi is not None else None
            elif share is None:
                high = None
            else:
                low += share
                high = high + share if high is not None else None
        return low, high

    def _into(self, kind: type[E], holders: set[str] | frozenset[str], issuer: str) -> Iterator[E]:
        """The edges of a kind from any of ``holders`` to ``issuer``, looked up from the
        side with fewer entities (a few holders of a widely held issuer, or the reverse)."""
        if len(holders) < self.phase.graph.in_degree(issuer):
            return (e for u in sorted(holders) for _, _, e in self.phase.edges(kind, u, issuer))
        return (e for u, _, e in self.phase.edges(kind, v=issuer) if u in holders)

    def designation_share(
        self, holder: str | set[str] | frozenset[str], issuer: str
    ) -> float | None:
        """Share of ``issuer``'s board that ``holder`` (or a set of group members) may
        designate by board-appointment rights of its own; ``None`` when seats are given but
        the board's size is not."""
        holders = {holder} if isinstance(holder, str) else holder
        rights = [r for r in self._into(RightEdge, holders, issuer) if set(r.joint_with) <= holders]
        if any(r.kind == "sole_member" for r in rights):
            return 1.0  # the sole member elects the whole board
        seats = sum(r.seats or 0 for r in rights if r.kind in APPOINTING)
        if not seats:
            return 0.0
        size = self.phase.node(issuer).board_size if issuer in self._index else None
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
            least, most = self.held_by(holders, issuer, measure)
            if _meets(least, concept):
                return True
            if most is None or _meets(most, concept):
                verdict = None  # turns on a figure the file gives only as a bound, or not at all
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
        A joint holder named in a right (``joint_with``) has no edge to the right's issuer, so
        its joining re-judges the issuers of those rights as well: else a right held by one
        member jointly with a member that joins later is never counted. Same members and
        undecided set as judging every reached issuer until nothing grows."""
        members, undecided = {entity}, set()
        queue = [entity]
        while queue:
            member = queue.pop()
            links = self.phase.edges(Edge, u=member)
            reached = {v for _, v, e in links if isinstance(e, Holds | RightEdge)}
            # a right held jointly with ``member`` now counts if its holder is a member
            # already: that issuer is re-judged too, though ``member`` holds nothing in it
            reached |= self._named_jointly(member)
            for issuer in sorted(reached - members):
                verdict = self.controlled_by(members, issuer, concept)
                if verdict:
                    members.add(issuer)
                    queue.append(issuer)
                elif verdict is None:
                    undecided.add(issuer)
        return Closure(frozenset(members), frozenset(undecided - members))

    def _named_jointly(self, partner: str) -> set[str]:
        """The issuers of the rights that name ``partner`` as a joint holder."""
        if self._joint_issuers is None:
            self._joint_issuers = {}
            for _, v, r in self.phase.edges(RightEdge):
                for w in r.joint_with:
                    self._joint_issuers.setdefault(w, set()).add(v)
        return self._joint_issuers.get(partner, set())

    def controllers(self, entity: str, concept: Concept = "hsr") -> set[str]:
        """Every entity that controls ``entity``, directly or through a chain."""
        if entity not in self._index:
            return set()
        return self._controls(concept).controllers(entity)

    def _controls(self, concept: Concept) -> ControlIndex:
        if concept not in self._control:
            self._control[concept] = ControlIndex(
                self._links_in,
                self._partners,
                lambda holders, issuer: self.controlled_by(holders, issuer, concept),
            )
        return self._control[concept]

    def _links_in(self, entity: str) -> list[str]:
        """The holders and right-holders of ``entity``: the links control runs along."""
        links = self.phase.edges(Edge, v=entity)
        return list(dict.fromkeys(u for u, _, e in links if isinstance(e, Holds | RightEdge)))

    def _partners(self, entity: str) -> list[str]:
        rights = self.phase.edges(RightEdge, v=entity)
        return sorted({w for _, _, r in rights for w in r.joint_with})

    def ultimate_parents(self, entity: str, concept: Concept = "hsr") -> list[str]:
        """The entities at the top of ``entity``'s chains of control — an entity controlled
        by no other (16 CFR 801.1(a)(3)); ``[entity]`` when nobody controls it. Under HSR a
        corporation held 50/50 has two. Where control runs in a circle (A controls B and B
        controls A) the circle is one top, named by its first id."""
        return list(self._controls(concept).ultimate_parents(entity))

    def ultimate_parent(self, entity: str, concept: Concept = "hsr") -> str:
        """The first of :meth:`ultimate_parents` (the only one unless control is shared)."""
        return self.ultimate_parents(entity, concept)[0]

    def group(self, entity: str, concept: Concept = "hsr") -> set[str]:
        """The ultimate parent and everything it controls (the whole group, counted once)."""
        return set(self.closure(self.ultimate_parent(entity, concept), concept).members)
