"""The CLI contract: exit codes, compiler-style errors, no tracebacks."""

import json
from pathlib import Path

import pytest

from trustbench.cli import main

ROOT = Path(__file__).parents[1]
SEED = ROOT / "cases" / "meta-scale-ai.yaml"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def test_bad_deal_file_exits_2_with_location(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    bad = tmp_path / "bad.yaml"
    bad.write_text("case:\n  id: x\n  title: X\n  as_of: 2025-13-01\n")
    code, _, err = run(capsys, "case", "validate", bad)
    assert code == 2
    assert "Traceback" not in err
    assert "bad.yaml:4:10: error[deal]: case.as_of: input should be a valid date" in err
    assert "bad.yaml:1:1: error[deal]: missing required key 'transaction'" in err


def test_missing_file_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "analyze", "no/such/deal.yaml")
    assert code == 2
    assert "no/such/deal.yaml: error[input]: cannot read file" in err


def test_yaml_syntax_error_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "syntax.yaml"
    bad.write_text("case: [\n")
    code, _, err = run(capsys, "analyze", bad)
    assert code == 2 and "error[input]: invalid YAML" in err and ":2:1:" in err


def test_facts_catalogue_and_values(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "facts", "--format", "json")
    assert code == 0
    names = {item["name"] for item in json.loads(out)}
    assert {"acquirer.equity.after", "acquirer.voting.after", "market.hhi.delta"} <= names
    code, out, _ = run(capsys, "facts", SEED, "--format", "json")
    facts = json.loads(out)["facts"]
    assert facts["acquirer.equity.after"]["value"] == pytest.approx(0.49)
    assert facts["acquirer.voting.after"]["value"] == 0.0
    assert facts["acquirer.equity.before"]["value"] is None  # Series F stake not public


def test_schema_deal_is_json_schema(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "schema", "deal")
    assert code == 0
    schema = json.loads(out)
    assert "case" in schema["properties"] and "transaction" in schema["required"]


def test_case_new_then_validate(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, _ = run(capsys, "case", "new", "acme-widgets", "--dir", tmp_path)
    assert code == 0
    code, out, _ = run(capsys, "case", "validate", tmp_path / "acme-widgets.yaml")
    assert code == 0 and "ok" in out
    code, _, err = run(capsys, "case", "new", "acme-widgets", "--dir", tmp_path)
    assert code == 2 and "not overwriting" in err


def test_unknown_option_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "analyze", SEED, "--no-such-option")
    assert code == 2 and "Traceback" not in err
