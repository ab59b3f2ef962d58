"""Interlocks (Clayton §8): direct and indirect links, board-elected officers, and the
capital, competitive-sales and safe-harbour ingredients."""

from __future__ import annotations

import pytest

from .helpers import ctx_for, seed, val

LINKS = """\
entities:
  - {id: a, name: A, revenues: [{amount: USD 1bn}]}
  - {id: t, name: T, revenues: [{amount: USD 200m}]}
  - {id: f, name: F, kind: fund}
  - {id: p, name: P, kind: person}
  - {id: q, name: Q, kind: person}
  - {id: r, name: R, kind: person}
markets:
  - id: m
    name: M
    participants: [{entity: a, sales: USD 50m}, {entity: t, sales: USD 40m}]
boards:
  - company: a
    directors: [{person: q, designated_by: f}]
    officers: [{person: p, title: CFO, board_elected: true}]
  - company: t
    directors: [{person: p}]
transaction:
  acquirer: a
  target: t
  steps: [{kind: appoint_director, person: r, designated_by: f}]
"""


def test_direct_and_indirect_links() -> None:
    ctx = ctx_for(LINKS)
    # P: A's board-elected CFO and T's director; F deputises Q at A and, after, R at T
    assert val(ctx, "interlock.direct.before") == ["P"]
    assert val(ctx, "interlock.direct.after") == ["P"]
    assert val(ctx, "interlock.indirect.before") == []
    assert val(ctx, "interlock.indirect.after") == ["F"]
    assert ctx.get("interlock.indirect.after").note == "F: Q and R"
    assert val(ctx, "interlock.link.before") is True
    assert val(ctx, "parties.compete") is True


def test_an_officer_the_board_does_not_elect_is_no_section_8_link() -> None:
    ctx = ctx_for(LINKS.replace("board_elected: true", "board_elected: false"))
    assert val(ctx, "interlock.direct.before") == []
    assert val(ctx, "interlock.link.before") is False
    assert val(ctx, "interlock.officer_director.before") is True  # still a G11 channel


def test_an_officer_whose_election_is_not_stated_leaves_the_link_unknown() -> None:
    ctx = ctx_for(LINKS.replace(", board_elected: true", ""))
    assert val(ctx, "interlock.direct.before") is None
    assert val(ctx, "interlock.link.before") is None
    assert val(ctx, "interlock.link.after") is True  # the indirect link decides


def test_one_deputy_on_both_boards_is_a_direct_link_not_an_indirect_one() -> None:
    text = LINKS.replace(
        "{kind: appoint_director, person: r, designated_by: f}",
        "{kind: appoint_director, person: q, designated_by: f}",
    )
    ctx = ctx_for(text)
    assert val(ctx, "interlock.direct.after") == ["P", "Q"]
    assert val(ctx, "interlock.indirect.after") == []


def test_only_corporations_interlock() -> None:
    ctx = ctx_for(LINKS.replace("  - {id: t, name: T,", "  - {id: t, name: T, kind: partnership,"))
    assert val(ctx, "interlock.direct.before") == []
    assert val(ctx, "interlock.indirect.after") == []


def test_without_boards_links_are_unknown() -> None:
    text = LINKS[: LINKS.index("boards:")] + LINKS[LINKS.index("transaction:") :]
    ctx = ctx_for(
        text.replace("steps: [{kind: appoint_director, person: r, designated_by: f}]", "steps: []")
    )
    assert val(ctx, "interlock.direct.after") is None
    assert val(ctx, "interlock.indirect.after") is None
    assert val(ctx, "interlock.link.after") is None


def test_section_8_ratios() -> None:
    ctx = ctx_for(LINKS)
    assert val(ctx, "s8.competitive_sales.acquirer.usd") == pytest.approx(50e6)
    assert val(ctx, "s8.competitive_sales.target.usd") == pytest.approx(40e6)
    assert val(ctx, "s8.competitive_sales_ratio.acquirer") == pytest.approx(0.05)
    assert val(ctx, "s8.competitive_sales_ratio.target") == pytest.approx(0.2)
    assert val(ctx, "s8.capital.acquirer.usd") is None  # not given: unknown


def test_competitive_sales_of_a_subsidiary_count_for_the_group() -> None:
    text = (
        LINKS.replace(
            "  - {id: f, name: F, kind: fund}\n",
            "  - {id: f, name: F, kind: fund}\n  - {id: s, name: S}\n",
        )
        .replace("{entity: a, sales: USD 50m}", "{entity: s, sales: USD 30m}")
        .replace("markets:", "holdings: [{holder: a, issuer: s, equity: 1.0}]\nmarkets:")
    )
    ctx = ctx_for(text)
    assert val(ctx, "parties.compete") is True
    assert val(ctx, "s8.competitive_sales.acquirer.usd") == pytest.approx(30e6)
    assert val(ctx, "s8.competitive_sales_ratio.acquirer") == pytest.approx(0.03)


def test_no_competitive_sales_is_a_zero_ratio_even_without_total_sales() -> None:
    text = LINKS.replace("{entity: t, sales: USD 40m}", "{entity: f}").replace(
        ", revenues: [{amount: USD 1bn}]", ""
    )
    ctx = ctx_for(text)
    assert val(ctx, "parties.compete") is False
    assert val(ctx, "s8.competitive_sales.acquirer.usd") == 0.0
    assert val(ctx, "s8.competitive_sales_ratio.acquirer") == 0.0


def test_missing_competitive_sales_are_unknown() -> None:
    ctx = ctx_for(LINKS.replace("{entity: t, sales: USD 40m}", "{entity: t}"))
    assert val(ctx, "s8.competitive_sales.target.usd") is None
    assert val(ctx, "s8.competitive_sales_ratio.target") is None
    text = LINKS[: LINKS.index("markets:")] + LINKS[LINKS.index("boards:") :]
    ctx = ctx_for(text)
    assert val(ctx, "s8.competitive_sales.acquirer.usd") is None  # no markets section
    assert val(ctx, "parties.overlap_markets") is None


def test_the_targets_parent_is_not_the_target() -> None:
    # G sells T and competes with A; T itself does not
    text = (
        LINKS.replace(
            "  - {id: f, name: F, kind: fund}\n",
            "  - {id: f, name: F, kind: fund}\n  - {id: g, name: G}\n",
        )
        .replace("{entity: t, sales: USD 40m}", "{entity: g, sales: USD 40m}")
        .replace("markets:", "holdings: [{holder: g, issuer: t, equity: 1.0}]\nmarkets:")
    )
    assert val(ctx_for(text), "parties.compete") is False


def test_seed_case_wang_link_depends_on_how_meta_appoints_him() -> None:
    ctx = seed()
    assert val(ctx, "interlock.officer_director.after") is True
    assert val(ctx, "interlock.direct.before") == []
    value = ctx.get("interlock.direct.after")
    assert value.value is None
    assert value.note == ("whether the board elects the officer post of Alexandr Wang is not given")
    assert val(ctx, "interlock.indirect.after") == []
    assert val(ctx, "s8.competitive_sales_ratio.acquirer") == 0.0
