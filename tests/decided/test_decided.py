"""Decided cases: trustbench against what the agency or court found (cases/decided/).

Each question of each ``*.decision.yaml`` is one test. A question trustbench still answers
differently carries ``xfail:`` with the legal reason, run as a strict expected failure.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from trustbench.decided import Case, compare, load_cases
from trustbench.model.load import load_deal

FOLDER = Path(__file__).parents[2] / "cases" / "decided"
CASES = list(load_cases(FOLDER))


def _params() -> list[object]:
    out = []
    for case in CASES:
        for i, q in enumerate(case.findings):
            marks = [pytest.mark.xfail(strict=True, reason=q.xfail)] if q.xfail else []
            out.append(pytest.param(case, i, id=f"{case.case}-{q.label}", marks=marks))
    return out


_compared: dict[str, list] = {}  # type: ignore[type-arg]


@pytest.mark.parametrize(("case", "index"), _params())
def test_trustbench_agrees_with_the_decision(case: Case, index: int) -> None:
    if case.case not in _compared:
        _compared[case.case] = compare(case)
    got = _compared[case.case][index]
    assert got.agrees, (
        f"{case.decision.title} ({got.question.pinpoint}): the decision found "
        f"{got.question.found!r} on {got.question.label}, trustbench says {got.trustbench!r}"
    )


@pytest.mark.parametrize("case", CASES, ids=[c.case for c in CASES])
def test_the_deal_file_is_as_of_the_decision(case: Case) -> None:
    """The deal file states the facts as the decision found them, as of its date or before."""
    deal = load_deal(case.deal_path)
    assert deal.case.as_of is not None and deal.case.as_of <= case.decision.date


def test_every_deal_file_has_its_decision() -> None:
    deals = {p.stem for p in FOLDER.glob("*.yaml") if not p.name.endswith(".decision.yaml")}
    assert deals == {c.case for c in CASES}
