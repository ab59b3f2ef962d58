"""docs/writing-deals.md: every example loads (or fails as the guide says), and the JSON
Schema accepts every deal file trustbench accepts."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator
from typer.testing import CliRunner

from tests.deal_docs import ROOT, Example, examples, whole
from trustbench.cli import app
from trustbench.cli.case_cmd import json_schema
from trustbench.errors import TrustbenchError
from trustbench.model import Deal, load_deal
from trustbench.sources import load_document, parse_document

CASES = sorted((ROOT / "cases").glob("*.yaml"))
EXAMPLES = examples()


@pytest.fixture(scope="module")
def validator() -> Draft202012Validator:
    schema = json_schema(Deal)
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


def _errors(validator: Draft202012Validator, data: Any) -> list[str]:
    return [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(data)]


def test_the_guide_has_examples_of_each_kind() -> None:
    kinds = [e.kind for e in EXAMPLES]
    assert kinds[0] == "base" and kinds.count("section") >= 8 and kinds.count("broken") >= 3


@pytest.mark.parametrize("example", [e for e in EXAMPLES if e.kind != "broken"], ids=str)
def test_example_loads_and_passes_the_schema(
    example: Example, tmp_path: Path, validator: Draft202012Validator
) -> None:
    path = tmp_path / "deal.yaml"
    path.write_text(whole(example), encoding="utf-8")
    load_deal(path)
    assert _errors(validator, load_document(path).data) == []


@pytest.mark.parametrize("example", [e for e in EXAMPLES if e.kind == "broken"], ids=str)
def test_broken_example_fails_as_the_guide_says(example: Example, tmp_path: Path) -> None:
    path = tmp_path / "deal.yaml"
    path.write_text(whole(example), encoding="utf-8")
    with pytest.raises(TrustbenchError) as info:
        load_deal(path)
    assert example.expect in info.value.render()


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.name)
def test_every_case_passes_the_schema(case: Path, validator: Draft202012Validator) -> None:
    assert _errors(validator, load_document(case).data) == []


def test_every_case_points_editors_at_the_schema() -> None:
    for case in CASES:
        first = case.read_text(encoding="utf-8").splitlines()[0]
        assert first == "# yaml-language-server: $schema=deal.schema.json", case.name


def test_the_schema_file_is_generated_from_the_model(tmp_path: Path) -> None:
    """cases/deal.schema.json is not committed: `make` writes it with `schema deal -o`, the
    same document `schema deal` prints."""
    runner = CliRunner()
    printed = runner.invoke(app, ["schema", "deal"])
    assert printed.exit_code == 0
    assert json.loads(printed.output)["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    written = runner.invoke(app, ["schema", "deal", "-o", str(tmp_path / "deal.schema.json")])
    assert (written.exit_code, written.output) == (0, "")
    assert (tmp_path / "deal.schema.json").read_text(encoding="utf-8") == printed.output
    assert json.loads(printed.output) == json_schema(Deal)
    ignored = (ROOT / ".gitignore").read_text(encoding="utf-8").splitlines()
    assert "cases/deal.schema.json" in ignored and "docs/deal-fields.md" in ignored
    assert "trustbench schema deal -o $@" in (ROOT / "Makefile").read_text(encoding="utf-8")


SEED = (ROOT / "cases" / "meta-scale-ai.yaml").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("  as_of: 2025-06-13", "  as_of: 2025-06-13\n  colour: blue"),  # unknown key
        ("equity: 0.49", "equity: 49 percent"),  # not a share
        ("  acquirer: meta", "  acquirer: Meta Platforms"),  # not an id
        ("kind: acquire_stake", "kind: buy_stake"),  # unknown step
        ("value: USD 14.3bn", "value: {amount: 14.3e9, curency: USD}"),  # misspelt key
    ],
)
def test_broken_files_fail_the_schema_and_the_loader(
    old: str, new: str, tmp_path: Path, validator: Draft202012Validator
) -> None:
    assert old in SEED
    text = SEED.replace(old, new, 1)
    assert _errors(validator, parse_document(text, "x").data)
    path = tmp_path / "deal.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(TrustbenchError):
        load_deal(path)


def test_schema_rejects_an_unknown_event_type(validator: Draft202012Validator) -> None:
    data = parse_document(SEED, "x").data
    data["timeline"] = [{"date": "2025-06-12", "type": "singing"}]
    assert _errors(validator, data)
    data["timeline"] = [{"date": "2025-06-12", "type": "signing"}]
    assert _errors(validator, data) == []
