"""Every decided deal file passes the JSON Schema and raises no warning but late sources.

tests/test_writing_deals.py checks only ``cases/*.yaml``; the decided cases live one folder
down, so the same two checks are made here for ``cases/decided/*.yaml``.
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
    errors = [
        f"{list(e.absolute_path)}: {e.message}"
        for e in validator.iter_errors(load_document(deal).data)
    ]
    assert errors == []


@pytest.mark.parametrize("deal", DEALS, ids=lambda p: p.name)
def test_decided_deal_raises_no_warning(deal: Path) -> None:
    for warning in plausibility(load_deal(deal)):
        assert "after the case's as_of date" in warning.message, warning.render()
