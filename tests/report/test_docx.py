"""The memo in Word: the PDF's structure read back with python-docx, footnotes, diagrams as
PNG, identical bytes under SOURCE_DATE_EPOCH, nothing fetched, and `memo --docx`."""

from __future__ import annotations

import base64
import io
import re
import zipfile
from pathlib import Path
from typing import Any

import docx
import pytest
from PIL import Image

from trustbench.cli import main
from trustbench.report import raster, render_html
from trustbench.report.docx import html_to_docx, render_docx
from trustbench.report.docxparts import Node, parse_html

from .deals import HOSTILE_NAMES, hostile_deal_yaml

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
EPOCH = "1764223200"  # 2025-11-27 06:00:00 UTC
SEED = Path(__file__).parents[2] / "cases" / "meta-scale-ai.yaml"
LEVEL = {"h2": "Heading 1", "h3": "Heading 2", "h4": "Heading 3", "h5": "Heading 4"}


def _words(text: str) -> str:
    return " ".join(text.split())


def _html_text(node: Node | str) -> str:
    """An HTML element's text as printed, without its footnotes (Word keeps those apart) and
    without the sources' screen-only short forms (on paper a source is its note number)."""
    if isinstance(node, str):
        return node
    if {"fn", "sref-label"} & node.classes or node.tag in ("svg", "style"):
        return ""
    return "".join(_html_text(c) for c in node.children)


def _body_text(element: Any) -> str:
    """A Word element's text without superscript note numbers."""
    out = []
    for r in element.iter(f"{W}r"):
        if r.find(f"{W}rPr/{W}vertAlign") is None:
            out += [t.text or "" for t in r.iter(f"{W}t")]
    return "".join(out)


def _headings(html: str) -> list[tuple[str, str]]:
    tree = parse_html(html)
    found: list[tuple[str, str]] = []

    def walk(node: Node) -> None:
        for child in node.children:
            if isinstance(child, Node) and child.tag != "nav":
                if child.tag in LEVEL:
                    found.append((LEVEL[child.tag], _words(_html_text(child))))
                walk(child)

    walk(tree)
    return found


def _footnotes(data: bytes) -> list[str]:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        root = docx.oxml.parse_xml(z.read("word/footnotes.xml"))
    notes = [n for n in root.iter(f"{W}footnote") if int(n.get(f"{W}id")) > 0]
    return [_words("".join(t.text or "" for t in n.iter(f"{W}t"))) for n in notes]


def _check_same_structure(html: str, data: bytes) -> docx.document.Document:
    """Headings, tables, notes and pictures of the .docx are those of the HTML."""
    document = docx.Document(io.BytesIO(data))
    headings = [
        (p.style.name, _words(p.text))
        for p in document.paragraphs
        if p.style.name.startswith("Heading")
    ]
    assert headings == _headings(html)
    tree = parse_html(html)
    tables = tree.find_all("table")
    assert len(document.tables) == len(tables)
    for table, expected in zip(document.tables, tables, strict=True):
        rows = [r for r in expected.find_all("tr")]
        assert len(table.rows) == len(rows)
        for row, tr in zip(table.rows, rows, strict=True):
            cells = [c for c in tr.children if isinstance(c, Node) and c.tag in ("td", "th")]
            got = [_words(_body_text(c._tc)) for c in row.cells][: len(cells)]
            assert got[: len(cells)] == [_words(_html_text(c)) for c in cells][: len(got)]
    notes = [n for n in tree.find_all("span") if "fn" in n.classes]
    assert _footnotes(data) == [_words(n.text()) for n in notes]
    assert len(document.inline_shapes) == html.count("<svg")
    return document


@pytest.fixture
def epoch(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)


