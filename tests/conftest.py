"""Fixtures shared across the suite's modules: the seed case's memo PDF is rendered (twice,
for the reproducibility check) and its text extracted once per run, not once per module."""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

import pytest

from trustbench.cli import main

SEED = Path(__file__).parents[1] / "cases" / "meta-scale-ai.yaml"
EPOCH = "1764223200"  # 2025-11-27 06:00:00 UTC


@pytest.fixture(scope="session")
def seed_pdfs(tmp_path_factory: pytest.TempPathFactory) -> tuple[bytes, bytes]:
    """The seed memo (every jurisdiction of the case) rendered twice by `trustbench memo`
    with SOURCE_DATE_EPOCH set."""
    out = tmp_path_factory.mktemp("seed")
    pdfs = []
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("SOURCE_DATE_EPOCH", EPOCH)
        for name in ("a.pdf", "b.pdf"):
            assert main(["memo", str(SEED), "-o", str(out / name)]) == 0
            pdfs.append((out / name).read_bytes())
    return pdfs[0], pdfs[1]


@pytest.fixture(scope="session")
def seed_pages(seed_pdfs: tuple[bytes, bytes]) -> list[str]:
    """The text of each page of the seed memo, whitespace folded."""
    from pypdf import PdfReader

    return [" ".join(p.extract_text().split()) for p in PdfReader(BytesIO(seed_pdfs[0])).pages]
