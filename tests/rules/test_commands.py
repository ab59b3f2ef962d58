"""`rules list | show | test | new` as a user runs them."""

import json
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from trustbench.cli import main
from trustbench.rules.checks import all_checks, write_tree

ROOT = Path(__file__).parents[2]
ACME = ROOT / "rules" / "examples" / "acme-house-policy"


def _us_pack():  # type: ignore[no-untyped-def]
    from trustbench.rules.loader import builtin_dir, load_pack

    return load_pack(builtin_dir() / "us")


def _us_examples() -> int:
    """Examples `rules test` runs for the US pack: its rules' and its definitions'."""
    pack = _us_pack()
    return sum(len(r.rule.examples) for r in pack.rules.values()) + sum(
        len(d.definition.examples) for d in pack.definitions.values()
    )


def run(capsys: pytest.CaptureFixture[str], *args: object) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def test_list_is_a_table_of_the_builtin_rules(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "rules", "list", "-j", "us")
    lines = out.splitlines()
    assert code == 0 and lines[0] == "us — United States 2026.1 (rules/us)"
    assert lines[1].split() == ["RULE", "FACTOR", "WEIGHT", "TITLE"]
    assert lines[-1] == f"  {len(_us_pack().rules)} rules"
    assert "acme" not in out  # the worked example applies only when named
    row = next(line for line in lines if "us.hsr.filing-required" in line)
    assert row.split()[:3] == ["us.hsr.filing-required", "filing", "1"]
    assert max(len(line) for line in lines) <= 100  # fits 100 columns: titles wrap


def test_list_filters_by_factor_and_jurisdiction(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "rules", "list", "--factor", "minority-stake", "-j", "us")
    assert code == 0 and out.splitlines()[-1] == "  4 rules"
    code, _, err = run(capsys, "rules", "list", "--factor", "minority_stake")
    assert code == 2 and err == (
        "<input>: error[input]: --factor: unknown factor "
        "'minority_stake'\n  hint: did you mean 'minority-stake'?\n"
    )
    code, _, err = run(capsys, "rules", "list", "-j", "uss")
    assert code == 2 and "no pack for 'uss'" in err and "did you mean 'us'?" in err


