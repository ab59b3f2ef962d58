"""Decisive questions: for each unknown finding, the missing fact (or pair of facts) that
decides it, and the value at which the answer turns.

Nothing here is written by hand: the rule's compiled condition is evaluated with the facts
the file gives, the missing fact set in turn to each value where the rule could turn
(each threshold of the rule's parameters, just below, at and just above it; both truth
values; each label the condition tests for), and the outcomes are read off.
:func:`decisive_questions` returns the questions ordered by how many findings each answer
decides, which is the order the memo asks them in.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from typing import Any

from trustbench.analysis import Analysis
from trustbench.expr import Compiled
from trustbench.facts import REGISTRY
from trustbench.rules.evaluate import STATUS, Finding
from trustbench.rules.text import fmt

MAX_PAIR_FACTS = 6
_NUMBER = re.compile(r"(?<![\w.])\d+(?:\.\d+)?(?![\w.])")
_STRING = re.compile(r"'((?:\\.|[^'\\])*)'|\"((?:\\.|[^\"\\])*)\"")


@dataclass(frozen=True)
class Flip:
    """How one finding turns on one fact: (range of the fact, status) from low to high."""

    jurisdiction: str
    rule: str
    subject: str | None
    outcomes: tuple[tuple[str, str], ...]
    decides: bool  # every value of the fact decides the finding
    together_with: tuple[str, ...] = ()

    def text(self) -> str:
        return "; ".join(f"{when}: {status.replace('_', ' ')}" for when, status in self.outcomes)


@dataclass
class Question:
    fact: str
    question: str
    flips: list[Flip] = field(default_factory=list)

    @property
    def decides(self) -> int:
        return sum(1 for f in self.flips if f.decides)


def decisive_questions(analysis: Analysis) -> list[Question]:
    """Every fact that decides, or at some values decides, an unknown finding; the facts
    that decide the most findings first."""
    found: dict[str, Question] = {}
    for result in analysis.results:
        for finding in result.findings:
            if finding.status != "unknown" or finding.waiver:
                continue
            compiled = result.pack.rules[finding.rule].compiled
            if compiled is None:
                continue
            for item in finding.instances or [finding]:
                if item.status == "unknown":
                    for fact, flip in flips(result.id, finding.rule, compiled, item):
                        spec = REGISTRY[fact]
                        question = found.setdefault(fact, Question(fact, spec.question or spec.doc))
                        question.flips.append(flip)
    return sorted(found.values(), key=lambda q: (-q.decides, -len(q.flips), q.fact))


def flips(
    jurisdiction: str, rule: str, compiled: Compiled, finding: Finding
) -> list[tuple[str, Flip]]:
    values: dict[str, Any] = {n: u.value for n, u in finding.facts.items()}
    values.update({n: p.value for n, p in finding.params.items()})
    missing = [m for m in finding.missing if m in REGISTRY]
    out: list[tuple[str, Flip]] = []
    for fact in missing:
        outcomes = _scan(compiled, values, fact)
        if any(s != "unknown" for _, s in outcomes):
            decides = all(s != "unknown" for _, s in outcomes)
            out.append((fact, Flip(jurisdiction, rule, finding.subject, outcomes, decides)))
    if not any(f.decides for _, f in out) and 1 < len(missing) <= MAX_PAIR_FACTS:
        out += _pairs(jurisdiction, rule, compiled, values, missing, finding.subject)
    return out


def _pairs(
    jurisdiction: str,
    rule: str,
    compiled: Compiled,
    values: dict[str, Any],
    missing: list[str],
    subject: str | None,
) -> list[tuple[str, Flip]]:
    """Two facts that decide the finding together when neither does alone."""
    out = []
    for a, b in itertools.combinations(missing, 2):
        decided = all(
            STATUS[compiled.evaluate({**values, a: va, b: vb}).value] != "unknown"
            for _, va in _candidates(compiled, values, a)
            for _, vb in _candidates(compiled, values, b)
        )
        if decided:
            for one, other in ((a, b), (b, a)):
                flip = Flip(jurisdiction, rule, subject, (), True, (other,))
                out.append((one, flip))
    return out


def _scan(compiled: Compiled, values: dict[str, Any], fact: str) -> tuple[tuple[str, str], ...]:
    """(range of ``fact``, status) runs, merging neighbouring values with one status."""
    points = _candidates(compiled, values, fact)
    statuses = [STATUS[compiled.evaluate({**values, fact: v}).value] for _, v in points]
    spec = REGISTRY[fact]
    if spec.type in ("double", "int"):
        marks = _thresholds(compiled, values)
        return _numeric_runs([v for _, v in points], statuses, marks, spec.unit)
    return tuple((label, st) for (label, _), st in zip(points, statuses, strict=True))


def _numeric_runs(
    values: list[float], statuses: list[str], marks: set[float], unit: str
) -> tuple[tuple[str, str], ...]:
    """Runs of one status; a boundary is named by the threshold it lies at: ``at least
    p`` when the run starts at ``p``, ``more than p`` when it starts just above it."""
    bounds: list[str] = []  # the text of each boundary between runs
    starts = [0] + [i for i in range(1, len(values)) if statuses[i] != statuses[i - 1]]
    for i in starts[1:]:
        first, last = values[i], values[i - 1]
        if first in marks:
            bounds.append(f"at least {fmt(first, unit)}|below {fmt(first, unit)}")
        elif last in marks:
            bounds.append(f"more than {fmt(last, unit)}|at most {fmt(last, unit)}")
        else:
            bounds.append(f"at least {fmt(first, unit)}|below {fmt(first, unit)}")
    runs = []
    for n, i in enumerate(starts):
        lower = bounds[n - 1].split("|")[0] if n else ""
        upper = bounds[n].split("|")[1] if n < len(bounds) else ""
        text = f"{lower} and {upper}" if lower and upper else lower or upper or "any value"
        runs.append((text, statuses[i]))
    return tuple(runs)


def _candidates(compiled: Compiled, values: dict[str, Any], fact: str) -> list[tuple[str, Any]]:
    spec = REGISTRY[fact]
    if spec.type == "bool":
        return [("no", False), ("yes", True)]
    literals = [a or b for a, b in _STRING.findall(compiled.source)]
    if spec.type == "list":
        options: list[tuple[str, Any]] = [("none", [])]
        options += [(label, [label]) for label in dict.fromkeys(literals)]
        return options
    if spec.type == "string":
        return [(label, label) for label in dict.fromkeys(literals)] + [("other", "")]
    integer = spec.type == "int"
    marks = _thresholds(compiled, values)
    points: set[float] = set()
    for t in marks:
        nudge = 1.0 if integer else max(abs(t) * 1e-6, 1e-6)
        points |= {t - nudge, t, t + nudge}
    points.add(max(marks) * 10 + 1)
    ordered = sorted(p for p in points if p >= 0)
    return [(str(p), int(p) if integer else p) for p in ordered]


def _thresholds(compiled: Compiled, values: dict[str, Any]) -> set[float]:
    """The values the condition compares against: its parameters and its literals."""
    marks = {0.0}
    for name in compiled.names:
        value = values.get(name)
        if (
            name.startswith("params.")
            and isinstance(value, int | float)
            and not isinstance(value, bool)
        ):
            marks.add(float(value))
    return marks | {float(n) for n in _NUMBER.findall(compiled.source)}


def request_order(analysis: Analysis) -> dict[str, tuple[int, int]]:
    """Fact → (findings its answer decides, findings it bears on): the key the memo sorts
    its information requests by (most decided first)."""
    return {q.fact: (q.decides, len(q.flips)) for q in decisive_questions(analysis)}
