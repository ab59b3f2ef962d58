"""The memo PDF, checked by text extraction (not by bytes), plus reproducibility."""

from __future__ import annotations

import re
from io import BytesIO
from typing import Any

import pytest
from pypdf import PdfReader

from trustbench.errors import InputError, TemplateError
from trustbench.report import render_pdf

from .fixtures import sample_context


@pytest.fixture(scope="module")
def sample_pdf() -> bytes:
    return render_pdf(sample_context())


def _text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(BytesIO(pdf)).pages)


def test_pdf_has_the_memo(sample_pdf: bytes) -> None:
    reader = PdfReader(BytesIO(sample_pdf))
    assert len(reader.pages) > 1
    text = " ".join(_text(sample_pdf).split())
    ctx = sample_context()
    lines = [x for f in ctx["jurisdictions"][0]["factors"] for x in f["triggered"]]
    cited = {c["n"] for x in lines for c in x["cites"]}
    short = next(a["short"] for a in ctx["authorities"] if a["number"] in cited)
    for expected in [
        lines[0]["title"],  # a triggered finding
        lines[-1]["title"],
        short,  # an authority's short form and pinpoint
        "Page 1 of",
        "Privileged & Confidential",
        "Findings not triggered",
        "Open on request",
    ]:
        assert " ".join(expected.split()) in text, expected


def test_header_is_not_on_the_cover(sample_pdf: bytes) -> None:
    pages = PdfReader(BytesIO(sample_pdf)).pages
    cover, second = pages[0].extract_text(), pages[1].extract_text()
    assert "Privileged & Confidential — prepared at the request of counsel" in cover
    assert "Privileged & Confidential\n" not in cover
    assert second.count("Privileged & Confidential") == 1


def test_page_x_of_y_and_toc_page_numbers(sample_pdf: bytes) -> None:
    pages = PdfReader(BytesIO(sample_pdf)).pages
    total = len(pages)
    assert f"Page {total} of {total}" in pages[-1].extract_text()
    toc = " ".join(p.extract_text() for p in pages[:3]).split("Contents", 1)[1]
    found = re.search(r"3\.1\s+United States[ .]+(\d+)", toc)
    assert found, toc
    assert re.search(r"3\.1\s+United States", pages[int(found.group(1)) - 1].extract_text())


def test_paper_size(sample_pdf: bytes, context: dict[str, Any]) -> None:
    letter = PdfReader(BytesIO(sample_pdf)).pages[0].mediabox
    context["paper"] = "A4"
    a4 = PdfReader(BytesIO(render_pdf(context))).pages[0].mediabox
    assert (round(letter.width), round(letter.height)) == (612, 792)
    assert (round(a4.width), round(a4.height)) == (595, 842)


# SOURCE_DATE_EPOCH → byte-identical PDFs: end to end in test_memo_cli.py (the seed case).


def test_bad_source_date_epoch_is_an_input_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "yesterday")
    with pytest.raises(InputError, match="SOURCE_DATE_EPOCH"):
        render_pdf(sample_context())


def test_layout_crash_is_a_template_error(monkeypatch: pytest.MonkeyPatch) -> None:
    """WeasyPrint raises plain exceptions on some CSS (e.g. ``li::marker { content: ... }``)."""
    import weasyprint

    def crash(self: Any, *args: Any, **kwargs: Any) -> None:
        raise TypeError("min-content width for TextBox not handled yet")

    monkeypatch.setattr(weasyprint.HTML, "render", crash)
    with pytest.raises(TemplateError, match="could not lay out the memo: TypeError"):
        render_pdf(sample_context())
