"""A rule file that fails validation is never built as a Rule with ``None`` in a required
field: what is left of it is a draft (every field optional, a different class), and the
fields that did not validate are named, so later checks skip them."""

from __future__ import annotations

from pathlib import Path

from trustbench.rules.checks.snippets import RULE, edit
from trustbench.rules.diagnostics import Collector, draft_of
from trustbench.rules.schema import Rule
from trustbench.sources import load_document


def _lenient(text: str, tmp_path: Path) -> tuple[object, frozenset[str], Collector]:
    path = tmp_path / "stake.yaml"
    path.write_text(text, encoding="utf-8")
    doc = load_document(path)
    collector = Collector()
    built, broken = collector.lenient(doc, Rule, doc.data)
    return built, broken, collector


def test_a_valid_rule_is_a_rule(tmp_path: Path) -> None:
    built, broken, collector = _lenient(RULE, tmp_path)
    assert isinstance(built, Rule) and broken == frozenset() and collector.items == []


def test_an_invalid_rule_is_a_draft_naming_what_is_broken(tmp_path: Path) -> None:
    text = edit(edit(RULE, "weight: 1\n", "weight: heavy\n"), "cites: [act]\n", "")
    built, broken, collector = _lenient(text, tmp_path)
    assert not isinstance(built, Rule) and type(built) is draft_of(Rule)
    assert broken == {"weight", "cites"}
    assert built.weight is None and built.cites is None  # type: ignore[attr-defined]
    assert built.when == "acquirer.equity.after > params.threshold"  # type: ignore[attr-defined]
    assert [d.code for d in collector.items] == ["TB100", "TB100"]
