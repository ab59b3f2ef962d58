"""Every decided deal file passes the JSON Schema and raises no warning — in particular no fact
rests on a source dated after its ``as_of`` (a later report of the decision may be listed, for
the reader, but backs nothing; the memo leaves it out).

tests/test_writing_deals.py checks only ``cases/*.yaml``; the decided cases live one folder
down, so the same checks are made here for ``cases/decided/*.yaml``.
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
