"""Shared fixtures: the seed case with a scenarios section, packs loaded once."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from trustbench.analysis import Analysis, evaluate, load_packs
from trustbench.model import Deal, load_deal
from trustbench.rules.loader import Pack

ROOT = Path(__file__).parents[2]
CASES = ROOT / "cases"
SEED = CASES / "meta-scale-ai.yaml"

SCENARIOS = """
scenarios:
  - name: below-25
    description: Meta keeps its stake below 25 % of the capital
    changes:
      - stake: {equity: 24.9%}
  - name: no-common-director
    description: Wang leaves Scale's board when he joins Meta, and Meta takes no rights
    changes:
      - remove_seat: {person: alexandr-wang}
      - clear_rights: {}
"""


@pytest.fixture
def seed_with_scenarios(tmp_path: Path) -> Path:
    path = tmp_path / "meta-scale-ai.yaml"
    path.write_text(SEED.read_text(encoding="utf-8") + SCENARIOS, encoding="utf-8")
    return path


@cache
def deal(name: str) -> Deal:
    return load_deal(CASES / f"{name}.yaml")


@cache
def packs(jurisdictions: tuple[str, ...]) -> list[Pack]:
    return load_packs(list(jurisdictions))


@cache
def analysis(name: str) -> Analysis:
    d = deal(name)
    return evaluate(d, packs(tuple(d.case.jurisdictions)))
