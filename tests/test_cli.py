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


# -- the terminal (issue 14) ------------------------------------------------------------------


def test_h_and_version(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "-h")
    assert code == 0 and "--version" in out and "--debug" in out and "analyze" in out
    code, out, _ = run(capsys, "analyze", "-h")
    assert code == 0 and "--format [text|json]" in out.replace("<text|json>", "[text|json]")
    assert "<bool>" not in out and "list[" not in out and "--as-of DATE" in out
    from trustbench.version import __version__

    assert run(capsys, "--version")[:2] == (0, f"trustbench {__version__}\n")


def test_analyze_opens_with_the_summary_and_fits_the_width(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "100")
    code, out, _ = run(capsys, "analyze", SEED)
    lines = out.splitlines()
    assert code == 0 and "\x1b[" not in out  # not a terminal: no colour
    assert lines[0].startswith("Meta Platforms / Scale AI") and "notification" in lines[1]
    assert [line.split()[0] for line in lines if line[:3] in ("us ", "eu ", "uk ", "de ")] == [
        "us",
        "eu",
        "uk",
        "de",
    ]
    assert max(len(line) for line in lines) <= 100
    assert any(line.startswith("  ● triggered") for line in lines)
    assert any(line.startswith("  ○ us.") for line in lines)  # one compact line each


def test_only_quiet_and_verbose(capsys: pytest.CaptureFixture[str]) -> None:
    _, full, _ = run(capsys, "analyze", SEED)
    _, quiet, _ = run(capsys, "analyze", SEED, "--quiet")
    _, only, _ = run(capsys, "analyze", SEED, "--only", "unknown")
    _, verbose, _ = run(capsys, "analyze", SEED, "--verbose")
    assert "●" not in quiet and "?" not in quiet.split("band (scope)")[1]
    starts = {line[:4] for line in only.splitlines()}
    assert "  ? " in starts and "  ● " not in starts and "  ○ " not in starts
    assert len(verbose.splitlines()) > len(full.splitlines()) > len(quiet.splitlines())
    code, _, err = run(capsys, "analyze", SEED, "--only", "triggerd")
    assert code == 2 and "triggered, unknown, not_triggered" in err


def test_colour_only_on_a_terminal_and_never_with_no_color(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import io

    from trustbench.cli.output import console

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    for no_color, coloured in (("", True), ("1", False)):
        monkeypatch.setenv("NO_COLOR", no_color)
        screen = Terminal()
        console(screen, width=60).print("[bold red]● triggered[/]")
        assert ("\x1b[1;31m" in screen.getvalue()) is coloured  # bold red; bold alone is no colour


def test_choices_and_dates_are_usage_errors(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "analyze", SEED, "--format", "xml")
    assert code == 2 and "'xml' is not one of 'text', 'json'" in err.replace('"', "'")
    code, _, err = run(capsys, "analyze", SEED, "--as-of", "2025-13-01")
    assert code == 2 and "expected a date YYYY-MM-DD, got '2025-13-01'" in err
    assert "Traceback" not in err


def test_debug_is_accepted_before_and_after_the_command(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "--debug", "analyze", SEED, "-q")[0] == 0
    assert run(capsys, "analyze", SEED, "-q", "--debug")[0] == 0


def test_facts_by_topic_side_by_side(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "100")
    code, out, _ = run(capsys, "facts", SEED)
    assert code == 0 and max(len(line) for line in out.splitlines()) <= 100
    row = next(line for line in out.splitlines() if line.startswith("acquirer.equity "))
    assert row.split()[1:3] == ["unknown", "49"]  # before, after on one row


def test_json_never_carries_nan() -> None:
    from trustbench.cli.options import dump_json

    text = dump_json({"a": float("nan"), "b": [float("inf"), 1.5], "c": (float("-inf"),)})
    assert json.loads(text) == {"a": None, "b": [None, 1.5], "c": [None]}
