"""Dated parameters: the value in force on a date, its reference, and the end of a series."""

import datetime as dt
from pathlib import Path

from trustbench.rules.loader import load_pack
from trustbench.rules.pack import resolve

PARAMS = """\
threshold:
  description: a threshold
  unit: USD
  values:
    2020-01-01: 10_000_000
    2024-01-01: {value: 12_000_000, reference: {title: Notice 2024, pinpoint: "§ 2"}}
    2026-01-01: null
  reference:
    title: The Act
"""


def test_value_reference_and_end_of_a_series(tmp_path: Path) -> None:
    (tmp_path / "pack.yaml").write_text("id: xx\njurisdiction: xx\nname: X\nversion: '1'\n")
    (tmp_path / "params.yaml").write_text(PARAMS)
    param = load_pack(tmp_path).params["threshold"]
    assert resolve(param, dt.date(2019, 12, 31)) is None
    first = resolve(param, dt.date(2023, 6, 1))
    assert first is not None
    assert (first.value, first.effective, first.reference.title) == (
        10_000_000,
        dt.date(2020, 1, 1),
        "The Act",
    )
    second = resolve(param, dt.date(2025, 6, 1))
    assert second is not None
    assert (second.value, second.reference.title, second.reference.pinpoint) == (
        12_000_000,
        "Notice 2024",
        "§ 2",
    )
    ended = resolve(param, dt.date(2026, 6, 1))
    assert ended is not None and ended.value is None
