"""Every pack check is one registered object with its fixture (``trustbench.rules.checks``):
a pack snippet that must raise it — its whole output, each diagnostic with its
file:line:column, code, message and hint, is compared — and the snippet put right, which
must pass."""

import re
from pathlib import Path

import pytest

from trustbench.cli import main
from trustbench.rules.checks import Check, all_checks, write_tree

CHECKS = all_checks()


def _validate(
    files: dict, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> tuple[int, str, str]:
    root = tmp_path / "fixture"
    root.mkdir()
    write_tree(files, root)
    monkeypatch.chdir(root)
    code = main(["rules", "validate", "."])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("check", CHECKS, ids=str)
def test_the_bad_snippet_gives_exactly_its_expected_diagnostics(
    check: Check,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    bad = {k: v for k, v in check.fixture.bad.items() if v is not None}
    assert _validate(bad, tmp_path, monkeypatch, capsys) == (2, "", check.fixture.expected)


@pytest.mark.parametrize("check", CHECKS, ids=str)
def test_the_snippet_put_right_passes(
    check: Check,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, err = _validate(check.fixture.good_files(), tmp_path, monkeypatch, capsys)
    assert (code, err) == (0, ""), err
    assert out.count(": ok — ") >= 1


@pytest.mark.parametrize("check", CHECKS, ids=str)
def test_the_fixture_shows_exactly_the_code_of_its_check(check: Check) -> None:
    found = re.findall(r"error\[(TB\d{3})\]", check.fixture.expected)
    assert found and set(found) == {check.code}


def test_codes_and_names_are_unique_and_well_formed() -> None:
    assert len({c.name for c in CHECKS}) == len(CHECKS)
    assert all(re.fullmatch(r"TB\d{3}", c.code) for c in CHECKS)
    assert all(re.fullmatch(r"[a-z][a-z0-9-]*", c.name) and c.description for c in CHECKS)


def test_rules_codes_lists_every_check(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules", "codes"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split()[0] for line in lines] == [c.code for c in CHECKS]
    assert all(c.description in line for c, line in zip(CHECKS, lines, strict=True))


def test_rules_codes_shows_a_checks_fixture(capsys: pytest.CaptureFixture[str]) -> None:
    check = next(c for c in CHECKS if c.code == "TB131")
    assert main(["rules", "codes", "tb131"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("TB131 literal: threshold literal written inside a condition")
    assert check.fixture.expected in out and "acquirer.voting.after > 0.1" in out


def test_a_new_lint_check_is_run_listed_and_tested_from_its_one_object(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """What a newcomer writes for a lint check — one registered object — is enough for
    ``rules validate`` to run it and ``rules codes`` to list it."""
    from trustbench.errors import Diagnostic
    from trustbench.rules import checks
    from trustbench.rules.checks.snippets import RULE, edit, pack

    def _titles(p):  # type: ignore[no-untyped-def]
        for _, loaded in sorted(p.own_rules().items()):
            if loaded.rule.title.endswith("."):
                yield Diagnostic(
                    loaded.file, 1, 8, "rule", "title ends with a full stop", None, "TB199"
                )

    new = Check(
        "TB199",
        "title-stop",
        "a rule title ends with a full stop",
        checks.Fixture(
            bad=pack(stake=edit(RULE, "the threshold\nfactor", "the threshold.\nfactor")),
            expected="",
            good={},
        ),
        _titles,
    )
    monkeypatch.setitem(checks.REGISTRY, "TB199", new)
    code, _, err = _validate(dict(new.fixture.bad), tmp_path, monkeypatch, capsys)
    assert (code, err) == (
        2,
        "pack/stake.yaml:1:8: error[TB199]: title ends with a full stop\n1 problem in 1 file\n",
    )
    assert main(["rules", "codes"]) == 0
    assert "TB199  title-stop" in capsys.readouterr().out
