"""US filing facts of issue 12: voting securities bought in an unstated amount are acquired
(or unknown), never "none"."""

from __future__ import annotations

import pytest

from tests.facts.helpers import ctx_for, val

DEAL = """
entities:
  - {id: a, name: A}
  - {id: t, name: T}
transaction:
  acquirer: a
  target: t
  steps: [%s]
"""


@pytest.mark.parametrize(
    ("step", "expected"),
    [
        # A purchase of shares with no percentage and no value: voting by default.
        ("{kind: acquire_stake}", True),
        ("{kind: acquire_stake, value: USD 500m}", True),
        ("{kind: acquire_stake, equity: 10%}", True),
        ("{kind: acquire_stake, class: unknown, value: USD 500m}", None),
        ("{kind: acquire_stake, class: non-voting, equity: 49%}", False),
        ("{kind: acquire_stake, equity: 20%, voting: 0}", False),
    ],
)
def test_voting_securities_acquired_is_never_none_by_omission(
    step: str, expected: bool | None
) -> None:
    assert val(ctx_for(DEAL % step), "hsr.voting_securities.acquired") is expected


def test_an_unstated_amount_leaves_the_size_of_transaction_unknown() -> None:
    value = ctx_for(DEAL % "{kind: acquire_stake}").get("hsr.size_of_transaction.usd")
    assert value.value is None
    assert value.note == "the value of a voting-share acquisition is not given"
