"""Bounds and ranges: what a decision reports when it does not give the exact figure.

Decisions say "turnover below GBP 70m", "a share of 60-70 %", "at most 7 %". A
:class:`Range` keeps such a value as given (``text``) together with its numeric limits, so
that a comparison is decided whenever the bound suffices and left unknown otherwise:

- ``Range(hi=70e6, hi_open=True)`` (``< GBP 70m``) is below a GBP 100m test: decided;
- ``Range(lo=0.6, hi=0.7)`` (``60-70 %``) is above a 50 % test: decided; against 65 %, open.

This is the contract between the layers: the deal model parses bounds into a ``Range``,
facts may carry a ``Range`` as their value (scaled into the fact's unit with :meth:`scale`),
and the rule evaluator decides comparisons on it three-valued (:meth:`compare`). An exact
number is never wrapped: a ``Range`` always leaves some doubt.
"""

from __future__ import annotations

import math
import operator
from collections.abc import Callable
from dataclasses import dataclass, replace

__all__ = ["Range", "ends", "minus", "monotone", "plus"]

_OPS: dict[str, Callable[[float, float], bool]] = {
    "<": operator.lt,
    "<=": operator.le,
    ">": operator.gt,
    ">=": operator.ge,
}


@dataclass(frozen=True)
class Range:
    """A value known only to lie between ``lo`` and ``hi`` (``None``: unbounded on that
    side); ``*_open`` marks a strict bound (``< 70m``: ``hi=70e6, hi_open=True``)."""

    lo: float | None = None
    hi: float | None = None
    lo_open: bool = False
    hi_open: bool = False
    text: str = ""

    def __post_init__(self) -> None:
        for limit in (self.lo, self.hi):
            if limit is not None and not math.isfinite(limit):
                raise ValueError("a bound must be a finite number")
        if self.lo is None and self.hi is None:
            raise ValueError("a range needs a lower or an upper bound")
        if self.lo is not None and self.hi is not None and self.lo > self.hi:
            raise ValueError(f"the lower bound {self.lo:g} is above the upper bound {self.hi:g}")

    def scale(self, factor: float, text: str | None = None) -> Range:
        """The same range in another unit (a currency conversion: ``factor`` > 0)."""
        if factor <= 0 or not math.isfinite(factor):
            raise ValueError("a range is scaled by a positive, finite factor")
        lo = None if self.lo is None else self.lo * factor
        hi = None if self.hi is None else self.hi * factor
        return Range(lo, hi, self.lo_open, self.hi_open, self.text if text is None else text)

    def shift(self, amount: float) -> Range:
        """The range plus an exact amount (a sum with a known figure)."""
        lo = None if self.lo is None else self.lo + amount
        hi = None if self.hi is None else self.hi + amount
        return Range(lo, hi, self.lo_open, self.hi_open, self.text)

    def compare(self, op: str, other: float) -> bool | None:
        """``value OP other`` for every value in the range: True, False, or None when the
        range straddles ``other``. ``op`` is one of ``<  <=  >  >=  ==  !=``."""
        if op in ("==", "!="):
            inside = self.contains(other)
            if not inside:
                return op == "!="
            return None
        if op not in _OPS:
            raise ValueError(f"unknown comparison {op!r}")
        fn = _OPS[op]
        lows = self._all(fn, other, self.lo, self.lo_open, below=True)
        highs = self._all(fn, other, self.hi, self.hi_open, below=False)
        if lows is True and highs is True:
            return True
        if lows is False and highs is False:
            return False
        return None

    def contains(self, x: float) -> bool:
        if self.lo is not None and (x < self.lo or (self.lo_open and x == self.lo)):
            return False
        return not (self.hi is not None and (x > self.hi or (self.hi_open and x == self.hi)))

    @staticmethod
    def _all(
        fn: Callable[[float, float], bool],
        other: float,
        limit: float | None,
        is_open: bool,
        below: bool,
    ) -> bool:
        """Whether ``fn(v, other)`` holds for the values next to this end of the range; an
        unbounded end stands for minus or plus infinity."""
        if limit is None:
            return fn(-math.inf if below else math.inf, other)
        if not is_open or limit != other:
            return fn(limit, other)
        # an open end equal to ``other``: the values approach it from inside the range
        nearby = math.nextafter(limit, math.inf if below else -math.inf)
        return fn(nearby, other)

    def as_dict(self) -> dict[str, float | bool | str | None]:
        """The JSON form: ``{"min", "max", "min_open", "max_open", "text"}``."""
        return {
            "min": self.lo,
            "max": self.hi,
            "min_open": self.lo_open,
            "max_open": self.hi_open,
            "text": str(self),
        }

    def render(self, end: Callable[[float], str]) -> str:
        """The range with each end written by ``end`` (``49 %``, ``USD 70m``); the text as
        given when there is one."""
        if self.text:
            return self.text
        if self.lo is None:
            return f"{'<' if self.hi_open else '≤'} {end(self.hi or 0.0)}"
        if self.hi is None:
            return f"{'>' if self.lo_open else '≥'} {end(self.lo)}"
        return f"{end(self.lo)}–{end(self.hi)}"

    def __str__(self) -> str:
        if self.text:
            return self.text
        if self.lo is None:
            return f"{'<' if self.hi_open else '≤'} {self.hi:g}"
        if self.hi is None:
            return f"{'>' if self.lo_open else '≥'} {self.lo:g}"
        return f"{self.lo:g}–{self.hi:g}"


