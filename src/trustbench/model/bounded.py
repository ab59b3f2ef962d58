"""Bounds and ranges as deal files write them: ``"< GBP 70m"``, ``"> EUR 400m"``,
``"60-70%"``, ``"at most 7 %"``, ``{min: 0.6, max: 0.7}``.

Each parser returns the exact value when the text gives one (so ``"49%"`` stays a float)
and a :class:`~trustbench.model.bounds.Range` when it gives only a bound; the text as
written is kept (``Range.text``) for the memo.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from typing import Any

from pydantic import BaseModel, ConfigDict
from pydantic_core import PydanticCustomError

from trustbench.model.bounds import Range

_BELOW = r"<=|≤|<|=<|at most|up to|no more than|not more than|below|under|less than"
_ABOVE = r">=|≥|>|=>|at least|no less than|not less than|above|over|more than|exceeding"
_OP = re.compile(rf"^\s*(?P<op>{_BELOW}|{_ABOVE})\s*(?P<rest>.+)$", re.IGNORECASE)
_SPAN = re.compile(r"^\s*(?P<a>[^–—]+?)\s*(?:-|–|—|\bto\b)\s*(?P<b>[^–—]+?)\s*$", re.IGNORECASE)
_STRICT = {"<", ">", "below", "under", "less than", "above", "over", "more than", "exceeding"}


class MoneyBound(BaseModel):
    """An amount known only as a bound or a range, in ``currency`` (``None``: the case's)."""

    model_config = ConfigDict(frozen=True, arbitrary_types_allowed=True, defer_build=True)

    range: Range
    currency: str | None = None

    def text(self, default: str = "USD") -> str:
        return self.range.text or f"{self.currency or default} {self.range}"


def _bad(kind: str, value: Any, example: str) -> PydanticCustomError:
    shown = repr(value) if len(repr(value)) <= 80 else repr(value)[:77] + "..."
    return PydanticCustomError(
        kind,
        f"expected {example}, got {shown}",
        {
            "hint": "a bound is written '< GBP 70m', '> 400m', '60-70%', 'at most 7 %' or "
            "{min: ..., max: ...}"
        },
    )


def split_bound(text: str) -> tuple[str, str, str] | None:
    """``("hi" | "lo" | "span", first, second)`` if ``text`` states a bound, else None."""
    match = _OP.match(text)
    if match:
        op = match.group("op").lower()
        side = "hi" if re.fullmatch(_BELOW, op, re.IGNORECASE) else "lo"
        return side, match.group("rest"), "open" if op in _STRICT else "closed"
    stripped = text.strip()
    if stripped.startswith(("-", "+")):
        return None
    match = _SPAN.match(stripped)
    if match:
        return "span", match.group("a"), match.group("b")
    return None


def make_range(
    value: Any, exact: Callable[[Any], float], text: str, *, span_suffix: str = ""
) -> float | Range | None:
    """Parse ``value`` (text or ``{min, max}``) into a Range with ``exact`` parsing each end;
    ``None`` if ``value`` is not written as a bound. ``span_suffix`` is appended to the first
    end of a span that lacks it ("60-70%" → "60%", "70%")."""
    if isinstance(value, dict):
        return _from_mapping(value, exact, text)
    if not isinstance(value, str):
        return None
    parts = split_bound(value)
    if parts is None:
        return None
    side, first, second = parts
    if side == "span":
        if span_suffix and not first.rstrip().endswith(span_suffix):
            first = first + span_suffix
        lo, hi = exact(first), exact(second)
        return lo if lo == hi else _checked(lo, hi, False, False, text)
    number = exact(first)
    strict = second == "open"
    if side == "hi":
        return _checked(None, number, False, strict, text)
    return _checked(number, None, strict, False, text)


def _from_mapping(value: dict[str, Any], exact: Callable[[Any], float], text: str) -> Range:
    unknown = set(value) - {"min", "max", "min_open", "max_open", "currency"}
    if unknown or not ({"min", "max"} & set(value)):
        raise PydanticCustomError(
            "bound",
            "expected a bound {min: ..., max: ...} (either may be left out), got keys "
            + ", ".join(sorted(map(str, value))),
            {"hint": "write {min: 0.6, max: 0.7}; min_open/max_open: true for a strict bound"},
        )
    lo = exact(value["min"]) if value.get("min") is not None else None
    hi = exact(value["max"]) if value.get("max") is not None else None
    flags = [value.get("min_open", False), value.get("max_open", False)]
    if not all(isinstance(f, bool) for f in flags):
        raise PydanticCustomError("bound", "min_open and max_open are true or false", {})
    return _checked(lo, hi, flags[0], flags[1], text)


def _checked(lo: float | None, hi: float | None, lo_open: bool, hi_open: bool, text: str) -> Range:
    for end in (lo, hi):
        if end is not None and not math.isfinite(end):
            raise PydanticCustomError("bound", "a bound must be a finite number", {})
    if lo is not None and hi is not None and lo > hi:
        raise PydanticCustomError(
            "bound",
            f"the lower bound {lo:g} is above the upper bound {hi:g} in {text!r}",
            {"hint": "write the smaller figure first, e.g. 60-70%"},
        )
    if lo is None and hi is None:
        raise PydanticCustomError("bound", "a bound needs a lower or an upper figure", {})
    return Range(lo, hi, lo_open, hi_open, text)


def text_of(value: Any) -> str:
    if isinstance(value, dict):
        lo, hi = value.get("min"), value.get("max")
        if lo is not None and hi is not None:
            return f"{lo}–{hi}"
        if hi is None:
            return f"{'>' if value.get('min_open') else '≥'} {lo}"
        return f"{'<' if value.get('max_open') else '≤'} {hi}"
    return " ".join(str(value).split())