def test_sample_memo_has_the_pdf_structure(context: dict[str, Any], epoch: None) -> None:
    html, data = render_html(context), render_docx(context)
    document = _check_same_structure(html, data)
    assert any(p.style.name == "Title" for p in document.paragraphs)
    breaks = document.element.body.xpath('.//w:br[@w:type="page"]')
    pages = re.findall(
        r'<(section class="(?:cover|[^"]*\b(?:questions|appendix))|nav class="toc)', html
    )
    assert len(breaks) == len(pages) == 4  # as memo.css breaks the pages: nowhere else
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        rels = z.read("word/_rels/footnotes.xml.rels").decode()
    urls = {
        a.attrs["href"]
        for n in parse_html(html).find_all("span")
        if "fn" in n.classes
        for a in n.find_all("a")
        if a.attrs.get("href", "").startswith("https://")
    }
    targets = {r.get("Target") for r in docx.oxml.parse_xml(rels.encode()) if r.get("TargetMode")}
    assert urls and urls <= targets  # links in notes stay links, with the full address
    assert len(_footnotes(data)) >= 5
    body = document.element.body  # the summary: the first table after the first heading
    first = next(p._p for p in document.paragraphs if p.style.name == "Heading 1")
    table = next(t for t in document.tables if body.index(t._tbl) > body.index(first))
    text = _words(" ".join(c.text for r in table.rows for c in r.cells))
    for row in context["summary"]["rows"]:
        assert row["name"] in text


def test_same_bytes_under_source_date_epoch(context: dict[str, Any], epoch: None) -> None:
    first, second = render_docx(context), render_docx(context)
    assert first == second
    with zipfile.ZipFile(io.BytesIO(first)) as z:
        assert {i.date_time for i in z.infolist()} == {(2025, 11, 27, 6, 0, 0)}
        core = z.read("docProps/core.xml").decode()
    assert "2025-11-27T06:00:00Z" in core and "thumbnail" not in str(z.namelist())
    props = docx.Document(io.BytesIO(first)).core_properties
    assert props.created is not None and props.created.year == 2025
    assert props.title == context["case"]["title"]


def test_diagrams_are_png_pictures_of_the_svg(context: dict[str, Any], epoch: None) -> None:
    data = render_docx(context)
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        media = sorted(n for n in z.namelist() if n.startswith("word/media/"))
        images = [Image.open(io.BytesIO(z.read(n))) for n in media]
    assert [i.format for i in images] == ["PNG", "PNG"]
    for image, key in zip(images, ("before", "after"), strict=True):
        _, width, height = raster.svg_to_png(context["diagram"][key])
        assert image.size == pytest.approx(
            (width * raster.DPI / 72, height * raster.DPI / 72), abs=2
        )


def test_raster_draws_what_the_svg_says() -> None:
    svg = (
        '<svg xmlns="http://www.w3.org/2000/svg" width="100pt" height="50pt" '
        'viewBox="0 0 100 50"><g transform="translate(10,5)">'
        '<rect x="0" y="0" width="20" height="10" fill="#b03a2e" stroke="#1f3864"/>'
        '<polyline points="40,20 80,20" fill="none" stroke="#000000" stroke-width="2" '
        'stroke-dasharray="5 5"/><text font-size="8"><tspan x="0" y="40">Scale AI</tspan>'
        "</text></g></svg>"
    )
    png, width, height = raster.svg_to_png(svg)
    image = Image.open(io.BytesIO(png)).convert("RGB")
    k = raster.DPI / 72
    assert (width, height) == (100, 50) and image.size == (round(100 * k), round(50 * k))
    assert image.getpixel((round(20 * k), round(10 * k))) == pytest.approx((176, 58, 46), abs=8)
    dash = [image.getpixel((round((50 + x) * k), round(25 * k)))[0] for x in (2.5, 7.5)]
    assert dash[0] < 60 and dash[1] > 200  # a dash, then a gap
    ink = [
        image.getpixel((x, y))
        for x in range(0, round(40 * k))
        for y in range(round(38 * k), round(46 * k))
    ]
    assert min(sum(p) for p in ink) < 200  # the text is drawn


