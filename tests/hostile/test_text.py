"""Text that breaks layout or misleads the reader: whitespace-only titles (WeasyPrint asserts),
hints for options never used, bidi overrides and right-to-left names, giant strings."""

from __future__ import annotations

import re
from io import BytesIO
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from trustbench.errors import TemplateError
from trustbench.report import render_html, render_pdf
from trustbench.report.view import FSI, MAX_FIELD, PDI, display_text


def _pdf_text(pdf: bytes) -> str:
    return "".join(page.extract_text() for page in PdfReader(BytesIO(pdf)).pages)


def test_a_whitespace_only_title_lays_out(context: dict[str, Any]) -> None:
    """WeasyPrint 70 asserted "Got ' \\n' between two lines" on a source title of "\\n\\n\\n"."""
    context["sources"][0]["title"] = "\n\n\n"
    context["sources"][1]["title"] = "A\r\n\tB\u2028C\x0bD"
    text = _pdf_text(render_pdf(context))
    assert "A B C D" in text


@pytest.mark.parametrize("in_use", [None, "template-dir", "pack"])
def test_a_layout_failure_hints_only_at_options_in_use(
    context: dict[str, Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, in_use: str | None
) -> None:
    import weasyprint

    def crash(self: Any, *args: Any, **kwargs: Any) -> None:
        raise AssertionError("Got ' \\n' between two lines")

    monkeypatch.setattr(weasyprint.HTML, "render", crash)
    dirs: dict[str, Any] = {}
    if in_use == "template-dir":
        dirs["template_dirs"] = [tmp_path]
    if in_use == "pack":
        (tmp_path / "templates").mkdir()
        (tmp_path / "templates" / "section.html.j2").write_text("<p>US</p>\n", "utf-8")
        context["jurisdictions"][0]["pack"]["section"] = "pack/us/section.html.j2"
        dirs["pack_dirs"] = {"us": tmp_path / "templates"}
    with pytest.raises(TemplateError) as info:
        render_pdf(context, **dirs)
    hint = info.value.hint or ""
    assert ("--template-dir" in hint) is (in_use == "template-dir")
    assert ("section.html.j2" in hint) is (in_use == "pack")


def test_display_text() -> None:
    assert display_text("Acme Ltd") == "Acme Ltd"
    assert display_text("\n\n\n") == ""
    assert display_text(" a \n\n b\t") == "a b"
    assert display_text("Acme \u202eLtd") == "Acme ⟨U+202E⟩Ltd"  # an override shown, not obeyed
    assert display_text("bell\x07") == "bell⟨U+0007⟩"
    assert display_text("שלום Ltd") == f"{FSI}שלום Ltd{PDI}"  # isolated like <bdi>
    assert display_text("ACME\u200dX") == "ACME\u200dX"  # a joiner is legitimate text
    cut = display_text("x" * (MAX_FIELD + 5))
    assert cut.startswith("x" * MAX_FIELD) and cut.endswith(
        f"[cut here: the text has {MAX_FIELD + 5:,} characters]"
    )


def test_a_right_to_left_name_cannot_reorder_the_memo(context: dict[str, Any]) -> None:
    name = "שלום \u202eexe.txt\u202c Holdings"
    context["deal"]["acquirer"] = name
    context["deal"]["parties"][0]["name"] = name
    html = render_html(context)
    assert "\u202e" not in html and "\u202c" not in html
    shown = f"{FSI}שלום ⟨U+202E⟩exe.txt⟨U+202C⟩ Holdings{PDI}"
    assert f"{shown} / " in html  # the isolate ends before the rest of the line
    assert html.count("שלום") == html.count(shown)  # wherever the name is shown, isolated
    text = _pdf_text(render_pdf(context))
    assert "\u202e" not in text
    # the line after the name keeps its order: the isolate closes before " / Scale AI"
    assert re.search(r"שלום / Scale AI, Inc\.", text)
