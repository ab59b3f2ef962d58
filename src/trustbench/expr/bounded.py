"""Evaluating a condition over bounds: values known only to lie in a range.

A fact may be a bound (``"< GBP 70m"``, ``"60-70 %"``): any object with
``compare(op, number) -> True | False | None`` (the deal model's ``Range``; the expression
layer knows it only by that method). CEL cannot take such a value, so a condition with one
is evaluated here, over CEL's own checked parse (:mod:`trustbench.expr.ast`), in Kleene's
three-valued logic: a comparison involving a bound is decided by the bound when it
suffices and is unknown otherwise, and ``&&``, ``||``, ``!`` and ``?:`` combine the
results as CEL would. What this evaluator does not know (a comprehension, a map access)
makes the condition unknown, never wrong.
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from trustbench.expr.ast import Node

__all__ = [
    "UNKNOWN",
    "Count",
    "count_above",
    "count_exact",
    "evaluate",
    "exact_table",
    "is_bound",
    "open_table",
]


class _Unknown:
    def __repr__(self) -> str:
        return "UNKNOWN"


UNKNOWN: Any = _Unknown()
_FLIP = {"<": ">", "<=": ">=", ">": "<", ">=": "<=", "==": "==", "!=": "!="}
_COMPARE = {"_<_": "<", "_<=_": "<=", "_>_": ">", "_>=_": ">=", "_==_": "==", "_!=_": "!="}
_PY: dict[str, Callable[[Any, Any], Any]] = {
    "<": operator.lt,
    "<=": operator.le,
    ">": operator.gt,
    ">=": operator.ge,
    "==": operator.eq,
    "!=": operator.ne,
}


class Unsupported(Exception):
    """The condition uses something this evaluator cannot decide over a bound."""


_PLAIN = (bool, int, float, str, list, tuple, dict, type(None))


def is_bound(value: Any) -> bool:
    if isinstance(value, _PLAIN):  # the common case, decided without attribute lookups
        return False
    return callable(getattr(value, "compare", None)) and hasattr(value, "lo")


def evaluate(
    root: Node, values: Mapping[str, Any], scale: Callable[[Any, float], float]
) -> bool | None:
    """True, False or None (unknown) for ``root`` with ``values`` (absent: unknown)."""
    try:
        result = _Eval(values, scale).node(root)
    except Unsupported:
        return None
    return result if isinstance(result, bool) else None


class _Eval:
    def __init__(self, values: Mapping[str, Any], scale: Callable[[Any, float], float]) -> None:
        self.values = values
        self.scale = scale

    def node(self, node: Node) -> Any:
        if node.ref:
            value = self.values.get(node.ref)
            return UNKNOWN if value is None else value
        if node.kind == "const":
            return node.value
        if node.kind == "list":
            return [self.node(a) for a in node.args]
        if node.kind == "call":
            return self.call(node)
        raise Unsupported(node.kind)

    def call(self, node: Node) -> Any:
        name, args = node.name, node.args
        if name in ("_&&_", "_||_"):
            return self.logical(name, args)
        if name == "!_":
            value = self.node(args[0])
            return UNKNOWN if value is UNKNOWN else not value
        if name == "_?_:_":
            return self.ternary(args)
        operands = [self.node(a) for a in args]
        if any(v is UNKNOWN for v in operands):
            return UNKNOWN
        if name in _COMPARE:
            return compare(_COMPARE[name], operands[0], operands[1])
        return self.function(name, operands)

    def logical(self, name: str, args: list[Node]) -> Any:
        absorbing = name == "_||_"
        results = [self.node(a) for a in args]
        if any(r is absorbing for r in results):
            return absorbing
        if any(r is UNKNOWN or is_bound(r) for r in results):
            return UNKNOWN
        return not absorbing

    def ternary(self, args: list[Node]) -> Any:
        cond = self.node(args[0])
        if cond is UNKNOWN:
            yes, no = self.node(args[1]), self.node(args[2])
            return yes if yes == no and yes is not UNKNOWN else UNKNOWN
        return self.node(args[1] if cond else args[2])

    def function(self, name: str, operands: list[Any]) -> Any:
        if name == "count_above" and not any(is_bound(v) for v in operands[1]):
            return count_above(operands[0], operands[1])
        if any(is_bound(v) for v in operands):
            return _bounded_arithmetic(name, operands)
        if name == "@in":
            return operands[0] in operands[1]
        if name == "size":
            return len(operands[0])
        if name == "scale":
            return self.scale(operands[0], operands[1])
        if name == "count_above":
            return count_above(operands[0], operands[1])
        arithmetic = {
            "_+_": operator.add,
            "_-_": operator.sub,
            "_*_": operator.mul,
            "_/_": operator.truediv,
        }
        if name in arithmetic:
            return arithmetic[name](operands[0], operands[1])
        if name == "-_":
            return -operands[0]
        if name in ("double", "int"):
            return float(operands[0]) if name == "double" else int(operands[0])
        raise Unsupported(name)


def compare(op: str, left: Any, right: Any) -> Any:
    """``left OP right`` where either side may be a bound."""
    if is_bound(left) and is_bound(right):
        return UNKNOWN
    if is_bound(left):
        decided = left.compare(op, float(right))
        return UNKNOWN if decided is None else decided
    if is_bound(right):
        decided = right.compare(_FLIP[op], float(left))
        return UNKNOWN if decided is None else decided
    return _PY[op](left, right)


def _bounded_arithmetic(name: str, operands: list[Any]) -> Any:
    """A bound plus or minus an exact number stays a bound; anything else is unknown."""
    if len(operands) == 2 and name in ("_+_", "_-_"):
        bound, other = (
            (operands[0], operands[1]) if is_bound(operands[0]) else (operands[1], operands[0])
        )
        if is_bound(other) or not isinstance(other, int | float):
            return UNKNOWN
        if name == "_-_" and not is_bound(operands[0]):
            return UNKNOWN  # number minus a bound: its direction flips; not needed yet
        return bound.shift(other if name == "_+_" else -other)
    return UNKNOWN


# -- tables: rows of cells, each exact, a bound or unknown (None) -----------------------------


def open_table(value: Any) -> bool:
    """A table (a mapping of rows) with a cell that is a bound or unknown: CEL cannot take
    it, so the condition is evaluated here."""
    if not isinstance(value, dict):
        return False
    return any(c is None or is_bound(c) for row in value.values() for c in row)


def exact_table(value: dict[str, Any]) -> dict[str, list[float]]:
    """A table of exact cells as CEL takes it (every cell a double)."""
    return {str(k): [float(c) for c in row] for k, row in value.items()}


def count_exact(table: Mapping[str, Any], minimums: Any) -> int:
    """The number of rows of an exact table each cell of which is more than its column's
    minimum (CEL's implementation of ``count_above``)."""
    mins = [float(m) for m in minimums]
    return sum(
        1
        for row in table.values()
        if len(list(row)) >= len(mins)
        and all(float(c) > m for c, m in zip(row, mins, strict=False))
    )


@dataclass(frozen=True)
class Count:
    """A count known only to lie between ``lo`` and ``hi`` (both included): the rows that
    certainly pass and those that may."""

    lo: int
    hi: int

    def compare(self, op: str, other: float) -> bool | None:
        fn = _PY[op]
        if op in ("==", "!="):
            if self.lo == self.hi:
                return bool(fn(self.lo, other))
            inside = self.lo <= other <= self.hi
            return None if inside else op == "!="
        at_lo, at_hi = fn(self.lo, other), fn(self.hi, other)
        return bool(at_lo) if at_lo == at_hi else None


def count_above(table: Any, minimums: Any) -> Any:
    """``count_above`` over a table whose cells may be bounds or unknown: the exact count
    where every row is decided, else a :class:`Count` from the rows that certainly pass to
    those that may. A row shorter than the minimums never passes."""
    mins = [float(m) for m in minimums]
    certain = possible = 0
    for row in dict(table).values():
        cells = list(row)
        if len(cells) < len(mins):
            continue
        results = [_above(c, m) for c, m in zip(cells, mins, strict=False)]
        if all(r is True for r in results):
            certain += 1
        if not any(r is False for r in results):
            possible += 1
    return certain if certain == possible else Count(certain, possible)


def _above(cell: Any, minimum: float) -> bool | None:
    if cell is None:
        return None
    if is_bound(cell):
        decided: bool | None = cell.compare(">", minimum)
        return decided
    return float(cell) > minimum
