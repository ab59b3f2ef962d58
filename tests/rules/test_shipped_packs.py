"""The packs shipped in rules/ (the worked examples included) pass `rules validate` with
zero diagnostics and `rules test` with every example; a copy of a built-in pack with two
mistakes in two rule files gets both reported at once."""

import shutil
from pathlib import Path

import pytest

from trustbench.cli import main
from trustbench.rules.loader import builtin_dir
from trustbench.rules.validate import check, run_all_examples

ROOT = Path(__file__).parents[2]


def test_shipped_packs_have_zero_diagnostics() -> None:
    checked = check([builtin_dir()])
    assert [d.render() for d in checked.diagnostics] == []
    assert {"us", "acme-house-policy"} <= {p.id for p in checked.packs}


def test_every_shipped_example_passes() -> None:
    results = run_all_examples(check([builtin_dir()], lint=False).packs)
    assert len(results) > 100
    assert [r.message for r in results if not r.passed] == []


def test_validate_and_test_commands_pass(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules", "validate"]) == 0
    out = capsys.readouterr().out
    assert "us: ok — " in out and "acme-house-policy: ok" in out
    assert main(["rules", "test"]) == 0
    assert " 0 failed" in capsys.readouterr().out


def test_two_mistakes_in_two_files_reported_at_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    shutil.copytree(ROOT / "rules" / "us", tmp_path / "us")
    influence = tmp_path / "us" / "mg2023" / "g11-influence.yaml"
    influence.write_text(
        influence.read_text().replace(
            "  acquirer.equity.after > 0.0\n", "  acquirer.equity.aftr > 0.0\n", 1
        )
    )
    stake = tmp_path / "us" / "hsr" / "non-voting-stake.yaml"
    stake.write_text(stake.read_text().replace("cites: [hsr-act,", "cites: [hsr-akt,"))
    monkeypatch.chdir(tmp_path)
    code = main(["rules", "validate", "us"])
    out, err = capsys.readouterr()
    assert code == 2 and out == "" and "Traceback" not in err
    assert err == (
        "us/hsr/non-voting-stake.yaml:50:9: error[TB150]: authority 'hsr-akt' is not defined\n"
        "  hint: did you mean 'hsr-act'?\n"
        "us/mg2023/g11-influence.yaml:11:3: error[TB130]: unknown fact 'acquirer.equity.aftr'\n"
        "  hint: did you mean 'acquirer.equity.after'?\n"
        "2 problems in 2 files\n"
    )


def test_a_broken_pack_does_not_hide_its_lint(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A schema error in one file, a compile error in a second and an undefined authority in
    a third are all reported: loading goes on, and lint runs on what loaded."""
    shutil.copytree(ROOT / "rules" / "us", tmp_path / "us")
    monkeypatch.chdir(tmp_path)
    interlock = tmp_path / "us" / "clayton8" / "interlock.yaml"
    interlock.write_text(
        interlock.read_text()
        .replace("weight: 3", "wieght: 3")
        .replace("cites: [clayton-8", "cites: [clayton-88")
    )
    codes = [d.code for d in check([tmp_path / "us"]).diagnostics]
    assert codes == ["TB100", "TB150"]
