"""The memo HTML: every section present, untrusted text escaped, overrides and errors."""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

import pytest
from markupsafe import escape

from trustbench.errors import TemplateError
from trustbench.report import render_html

from .fixtures import GENERATED, sample_context

GOLDEN = Path(__file__).parent / "golden" / "sample.html"
HOSTILE = "<script>alert(1)</script> {{ 7*7 }}"


def _lines(context: dict[str, Any], kind: str, j: int = 0) -> list[dict[str, Any]]:
    return [x for f in context["jurisdictions"][j]["factors"] for x in f[kind]]


def _e(text: str) -> str:
    return str(escape(text))


def test_html_has_every_section(context: dict[str, Any]) -> None:
    html = render_html(context)
    us = context["jurisdictions"][0]
    triggered, unknown = _lines(context, "triggered"), _lines(context, "unknown")
    waived = [w for f in us["factors"] for w in f["waived"]]
    market = next(i for x in unknown for i in x["instances"])
    question = context["questions"][0]["items"][0]["question"]
    row = context["summary"]["rows"][0]
    raised = ", ".join(t["label"] for t in row["theories"] if t["state"] == "raised")
    param = context["appendix"]["params"][0]
    pack_hash = context["appendix"]["hashes"][1]["sha256"]
    for text in [
        _e(context["case"]["title"]),  # cover
        "Privileged &amp; Confidential — prepared at the request of counsel",
        f'<meta name="generator" content="trustbench {context["trustbench"]}">',
        GENERATED,
        '<nav class="toc">',
        '<h2 id="summary">Executive summary</h2>',
        '<h2 id="transaction">The transaction</h2>',
        '<h2 id="analysis">Analysis by jurisdiction and factor</h2>',
        '<h2 id="questions">Information requests</h2>',
        '<h2 id="appendix">Appendix</h2>',
        _e(triggered[0]["title"]),  # triggered
        f"<tr><td>{_e(us['not_triggered'][0]['title'])}</td>"  # one line
        f"<td>{_e(us['not_triggered'][0]['outcome'])}</td></tr>",
        "Open on request" + ("s" if len(unknown[0]["requests"]) > 1 else "") + " <a class",
        f'Waived</span> — <span class="label">{_e(waived[0]["title"])}.',
        f'<span class="market">{_e(market["subject"])}</span> (open)',
        _e(question),
        '<span class="effect decide">Decides</span>',
        f'<span class="theory raised">Raised:</span> {_e(raised)}',
        _e(param["label"]),
        pack_hash,
        '<svg xmlns="http://www.w3.org/2000/svg"',
        "@page { size: Letter; }",
        "1 EUR</td><td>USD</td><td>",
    ]:
        assert text in html, text


def test_branches_the_seed_does_not_take(context: dict[str, Any]) -> None:
    """The likeliest filing, hidden chart entities, uncited sources, "prepared for" and a test
    part the pack does not screen,
    which the sample (seed) result does not have, on a variant of its context."""
    context["summary"]["likeliest"] = {
        "name": "Germany",
        "notification": "Mandatory and suspensory — required",
        "certain": False,
        "text": "The turnover thresholds are met.",
    }
    context["diagram"]["hidden"] = ["Accel", "Index Ventures"]
    context["sources"][-1]["cited"] = False
    context["case"]["prepared_for"] = "General Counsel, Meta"
    _lines(context, "unknown")[0]["unscreened"] = True  # a value the pack does not give
    html = render_html(context)
    assert "Part of this test is not screened; counsel to assess." in html
    assert "Likeliest filing: Germany.</span>" in html
    assert "Not shown, to keep the chart readable: Accel, Index Ventures." in html
    assert "(in the file; not relied on)" in html
    assert "Prepared for</th><td>General Counsel, Meta" in html


