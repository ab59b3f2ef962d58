"""Ownership loops and scale (issue 17): a set of entities holding all of itself is a located
error naming the loop; any loop with an outside holder is solved exactly and at once; long
chains, wide stars and dense cross-holdings finish in seconds."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from trustbench.cli import main
from trustbench.graph.ownership import Holdings, OwnershipError

DEAL = """\
case: {{id: loop, title: Loop, as_of: 2025-06-13, jurisdictions: [us, eu]}}
entities:
  - {{id: acq, name: Acquirer, revenues: [{{amount: USD 5bn, fiscal_year: 2024}}]}}
  - {{id: tgt, name: Target, revenues: [{{amount: USD 300m, fiscal_year: 2024}}]}}
  - {{id: a, name: A}}
  - {{id: b, name: B}}
holdings:
{holdings}
  - {{holder: a, issuer: tgt, equity: 30%, voting: 30%}}
transaction:
  acquirer: acq
  target: tgt
  steps:
    - {{kind: acquire_stake, equity: 30%, class: voting, value: USD 400m}}
"""


def build(n: int, links: list[tuple[int, int, float]]) -> Holdings:
    return Holdings.from_arrays(n, *map(list, zip(*links, strict=True)))


def test_full_cross_ownership_names_the_loop_and_its_holdings(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    deal = tmp_path / "loop.yaml"
    deal.write_text(
        DEAL.format(
            holdings="  - {holder: a, issuer: b, equity: 100%, voting: 100%}\n"
            "  - {holder: b, issuer: a, equity: 100%, voting: 100%}"
        )
    )
    code = main(["analyze", str(deal), "--format", "json"])
    _, err = capsys.readouterr()
    assert code == 2 and "Traceback" not in err
    lines = err.splitlines()
    assert lines[0].endswith(
        "loop.yaml:8:5: error[deal]: ownership loop among a, b with no outside holder: "
        "holdings[0]: a holds b"
    )
    assert lines[1].startswith("  hint: integrated ownership is then infinite")
    assert lines[2].endswith("loop.yaml:9:5: error[deal]: on the same loop: holdings[1]: b holds a")


def test_an_entity_holding_all_of_itself_is_a_located_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    deal = tmp_path / "self.yaml"
    deal.write_text(DEAL.format(holdings="  - {holder: b, issuer: b, equity: 100%, voting: 100%}"))
    code = main(["facts", str(deal), "--format", "json"])
    _, err = capsys.readouterr()
    assert code == 2
    assert "self.yaml:8:5: error[deal]: ownership loop among b with no outside holder" in err


def test_part_of_its_own_shares_converges() -> None:
    # b holds 40 % of itself and 50 % of c: b's integrated share of c is 0.5 / (1 − 0.4)
    h = build(2, [(0, 0, 0.4), (0, 1, 0.5)])
    assert h.column(1)[0] == pytest.approx(0.5 / 0.6, abs=1e-12)


def test_a_closed_loop_is_found_inside_a_larger_loop() -> None:
    # 0 and 1 hold all of each other; 2 is on a zero-share loop with them
    with pytest.raises(OwnershipError) as caught:
        build(3, [(0, 1, 1.0), (1, 0, 1.0), (0, 2, 0.0), (2, 0, 0.0)])
    assert caught.value.loop and caught.value.entities == (0, 1)


@pytest.mark.parametrize("a", [0.999, 0.999999])
def test_a_nearly_closed_loop_converges_at_once(a: float) -> None:
    start = time.process_time()
    h = build(3, [(0, 1, a), (1, 0, a), (1, 2, 0.5)])
    column = h.column(2)
    assert time.process_time() - start < 1.0
    assert column[1] == pytest.approx(0.5 / (1 - a * a), rel=1e-9)
    assert column[0] == pytest.approx(a * 0.5 / (1 - a * a), rel=1e-9)


def test_a_10000_long_chain_and_a_20000_star_take_seconds() -> None:
    start = time.process_time()
    n = 10_000
    chain = build(n, [(k, k + 1, 0.9) for k in range(n - 1)])
    assert chain.column(n - 1)[0] == pytest.approx(0.9 ** (n - 1), abs=1e-300)
    star = build(20_001, [(k, 20_000, 1 / 20_000) for k in range(20_000)])
    assert sum(star.column(20_000)) == pytest.approx(1.0)
    assert time.process_time() - start < 10.0


def test_dense_cross_holdings_take_seconds() -> None:
    n = 300  # every entity holds 0.3 % of every other: one loop of 300, 89,700 holdings
    links = [(i, j, 0.003) for i in range(n) for j in range(n) if i != j]
    start = time.process_time()
    h = build(n, links)
    column = h.column(0)
    assert time.process_time() - start < 10.0
    # by symmetry every other entity holds the same integrated share x of entity 0:
    # x = 0.003 + 0.003·(n − 2)·x + 0.003·x0, x0 = 0.003·(n − 1)·x
    x = 0.003 / (1 - 0.003 * (n - 2) - 0.003 * 0.003 * (n - 1))
    assert column[1] == pytest.approx(x, rel=1e-9)
