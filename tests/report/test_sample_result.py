"""The renderer's sample (tests/report/fixtures.py) is a saved analysis result: it must be
what the analysis gives today, and a result read back from JSON renders the same memo."""

from __future__ import annotations

import os

from trustbench.report import render_html
from trustbench.report.context import build_context
from trustbench.result import Result

from .fixtures import DATA, analyse_sample, dump, sample_context


def test_sample_result_is_the_analysis() -> None:
    """Set UPDATE_GOLDEN=1 to rewrite the saved result after a deliberate change."""
    text = dump(analyse_sample())
    if os.environ.get("UPDATE_GOLDEN"):
        DATA.write_text(text, encoding="utf-8")
    assert text == DATA.read_text(encoding="utf-8")


def test_a_saved_result_renders_the_memo_of_the_analysis() -> None:
    fresh = analyse_sample()
    again = Result.model_validate_json(fresh.model_dump_json(exclude_unset=True))
    assert again == fresh
    assert render_html(build_context(again)) == render_html(build_context(fresh))


def test_the_sample_exercises_every_kind_of_finding() -> None:
    us = sample_context()["jurisdictions"][0]
    lines = {k: [x for f in us["factors"] for x in f[k]] for k in ("triggered", "unknown")}
    assert lines["triggered"] and lines["unknown"] and us["not_triggered"]
    assert [w for f in us["factors"] for w in f["waived"]]
    assert any(x["instances"] for x in lines["unknown"])
