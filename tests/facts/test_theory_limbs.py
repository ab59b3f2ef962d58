"""The limbs of the vertical theories, the safeguards that mitigate the information theories,
the non-horizontal structure and the s. 58 areas, read from small deal files."""

from __future__ import annotations

import pytest

from tests.facts.helpers import ctx_for, val, value
from trustbench.errors import TrustbenchError

_PARTIES = """
sources: [{id: s, title: S}]
entities:
  - {id: acme, name: Acme}
  - {id: widget, name: Widget}
  - {id: rival, name: Rival}
  - {id: other, name: Other}
  - {id: wang, name: Wang, kind: person}
markets:
  - id: models
    name: Models
    participants:
      - {entity: acme, share: 0.5}
      - {entity: rival, share: 0.3}
      - {entity: other, share: 0.2}
  - id: labels
    name: Labels
    participants: [{entity: widget, share: 0.2}, {entity: other, share: 0.8}]
transaction:
  acquirer: acme
  target: widget
  steps: [{kind: acquire_stake, equity: 1.0, class: voting}]
"""


def _deal(extra: str, supply: str = "[]") -> str:
    return _PARTIES + f"supply: {supply}\n" + extra


def _row(**fields: object) -> str:
    extra = ", ".join(f"{k}: {v}" for k, v in fields.items())
    return f"[{{supplier: widget, customer: rival, product: labels, source: s, {extra}}}]"


def test_must_have_input_shows_ability_everywhere() -> None:
    ctx = ctx_for(_deal("", _row(must_have="true")))
    assert [val(ctx, f"vertical.input.ability.{j}") for j in ("us", "eu", "uk", "de")] == [True] * 4


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"alternatives": 0}, True),
        ({"switching": "not-possible"}, True),
        ({"alternatives": 3, "switching": "easy"}, False),  # "the input is not must-have"
        ({"alternatives": 3, "switching": "costly"}, None),  # not decided: evidence next
        ({"must_have": "false", "alternatives": 0}, False),  # what the file states wins
    ],
)
def test_ability_is_read_from_alternatives_and_switching(
    fields: dict[str, object], expected: bool | None
) -> None:
    ctx = ctx_for(_deal("", _row(**fields)))
    assert val(ctx, "vertical.input.ability.us") is expected


def test_margins_decide_the_incentive() -> None:
    gains = ctx_for(_deal("", _row(margin_lost="USD 4m", margin_gained="USD 9m")))
    losses = ctx_for(_deal("", _row(margin_lost="USD 9m", margin_gained="USD 4m")))
    assert val(gains, "vertical.input.incentive.us") is True
    assert val(losses, "vertical.input.incentive.us") is False  # ability but no incentive
    assert "4,000,000" in (value(losses, "vertical.input.incentive.us").note or "")


def test_statements_count_only_where_they_belong() -> None:
    evidence = """
evidence:
  - {theory: input-foreclosure, limb: incentive, direction: supports, jurisdictions: [eu],
     text: SO, source: s}
  - {theory: input-foreclosure, limb: incentive, direction: against, jurisdictions: [uk],
     text: CMA, source: s}
  - {theory: input-foreclosure, limb: effect, direction: supports, text: both, source: s}
  - {theory: input-foreclosure, limb: effect, direction: against, jurisdictions: [de],
     text: BKartA, source: s}
"""
    ctx = ctx_for(_deal(evidence, _row()))
    assert val(ctx, "vertical.input.incentive.eu") is True
    assert val(ctx, "vertical.input.incentive.uk") is False
    assert val(ctx, "vertical.input.incentive.us") is None
    assert val(ctx, "vertical.input.effect.us") is True
    assert val(ctx, "vertical.input.effect.de") is None  # both ways in Germany
    assert value(ctx, "vertical.input.effect.de").note == "the sourced statements point both ways"


def test_no_rival_supplied_is_no_ability_unless_the_list_is_partial() -> None:
    complete = ctx_for(_deal(""))
    partial = ctx_for(_deal("partial: [supply]\n"))
    assert val(complete, "vertical.input.ability.us") is False
    assert val(partial, "vertical.input.ability.us") is None
    assert val(ctx_for(_PARTIES), "vertical.input.ability.us") is None  # no supply section


