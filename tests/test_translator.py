"""One pydantic translator (issue 16): deal files and rule packs get the same wording for
the same problem, and a typo of a required key is reported once, as the typo."""

from __future__ import annotations

from pathlib import Path

import pytest

from trustbench.errors import TrustbenchError
from trustbench.model.load import load_deal
from trustbench.rules.diagnostics import Collector
from trustbench.rules.schema import Rule
from trustbench.sources import load_document

DEAL = """\
case: {id: x, title: X, as_of: 2025-06-13, jurisdictions: [us]}
entities:
  - {id: a, name: A}
  - {id: t, name: T}
transacton:
  acquirer: a
  target: t
  steps: []
"""

RULE = """\
title: T
factr: filing
when: "true"
weight: 1
finding: {triggered: a, not_triggered: b}
cites: []
"""


def test_a_misspelt_required_key_is_one_diagnostic(tmp_path: Path) -> None:
    path = tmp_path / "deal.yaml"
    path.write_text(DEAL, encoding="utf-8")
    with pytest.raises(TrustbenchError) as caught:
        load_deal(path)
    assert [d.render() for d in caught.value.diagnostics] == [
        f"{path}:5:1: error[deal]: unknown key 'transacton'\n  hint: did you mean 'transaction'?"
    ]


def test_deal_and_rule_files_share_the_wording(tmp_path: Path) -> None:
    path = tmp_path / "rule.yaml"
    path.write_text(RULE, encoding="utf-8")
    doc = load_document(path)
    collector = Collector()
    assert collector.model(doc, Rule, doc.data) is None
    diag, *others = collector.items  # unknown keys first; 'factor' is not also "missing"
    assert (diag.line, diag.column, diag.kind, diag.code) == (2, 1, "rule", "TB100")
    assert diag.message == "unknown key 'factr'"
    assert diag.hint == "did you mean 'factor'?"
    assert [d.message for d in others] == [
        "missing required key 'test'",
        "cites: needs at least 1 item",
        "missing required key 'examples'",
    ]
