"""Hostile pack section templates: each exhausts or tampers, each must end as one located
TemplateError (never OverflowError, RecursionError, MemoryError, a hang or a changed memo).

Each ``sections/NAME.html.j2`` is installed as a pack's ``templates/section.html.j2``; the
whole expected message is in ``sections/NAME.expected`` (``{section}`` stands for the file's
path). Regenerate with ``UPDATE_EXPECTED=1`` after a deliberate change and review the diff.
"""

from __future__ import annotations

import copy
import os
import time
from pathlib import Path
from typing import Any

import pytest
from markupsafe import escape

from trustbench.errors import TemplateError
from trustbench.report import render_html

from .conftest import HERE, with_section

SECTIONS = sorted((HERE / "sections").glob("*.html.j2"))


def _pack(tmp_path: Path, source: str) -> Path:
    templates = tmp_path / "rules" / "us" / "templates"
    templates.mkdir(parents=True)
    (templates / "section.html.j2").write_text(source, encoding="utf-8")
    return templates


@pytest.mark.parametrize("fixture", SECTIONS, ids=[p.name.split(".")[0] for p in SECTIONS])
def test_hostile_section_is_a_located_template_error(
    fixture: Path, tmp_path: Path, context: dict[str, Any]
) -> None:
    templates = _pack(tmp_path, fixture.read_text(encoding="utf-8"))
    before = copy.deepcopy(context)
    start = time.perf_counter()
    with pytest.raises(TemplateError) as info:
        render_html(with_section(context), pack_dirs={"us": templates})
    assert time.perf_counter() - start < 10
    rendered = info.value.render().replace(str(templates / "section.html.j2"), "{section}")
    expected = fixture.with_name(fixture.name.replace(".html.j2", ".expected"))
    if os.environ.get("UPDATE_EXPECTED"):
        expected.write_text(rendered + "\n", encoding="utf-8")
    assert rendered == expected.read_text(encoding="utf-8").rstrip("\n")
    assert rendered.startswith("{section}:")  # located in the pack's own file
    del before["jurisdictions"][0]["pack"]["section"]
    del context["jurisdictions"][0]["pack"]["section"]
    assert context == before  # nothing the template did reached the caller's data


def test_a_section_sees_its_jurisdiction_read_only_and_the_memo_agrees(
    tmp_path: Path, context: dict[str, Any]
) -> None:
    """A section that tries every way to rewrite a result fails; the memo's bands and
    scores stay those of the analysis."""
    for n, attempt in enumerate(
        [
            "{% set _ = j.update({'band': 'low'}) %}",
            "{% set _ = jurisdictions.clear() %}",
            "{% set _ = summary.rows[0].__setitem__('band', 'low') %}",
            "{% set _ = j.factors.pop() %}",
            "{% set _ = j.__dict__ %}{{ _ }}",
        ]
    ):
        templates = _pack(tmp_path / f"t{n}", attempt)
        with pytest.raises(TemplateError, match=r"sandbox|undefined"):
            render_html(with_section(copy.deepcopy(context)), pack_dirs={"us": templates})
    templates = _pack(tmp_path / "ok", '<p class="pack-intro">{{ j.band }}</p>\n')
    html = render_html(with_section(context), pack_dirs={"us": templates})
    band = context["jurisdictions"][0]["band"]
    assert f'<p class="pack-intro">{band}</p>' in html
    for row in context["summary"]["rows"]:
        shown = f"Screening band: {row['band']}." if row["band"] else "no band is given"
        assert str(escape(shown)) in html


def test_through_the_cli_a_tampering_pack_fails_and_a_fair_one_agrees_with_analyze(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import json
    import shutil

    from trustbench.cli import main

    from .conftest import ROOT, SEED

    rules = tmp_path / "rules"
    shutil.copytree(ROOT / "rules" / "us", rules / "us")
    section = rules / "us" / "templates" / "section.html.j2"
    section.parent.mkdir()
    section.write_text(
        '<p>US</p>\n{% for r in summary.rows %}{{ r.update({"band": "low"}) }}{% endfor %}\n',
        "utf-8",
    )
    out = tmp_path / "memo.html"
    args = [str(SEED), "--rules", str(rules), "--html", "-o", str(out)]
    assert main(["memo", *args]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"{section}:2:1: error[UndefinedError]: undefined value: ")
    assert "the read-only mapping has no attribute 'update'" in err
    assert not out.exists()
    section.write_text('<p class="pack-intro">{{ j.band }}</p>\n', "utf-8")
    assert main(["memo", *args]) == 0
    capsys.readouterr()
    assert main(["analyze", str(SEED), "--rules", str(rules), "--format", "json"]) == 0
    analysis = json.loads(capsys.readouterr().out)
    html = out.read_text(encoding="utf-8")
    assert analysis["jurisdictions"]
    for j in analysis["jurisdictions"]:
        band = j["summary"]["band"]
        statuses = {t["status"] for t in j["summary"]["theories"]}
        if band and "open" in statuses and not statuses & {"raised", "remedied"}:
            assert "Screening band: not yet given" in html  # nothing raised, theories open
        else:
            assert (f"Screening band: {band.capitalize()}" if band else "no band is given") in html
    us = next(j for j in analysis["jurisdictions"] if j["id"] == "us")
    assert f'<p class="pack-intro">{us["band"]}</p>' in html
