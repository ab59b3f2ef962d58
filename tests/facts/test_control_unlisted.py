"""Control when the file does not list every holder: the acquirer's own stake, the votes left
for anyone else, and what a partial holdings list leaves unknown (EUMR Art. 3(2); GWB
§ 37(1) no. 2; EA 2002 s. 26)."""

from __future__ import annotations

import pytest

from trustbench.facts.control.base import other_blockers, register
from trustbench.facts.control.de import shareholder_rank

from .helpers import ctx_for, val

PARTIES = """\
entities:
  - {id: a, name: A}
  - {id: t, name: T}
  - {id: x, name: X}
"""


def deal(body: str, steps: str) -> str:
    return PARTIES + body + f"transaction:\n  acquirer: a\n  target: t\n  steps: {steps}\n"


WHOLE = "[{kind: acquire_stake, equity: 1.0}]"
SIXTY = "[{kind: acquire_stake, equity: 0.6}]"


def test_all_of_the_capital_with_no_holdings_section_is_sole_control() -> None:
    # nothing is left for anyone else, whatever the file leaves out
    ctx = ctx_for(deal("", WHOLE))
    assert val(ctx, "eu.sole_control.after") is True
    assert val(ctx, "eu.joint_control.after") is False
    assert val(ctx, "eu.negative_sole_control.after") is False
    assert val(ctx, "de.control.after") is True
    assert shareholder_rank(register(ctx, "after")) == 1


def test_before_the_deal_an_unlisted_acquirer_has_no_stake_and_no_control() -> None:
    # no holdings section, not marked partial: the acquirer holds nothing, and a
    # non-shareholder's rights are not presumed
    ctx = ctx_for(deal("", WHOLE))
    assert val(ctx, "acquirer.group.votes.before") == 0.0
    assert val(ctx, "eu.sole_control.before") is False
    assert val(ctx, "eu.joint_control.before") is False
    assert val(ctx, "eu.negative_sole_control.before") is False
    assert val(ctx, "eu.decisive_influence.before") is False
    assert val(ctx, "de.control.before") is False


def test_a_majority_in_a_complete_list_with_no_other_holder_is_sole_control() -> None:
    ctx = ctx_for(deal("holdings: []\n", SIXTY))
    assert val(ctx, "eu.sole_control.after") is True
    assert val(ctx, "eu.joint_control.after") is False


def test_a_majority_with_the_holdings_unstated_turns_on_the_others_rights() -> None:
    # the 40 % left cannot block by votes, but an unlisted holder could hold a veto
    assert val(ctx_for(deal("", SIXTY)), "eu.sole_control.after") is None
    # once the rights are stated (none), nobody else can block
    assert val(ctx_for(deal("rights: []\n", SIXTY)), "eu.sole_control.after") is True


def test_half_left_unlisted_can_still_block() -> None:
    ctx = ctx_for(deal("rights: []\n", "[{kind: acquire_stake, equity: 0.5}]"))
    reg = register(ctx, "after")
    assert reg.unlisted_votes_max == pytest.approx(0.5)
    assert other_blockers(reg)[0] is None  # the other half may be one holder's
    assert val(ctx, "eu.sole_control.after") is None
    # just under half left: no unlisted holder can block by votes
    ctx = ctx_for(deal("rights: []\n", "[{kind: acquire_stake, equity: 0.51}]"))
    assert other_blockers(register(ctx, "after"))[0] is False


def test_a_partial_list_leaves_an_unlisted_acquirer_stake_unknown() -> None:
    body = "holdings:\n  - {holder: x, issuer: t, equity: 0.3}\npartial: [holdings]\nrights: []\n"
    ctx = ctx_for(deal(body, WHOLE.replace("1.0", "0.2")))
    assert val(ctx, "acquirer.group.votes.before") is None
    assert val(ctx, "eu.sole_control.before") is None
    assert val(ctx, "de.control.before") is None
    # the complete list says it holds nothing
    ctx = ctx_for(deal(body.replace("partial: [holdings]\n", ""), WHOLE.replace("1.0", "0.2")))
    assert val(ctx, "acquirer.group.votes.before") == 0.0
    assert val(ctx, "eu.decisive_influence.before") is False


def test_a_partial_list_that_lists_the_acquirer_keeps_its_stake() -> None:
    body = "holdings:\n  - {holder: a, issuer: t, equity: 0.55}\npartial: [holdings]\nrights: []\n"
    ctx = ctx_for(deal(body, "[]"))
    assert val(ctx, "acquirer.group.votes.before") == pytest.approx(0.55)
    assert val(ctx, "eu.sole_control.before") is True


def test_a_partial_list_whose_holders_hold_everything_leaves_the_acquirer_nothing() -> None:
    body = "holdings:\n  - {holder: x, issuer: t, equity: 1.0}\npartial: [holdings]\nrights: []\n"
    ctx = ctx_for(deal(body, "[{kind: acquire_stake, equity: 0.749, seller: x}]"))
    assert val(ctx, "acquirer.group.votes.before") == 0.0
    assert val(ctx, "eu.decisive_influence.before") is False
    assert val(ctx, "acquirer.group.votes.after") == pytest.approx(0.749)