def test_sources_are_footnoted_once_then_cited_by_note_number(context: dict[str, Any]) -> None:
    """One citation style: the first citation of a source carries its one footnote; later
    ones point at it. The short form "S80" beside them is for the screen only (issue 13: not
    "S80" and a note number on paper)."""
    html = render_html(context)
    first = next(s for s in context["sources"] if s["number"] == 1)
    full = f"[{first['label']}]</span> {_e(first['title'])}"
    assert html.count(full) == 1
    assert html.count('id="note-s1"') == 1
    label = f'<span class="sref-label">{first["label"]}</span>'
    assert f'<a class="sref again" href="#note-s1">{label}</a>' in html
    assert "@media print { .sref-label { display: none; } }" in html
    cited = [s for s in context["sources"] if s["cited"]]
    assert html.count('class="fn fn-source"') == len(cited)


def test_authority_notes_are_short_and_the_appendix_gives_them_in_full(
    context: dict[str, Any],
) -> None:
    """Issue 13: a note gives each authority by its short form — the first time with its
    number in the Appendix's table and its URL shortened (the link keeps the whole) — never
    the full text, which the Appendix gives once."""
    html = render_html(context)
    counts: dict[int, int] = {}
    for x in _lines(context, "triggered"):
        for c in x["cites"]:
            counts[c["n"]] = counts.get(c["n"], 0) + 1
    n = next(n for n, k in counts.items() if k > 1)
    auth = next(a for a in context["authorities"] if a["number"] == n and a["url"])
    notes = re.findall(r'<span class="fn fn-authority">(.*?)</span>', html, re.S)
    first = f'{_e(auth["short"])} [A{n}], <a class="url" href="{_e(auth["url"])}">'
    assert sum(first in note for note in notes) == 1
    assert all(_e(auth["full"]) not in note for note in notes)
    assert f"<tr><td>A{n}</td><td>{_e(auth['short'])}</td>" in html
    assert f"{_e(auth['url_short'])}</a>" in html


def test_unknown_fact_points_at_its_request(context: dict[str, Any]) -> None:
    html = render_html(context)
    fact = next(f for x in _lines(context, "triggered") for f in x["facts"] if f["question"])
    n = fact["question"]
    assert f'unknown — see <a class="qref" href="#request-{n}">request {n}</a>' in html
    assert f'<li id="request-{n}" value="{n}"><span class="qno">{n}.</span>' in html


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
    finding = _lines(ctx, "triggered")[0]
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
    next(w for f in us["factors"] for w in f["waived"])["by"] = None
    finding = _lines(context, "triggered")[0]
    for x in _lines(context, "triggered"):
        for p in x["params"]:
            p.update(effective=None, reference=None)
    for x in _lines(context, "triggered"):
        x["conclusion"] = ""
    finding["conclusion"] = "Concluded."
    _lines(context, "unknown")[0]["requests"] = []
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
    assert _lines(context, "unknown")[0]["rule"] not in html
    assert "Verification notes" not in html and "Later developments" not in html


def test_reviewer_copy_adds_verification_notes_and_ids() -> None:
    html = render_html(sample_context(reviewer=True))
    assert '<h3 id="app-verification">Verification notes (for the signing lawyer)</h3>' in html
    ctx = sample_context(reviewer=True)
    note = ctx["verification"]["notes"][0]["items"][0]
    assert _e(note) in html
    ctx["verification"]["later_sources"] = ["S90"]  # the seed cites none for a fact
    later = render_html(ctx)
    assert f"Sources dated after {ctx['case']['as_of']} that the file cites for a fact" in later
    rule = _lines(ctx, "unknown")[0]["rule"]
    assert rule.replace(".", ".\u200b") in html  # breaks only after a dot
    assert "Reviewer’s copy, with verification notes — not for the client" in html


def test_later_developments_only_when_asked() -> None:
    ctx = sample_context(later=True)
    html = render_html(ctx)
    section = html.split('<h2 id="later">')[1].split("</section>")[0]
    assert f"Later developments (after {ctx['case']['as_of']})" in section
    later = ctx["later"]["sources"][0]
    assert f"{later['date']}</span> — {_e(later['title'])}" in section
    assert _e(later["title"]) not in html.split('<h2 id="later">')[0]
