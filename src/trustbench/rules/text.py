"""Finding texts: ``{name}`` / ``{name|format}`` placeholders over facts and parameters.

A deliberately small template language: no code, no attribute access, nothing to escape
from. Names are fact names, ``params.<name>``, or ``acquirer`` / ``target`` (their names).
Formats: ``pct``, ``money``, ``num``, ``int``, ``list``, ``yesno``, ``date``; the default
follows the fact's or parameter's unit.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping
from typing import Any

from trustbench.model.bounds import Range
from trustbench.model.types import format_money

PLACEHOLDER = re.compile(r"\{([A-Za-z_][A-Za-z0-9_.]*)(?:\|([a-z]+))?\}")
CURRENCY_UNITS = {"USD", "EUR", "GBP"}
FORMATS = ("pct", "money", "num", "int", "list", "yesno", "date", "text")


def names_in(template: str) -> list[str]:
    return [m.group(1) for m in PLACEHOLDER.finditer(template)]


def formats_in(template: str) -> list[str]:
    return [m.group(2) for m in PLACEHOLDER.finditer(template) if m.group(2)]


def pct(value: float) -> str:
    text = f"{value * 100:.2f}".rstrip("0").rstrip(".")
    return f"{text} %"


def fmt(value: Any, unit: str, style: str | None = None) -> str:
    """Render a value for a lawyer: ``49 %``, ``USD 14.3bn``, ``1,518``, ``yes``."""
    if value is None:
        return "unknown"
    if isinstance(value, Range):  # a bound as the deal file gives it, or each end styled
        return value.render(lambda end: fmt(end, unit, style))
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


def render(template: str, lookup: Callable[[str], tuple[Any, str]]) -> str:
    """Fill placeholders; ``lookup(name)`` gives (value, unit)."""

    def replace(match: re.Match[str]) -> str:
        value, unit = lookup(match.group(1))
        return fmt(value, unit, match.group(2))

    return PLACEHOLDER.sub(replace, template)


def sentence_case(text: str) -> str:
    return text[:1].upper() + text[1:] if text else text


def mapping_lookup(values: Mapping[str, tuple[Any, str]]) -> Callable[[str], tuple[Any, str]]:
    return lambda name: values.get(name, (None, ""))
