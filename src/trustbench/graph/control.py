"""Who controls an entity, directly or through a chain, in time near-linear in its ancestry.

Write ``a ≥ y`` when ``y`` is in ``a``'s closure (``a`` and everything it controls, counting
the holdings and rights of all its members together: :meth:`Interests.closure
<trustbench.graph.interests.Interests.closure>`). This is a preorder: if ``b`` is in ``a``'s
closure, so is all of ``b``'s. And ``a ≥ y`` (``a ≠ y``) exactly when the members of ``a``'s
closure among ``y``'s holders and right-holders control ``y`` together; each of those is
itself some ``p`` with ``a ≥ p``. So the controllers of ``y`` are found from its holders'
controllers, never from closures of everything above:

- a holder (or right-holder) ``p`` that controls ``y`` alone gives the link ``y → p``: all
  of ``p``'s controllers control ``y``;
- the controllers of the other holders are the candidates for control by a group: each is
  judged with the holders it controls counted together, and gets a link ``y → a`` when they
  control ``y``.

The controllers of ``y`` are then everything reachable from ``y`` along these links, and
its ultimate parents the tops of that reach: the strongly connected sets with no link
leaving them (a circle of control is one top, named by its first id). Entities are settled
holders before issuers; a circle of holdings is iterated until nothing changes (the links
only grow, so it ends). A chain or a star costs one pass; :data:`BUDGET` steps bound the
pathological cases, which stop with an :class:`OwnershipError` located at the holdings.
"""

from __future__ import annotations

from collections.abc import Callable, Container
from dataclasses import dataclass, field

from trustbench.graph.ownership import OwnershipError

BUDGET = 20_000_000
"""Steps (links followed, groups judged) one phase may spend on control before it stops."""

Judge = Callable[[frozenset[str], str], bool | None]
"""``judge(holders, issuer)``: whether ``holders``, counted together, control ``issuer``."""


@dataclass
class ControlIndex:
    """The control links of one phase and concept, worked out for an entity's ancestry the
    first time it is asked about."""

    links_in: Callable[[str], list[str]]
    """the holders and right-holders of an entity"""
    partners: Callable[[str], list[str]]
    """the entities named as joint holders of a right over an entity"""
    judge: Judge
    above: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """entity → the entities its control links lead to (settled entities only)"""
    steps: int = 0
    _tops: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def controllers(self, entity: str) -> set[str]:
        """Every entity that controls ``entity``, directly or through a chain."""
        self._settle(entity)
        return self._reach(entity) - {entity}

    def ultimate_parents(self, entity: str) -> tuple[str, ...]:
        """The tops of ``entity``'s chains of control, each named by its first id."""
        if entity not in self._tops:
            self._settle(entity)
            self._tops[entity] = tuple(sorted(min(s) for s in _sinks(self._reach(entity), self)))
        return self._tops[entity]

    # -- settling -------------------------------------------------------------------------
    def _settle(self, entity: str) -> None:
        if entity in self.above:
            return
        region = _ancestry(entity, self.links_in, self.above)
        for circle in _holders_first(region, self.links_in):
            self._settle_circle(circle)

    def _settle_circle(self, circle: list[str]) -> None:
        for entity in circle:
            self.above[entity] = ()
        if len(circle) == 1 and circle[0] not in self.links_in(circle[0]):
            self.above[circle[0]] = self._links(circle[0])  # off every loop: one pass
            return
        changed = True
        while changed:
            changed = False
            for entity in circle:
                links = self._links(entity)
                if links != self.above[entity]:
                    self.above[entity] = links
                    changed = True

    def _links(self, entity: str) -> tuple[str, ...]:
        """The control links out of ``entity``: each holder that controls it alone, and
        each controller of another holder whose holdings together control it."""
        alone: list[str] = []
        others: list[str] = []
        for p in self.links_in(entity):
            self._spend(1)
            (alone if self.judge(frozenset({p}), entity) else others).append(p)
        counted: dict[str, set[str]] = {}
        for p in others:
            for a in self._reach(p):
                counted.setdefault(a, set()).add(p)
        partners = self.partners(entity)
        for w in partners:
            if w not in self.above:
                self._settle(w)
        joint = {w: self._reach(w) for w in partners}
        group = []
        for a, holders in sorted(counted.items()):
            if a == entity or a in alone:
                continue
            self._spend(len(holders))
            together = frozenset(holders | {w for w, up in joint.items() if a in up})
            if self.judge(together, entity):
                group.append(a)
        return tuple(sorted(alone)) + tuple(group)

    def _reach(self, entity: str) -> set[str]:
        seen, todo = {entity}, [entity]
        while todo:
            for up in self.above.get(todo.pop(), ()):
                self._spend(1)
                if up not in seen:
                    seen.add(up)
                    todo.append(up)
        return seen

    def _spend(self, steps: int) -> None:
        self.steps += steps
        if self.steps > BUDGET:
            raise OwnershipError(
                f"the chains of control are too entangled to settle within {BUDGET:,} steps",
                hint="split the holdings into the groups that matter for the deal, or give "
                "fewer cross-holdings",
            )


def _ancestry(
    entity: str, links_in: Callable[[str], list[str]], settled: Container[str]
) -> set[str]:
    """``entity`` and everything with a chain of holdings or rights to it, short of what
    is settled already."""
    region, todo = {entity}, [entity]
    while todo:
        for p in links_in(todo.pop()):
            if p not in region and p not in settled:
                region.add(p)
                todo.append(p)
    return region


def _holders_first(region: set[str], links_in: Callable[[str], list[str]]) -> list[list[str]]:
    """The strongly connected sets of ``region`` (links holder → issuer), holders' sets
    before their issuers' (iterative Tarjan over the reversed links, whose output order
    puts the holders first)."""
    return _components(sorted(region), lambda n: [p for p in links_in(n) if p in region])


def _sinks(reach: set[str], index: ControlIndex) -> list[set[str]]:
    """The strongly connected sets of the control links within ``reach`` that no link
    leaves."""
    circles = _components(sorted(reach), lambda n: list(index.above.get(n, ())))
    where = {n: k for k, c in enumerate(circles) for n in c}
    return [
        set(c)
        for k, c in enumerate(circles)
        if all(where[up] == k for n in c for up in index.above.get(n, ()))
    ]


def _components(nodes: list[str], out: Callable[[str], list[str]]) -> list[list[str]]:
    """Tarjan's strongly connected components, iteratively; each component comes after
    every component it has an edge to."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    for root in nodes:
        if root in index:
            continue
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        work = [(root, iter(out(root)))]
        while work:
            node, children = work[-1]
            for child in children:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(out(child))))
                    break
                if child in on_stack:
                    low[node] = min(low[node], index[child])
            else:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[node])
                if low[node] == index[node]:
                    members = []
                    while True:
                        m = stack.pop()
                        on_stack.discard(m)
                        members.append(m)
                        if m == node:
                            break
                    found.append(sorted(members))
    return found