def test_customer_foreclosure_reads_significant_customers() -> None:
    row = "[{supplier: rival, customer: widget, product: models, significant_customer: true}]"
    ctx = ctx_for(_deal("", row))
    assert val(ctx, "vertical.customer.ability.us") is True
    assert "Rival" in (value(ctx, "vertical.customer.ability.us").note or "")


def test_a_statement_needs_a_source() -> None:
    bad = "evidence:\n  - {theory: conglomerate, limb: ability, direction: supports, text: x}\n"
    with pytest.raises(TrustbenchError):
        ctx_for(_deal(bad))


# --------------------------------------------------------------------------- safeguards

_BOARD = """
boards:
  - company: widget
    directors: [{person: wang, designated_by: acme}]
  - company: acme
    officers: [{person: wang, title: Chief AI Officer}]
"""
_MINORITY = _PARTIES.replace(
    "steps: [{kind: acquire_stake, equity: 1.0, class: voting}]",
    "steps: [{kind: acquire_stake, equity: 0.49, class: non-voting}]",
)


def _info(safeguards: str) -> str:
    return _MINORITY + _BOARD + "rights: []\n" + safeguards


def test_a_firewall_binding_every_person_on_every_channel_mitigates() -> None:
    ctx = ctx_for(
        _info(
            "safeguards:\n  - {channels: [board, shared-director], persons: [wang],"
            " enforceability: consent-decree, monitoring: true, source: s}\n"
        )
    )
    assert val(ctx, "information.channels.after") == ["board", "shared-director"]
    assert val(ctx, "information.channels.uncovered") == []
    assert val(ctx, "information.mitigated") is True
    assert "consent-decree" in (value(ctx, "information.mitigated").note or "")


@pytest.mark.parametrize(
    ("guard", "uncovered"),
    [
        # the firewall leaves out the shared director: partial cover names the open channel
        ("{channels: [board], enforceability: order}", ["shared-director"]),
        # it names someone else: the director who is also Acme's officer is not covered
        (
            "{channels: [board, shared-director], persons: [], enforceability: order}",
            ["board", "shared-director"],
        ),
        # an internal policy binds no one outside the firm
        (
            "{channels: [board, shared-director], enforceability: internal-policy}",
            ["board", "shared-director"],
        ),
        # terms not stated: the party relying on it has not shown it
        ("{channels: [board, shared-director]}", ["board", "shared-director"]),
        # expired before the case date
        (
            "{channels: [board, shared-director], enforceability: order, until: 2024-12-31}",
            ["board", "shared-director"],
        ),
    ],
)
def test_partial_or_unshown_cover_leaves_the_concern(guard: str, uncovered: list[str]) -> None:
    ctx = ctx_for(_info(f"safeguards:\n  - {guard}\n"))
    assert val(ctx, "information.channels.uncovered") == uncovered
    assert val(ctx, "information.mitigated") is False


def test_no_safeguard_leaves_every_channel_open() -> None:
    ctx = ctx_for(_info(""))
    assert val(ctx, "information.channels.uncovered") == ["board", "shared-director"]
    assert val(ctx, "information.mitigated") is False
    assert "safeguards: none stated" in (value(ctx, "information.mitigated").note or "")


# ------------------------------------------------------------- structure and public interest


def test_nonhorizontal_structure_is_the_largest_over_the_parties_markets() -> None:
    ctx = ctx_for(_deal(""))
    assert val(ctx, "nonhorizontal.share.max") == pytest.approx(0.5)
    # models 0.5² + 0.3² + 0.2² = 3,800; labels 0.2² + 0.8² = 6,800 (one party: no change)
    assert val(ctx, "nonhorizontal.hhi.max") == pytest.approx(6800)


def test_public_interest_is_unknown_until_stated() -> None:
    assert val(ctx_for(_deal("")), "target.public_interest") is None
    stated = _deal("").replace(
        "  - {id: widget, name: Widget}",
        "  - {id: widget, name: Widget, public_interest: [media-plurality]}",
    )
    assert val(ctx_for(stated), "target.public_interest") == ["media-plurality"]
