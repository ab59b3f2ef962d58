"""The memo HTML: every section present, untrusted text escaped, overrides and errors."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from trustbench.errors import TemplateError
from trustbench.report import render_html

from .fixtures import sample_context

GOLDEN = Path(__file__).parent / "golden" / "sample.html"
HOSTILE = "<script>alert(1)</script> {{ 7*7 }}"


def test_html_has_every_section(context: dict[str, Any]) -> None:
    html = render_html(context)
    for text in [
        "Meta Platforms / Scale AI — minority investment",  # cover
        "Privileged &amp; Confidential — prepared at the request of counsel",
        '<meta name="generator" content="trustbench 0.1.0">',
        "2026-11-27 06:00 UTC",
        '<nav class="toc">',
        '<h2 id="summary">Executive summary</h2>',
        '<h2 id="transaction">The transaction</h2>',
        '<h2 id="analysis">Analysis by jurisdiction and factor</h2>',
        '<h2 id="questions">Information requests</h2>',
        '<h2 id="appendix">Appendix</h2>',
        "Access to competitively sensitive information of rivals",  # triggered
        "<tr><td>HSR notification</td><td>Not met</td></tr>",  # not triggered: one line
        'Open on request <a class="qref" href="#request-2">2</a>.',
        "Part of this test is not screened; counsel to assess.",
        'Waived</span> — <span class="label">Solely-for-investment exemption.',
        '<span class="market">Data labelling</span> (open)',
        "Will any Meta officer or director sit on, or observe at, Scale AI&#39;s board?",
        '<span class="effect decide">Decides</span>',
        "Likeliest filing: European Union.</span>",
        "Mandatory and suspensory — not required",
        '<span class="theory raised">Raised:</span> Minority stake, Rivals&#39; information',
        "HSR size-of-transaction floor",
        "9f2c4e1b7a3d5f60812e4c9b0a7d3e5f1c2b4a6d8e0f1a3c5b7d9e1f2a4c6b8d",
        "15 U.S.C. § 18a(a)(2)",
        '<svg xmlns="http://www.w3.org/2000/svg"',
        "Not shown, to keep the chart readable: Accel, Index Ventures.",
        "@page { size: Letter; }",
        "1 EUR</td><td>USD</td><td>1.08</td><td>2025-06-13</td>",
        "(in the file; not relied on)",
        "Prepared for</th><td>General Counsel, Meta",
    ]:
        assert text in html, text


def test_sources_are_footnoted_once_then_cited_by_short_form(context: dict[str, Any]) -> None:
    """The first citation of a source carries its one footnote; later ones point at it."""
    html = render_html(context)
    full = (
        "[S80]</span> Scale AI announces next phase of company&#39;s evolution, Scale AI, "
        "2025-06-12."
    )
    assert html.count(full) == 1
    assert html.count('id="note-s1"') == 1
    assert '<a class="sref again" href="#note-s1">S80</a>' in html
    assert html.count('class="fn fn-source"') == 4  # S80, S81, term-sheet, customers


def test_authorities_in_full_first_then_short(context: dict[str, Any]) -> None:
    html = render_html(context)
    assert (
        "U.S. DOJ &amp; FTC, Merger Guidelines (Dec. 18, 2023) (“2023 Merger Guidelines, § 2.11”)"
    ) in html
    assert "; 2023 Merger Guidelines, § 2.11.</span>" in html  # the short form, cited again


def test_unknown_fact_points_at_its_request(context: dict[str, Any]) -> None:
    html = render_html(context)
    assert 'unknown — see <a class="qref" href="#request-1">request 1</a>' in html
    assert '<li id="request-1" value="1"><span class="qno">1.</span>' in html


def test_html_matches_golden_file(context: dict[str, Any]) -> None:
    """Set UPDATE_GOLDEN=1 to rewrite the golden file after a deliberate change."""
    html = render_html(context)
    if os.environ.get("UPDATE_GOLDEN"):
        GOLDEN.parent.mkdir(exist_ok=True)
        GOLDEN.write_text(html, encoding="utf-8")
    assert html == GOLDEN.read_text(encoding="utf-8")


def _hostile_context() -> dict[str, Any]:
    ctx = sample_context()
    ctx["case"]["title"] = "Case " + HOSTILE
    ctx["deal"]["summary"] = HOSTILE
    ctx["deal"]["steps"][0]["text"] = HOSTILE
    ctx["deal"]["steps"][0]["note"] = HOSTILE
    ctx["deal"]["parties"][0]["note"] = HOSTILE
    ctx["summary"]["rows"][0]["merger"] = HOSTILE
    finding = ctx["jurisdictions"][0]["factors"][3]["triggered"][0]
    finding["text"] = HOSTILE
    finding["facts"][0]["value"] = HOSTILE
    finding["facts"][0]["label"] = HOSTILE
    ctx["questions"][0]["items"][0]["question"] = HOSTILE
    ctx["sources"][0]["title"] = HOSTILE
    ctx["sources"][0]["label"] = HOSTILE
    ctx["diagram"]["hidden"] = [HOSTILE]
    return ctx


def test_untrusted_text_is_escaped_not_evaluated() -> None:
    html = render_html(_hostile_context())
    assert "<script>" not in html
    assert html.count("&lt;script&gt;alert(1)&lt;/script&gt; {{ 7*7 }}") >= 12


def test_only_web_urls_become_links(context: dict[str, Any]) -> None:
    context["sources"][0].update(url="javascript:alert(1)", url_short=None)
    context["authorities"][0]["url"] = 'https://example.com/" onclick="x'
    html = render_html(context)
    assert 'href="javascript:' not in html
    assert '<span class="url">javascript:alert(1)</span>' in html
    assert 'href="https://example.com/&#34; onclick=&#34;x"' in html


def test_paper_is_whitelisted(context: dict[str, Any]) -> None:
    context["paper"] = "A4"
    assert "@page { size: A4; }" in render_html(context)
    context["paper"] = "A4; } body { display: none"
    html = render_html(context)
    assert "@page { size: Letter; }" in html
    assert "display: none }" not in html


def test_no_diagram_no_figure(context: dict[str, Any]) -> None:
    context["diagram"] = None
    assert "<figure" not in render_html(context)


def test_user_template_dir_takes_precedence(context: dict[str, Any], tmp_path: Path) -> None:
    (tmp_path / "house.css").write_text(":root { --accent: #7a0019; }\n", encoding="utf-8")
    (tmp_path / "_house.html.j2").write_text(
        '<div class="letterhead">Example LLP</div>\n', encoding="utf-8"
    )
    html = render_html(context, template_dirs=[tmp_path])
    assert ":root { --accent: #7a0019; }" in html
    assert "counter-reset: h2" in html  # the package's memo.css is still there
    assert '<div class="letterhead">Example LLP</div>' in html
    assert '<h2 id="summary">Executive summary</h2>' in html  # other templates still found


def _error_from(tmp_path: Path, name: str, source: str, context: dict[str, Any]) -> TemplateError:
    (tmp_path / name).write_text(source, encoding="utf-8")
    with pytest.raises(TemplateError) as info:
        render_html(context, template_dirs=[tmp_path])
    return info.value


def test_broken_user_template_names_file_and_line(context: dict[str, Any], tmp_path: Path) -> None:
    source = '<div class="finding">\n  <h5>{{ finding.title }}</h5>\n  {% if %}\n</div>\n'
    err = _error_from(tmp_path, "_finding.html.j2", source, context)
    assert err.file == str(tmp_path / "_finding.html.j2")
    assert err.line == 3
    assert err.render().startswith(
        f"{tmp_path / '_finding.html.j2'}:3:1: error[TemplateSyntaxError]:"
    )


def test_undefined_value_names_file_and_line(context: dict[str, Any], tmp_path: Path) -> None:
    source = "<div>\n\n  {{ finding.no_such_field }}\n</div>\n"
    err = _error_from(tmp_path, "_finding.html.j2", source, context)
    assert (err.file, err.line, err.code) == (
        str(tmp_path / "_finding.html.j2"),
        3,
        "UndefinedError",
    )
    assert "no_such_field" in err.message


def test_sandbox_escape_is_a_template_error(context: dict[str, Any], tmp_path: Path) -> None:
    source = "<p>\n{{ finding.title.__class__.__mro__[1].__subclasses__() }}\n</p>\n"
    err = _error_from(tmp_path, "_finding.html.j2", source, context)
    assert (err.file, err.line, err.code) == (
        str(tmp_path / "_finding.html.j2"),
        2,
        "SecurityError",
    )


def test_missing_context_key_is_a_template_error(context: dict[str, Any]) -> None:
    del context["questions"]
    with pytest.raises(TemplateError) as info:
        render_html(context)
    assert info.value.file.endswith("_questions.html.j2")
    assert info.value.line > 0


def test_optional_fields_may_be_null_or_empty(context: dict[str, Any]) -> None:
    """Everything the contract marks optional renders without 'None' showing up."""
    context["case"]["prepared_for"] = None
    context["deal"].update(value=None, summary=None, consideration=None, steps=[], dates=[])
    context["deal"]["parties"][0].update(note=None, sources=[])
    context["diagram"] = None
    context["questions"] = []
    context["summary"]["rows"][1]["notification"] = "Not screened"
    context["summary"]["likeliest"] = None
    context["sources"][0].update(publisher=None, date=None, url=None)
    context["authorities"][0].update(pinpoint=None, url=None)
    us = context["jurisdictions"][0]
    us["scoring_note"] = None
    us["factors"][0]["waived"][0]["by"] = None
    finding = us["factors"][1]["triggered"][0]
    finding["params"][0].update(effective=None, reference=None)
    finding["conclusion"] = ""
    us["factors"][2]["unknown"][0]["requests"] = []
    for p in context["appendix"]["params"]:
        p.update(effective=None, reference=None)
    context["appendix"]["fx"] = []
    html = render_html(context)
    assert "None" not in html
    assert "Not screened" in html
    assert "No information is requested" in html
    assert html.count("Conclusion.</span>") == 1  # the finding without one prints no heading


def test_client_copy_has_no_reviewer_material(context: dict[str, Any]) -> None:
    html = render_html(context)
    assert 'class="rule-id"' not in html and "us.clayton8.interlock" not in html
    assert "Verification notes" not in html and "Later developments" not in html


def test_reviewer_copy_adds_verification_notes_and_ids() -> None:
    html = render_html(sample_context(reviewer=True))
    assert '<h3 id="app-verification">Verification notes (for the signing lawyer)</h3>' in html
    assert "That the stake counts is recalled, not confirmed." in html
    assert "Sources dated after 2025-06-13 that the file cites for a fact" in html
    assert "us.\u200bclayton8.\u200binterlock" in html  # breaks only after a dot
    assert "Reviewer’s copy, with verification notes — not for the client" in html


def test_later_developments_only_when_asked() -> None:
    html = render_html(sample_context(later=True))
    section = html.split('<h2 id="later">')[1].split("</section>")[0]
    assert "Later developments (after 2025-06-13)" in section
    assert "2025-07-16</span> — Scale AI lays off 14% staff, UPI." in section
    assert "Scale AI lays off" not in html.split('<h2 id="later">')[0]
