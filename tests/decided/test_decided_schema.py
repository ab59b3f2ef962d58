"""Every decided deal file validates against the published deal schema (cases/deal.schema.json),
so that editors using the schema accept exactly the files the suite compares."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from trustbench.sources import load_document

ROOT = Path(__file__).parents[2]
DEALS = sorted(
    p for p in (ROOT / "cases" / "decided").glob("*.yaml") if not p.name.endswith(".decision.yaml")
)


@pytest.mark.parametrize("path", DEALS, ids=[p.stem for p in DEALS])
def test_decided_deal_file_matches_the_schema(path: Path) -> None:
    schema = json.loads((ROOT / "cases" / "deal.schema.json").read_text(encoding="utf-8"))
    errors = [e.message for e in Draft202012Validator(schema).iter_errors(load_document(path).data)]
    assert errors == []
