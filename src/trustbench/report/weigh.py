"""How much text a template value becomes when printed: the bound on nested containers.

``{% set b = 'x' * 3999999 %}{% set c = [b, b, b, b, b, b, b, b, b, b] %}`` is small in memory
(ten references), but ``{{ [c, c, c, c, c, c, c, c, c, c] }}`` prints 400 million
characters, and each further level multiplies by ten. :func:`weight` counts what a value would
print (characters of strings and numbers, one per other scalar), following shared references
once each, and stops as soon as the count passes ``limit``; the sandbox refuses any container
a template builds (a literal, ``*``, ``+``, ``join``, ``sum``) whose weight is over it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

CONTAINERS = (list, tuple, set, frozenset)


def weight(value: Any, limit: int) -> int:
    """The printed size of ``value``, exact up to ``limit`` (anything above is > limit)."""
    return _weight(value, limit, {})


def _weight(value: Any, limit: int, seen: dict[int, int]) -> int:
    if isinstance(value, str):
        return len(value)
    if isinstance(value, bool) or value is None:
        return 1
    if isinstance(value, int):
        return value.bit_length() // 3 + 1
    if not isinstance(value, (*CONTAINERS, Mapping)):
        return 1
    key = id(value)
    if key in seen:
        return seen[key]
    seen[key] = limit + 1  # a container that contains itself is refused
    items = (
        (x for pair in value.items() for x in pair) if isinstance(value, Mapping) else iter(value)
    )
    total = 2
    for item in items:
        total += _weight(item, limit, seen) + 2
        if total > limit:
            break
    seen[key] = total
    return total
