"""Shared fixtures for the hostile-input tests of the memo renderer."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.report.fixtures import sample_context

HERE = Path(__file__).parent
ROOT = HERE.parents[1]
SEED = ROOT / "cases" / "meta-scale-ai.yaml"
CANARY = "CANARY-7f3a91-do-not-print"


@pytest.fixture
def context() -> dict[str, Any]:
    return sample_context()


@pytest.fixture
def canary(tmp_path: Path) -> Path:
    """A file outside every template folder, which must never reach a memo."""
    outside = tmp_path / "outside"
    outside.mkdir()
    secret = outside / "secret.html.j2"
    secret.write_text(f"<p>{CANARY}</p>\n", encoding="utf-8")
    (outside / "sub").mkdir()
    (outside / "sub" / "x.html.j2").write_text(f"<p>{CANARY}</p>\n", encoding="utf-8")
    return secret


def with_section(context: dict[str, Any], pack: str = "us") -> dict[str, Any]:
    """The sample context with the first jurisdiction rendered by its pack's section."""
    context["jurisdictions"][0]["pack"]["section"] = f"pack/{pack}/section.html.j2"
    return context
