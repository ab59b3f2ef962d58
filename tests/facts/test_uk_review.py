"""The s. 24 clock for completed UK mergers, read from the timeline."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.facts.helpers import ctx_for, val
from trustbench.facts.uk_review import whole_months

DEAL = """
entities:
  - {id: acme, name: Acme}
  - {id: widget, name: Widget}
transaction: {acquirer: acme, target: widget}
timeline:
{events}
"""


@pytest.mark.parametrize(
    ("start", "end", "months"),
    [
        ((2025, 1, 31), (2025, 5, 30), 3),  # the period beginning 31 Jan runs to 30 May
        ((2025, 1, 31), (2025, 5, 31), 4),
        ((2025, 2, 13), (2025, 6, 12), 3),
        ((2025, 2, 13), (2025, 6, 13), 4),
        ((2024, 12, 1), (2025, 1, 1), 1),
    ],
)
def test_whole_months(start: tuple[int, int, int], end: tuple[int, int, int], months: int) -> None:
    assert whole_months(dt.date(*start), dt.date(*end)) == months


@pytest.mark.parametrize(
    ("events", "completed", "start", "months"),
    [
        # announced before completion: the clock starts at completion (as_of 2025-06-13)
        (
            "  - {date: 2025-01-10, type: announcement}\n  - {date: 2025-03-01, type: closing}",
            True,
            "2025-03-01",
            3,
        ),
        # made public only after completion: the clock starts then
        (
            "  - {date: 2025-01-10, type: closing}\n  - {date: 2025-05-20, type: announcement}",
            True,
            "2025-05-20",
            0,
        ),
        # given to the CMA in a briefing paper (a UK filing)
        (
            "  - {date: 2025-01-10, type: closing}\n"
            "  - {date: 2025-01-20, type: filing, jurisdiction: uk}",
            True,
            "2025-01-20",
            4,
        ),
        # completed, never made public: the period has not begun
        ("  - {date: 2025-01-10, type: closing}", True, "not begun", 0),
        ("  - {date: 2025-01-10, type: signing}", False, "not begun", 0),
    ],
)
def test_the_clock(events: str, completed: bool, start: str, months: int) -> None:
    ctx = ctx_for(DEAL.replace("{events}", events))
    assert val(ctx, "uk.completed") is completed
    assert val(ctx, "uk.reference_clock.start") == start
    assert val(ctx, "uk.reference_clock.months") == months


def test_no_timeline_is_unknown() -> None:
    ctx = ctx_for(DEAL.replace("timeline:\n{events}\n", ""))
    assert val(ctx, "uk.completed") is None
    assert val(ctx, "uk.reference_clock.months") is None
