"""`trustbench memo` end to end: the seed case's memo, reproducibility, the golden HTML,
house style and pack templates, hostile deal text, and never overwriting an input.

PDFs take a second or more each, so every PDF here is rendered once per module.
"""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Iterator
from io import BytesIO
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from trustbench.cli import main
from trustbench.report.fetch import AssetFetcher, FetchRefused

from .deals import IMG, JINJA, hostile_deal_yaml

ROOT = Path(__file__).parents[2]
SEED = ROOT / "cases" / "meta-scale-ai.yaml"
GOLDEN = Path(__file__).parent / "golden" / "meta-scale-ai.html"
EPOCH = "1764223200"  # 2025-11-27 06:00:00 UTC (seed_pdfs and seed_pages: tests/conftest.py)


@pytest.fixture(scope="module")
def epoch() -> Iterator[None]:
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("SOURCE_DATE_EPOCH", EPOCH)
        yield


def _memo(args: list[str], capsys: Any = None) -> int:
    code = main(["memo", *args])
    if capsys is not None:
        capsys.readouterr()
    return code


@pytest.fixture(scope="module")
def seed_html(epoch: None, tmp_path_factory: pytest.TempPathFactory) -> str:
    out = tmp_path_factory.mktemp("html") / "memo.html"
    assert _memo([str(SEED), "--html", "-o", str(out)]) == 0
    return out.read_text(encoding="utf-8")


def _pages(pdf: bytes) -> list[str]:
    return [" ".join(p.extract_text().split()) for p in PdfReader(BytesIO(pdf)).pages]


# ---------------------------------------------------------------------------- the seed memo


def test_source_date_epoch_gives_identical_pdfs(seed_pdfs: tuple[bytes, bytes]) -> None:
    first, second = seed_pdfs
    assert first == second
    info = PdfReader(BytesIO(first)).metadata
    assert info["/CreationDate"] == "D:20251127060000Z"


def test_seed_memo_reads_as_a_memo(seed_pages: list[str]) -> None:
    pages = seed_pages
    text = " ".join(pages)
    total = len(pages)
    assert total >= 8
    assert f"Page {total} of {total}" in pages[-1]
    assert "Privileged & Confidential" in pages[1]
    # the summary starts on page 1, the likeliest filing (Germany) with it
    assert "1. Executive summary" in pages[0] and "Likeliest filing: Germany" in pages[0]
    # the TOC gives page numbers; the analysis of the United States starts where it says
    contents = " ".join(pages[:4]).split("Contents", 1)[1]
    toc = re.search(r"3\.1 United States[ .]+(\d+)", contents)
    assert toc, contents
    assert pages[int(toc.group(1)) - 1].count("3.1 United States") >= 1
    # the summary table, the diagram and the analysis
    for expected in [
        "1. Executive summary",
        "Notification",
        "A merger in the law’s sense?",
        "Voluntary, non- suspensory: whether the CMA has jurisdiction is open",  # the UK
        "Open: whether the deal is a concentration (GWB § 37(1))",
        "49 % equity / 0 % votes, non-voting",
        "board seat",
        "Alexandr Wang",
        "3.1.1 Notification (filing) requirements",
        "Access to rivals' competitively sensitive information through the target",
        "4. Information requests",
        "5. Structuring options",
        "6. Appendix",
        "SHA-256",
    ]:
        assert expected in text, expected


def test_seed_memo_fits_its_page_budget(seed_pages: list[str]) -> None:
    """Issue 13: the whole memo within 25 pages (57 before)."""
    assert len(seed_pages) <= 25, len(seed_pages)


def test_seed_memo_body_fits_fifteen_pages(seed_pages: list[str]) -> None:
    """Issue 13: the body (before the Appendix) within 15 pages (39 before)."""
    body = next(i for i, p in enumerate(seed_pages) if "6. Appendix 6.1" in p)
    assert body <= 15, body


def test_structuring_options_are_verified_changes_in_client_words(seed_pages: list[str]) -> None:
    """Issue 15: the memo's options are the finder's, worded for the client: a change the
    parties control, what it turns, and for a finding no lever turns, what decides it. The
    body keeps the options that work everywhere; the per-finding options are in the Appendix
    (issue 13: the body within 15 pages)."""
    pages = " ".join(" ".join(seed_pages).split())
    body = pages.split("5. Structuring options")[-1].split("6. Appendix")[0]
    appendix = pages.split("Structuring options by finding")[-1].split("Parameters used")[0]
    assert "Do not hire: Alexandr Wang" in body  # across all jurisdictions
    assert "Structuring options by finding" in body  # the pointer to the Appendix
    assert "equity stake in Scale AI from 49 % to 24.99 %" in appendix  # § 37(1) no. 3
    assert "Would bring it in: voting stake in Scale AI" in appendix  # HSR
    assert "No change within the parties' control turns" in appendix
    assert "(it turns on whether the deal acquires stock" in appendix  # a noun phrase
    for section in (body, appendix):
        assert "us.mg2023" not in section and "acquirer.group" not in section
        assert "referral_acceptance" not in section


