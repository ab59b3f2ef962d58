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


TIMED = DEAL % "{kind: acquire_stake, equity: 100%, value: USD 500m}"


def _timeline(*events: str, partial: bool = False) -> str:
    body = "".join(f"\n  - {{{e}}}" for e in events) if events else " []"
    return TIMED + "timeline:" + body + ("\npartial: [timeline]" if partial else "") + "\n"


@pytest.mark.parametrize(
    ("events", "breached", "days", "corrective"),
    [
        # Never filed: in violation from the closing to the case date (2025-06-13).
        (("date: 2024-01-10, type: closing",), True, 520, False),
        # Closed, then a corrective filing whose waiting period ended on 2024-07-01.
        (
            (
                "date: 2024-01-10, type: closing",
                "date: 2024-06-01, type: filing, jurisdiction: us",
                "date: 2024-07-01, type: waiting_period_expiry, jurisdiction: us",
            ),
            True,
            173,
            True,
        ),
        # Filed, then closed 16 days before the waiting period expired.
        (
            (
                "date: 2024-01-01, type: filing, jurisdiction: us",
                "date: 2024-01-15, type: closing",
                "date: 2024-01-31, type: waiting_period_expiry, jurisdiction: us",
            ),
            True,
            16,
            False,
        ),
        # Filed and waited (early termination), then closed.
        (
            (
                "date: 2024-01-01, type: filing, jurisdiction: us",
                "date: 2024-01-20, type: clearance, jurisdiction: us",
                "date: 2024-01-20, type: closing",
            ),
            False,
            0,
            False,
        ),
        # Votes cast after signing, during the waiting period, before closing: consummation.
        (
            (
                "date: 2024-01-01, type: signing",
                "date: 2024-01-05, type: filing, jurisdiction: us",
                "date: 2024-01-10, type: vote_cast, by: a",
                "date: 2024-02-04, type: waiting_period_expiry, jurisdiction: us",
                "date: 2024-02-10, type: closing",
            ),
            True,
            25,
            False,
        ),
        # A stated, empty timeline: nothing was consummated.
        ((), False, 0, False),
    ],
)
def test_violation_from_the_timeline(
    events: tuple[str, ...], breached: bool, days: int, corrective: bool
) -> None:
    ctx = ctx_for(_timeline(*events))
    assert val(ctx, "hsr.waiting_period.breached") is breached
    assert val(ctx, "hsr.violation.days") == days
    assert val(ctx, "hsr.corrective_filing") is corrective


def test_no_timeline_or_a_partial_one_leaves_the_violation_unknown() -> None:
    for ctx in (
        ctx_for(TIMED),
        ctx_for(_timeline("date: 2024-01-10, type: closing", partial=True)),
    ):
        for name in ("hsr.waiting_period.breached", "hsr.violation.days", "hsr.corrective_filing"):
            assert val(ctx, name) is None, name


def test_the_breach_note_says_what_happened() -> None:
    note = ctx_for(_timeline("date: 2024-01-10, type: closing")).get("hsr.waiting_period.breached")
    assert note.note == "closing on 2024-01-10; no HSR filing before it"


LINKED = """
entities:
  - {id: a, name: Acme}
  - {id: a-sub, name: Acme Sub}
  - {id: t, name: Target}
  - {id: r, name: Rival}
  - {id: f, name: Fund}
  - {id: jane, name: Jane, kind: person}
  - {id: bob, name: Bob, kind: person}
  - {id: carl, name: Carl, kind: person}
holdings:
  - {holder: a, issuer: a-sub, equity: 100%}
boards:
  - {company: a-sub, directors: [{person: jane}]}
  - {company: r, directors: [{person: RIVAL}, {person: carl, designated_by: f}]}
  - {company: t, directors: [{person: bob, designated_by: f}]EXTRA}
markets:
  - {id: m, name: Widgets, participants: [{entity: a}, {entity: r}, {entity: t}]}
transaction:
  acquirer: a
  target: t
  steps: []
"""


def linked(rival: str, extra: str = "") -> str:
    return LINKED.replace("RIVAL", rival).replace("EXTRA", extra)


def test_interlocks_with_third_companies_are_listed_pair_by_pair() -> None:
    ctx = ctx_for(linked("jane"))
    # Jane sits on a subsidiary of Acme and on Rival's board; the Fund's designees sit on
    # the boards of two competing portfolio companies.
    assert val(ctx, "interlock.third_pairs.after") == [
        "Acme – Rival (through Jane; Widgets)",
        "Rival – Target (through deputies of Fund; Widgets)",
    ]


def test_the_parties_own_link_is_a_pair_but_not_a_third_one() -> None:
    ctx = ctx_for(linked("carl", ", officers: [{person: jane, title: CFO, board_elected: true}]"))
    assert "Acme – Target (through Jane; Widgets)" in val(ctx, "interlock.pairs.after")
    assert "Acme – Target (through Jane; Widgets)" not in val(ctx, "interlock.third_pairs.after")


