"""A board seat ended before the case date is gone from every fact that reads the boards:
board representation, the CMA's material-influence factors, the § 37(1) no. 4 GWB plus
factors and the § 8 link — and a seat ended after the case date is still held."""

from __future__ import annotations

import pytest

from tests.facts.helpers import ctx_for, val, value
from trustbench.facts import FactContext

DEAL = """
entities:
  - {{id: acme, name: Acme}}
  - {{id: widget, name: Widget}}
  - {{id: jane, name: Jane Doe, kind: person}}
holdings:
  - {{holder: acme, issuer: widget, equity: 10%}}
rights: []
boards:
  - {{company: widget, directors: [{{person: jane, designated_by: acme}}]}}
transaction:
  acquirer: acme
  target: widget
  steps: []
timeline:
  - {{date: {date}, type: board_seat_ended, person: jane, company: widget}}
"""


@pytest.mark.parametrize(("date", "held"), [("2025-05-01", False), ("2025-07-01", True)])
def test_a_seat_ended_by_the_case_date_is_no_board_factor(date: str, held: bool) -> None:
    ctx = ctx_for(DEAL.format(date=date))  # the case date is 2025-06-13
    assert val(ctx, "acquirer.board.seats.after") == (1 if held else 0)
    for factors in ("uk.material_influence_factors.after", "de.csi_factors.after"):
        assert ("board seat" in _present(ctx, factors)) is held
    ended = val(ctx, "board.seats_ended")
    assert ended == ([] if held else ["Jane Doe (Widget, 2025-05-01)"])


def _present(ctx: FactContext, name: str) -> list[str]:
    """The factors found present (the list stays unknown while other factors are open; its
    note then names what was found)."""
    found = value(ctx, name)
    if found.known:
        return list(found.value)
    note = found.note or ""
    head = note.split("; not known")[0]
    return head.removeprefix("present: ").split(", ") if head.startswith("present: ") else []
