"""`case validate` warns where a fact rests only on sources dated after the case date."""

from __future__ import annotations

from pathlib import Path

import pytest

from trustbench.cli import main

ROOT = Path(__file__).parents[2]
SEED = ROOT / "cases" / "meta-scale-ai.yaml"


def test_seed_has_no_fact_resting_only_on_later_sources(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["case", "validate", str(SEED)]) == 0
    assert "warning" not in capsys.readouterr().err


def test_a_fact_resting_only_on_a_later_source_is_located(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = SEED.read_text(encoding="utf-8")
    marker = "      source: [s80, s81, s83]\n"  # Wang's hire step
    assert text.count(marker) == 1
    deal = tmp_path / "deal.yaml"
    deal.write_text(text.replace(marker, "      source: [s90, s93]\n"), encoding="utf-8")
    assert main(["case", "validate", str(deal)]) == 0  # a warning, not an error
    err = capsys.readouterr().err
    line = text[: text.index(marker)].count("\n") + 1
    assert f"{deal}:{line}:" in err
    assert (
        "warning[later-source]: transaction.steps[1]: rests only on sources dated after the "
        "case date 2025-06-13: s90 (2025-07-16), s93 (2026-01-17)"
    ) in err
    assert "hint: the memo cannot cite them" in err
