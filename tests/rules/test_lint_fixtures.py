"""Every diagnostic code of the pack linter has a bad-input fixture whose whole output —
each diagnostic with its file:line:column, code, message and hint — is compared."""

import re
from pathlib import Path

import pytest

from trustbench.cli import main
from trustbench.rules.codes import REGISTRY
from trustbench.rules.lint import CODES

FIXTURES = Path(__file__).parent / "fixtures"
CASES = sorted(p for p in FIXTURES.iterdir() if p.is_dir())


@pytest.mark.parametrize("folder", CASES, ids=lambda p: p.name)
def test_fixture_gives_exactly_its_expected_diagnostics(
    folder: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(folder)
    code = main(["rules", "validate", "."])
    out, err = capsys.readouterr()
    assert (code, out) == (2, "")
    assert err == (folder / "expected.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize("folder", CASES, ids=lambda p: p.name)
def test_fixture_shows_exactly_the_code_it_is_named_after(folder: Path) -> None:
    code = folder.name.split("-")[0]
    found = re.findall(r"error\[(TB\d{3})\]", (folder / "expected.txt").read_text("utf-8"))
    assert found and set(found) == {code}


def test_every_registered_check_has_its_fixture() -> None:
    assert sorted(c.fixture for c in REGISTRY.values()) == sorted(p.name for p in CASES)


def test_rules_codes_lists_every_check(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules", "codes"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split()[0] for line in lines] == list(REGISTRY)
    assert all(c.description in line for c, line in zip(REGISTRY.values(), lines, strict=True))


def test_every_code_has_a_fixture() -> None:
    named = {p.name.split("-")[0] for p in CASES}
    assert set(CODES) <= named, sorted(set(CODES) - named)
    assert named <= set(CODES), "a fixture for a code the linter's table does not list"
