"""What moves to the acquirer besides shares, and whether it carries an activity on."""

from __future__ import annotations

import pytest

from tests.facts.helpers import ctx_for, val

DEAL = """
entities:
  - {id: acme, name: Acme}
  - {id: widget, name: Widget}
  - {id: ann, name: Ann, kind: person}
transaction:
  acquirer: acme
  target: widget
{extra}
  steps: [{steps}]
"""

HIRE = "{kind: hire, person: ann}"
TEAM = "{kind: hire, person: ann, key: false, count: 40}"
LICENCE = "{kind: contract, type: licence, parties: [widget, acme], text: models}"
IP = "{kind: acquire_assets, assets: [ip]}"
BARE = "{kind: acquire_assets, assets: [other], whole_business: false}"
LINE = "{kind: acquire_assets, assets: [business_line, staff], whole_business: true}"


@pytest.mark.parametrize(
    ("steps", "extra", "moves", "continues"),
    [
        (f"{HIRE}, {LICENCE}", "", ["staff", "key staff", "licence"], True),
        (f"{HIRE}, {IP}", "", ["staff", "key staff", "ip"], True),
        (LINE, "", ["business line", "staff"], True),
        (HIRE, "", ["staff", "key staff"], None),  # staff alone: open
        (f"{TEAM}, {LICENCE}", "", ["staff", "licence"], None),  # no key people named
        (BARE, "", ["other assets"], False),
        (IP, "", ["ip"], None),
        ("{kind: acquire_stake, equity: 10%}", "", [], False),
        (
            f"{HIRE}, {LICENCE}",
            "  activity_continues: false",
            ["staff", "key staff", "licence"],
            False,
        ),
    ],
)
def test_what_moves(steps: str, extra: str, moves: list[str], continues: bool | None) -> None:
    ctx = ctx_for(DEAL.replace("{steps}", steps).replace("{extra}", extra))
    assert val(ctx, "transaction.moves") == moves
    assert val(ctx, "transaction.moves.activity_continues") is continues
