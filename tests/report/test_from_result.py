"""`memo --save-result` / `memo --from-result`: the memo is rendered from one saved Result,
the same bytes as from the deal; anything else given as a result is a located user error."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from trustbench.cli import main

ROOT = Path(__file__).parents[2]
CASE = ROOT / "cases" / "microsoft-mistral.yaml"


def test_a_saved_result_renders_the_same_memo(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764223200")
    saved, first, again = tmp_path / "r.json", tmp_path / "a.html", tmp_path / "b.html"
    args = ["memo", str(CASE), "--html", "-o", str(first), "--save-result", str(saved)]
    assert main(args) == 0
    assert main(["memo", "--from-result", str(saved), "--html", "-o", str(again)]) == 0
    assert first.read_bytes() == again.read_bytes()
    doc = json.loads(saved.read_text(encoding="utf-8"))
    assert {"deal", "graph", "catalogue", "structuring"} <= set(doc)
    assert str(ROOT) not in saved.read_text(encoding="utf-8")  # no absolute paths
    capsys.readouterr()


def test_the_contract_json_alone_is_not_enough(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["analyze", str(CASE), "--format", "json"]) == 0
    contract = tmp_path / "c.json"
    contract.write_text(capsys.readouterr().out, encoding="utf-8")
    assert main(["memo", "--from-result", str(contract)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"{contract}: error[input]: the result has no memo detail")
    assert "hint: write it with `trustbench memo DEAL --save-result FILE`" in err


def test_a_broken_result_is_located(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    broken = tmp_path / "r.json"
    broken.write_text('{"case": {\n  "id": 1,,\n', encoding="utf-8")
    assert main(["memo", "--from-result", str(broken)]) == 2
    assert capsys.readouterr().err.startswith(f"{broken}:2:11: error[input]: not JSON")
    broken.write_text('{"case": {"id": "x"}}', encoding="utf-8")
    assert main(["memo", "--from-result", str(broken)]) == 2
    assert f"{broken}: error[input]: case.title: field required" in capsys.readouterr().err


def test_a_deal_or_a_result_not_both(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["memo"]) == 2
    assert "give a deal file or --from-result FILE" in capsys.readouterr().err
    saved = tmp_path / "r.json"
    assert main(["memo", str(CASE), "--from-result", str(saved)]) == 2
    assert "give a deal file or --from-result FILE" in capsys.readouterr().err


def test_help_documents_it(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["memo", "--help"]) == 0
    out = " ".join(capsys.readouterr().out.split())
    assert "--from-result" in out and "--save-result" in out
