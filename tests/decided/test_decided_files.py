"""Every decided deal file passes the JSON Schema, raises no warning, and cites nothing later
than its ``as_of`` date.

tests/test_writing_deals.py checks only ``cases/*.yaml``; the decided cases live one folder
down, so the same checks are made here for ``cases/decided/*.yaml``. A decided case states the
facts as the decision found them, so it is stricter than an ordinary deal file: a source dated
after ``as_of`` may not even be listed (a later account belongs in a source's note, if at all).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from trustbench.cli.case_cmd import json_schema
from trustbench.model import Deal, load_deal
from trustbench.model.plausibility import plausibility
from trustbench.sources import load_document

FOLDER = Path(__file__).parents[2] / "cases" / "decided"
DEALS = sorted(p for p in FOLDER.glob("*.yaml") if not p.name.endswith(".decision.yaml"))


@pytest.fixture(scope="module")
def validator() -> Draft202012Validator:
    return Draft202012Validator(json_schema(Deal))


@pytest.mark.parametrize("deal", DEALS, ids=lambda p: p.name)
def test_decided_deal_passes_the_schema(deal: Path, validator: Draft202012Validator) -> None:
    data = load_document(deal).data
    assert [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(data)] == []


@pytest.mark.parametrize("deal", DEALS, ids=lambda p: p.name)
def test_decided_deal_raises_no_warning(deal: Path) -> None:
    assert [w.render() for w in plausibility(load_deal(deal))] == []


@pytest.mark.parametrize("deal", DEALS, ids=lambda p: p.name)
def test_decided_deal_cites_nothing_after_its_date(deal: Path) -> None:
    loaded = load_deal(deal)
    as_of = loaded.case.as_of
    assert as_of is not None
    late = [s.id for s in loaded.sources if s.date is not None and s.date > as_of]
    assert late == []
