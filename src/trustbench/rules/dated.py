"""Parameters dated by a fact: a value in force on a date the deal gives, not the case date.

Reportability under HSR is decided on the thresholds in force when the acquisition is made;
a case analysed years later (a complaint, a look-back review) must not apply the thresholds
of its own date. A parameter with ``dated_by: <fact>`` is resolved on the date that fact
gives (an ISO date, which the fact keeps on or before the case date: a memo is as of its
date); where the fact is unknown, on the case date, as every other parameter.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from typing import Any

from trustbench.rules.pack import Pack, Resolved, resolve

__all__ = ["DatedAt", "dated_at", "parse_date"]

DatedAt = Mapping[str, tuple[dt.date, str]]
"""parameter name → (the date it is resolved on, why: the fact's note or name)"""


def parse_date(value: Any) -> dt.date | None:
    """A fact's value as a date (a date, or an ISO date string); anything else is None."""
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return None
    return None


def dated_at(
    pack: Pack, fact: Callable[[str], tuple[Any, str | None]], as_of: dt.date
) -> dict[str, tuple[dt.date, str]]:
    """The parameters of ``pack`` dated by a fact whose value ``fact(name)`` (value, note)
    gives a date before ``as_of`` on which another value was in force; a date after
    ``as_of`` is not used (a memo is as of its date)."""
    out: dict[str, tuple[dt.date, str]] = {}
    cache: dict[str, tuple[dt.date | None, str]] = {}
    for name, param in sorted(pack.params.items()):
        if not param.dated_by:
            continue
        if param.dated_by not in cache:
            value, note = fact(param.dated_by)
            cache[param.dated_by] = (parse_date(value), note or param.dated_by)
        date, why = cache[param.dated_by]
        if (
            date is not None
            and date < as_of
            and _differs(resolve(param, date), resolve(param, as_of))
        ):
            out[name] = (date, why)
    return out


def _differs(then: Resolved | None, now: Resolved | None) -> bool:
    """Whether the value in force then is another than the one in force now (the same entry
    needs no note, and keeps the case date's parameters shared across deals)."""
    return (then.effective if then else None) != (now.effective if now else None)