def test_list_marks_house_and_disabled_rules(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    house = tmp_path / "house"
    house.mkdir()
    (house / "pack.yaml").write_text(
        f"id: house\njurisdiction: us\nname: House\nversion: '1'\nextends: {ACME}\n"
        "disable:\n  - rule: us.clayton8.interlock\n    reason: reviewed separately\n"
    )
    code, out, _ = run(capsys, "rules", "list", "--packs", house)
    assert code == 0
    assert "extends acme-house-policy → us" in out.splitlines()[0]
    flat = " ".join(out.split())  # titles wrap within their column
    assert "[disabled by house: reviewed separately]" in flat
    assert "Minority stake subject to internal review (Acme policy § 4.2)" in flat
    assert max(len(line) for line in out.splitlines()[1:]) <= 100


def test_show_gives_parameters_as_of_a_date(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "rules", "show", "us.hsr.filing-required", "--as-of", "2025-06-13")
    assert code == 0
    assert out.startswith(
        "us.hsr.filing-required — HSR premerger notification required\n"
        "  file:    rules/us/hsr/filing-required.yaml\n"
    )
    assert "params.hsr_size_of_transaction_floor = USD 126.4m, in force from 2025-02-21" in out
    # the series is wrapped; compare with the line breaks folded into spaces
    flat = " ".join(out.split())
    assert "2024-03-06: USD 119.5m; 2025-02-21: USD 126.4m ←; 2026-02-17: USD 133.9m" in flat
    assert "hsr-act: 15 U.S.C. § 18a(a)(2)" in out and "floor-exactly-2025 → not triggered" in out
    assert "def.us.size_of_person_met: HSR size of person met" in out
    _, later, _ = run(capsys, "rules", "show", "us.hsr.filing-required", "--as-of", "2026-03-01")
    assert "= USD 133.9m, in force from 2026-02-17" in later


def test_show_unknown_rule_suggests(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "rules", "show", "us.hsr.filing-requird")
    assert code == 2
    assert err == (
        "<input>: error[input]: no rule 'us.hsr.filing-requird'\n"
        "  hint: did you mean 'us.hsr.filing-required'?\n"
    )


def test_show_a_house_rule(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(
        capsys,
        "rules",
        "show",
        "us.house.minority-stake-review",
        "--rules",  # the old spelling of --packs still works, with a note
        ACME,
        "--as-of",
        "2025-06-13",
    )
    assert code == 0 and "params.house_minority_stake_review = 5 %" in out
    assert err.startswith("note: `rules list|show --rules` is now --packs")
    assert "Acme Corp., Competition Law Compliance Policy (internal), rev. 2025" in out


@pytest.fixture()
def broken_copy(tmp_path: Path) -> Path:
    """A copy of the US pack in which two examples of two rules expect the wrong outcome."""
    shutil.copytree(ROOT / "rules" / "us", tmp_path / "us")
    for rel, old, new in (
        ("hsr/non-voting-stake.yaml", "    expect: unknown\n", "    expect: triggered\n"),
        ("clayton8/interlock.yaml", "expect: triggered", "expect: not_triggered"),
    ):
        path = tmp_path / "us" / rel
        path.write_text(path.read_text().replace(old, new, 1))
    return tmp_path


def _us_examples() -> int:
    """Every example the US pack's `rules test` runs: its rules' and its definitions'."""
    pack = _us_pack()
    rules = sum(len(r.rule.examples) for r in pack.rules.values())
    return rules + sum(len(d.definition.examples) for d in pack.definitions.values())


def test_test_reports_every_failure(
    broken_copy: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(broken_copy)
    code, out, _ = run(capsys, "rules", "test", "us")
    lines = out.splitlines()
    examples = _us_examples()
    assert code == 1 and lines[-1] == f"{examples - 2} passed, 2 failed"
    assert [line.split(": ")[0] for line in lines[:-1]] == [
        "us/clayton8/interlock.yaml:98",
        "us/hsr/non-voting-stake.yaml:105",
    ]
    assert "FAIL us.hsr.non-voting-stake::equity-unknown: expected triggered, got unknown" in out


def test_test_json_and_junit(
    broken_copy: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(broken_copy)
    code, out, _ = run(capsys, "rules", "test", "us", "--format", "json")
    doc = json.loads(out)
    examples = _us_examples()
    assert code == 1 and (doc["passed"], doc["failed"], doc["errors"]) == (examples - 2, 2, [])
    assert {r["id"] for r in doc["results"] if not r["passed"]} == {
        "us.clayton8.interlock::competing-boards",
        "us.hsr.non-voting-stake::equity-unknown",
    }
    code, out, _ = run(capsys, "rules", "test", "us", "--format", "junit")
    root = ET.fromstring(out.split("\n", 1)[1])
    (suite,) = root.findall("testsuite")
    assert (code, suite.get("name"), suite.get("tests"), suite.get("failures")) == (
        1,
        "us",
        str(examples),
        "2",
    )
    failed = [c for c in suite.iter("testcase") if c.find("failure") is not None]
    assert [(c.get("classname"), c.get("name")) for c in failed] == [
        ("us.clayton8.interlock", "competing-boards"),
        ("us.hsr.non-voting-stake", "equity-unknown"),
    ]


def test_test_junit_lists_pack_problems(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    write_tree(next(c for c in all_checks() if c.code == "TB130").fixture.bad, tmp_path)
    monkeypatch.chdir(tmp_path)
    code, out, _ = run(capsys, "rules", "test", "pack", "--format", "junit")
    root = ET.fromstring(out.split("\n", 1)[1])
    suite = next(s for s in root.findall("testsuite") if s.get("name") == "validate")
    assert code == 2 and suite.get("errors") == "5"


def test_new_scaffolds_a_pack_that_validates(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    code, out, _ = run(capsys, "rules", "new", "xx", "--dir", "packs", "--name", "Xland")
    assert code == 0
    assert out.startswith("created packs/xx/ — pack.yaml, params.yaml, authorities.yaml")
    assert "  packs/xx/params.yaml:13: 2024-01-01: 100_000_000   # TODO: the value" in out
    assert "trustbench analyze DEAL --rules packs/xx --jurisdiction xx" in out
    assert run(capsys, "rules", "validate", "packs/xx")[0] == 0
    code, out, _ = run(capsys, "rules", "test", "packs/xx")
    assert (code, out) == (0, "4 passed, 0 failed\n")
    code, _, err = run(capsys, "rules", "new", "xx", "--dir", "packs")
    assert code == 2 and "not overwriting an existing folder" in err
    code, _, err = run(capsys, "rules", "new", "Bad Name", "--dir", "packs")
    assert code == 2 and "use lower-case letters, digits and dashes" in err


def test_explain_a_disabled_rule(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    house = tmp_path / "house"
    house.mkdir()
    (house / "pack.yaml").write_text(
        "id: house\njurisdiction: us\nname: House\nversion: '1'\nextends: us\n"
        "disable:\n  - rule: us.clayton8.interlock\n    reason: reviewed separately\n"
    )
    code, out, _ = run(
        capsys,
        "analyze",
        ROOT / "cases" / "meta-scale-ai.yaml",
        "--rules",
        house,
        "--explain",
        "us.clayton8.interlock",
    )
    assert code == 0 and out.startswith(
        "us.clayton8.interlock — not evaluated: disabled by pack house ("
    )
    assert out.rstrip().endswith(":7): reviewed separately")
