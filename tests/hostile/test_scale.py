"""Giant inputs in the memo: a 1 MB party name and 50,000 sources render, bounded.

How long they take is printed by ``benchmarks/scale.py``, never asserted here (the machines
are shared and noisy).

Before: the HTML alone took 42 s (every citation searched 50,000 sources) and the Appendix
listed 50,000 rows. Now the name is cut with a note and only cited sources are listed.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from io import BytesIO
from pathlib import Path

import pytest
from pypdf import PdfReader

from trustbench.cli import main

from .conftest import SEED

SOURCES = 50_000
NAME = ("Acme " * 210_000).strip()  # 1 MB


@pytest.fixture(scope="module")
def giant(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    out = tmp_path_factory.mktemp("giant")
    seed = SEED.read_text(encoding="utf-8")
    extra = "".join(
        f'  - {{id: x{i}, title: "Extra source {i}", publisher: P}}\n' for i in range(SOURCES)
    )
    seed = seed.replace("sources:\n", "sources:\n" + extra, 1)
    seed = seed.replace('name: "Meta Platforms, Inc."', f'name: "{NAME}"', 1)
    assert NAME in seed and "id: x49999" in seed
    deal = out / "giant.yaml"
    deal.write_text(seed, encoding="utf-8")
    assert main(["memo", str(deal), "-o", str(out / "memo.pdf")]) == 0
    assert main(["memo", str(deal), "--html", "-o", str(out / "memo.html")]) == 0
    yield out


def test_giant_name_and_sources_pdf_is_bounded(giant: Path) -> None:
    out = giant
    text = "".join(
        p.extract_text() for p in PdfReader(BytesIO((out / "memo.pdf").read_bytes())).pages
    )
    assert re.search(r"\[cut\s+here:\s+the\s+text\s+has\s+1,049,999\s+characters\]", text)
    assert "Extra source" not in text
    assert re.search(r"500\d\d\s+further\s+documents\s+of\s+the\s+deal\s+file\s+are\s+not", text)


def test_giant_html_lists_only_cited_sources(giant: Path) -> None:
    html = (giant / "memo.html").read_text(encoding="utf-8")
    assert len(html) < 2_000_000
    assert "Extra source" not in html
    assert NAME[:20_000] not in html  # cut, not repeated in full


def _star(n: int) -> str:
    """A target supplying n customers (the supply star of issue 17, without holdings)."""
    lines = [
        "case: {id: star, title: Star, as_of: 2025-06-13, jurisdictions: [us, eu]}",
        "entities:",
        "  - {id: acq, name: Acquirer Industries Corporation, short: Acquirer}",
        "  - {id: tgt, name: Target Technologies Inc., short: Target}",
        *[f"  - {{id: e{i}, name: Entity {i} Holdings LLC}}" for i in range(n)],
        "supply:",
        *[f"  - {{supplier: tgt, customer: e{i}, product: widgets}}" for i in range(n)],
        "transaction: {acquirer: acq, target: tgt, steps: "
        "[{kind: acquire_stake, equity: 30%, class: voting, value: USD 400m}]}",
    ]
    return "\n".join(lines) + "\n"


def test_a_many_entity_memo_names_a_bounded_number_of_them(tmp_path: Path) -> None:
    """The diagram draws 40 entities; its caption named all the others (500 KB for 20,000)."""
    deal = tmp_path / "star.yaml"
    deal.write_text(_star(1_000), encoding="utf-8")
    assert main(["memo", str(deal), "--html", "-o", str(tmp_path / "memo.html")]) == 0
    html = (tmp_path / "memo.html").read_text(encoding="utf-8")
    caption = html.split("Not shown, to keep the chart readable: ", 1)[1].split("</p>", 1)[0]
    assert caption.count("Holdings LLC") == 30
    assert re.search(r"and 9\d\d others\.$", caption)
    assert len(html) < 200_000