def test_images_are_embedded_only_from_data_uris(
    context: dict[str, Any], tmp_path: Path, epoch: None
) -> None:
    pixel = io.BytesIO()
    Image.new("RGB", (2, 2), "red").save(pixel, format="PNG")
    logo = base64.b64encode(pixel.getvalue()).decode()
    (tmp_path / "_house.html.j2").write_text(
        f'<div class="letterhead"><img src="data:image/png;base64,{logo}" alt="">'
        '<img src="file:///etc/passwd"><img src="http://127.0.0.1:9/x.png">'
        '<img src="../../../../etc/hostname">Example LLP</div>',
        encoding="utf-8",
    )
    data = render_docx(context, template_dirs=[tmp_path])
    document = docx.Document(io.BytesIO(data))
    assert len(document.inline_shapes) == 1 + 2  # the logo, and the two diagrams
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        rels = "".join(z.read(n).decode() for n in z.namelist() if n.endswith(".rels"))
    assert "passwd" not in rels and "127.0.0.1" not in rels and "hostname" not in rels


def test_memo_docx_cli_end_to_end(tmp_path: Path, epoch: None, capsys: Any) -> None:
    deal = tmp_path / "deal.yaml"
    deal.write_text(hostile_deal_yaml(), encoding="utf-8")
    out = tmp_path / "out" / "memo.docx"
    assert main(["memo", str(deal), "--docx", "-o", str(out)]) == 0
    assert main(["memo", str(deal), "--html", "-o", str(tmp_path / "memo.html")]) == 0
    capsys.readouterr()
    assert sorted(p.name for p in out.parent.iterdir()) == ["memo.docx"]  # no temporary left
    data = out.read_bytes()
    html = (tmp_path / "memo.html").read_text(encoding="utf-8")
    document = _check_same_structure(html, data)
    text = _words(
        " ".join(p.text for p in document.paragraphs)
        + " ".join(c.text for t in document.tables for r in t.rows for c in r.cells)
        + " ".join(_footnotes(data))
    )
    shown = _words(_html_text(parse_html(html)))
    names = [_words(n) for n in HOSTILE_NAMES.values() if _words(n) in shown]
    assert len(names) >= 2  # the person and the customer are named only in the diagram
    for name in names:
        assert name in text  # shown literally, never interpreted
    assert main(["memo", str(deal), "--docx", "-o", str(tmp_path / "again.docx")]) == 0
    assert (tmp_path / "again.docx").read_bytes() == data


def test_seed_memo_docx(tmp_path: Path, epoch: None, capsys: Any) -> None:
    assert main(["memo", str(SEED), "--docx", "-o", str(tmp_path / "seed.docx")]) == 0
    assert main(["memo", str(SEED), "--html", "-o", str(tmp_path / "seed.html")]) == 0
    capsys.readouterr()
    html = (tmp_path / "seed.html").read_text(encoding="utf-8")
    document = _check_same_structure(html, (tmp_path / "seed.docx").read_bytes())
    assert re.search(r"Executive summary", "\n".join(p.text for p in document.paragraphs))


def test_html_whitespace_lists_and_terms_become_word_paragraphs() -> None:
    """What a house template may use: collapsed whitespace, line breaks, nested lists,
    definition lists, links (kept as links, not fetched), colspans."""
    html = (
        "<html><body><h2>Heading</h2><p>  one <em>two</em>\n   three<br>four  </p>"
        "<ul><li>a<ul><li>b</li></ul></li></ul><ol><li>x</li><li value='7'>y</li></ol>"
        "<dl><dt>Term</dt><dd>Meaning</dd></dl>"
        '<p><a href="https://example.com/a">site</a> <a href="javascript:alert(1)">js</a></p>'
        '<table><tr><td colspan="2">wide</td></tr><tr><td>l</td><td>r</td></tr></table>'
        "</body></html>"
    )
    document = docx.Document(io.BytesIO(html_to_docx(html)))
    got = [(p.style.name, p.text) for p in document.paragraphs if p.text]
    assert got == [
        ("Heading 1", "Heading"),
        ("Normal", "one two three\nfour"),
        ("List Bullet", "a"),
        ("List Bullet 2", "b"),
        ("List", "1. x"),
        ("List", "7. y"),
        ("Normal", "Term"),
        ("Normal", "Meaning"),
        ("Normal", "site js"),
    ]
    assert [link.url for p in document.paragraphs for link in p.hyperlinks] == [
        "https://example.com/a"
    ]
    table = document.tables[0]
    assert [c.text for c in table.rows[0].cells] == ["wide", "wide"]  # one merged cell
    assert [c.text for c in table.rows[1].cells] == ["l", "r"]
