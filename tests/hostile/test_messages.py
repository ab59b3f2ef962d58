"""Messages are legible whatever the input: escaped and cut in the one place they are
formatted (Diagnostic.render), for every kind of error. Cases: messages.yaml."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from trustbench.cli import main
from trustbench.errors import MAX_MESSAGE, DealError, Diagnostic

CASES: list[dict[str, Any]] = yaml.safe_load(
    (Path(__file__).parent / "messages.yaml").read_text(encoding="utf-8")
)


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_message_is_escaped_and_cut(case: dict[str, Any]) -> None:
    error = DealError(case["message"], file=case["file"], line=case["line"], hint=case.get("hint"))
    assert error.render() == case["expected"]
    assert error.message == case["message"]  # the raw text stays available to code


def test_a_huge_message_is_bounded() -> None:
    words = " ".join(f"word{i}" for i in range(5000))
    text = Diagnostic("f", 1, 1, "deal", words).render()
    assert len(text) < MAX_MESSAGE + 40 and text.endswith("…")


def test_a_hostile_file_name_reaches_the_terminal_escaped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    deal = tmp_path / "evil\x1b[2J\u202e.yaml"
    deal.write_text("case: [\n", encoding="utf-8")
    assert main(["case", "validate", str(deal)]) == 2
    err = capsys.readouterr().err
    assert "\x1b" not in err and "\u202e" not in err
    assert "evil\\x1b[2J\\u202e.yaml" in err