def test_an_officer_not_known_to_be_board_elected_leaves_the_pair_open() -> None:
    text = (
        linked("carl")
        .replace(
            "{company: a-sub, directors: [{person: jane}]}",
            "{company: a-sub, officers: [{person: jane, title: VP}]}",
        )
        .replace("{person: carl, designated_by: f}]", "{person: jane}]")
    )
    text = text.replace("{person: bob, designated_by: f}", "{person: bob}")
    value = ctx_for(text).get("interlock.third_pairs.after")
    assert value.value is None
    assert value.note == (
        "whether the board elects the officer posts linking Acme – Rival (through Jane; "
        "Widgets) is not given"
    )


def test_a_partial_board_never_says_none() -> None:
    text = linked("carl", ", partial: true").replace("designated_by: f", "designated_by: r")
    text = text.replace("{person: bob, designated_by: r}", "{person: bob}")
    assert val(ctx_for(text), "interlock.third_pairs.after") is None


@pytest.mark.parametrize(
    ("steps", "acquired", "value"),
    [
        ("{kind: acquire_assets, assets: [ip, customer_contracts], value: USD 600m}", True, 600e6),
        # Hiring the target's staff is not, by itself, an acquisition of assets.
        ("{kind: acquire_assets, assets: [staff]}", False, 0.0),
        (
            "{kind: contract, type: licence, exclusive: true, value: USD 650m, text: L}",
            True,
            650e6,
        ),
        ("{kind: contract, type: licence, exclusive: false, value: USD 650m, text: L}", False, 0.0),
        ("{kind: contract, type: licence, value: USD 650m, text: L}", None, None),
        ("{kind: contract, type: licence, exclusive: true, text: L}", True, None),
    ],
)
def test_what_moves_is_an_acquisition_of_assets_or_not(
    steps: str, acquired: bool | None, value: float | None
) -> None:
    ctx = ctx_for(DEAL % steps)
    assert val(ctx, "hsr.assets.acquired") is acquired
    assert val(ctx, "hsr.assets.value.usd") == value


def test_the_size_of_transaction_adds_assets_to_voting_securities() -> None:
    steps = (
        "{kind: acquire_stake, equity: 10%, value: USD 100m}, "
        "{kind: acquire_assets, assets: [business_line], value: USD 50m}"
    )
    assert val(ctx_for(DEAL % steps), "hsr.size_of_transaction.total.usd") == 150e6


def test_a_natural_person_s_own_directorship_counts_against_a_passive_purpose() -> None:
    person = """
entities:
  - {id: p, name: Pat Person, kind: person}
  - {id: t, name: Target}
boards:
  - {company: t, directors: [{person: p}]}
transaction:
  acquirer: p
  target: t
  steps: [{kind: acquire_stake, equity: 5%, value: USD 200m}]
"""
    assert val(ctx_for(person), "investor.own_post") is True
    assert (
        val(
            ctx_for(person.replace("directors: [{person: p}]", "directors: []")),
            "investor.own_post",
        )
        is False
    )
    assert val(ctx_for(DEAL % "{kind: acquire_stake}"), "investor.own_post") is False


def test_foreign_issuer_facts_read_countries_and_us_figures() -> None:
    text = """
entities:
  - {id: a, name: A, country: US}
  - id: t
    name: T
    country: DE
    revenues: [{geography: US, amount: USD 40m, fiscal_year: 2024}]
    assets: [{geography: US, amount: USD 5m, fiscal_year: 2024}]
transaction:
  acquirer: a
  target: t
  steps: [{kind: acquire_stake, equity: 30%, value: USD 300m}]
"""
    ctx = ctx_for(text)
    assert val(ctx, "hsr.issuer.foreign") is True
    assert val(ctx, "hsr.acquiring_person.foreign") is False
    assert val(ctx, "hsr.issuer.us_sales.usd") == 40e6
    assert val(ctx, "hsr.issuer.us_assets.usd") == 5e6
    assert val(ctx_for(DEAL % "{kind: acquire_stake}"), "hsr.issuer.foreign") is None


def test_a_dated_acquisition_step_is_a_consummation() -> None:
    # Open-market purchases dated on the step; a corrective filing months later.
    text = DEAL % "{kind: acquire_stake, equity: 12%, value: USD 300m, date: 2024-03-01}"
    text += (
        "timeline:\n  - {date: 2024-09-02, type: filing, jurisdiction: us}\n"
        "  - {date: 2024-10-02, type: waiting_period_expiry, jurisdiction: us}\n"
    )
    ctx = ctx_for(text)
    assert val(ctx, "hsr.waiting_period.breached") is True
    assert val(ctx, "hsr.violation.days") == 215
    assert val(ctx, "hsr.corrective_filing") is True
    assert ctx.get("hsr.waiting_period.breached").note == (
        "acquisition on 2024-03-01; no HSR filing before it"
    )