def test_every_triggered_factor_has_test_application_conclusion_and_citation(
    seed_html: str,
) -> None:
    findings = seed_html.split('<div class="finding">')[1:]
    assert len(findings) >= 5
    for block in findings:
        block = block.split("\n</div>")[0]
        assert "The test.</span>" in block
        assert 'class="fn fn-authority"' in block  # the authority, footnoted
        assert "Application.</span>" in block
        assert "Conclusion.</span>" in block
        assert "Conclusion.</span> <" not in block  # never an empty conclusion
    notes = seed_html.split('<div class="finding note">')[1:]
    assert notes, "the seed has informational notes"
    for block in notes:
        block = block.split("\n</div>")[0]
        assert "Conclusion." not in block and 'class="fn fn-authority"' in block


def test_each_source_has_one_full_footnote(seed_html: str) -> None:
    notes = re.findall(r'<span class="fn fn-source"><span class="fn-label">\[([^\]]+)\]', seed_html)
    assert notes and len(notes) == len(set(notes))
    later = re.findall(r'<a class="sref again" href="#note-s(\d+)">', seed_html)
    anchors = set(re.findall(r'id="note-s(\d+)"', seed_html))
    assert later and set(later) <= anchors  # every later citation points at a real note


def test_information_requests_are_questions_naming_rules(seed_html: str) -> None:
    section = seed_html.split('<h2 id="questions">')[1].split('<h2 id="appendix">')[0]
    questions = re.findall(r'<span class="qno">\d+\.</span> (.*?)\n', section)
    assert len(questions) >= 5
    for q in questions:
        assert q.endswith("?") or q.startswith("Please "), q
        assert "the acquirer" not in q and "the target" not in q, q  # the parties are named
    assert 'class="rule-id"' not in section  # rule ids are for the reviewer's copy
    assert section.count('<span class="bears-on">') >= len(questions)


def test_html_matches_golden_file(seed_html: str) -> None:
    """The seed memo's HTML, clock injected. Regenerate with UPDATE_GOLDEN=1 after a
    deliberate change (a template, a rule text, a fact) and review the diff."""
    assert str(ROOT) not in seed_html and "/tmp" not in seed_html  # no absolute paths
    if os.environ.get("UPDATE_GOLDEN"):
        GOLDEN.write_text(seed_html, encoding="utf-8")
    assert seed_html == GOLDEN.read_text(encoding="utf-8")


# ---------------------------------------------------------------------------- customisation


def test_template_dir_overrides_the_house_style(tmp_path: Path, seed_html: str) -> None:
    """(The PDF path of a --template-dir is covered by test_fetch's hostile template.)"""
    house = tmp_path / "house"
    house.mkdir()
    (house / "house.css").write_text(":root { --accent: #7a0019; }\n", encoding="utf-8")
    (house / "_house.html.j2").write_text(
        '<div class="letterhead">Example &amp; Partners LLP</div>\n', encoding="utf-8"
    )
    out = tmp_path / "memo.html"
    assert _memo([str(SEED), "--template-dir", str(house), "--html", "-o", str(out)]) == 0
    html = out.read_text(encoding="utf-8")
    assert '<div class="letterhead">Example &amp; Partners LLP</div>' in html
    assert ":root { --accent: #7a0019; }" in html
    assert "counter-reset: h2" in html  # the package's memo.css is still there
    headings = re.compile(r"<h[2-4] id=\"[^\"]+\">")
    assert headings.findall(html) == headings.findall(seed_html)  # the rest is the package's


def test_missing_template_dir_is_an_input_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert (
        _memo([str(SEED), "--template-dir", str(tmp_path / "nope"), "-o", str(tmp_path / "m.pdf")])
        == 2
    )
    assert "--template-dir: not a folder" in capsys.readouterr().err


def _pack_copy(tmp_path: Path, section: str) -> Path:
    rules = tmp_path / "rules"
    shutil.copytree(ROOT / "rules" / "us", rules / "us")
    (rules / "us" / "templates").mkdir()
    (rules / "us" / "templates" / "section.html.j2").write_text(section, encoding="utf-8")
    return rules


def test_a_pack_supplies_its_section(epoch: None, tmp_path: Path) -> None:
    section = (
        '<p class="pack-intro">US practice: {{ j.name }}, {{ j.counts.triggered }} '
        'triggered. {{ deal.target_short }}</p>\n{% include "_factors.html.j2" %}\n'
    )
    rules = _pack_copy(tmp_path, section)
    out = tmp_path / "memo.html"
    assert _memo([str(SEED), "--rules", str(rules), "--html", "-o", str(out)]) == 0
    html = out.read_text(encoding="utf-8")
    assert re.search(
        r'<p class="pack-intro">US practice: United States, \d+ triggered\. '
        r"Scale AI</p>",
        html,
    )
    assert '<h4 id="jur-us-filing">Notification (filing) requirements</h4>' in html
    assert html.count('class="pack-intro"') == 1  # in the US section only


