"""Finding texts: ``{name}`` / ``{name|format}`` placeholders over facts and parameters.

A deliberately small template language: no code, no attribute access, nothing to escape
from. Names are fact names, ``params.<name>``, or ``acquirer`` / ``target`` (their names).
Formats: ``pct``, ``money``, ``num``, ``int``, ``list``, ``yesno``, ``date``; the default
follows the fact's or parameter's unit.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable
from typing import Any

from trustbench.model.bounds import Range
from trustbench.model.types import format_money

PLACEHOLDER = re.compile(
    r"\{(?P<name>[A-Za-z_][A-Za-z0-9_.]*)(?:\[(?P<at>[A-Za-z_][A-Za-z0-9_.]*)\])?"
    r"(?:\|(?P<style>[a-z]+))?\}"
)
CURRENCY_UNITS = {"USD", "EUR", "GBP"}
FORMATS = ("pct", "money", "num", "int", "list", "yesno", "date", "text")


def names_in(template: str) -> list[str]:
    """Every name a text quotes, including the amounts a scale is read at."""
    out: list[str] = []
    for m in PLACEHOLDER.finditer(template):
        out += [m.group("name"), *([m.group("at")] if m.group("at") else [])]
    return out


def is_scale(value: Any) -> bool:
    """A parameter value of type scale: steps ``{from, value}``."""
    return (
        type(value) is list
        and bool(value)
        and type(value[0]) is dict
        and all(type(s) is dict and "from" in s for s in value)
    )


def scale_value(steps: Any, amount: Any) -> Any:
    """The value of the step ``amount`` falls in (``None`` below the first step, for an
    unknown amount, or for a step whose value is not confirmed)."""
    if not is_scale(steps) or not isinstance(amount, int | float) or isinstance(amount, bool):
        return None
    found = None
    for step in steps:
        if float(step["from"]) <= float(amount):
            found = step.get("value")
    return found


def _schedule(steps: Any, unit: str) -> str:
    parts = [
        f"{fmt(s.get('value'), unit)} from {fmt(s['from'], unit)}"
        if s["from"]
        else f"{fmt(s.get('value'), unit)} below {fmt(steps[1]['from'], unit)}"
        if len(steps) > 1
        else fmt(s.get("value"), unit)
        for s in steps
    ]
    return "; ".join(parts)


def pct(value: float) -> str:
    text = f"{value * 100:.2f}".rstrip("0").rstrip(".")
    return f"{text} %"


def fmt(value: Any, unit: str, style: str | None = None) -> str:
    """Render a value for a lawyer: ``49 %``, ``USD 14.3bn``, ``1,518``, ``yes``. A value
    of the wrong type for ``style`` gives a visible marker, never an exception."""
    if value is None:
        return "unknown"
    if type(value) is list and is_scale(value) and style in (None, "money", "num"):
        return _schedule(value, unit)
    if isinstance(value, Range):  # a bound as the deal file gives it, or each end styled
        return value.render(lambda end: fmt(end, unit, style))
    if isinstance(value, dict):
        return _table(value, unit, style)
    try:
        return _fmt(value, unit, style)
    except (TypeError, ValueError, OverflowError):
        return f"[{style or 'value'}? {str(value)[:40]}]"


def _table(value: dict[str, Any], unit: str, style: str | None) -> str:
    """A table's rows that say something (a row of exact zeros, or of nothing known, is left
    out), each as ``FR [a, b, c]``; ``none stated`` when no row does."""
    rows = [
        f"{key} [{', '.join(fmt(c, unit, style) for c in cells)}]"
        for key, cells in sorted(value.items())
        if any(_informative(c) for c in cells)
    ]
    return "; ".join(rows) if rows else "none stated"


def _informative(cell: Any) -> bool:
    if cell is None:
        return False
    if isinstance(cell, Range):
        return bool(cell.lo) or cell.hi is not None
    return bool(cell)


def _fmt(value: Any, unit: str, style: str | None) -> str:
    style = style or _default_style(unit, value)
    if style == "pct":
        return pct(float(value))
    if style == "money":
        return format_money(float(value), unit if unit in CURRENCY_UNITS else "USD")
    if style == "yesno":
        return "yes" if value else "no"
    if style == "list":
        items = list(value)
        if not items:
            return "none"
        words = [str(i) for i in items]
        return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]
    if style == "int":
        return f"{int(value):,}"
    if style == "num":
        return f"{float(value):,.0f}" if abs(float(value)) >= 100 else f"{float(value):,.2f}"
    if style == "date" and isinstance(value, dt.date):
        return value.strftime("%-d %B %Y")
    return str(value)


def _default_style(unit: str, value: Any) -> str:
    if isinstance(value, bool):
        return "yesno"
    if unit == "share":
        return "pct"
    if unit in CURRENCY_UNITS:
        return "money"
    if isinstance(value, list | tuple):
        return "list"
    if isinstance(value, int):
        return "int"
    if isinstance(value, float):
        return "num"
    return "text"


Segment = tuple[str, str | None, str | None, str | None]
"""(text before a placeholder, its name, the amount a scale is read at, its format)"""


@functools.lru_cache(maxsize=8192)
def _segments(template: str) -> tuple[Segment, ...]:
    """A text split at its placeholders once (rule texts are rendered for every deal)."""
    out: list[Segment] = []
    start = 0
    for m in PLACEHOLDER.finditer(template):
        out.append((template[start : m.start()], m.group("name"), m.group("at"), m.group("style")))
        start = m.end()
    out.append((template[start:], None, None, None))
    return tuple(out)


def render(template: str, lookup: Callable[[str], tuple[Any, str]]) -> str:
    """Fill placeholders; ``lookup(name)`` gives (value, unit)."""
    parts = []
    for text, name, at, style in _segments(template):
        parts.append(text)
        if name is None:
            continue
        value, unit = lookup(name)
        if at:
            value = scale_value(value, lookup(at)[0])
        parts.append(fmt(value, unit, style))
    return "".join(parts)


def sentence_case(text: str) -> str:
    return text[:1].upper() + text[1:] if text else text