Number = float | int


def plus(a: Number | Range, b: Number | Range) -> Number | Range | None:
    """``a + b`` where either may be a range: exact + range shifts it; range + range adds
    the ends (an end unbounded on one side stays unbounded); ``None`` when the sum is
    bounded on neither side (``< 5`` plus ``> 3``)."""
    if not isinstance(a, Range) and not isinstance(b, Range):
        return a + b
    if not isinstance(a, Range):
        a, b = b, a
    assert isinstance(a, Range)
    if not isinstance(b, Range):
        return a.shift(float(b)) if b == 0 else replace(a.shift(float(b)), text="")
    lo = None if a.lo is None or b.lo is None else a.lo + b.lo
    hi = None if a.hi is None or b.hi is None else a.hi + b.hi
    if lo is None and hi is None:
        return None
    return Range(lo, hi, a.lo_open or b.lo_open, a.hi_open or b.hi_open)


def minus(a: Number | Range, b: Number | Range) -> Number | Range | None:
    """``a - b`` where either may be a range: from the low end of ``a`` less the high end of
    ``b`` to the high end of ``a`` less the low end of ``b``; ``None`` when the difference is
    bounded on neither side."""
    if not isinstance(a, Range) and not isinstance(b, Range):
        return a - b
    (alo, ahi), (blo, bhi) = ends(a), ends(b)
    lo = None if alo is None or bhi is None else alo - bhi
    hi = None if ahi is None or blo is None else ahi - blo
    if lo is None and hi is None:
        return None
    if lo is not None and hi is not None and lo == hi:
        return lo
    a_open = a.lo_open if isinstance(a, Range) else False
    b_open = b.hi_open if isinstance(b, Range) else False
    a_hi_open = a.hi_open if isinstance(a, Range) else False
    b_lo_open = b.lo_open if isinstance(b, Range) else False
    return Range(lo, hi, a_open or b_open, a_hi_open or b_lo_open)


def ends(value: Number | Range) -> tuple[float | None, float | None]:
    """The lowest and highest value possible (``None``: unbounded)."""
    if isinstance(value, Range):
        return value.lo, value.hi
    return float(value), float(value)


def monotone(
    fn: Callable[[float, float], float], a: Number | Range, b: Number | Range
) -> Number | Range | None:
    """``fn(a, b)`` for ``fn`` non-decreasing in both arguments (2·s₁·s₂ for shares): the
    range from the low ends to the high ends; ``None`` if an end needed is unbounded."""
    if not isinstance(a, Range) and not isinstance(b, Range):
        return fn(float(a), float(b))
    (alo, ahi), (blo, bhi) = ends(a), ends(b)
    lo = None if alo is None or blo is None else fn(alo, blo)
    hi = None if ahi is None or bhi is None else fn(ahi, bhi)
    if lo is None and hi is None:
        return None
    if lo is not None and hi is not None and lo == hi:
        return lo
    return Range(lo, hi)
