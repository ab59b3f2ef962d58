"""The safe-harbour finder: for each triggered or unknown finding, the smallest change of
the deal's own levers that turns it not triggered (or decides it); for each filing that is
not required, what would bring it in. Every option is verified by evaluating the whole deal
again under the patch; an option that does not survive verification is not reported.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

from trustbench.analysis import Analysis
from trustbench.rules.loader import Pack
from trustbench.sources import paused_gc
from trustbench.whatif.engine import INVALID, Evaluator, Patch, Unbuildable, Verdict
from trustbench.whatif.levers import Lever, Move, moves
from trustbench.whatif.search import LeverProbe, Turn

RANK = {"not_triggered": 0, "unknown": 1, "triggered": 2}
MAX_COMBINATIONS = 80
PER_TARGET = 3


@dataclass(frozen=True)
class Effect:
    jurisdiction: str
    rule: str
    before: str
    after: str
    missing: tuple[str, ...] = ()  # what the rule then needs, when it is left unknown


@dataclass
class Option:
    """A verified combination of moves and everything it changes, per jurisdiction."""

    moves: tuple[Move, ...]
    verdicts: dict[str, Verdict]
    effects: list[Effect]

    @property
    def patch(self) -> Patch:
        return tuple(c for m in self.moves for c in m.changes)

    @property
    def size(self) -> tuple[int, float]:
        """Fewer moves first; then the smaller move along continuous levers (shares in
        points, money relative to the deal's figure)."""
        total = 0.0
        for m in self.moves:
            if m.value is not None and m.base is not None:
                total += abs(m.value - m.base) / (m.base if m.base > 1 else 1.0)
        return len(self.moves), round(total, 6)

    @property
    def worsens(self) -> list[Effect]:
        return [e for e in self.effects if RANK[e.after] > RANK[e.before]]

    @property
    def improves(self) -> list[Effect]:
        return [e for e in self.effects if RANK[e.after] < RANK[e.before]]


@dataclass
class Target:
    jurisdiction: str
    rule: str
    title: str
    status: str
    goal: str  # "not_triggered", "decided" or "brought_in" (what would bring a filing in)
    options: list[Option] = field(default_factory=list)
    deciding: list[str] = field(default_factory=list)  # facts outside the deal's levers


@dataclass
class WhatIf:
    base: dict[str, Verdict]
    targets: list[Target]
    across: list[Option]
    levers: list[str]
    evaluations: int


def reached(goal: str, status: str) -> bool:
    """``decided``: no longer unknown; ``brought_in``: no longer not triggered (a filing
    that becomes required, or open on facts the file does not give)."""
    if status == INVALID:
        return False
    if goal == "decided":
        return status != "unknown"
    if goal == "brought_in":
        return status != "not_triggered"
    return status == goal


def find_options(analysis: Analysis, packs: list[Pack], levers: list[Lever]) -> WhatIf:
    """The options of every finding. The search keeps each patched deal it builds (about a
    hundred and forty on the seed case) and makes almost no cyclic garbage, so the cyclic
    collector is paused while it runs: it only walked those deals again and again (each
    build resumed it, ~7 % of the search)."""
    with paused_gc():
        return _find_options(analysis, packs, levers)


def _find_options(analysis: Analysis, packs: list[Pack], levers: list[Lever]) -> WhatIf:
    ev = Evaluator(analysis.deal, packs, analysis.as_of)
    base = ev.verdicts(())
    targets = _targets(analysis, base)
    atoms = _discrete(ev, levers) + _continuous(ev, levers, targets)
    options: dict[str, Option] = {}
    for atom in atoms:
        _verify(ev, base, (atom,), options)
    for target in targets:
        target.options = _best(target, list(options.values()))
    _combinations(ev, base, atoms, [t for t in targets if not _clean(t)], options)
    for target in targets:
        if not _clean(target):
            target.options = _best(target, list(options.values()))
        if not target.options:
            target.deciding = _deciding(analysis, target, ev, atoms)
    across = sorted(
        (o for o in options.values() if o.improves and not o.worsens),
        key=lambda o: (o.size, -len(o.improves)),
    )
    return WhatIf(base, targets, across, sorted({a.lever for a in atoms}), ev.evaluations)


def _targets(analysis: Analysis, base: dict[str, Verdict]) -> list[Target]:
    out = []
    for result in analysis.results:
        for f in result.findings:
            if f.waiver:
                continue
            if f.status == "triggered":
                goal = "not_triggered"
            elif f.status == "unknown":
                goal = "decided"
            elif f.summary == "filing":
                goal = "brought_in"
            else:
                continue
            out.append(Target(result.id, f.rule, f.title, f.status, goal))
    return out


def _clean(target: Target) -> bool:
    """The target has an option that reaches its goal and makes nothing else worse."""
    return any(not [e for e in o.worsens if e.rule != target.rule] for o in target.options)


def _discrete(ev: Evaluator, levers: list[Lever]) -> list[Move]:
    return [m for lever in levers if lever.kind == "discrete" for m in moves(ev.deal, lever)]


def _continuous(ev: Evaluator, levers: list[Lever], targets: list[Target]) -> list[Move]:
    """For each continuous lever: the value nearest the deal's own at which each target
    reaches its goal."""
    out: dict[str, Move] = {}
    for lever in levers:
        if lever.kind != "continuous":
            continue
        for item_move in moves(ev.deal, lever, 0.0):
            probe = LeverProbe(ev, lever, item_move)
            rules = probe.sensitive([t.rule for t in targets])
            for target in (t for t in targets if t.rule in rules):
                value = _nearest(probe.base, target.goal, probe.turns(target.rule))
                if value is not None:
                    move = probe.move(value)
                    out.setdefault(move.key, move)
    return list(out.values())


def _nearest(base: float, goal: str, turns: list[Turn]) -> float | None:
    """The value nearest ``base`` on the far side of a turn into the goal."""
    found: list[float] = []
    for t in turns:
        if reached(goal, t.right) and not reached(goal, t.left) and t.high > base:
            found.append(t.high)
        if reached(goal, t.left) and not reached(goal, t.right) and t.low < base:
            found.append(t.low)
    return min(found, key=lambda v: abs(v - base)) if found else None


def _verify(
    ev: Evaluator, base: dict[str, Verdict], atoms: tuple[Move, ...], options: dict[str, Option]
) -> Option | None:
    key = "+".join(sorted(a.key for a in atoms))
    if key not in options:
        patch = tuple(c for a in atoms for c in a.changes)
        try:
            verdicts = ev.verdicts(patch)
        except Unbuildable:  # cannot be verified, so it is not reported
            return None
        effects = [
            Effect(
                j,
                rid,
                base[j].statuses[rid],
                status,
                ev.missing(patch, rid) if status == "unknown" else (),
            )
            for j, v in verdicts.items()
            for rid, status in v.statuses.items()
            if status != base[j].statuses[rid]
        ]
        options[key] = Option(atoms, verdicts, effects)
    return options[key]


def _best(target: Target, options: list[Option]) -> list[Option]:
    works = [
        o
        for o in options
        if reached(target.goal, o.verdicts[target.jurisdiction].statuses[target.rule])
    ]
    best = "triggered" if target.goal == "brought_in" else "not_triggered"
    works.sort(
        key=lambda o: (
            o.verdicts[target.jurisdiction].statuses[target.rule] != best,
            bool([e for e in o.worsens if e.rule != target.rule]),
            o.size,
        )
    )
    kept: list[Option] = []
    for o in works:  # a combination that contains a smaller option that works adds nothing,
        # nor does the same lever moved a little further
        keys, levers = {m.key for m in o.moves}, sorted(m.lever for m in o.moves)
        if not any(
            {m.key for m in k.moves} <= keys or sorted(m.lever for m in k.moves) == levers
            for k in kept
        ):
            kept.append(o)
    return kept[:PER_TARGET]


def _combinations(
    ev: Evaluator,
    base: dict[str, Verdict],
    atoms: list[Move],
    open_targets: list[Target],
    options: dict[str, Option],
) -> None:
    """Two, then three moves of different levers, for targets no smaller combination
    reaches cleanly. Only moves that shift some fact of the target are combined, at most
    ``MAX_COMBINATIONS`` are tried on the target's own rule, and only the smallest that
    reach its goal are verified on the whole deal."""
    tried = 0
    for target in open_targets:
        movers = [a for a in atoms if _moves_rule(ev, a, target.rule)]
        for size in (2, 3):
            found = []
            for combo in itertools.combinations(movers, size):
                if len({a.lever for a in combo}) < size or tried >= MAX_COMBINATIONS:
                    continue
                tried += 1
                patch = tuple(c for a in combo for c in a.changes)
                if reached(target.goal, ev.status(patch, target.rule)):
                    found.append(combo)
            found.sort(key=lambda combo: Option(combo, {}, []).size)
            for combo in found[:PER_TARGET]:
                _verify(ev, base, combo, options)
            if found:
                break


def _moves_rule(ev: Evaluator, atom: Move, rid: str) -> bool:
    compiled = ev.rule_pack[rid].rules[rid].compiled
    if compiled is None:
        return False
    if ev.status(atom.changes, rid) == INVALID:
        return False
    if ev.rule_pack[rid].rules[rid].rule.each == "market":
        return ev.status(atom.changes, rid) != ev.status((), rid)
    before, after = ev.context(()), ev.context(atom.changes)
    pack = ev.rule_pack[rid]
    resolved = ev.resolved[pack.id]
    names = [n for n in pack.leaves(compiled.names) if n not in resolved]
    return any(before.get(n).value != after.get(n).value for n in names)


def _deciding(analysis: Analysis, target: Target, ev: Evaluator, atoms: list[Move]) -> list[str]:
    """The facts that decide a finding no lever turns: the facts of the parts of its
    condition that decided it, which no lever moved."""
    finding = next(
        f
        for r in analysis.results
        if r.id == target.jurisdiction
        for f in r.findings
        if f.rule == target.rule
    )
    parts = " ".join(part for part, _ in finding.decided_by)
    names = [n for n in finding.facts if re.search(rf"(?<![\w.]){re.escape(n)}(?![\w])", parts)]
    if not names:
        names = [n for n, use in finding.facts.items() if use.in_condition]
    moved = {n for a in atoms for n in names if _fact_moves(ev, a, n)}
    return [n for n in names if n not in moved] or names


def _fact_moves(ev: Evaluator, atom: Move, name: str) -> bool:
    from trustbench.facts import REGISTRY

    if name not in REGISTRY or REGISTRY[name].scope != "deal":
        return False
    try:
        after = ev.context(atom.changes).get(name).value
    except Unbuildable:
        return False
    return bool(ev.context(()).get(name).value != after)