def test_a_pack_section_runs_in_the_sandbox(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rules = _pack_copy(tmp_path, "<p>\n{{ j.name.__class__.__mro__[1].__subclasses__() }}\n</p>\n")
    assert _memo([str(SEED), "--rules", str(rules), "--html", "-o", str(tmp_path / "m.html")]) == 2
    err = capsys.readouterr().err
    assert f"{rules / 'us' / 'templates' / 'section.html.j2'}:2:1: error[SecurityError]" in err
    assert not (tmp_path / "m.html").exists()


# ---------------------------------------------------------------------------- hostile text


@pytest.fixture(scope="module")
def hostile(
    epoch: None, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[Path, list[tuple[str, str]]]]:
    """The hostile deal through the CLI, to PDF and HTML, recording every fetch."""
    out = tmp_path_factory.mktemp("hostile")
    deal = out / "deal.yaml"
    deal.write_text(hostile_deal_yaml(), encoding="utf-8")
    calls: list[tuple[str, str]] = []
    original = AssetFetcher.fetch

    def spy(self: AssetFetcher, url: str, headers: Any = None) -> Any:
        try:
            response = original(self, url, headers)
        except FetchRefused:
            calls.append((url, "refused"))
            raise
        calls.append((url, "served"))
        return response

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(AssetFetcher, "fetch", spy)
        assert _memo([str(deal), "-o", str(out / "memo.pdf")]) == 0
        assert _memo([str(deal), "--html", "-o", str(out / "memo.html")]) == 0
    yield out, calls


def test_hostile_deal_renders_literally_in_html(hostile: tuple[Path, Any]) -> None:
    html = (hostile[0] / "memo.html").read_text(encoding="utf-8")
    body = html.split("</style>", 1)[1]
    for raw in ("<img", "<script", "<iframe", "<svg onload", "<link", "<b>", "<style>body"):
        assert raw not in body, raw
    assert "&lt;img src=x onerror=alert(1)&gt;" in body
    assert "Case &lt;img src=x onerror=alert(1)&gt; {{ 7*7 }}" in body  # {{ }} not evaluated
    assert "{{ 7*7 }} &amp; &#34;Co&#34; &#39;Ltd&#39;" in body
    assert "&lt;script&gt;alert(1)&lt;/script&gt; {{ 7*7 }}" in body
    assert "range(99999999)" in body
    assert 'href="javascript:' not in body


def test_hostile_deal_renders_literally_in_pdf(hostile: tuple[Path, Any]) -> None:
    text = " ".join(_pages((hostile[0] / "memo.pdf").read_bytes()))
    assert IMG in text
    assert JINJA in text
    assert "<script>alert(1)</script> {{ 7*7 }}" in text
    assert "<b>bold</b> {{ 7*7 }} <style>body{display:none}</style>" in text


def test_hostile_deal_fetches_nothing(hostile: tuple[Path, list[tuple[str, str]]]) -> None:
    assert hostile[1] == []


# ---------------------------------------------------------------------------- inputs are safe


@pytest.mark.parametrize("html", [False, True])
def test_memo_refuses_to_overwrite_its_deal_file(
    tmp_path: Path, html: bool, capsys: pytest.CaptureFixture[str]
) -> None:
    deal = tmp_path / "deal.yaml"
    shutil.copy(SEED, deal)
    before = deal.read_bytes()
    args = [str(deal), "-o", str(deal)] + (["--html"] if html else [])
    assert _memo(args) == 2
    assert "refusing to overwrite an input file" in capsys.readouterr().err
    assert deal.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["deal.yaml"]  # no temp file left


def test_memo_refuses_to_overwrite_a_rule_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rules = _pack_copy(tmp_path, '{% include "_factors.html.j2" %}\n')
    target = rules / "us" / "pack.yaml"
    before = target.read_bytes()
    assert _memo([str(SEED), "--rules", str(rules), "--html", "-o", str(target)]) == 2
    assert "refusing to overwrite an input file" in capsys.readouterr().err
    assert target.read_bytes() == before


def test_the_memo_compares_the_files_scenarios(tmp_path: Path, epoch: None) -> None:
    """Issue 15: with a scenarios section, the Structuring options show the scenario matrix
    (notification, merger concept, theories, band per jurisdiction) and what each changes."""
    deal = tmp_path / "seed.yaml"
    deal.write_text(
        SEED.read_text(encoding="utf-8")
        + "\nscenarios:\n  - name: no-common-director\n    description: Wang leaves the board\n"
        "    changes:\n      - remove_seat: {person: alexandr-wang}\n",
        encoding="utf-8",
    )
    out = tmp_path / "memo.html"
    assert _memo([str(deal), "--html", "-o", str(out)]) == 0
    html = out.read_text(encoding="utf-8")
    section = html.split('id="structuring"')[1].split('id="appendix"')[0]
    assert "The file's scenarios" in section and "no-common-director" in section
    assert "Wang leaves the board" in section
    assert "“no-common-director” changes:" in section
    # the EU and German packs screen the non-horizontal theories, so every row has a band
    assert all(name in section for name in ("European Union", "United Kingdom", "Germany"))
