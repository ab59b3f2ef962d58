"""The memo in Word (``trustbench memo DEAL --docx``), for lawyers who edit there.

The Word memo is written from the same HTML as the PDF: the memo context goes through the
same templates (house style, pack sections, any ``--template-dir``), and the HTML is then
walked into a document. So the .docx has the PDF's structure and words by construction —
headings (as Word headings, with a table of contents field), the summary and every other
table, numbered lists, the source and authority notes as real footnotes, the diagrams as
PNG images — and it follows any change to the templates or the context without code here.

Sandbox: nothing is fetched. The diagrams are drawn from their SVG (``report.raster``); an
``<img>`` is embedded only from a ``data:`` URI; links stay links, never opened.
"""

from __future__ import annotations

import base64
import binascii
import io
import re
from collections.abc import Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

import docx
from docx.enum.section import WD_SECTION_START
from docx.shared import Mm, Pt
from docx.table import _Cell

from trustbench.report import clock
from trustbench.report.docxparts import (
    LINK_COLOUR,
    Fmt,
    Footnotes,
    Node,
    colspan,
    column_widths,
    element,
    field_char,
    hyperlink,
    line_break,
    parse_html,
    reproducible,
    row_cells,
    run,
    simple_field,
    table_rows,
)
from trustbench.report.raster import svg_to_png
from trustbench.report.render import render_html

SVG = re.compile(r"<svg\b.*?</svg>", re.DOTALL)
PAPER = {"A4": (Mm(210), Mm(297)), "Letter": (Mm(215.9), Mm(279.4))}
MARGIN = Mm(20)
HEADINGS = {"h2": "Heading 1", "h3": "Heading 2", "h4": "Heading 3", "h5": "Heading 4"}
HEADINGS |= {"h6": "Heading 4"}
BLOCKS = {"html", "body", "main", "section", "article", "aside", "header", "footer", "div"}
BLOCKS |= {"nav", "figure", "figcaption", "p", "table", "ol", "ul", "li", "blockquote", "h1"}
BLOCKS |= {"dl", "dt", "dd"} | set(HEADINGS)
SKIP = {"head", "style", "script", "title", "colgroup", "template", "svg"}
# page breaks, as memo.css puts them: (element, class)
BREAK_AFTER = {("section", "cover"), ("nav", "toc")}
BREAK_BEFORE = {("section", "appendix"), ("section", "questions")}
NEW_LINE = {"detail", "step-note"}  # inline elements the memo's CSS shows as blocks (and
# "mono" in a table cell)
NOTE_SIZE, GREY = 8.0, "6B6B6B"
CLASS_FMT: dict[str, dict[str, Any]] = {  # the memo's CSS classes, in Word terms
    "label": {"bold": True},
    "para-label": {"bold": True},
    "band": {"bold": True},
    "tag": {"bold": True},
    "status": {"bold": True},
    "effect": {"italic": True},
    "qno": {"bold": True},
    "mono": {"mono": True, "size": 7.5},
    "rule-id": {"mono": True, "size": 7.5, "colour": GREY},
    "hash": {"mono": True, "size": 7.0},
    "muted": {"colour": GREY},
    "detail": {"colour": GREY, "size": 8.0},
    "date": {"colour": GREY},
    "privilege": {"bold": True, "colour": "B03A2E"},
}
TAG_FMT: dict[str, dict[str, Any]] = {
    "b": {"bold": True},
    "strong": {"bold": True},
    "th": {"bold": True},
    "em": {"italic": True},
    "i": {"italic": True},
    "code": {"mono": True},
    "sup": {"superscript": True},
    "small": {"size": 8.0},
}


def render_docx(
    context: dict[str, Any],
    *,
    template_dirs: Sequence[Path] | None = None,
    pack_dirs: Mapping[str, Path] | None = None,
) -> bytes:
    """The memo as .docx bytes; byte-identical across runs when SOURCE_DATE_EPOCH is set."""
    html = render_html(context, template_dirs=template_dirs, pack_dirs=pack_dirs)
    return html_to_docx(html, paper=str(context.get("paper", "A4")))


def html_to_docx(html: str, *, paper: str = "A4") -> bytes:
    svgs: list[str] = []

    def keep(match: re.Match[str]) -> str:
        svgs.append(match.group(0))
        return f'<img data-svg="{len(svgs) - 1}">'

    tree = parse_html(SVG.sub(keep, html))
    writer = _Writer(svgs, paper)
    writer.blocks(tree, writer.doc)
    title = next((t.text().strip() for t in tree.find_all("title")), "")
    return reproducible(writer.doc, clock.now(), title)


class _Writer:
    def __init__(self, svgs: list[str], paper: str) -> None:
        self.doc: Any = docx.Document()
        self.svgs = svgs
        self.notes = Footnotes(self.doc.part)
        self.anchors: dict[str, int] = {}  # an element id → the footnote just before it
        self.paragraph: Any = None  # the body paragraph being written (for pictures)
        self.part: Any = self.doc.part  # the part being written (document or footnotes)
        self.space = True  # the text written last ends in a space (collapse whitespace)
        self.fresh_cell: Any = None  # a table cell whose own first paragraph is still empty
        self.in_cell = False
        section = self.doc.sections[0]
        section.page_width, section.page_height = PAPER.get(paper, PAPER["A4"])
        for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
            setattr(section, side, MARGIN)
        section.different_first_page_header_footer = True  # the cover has no running title
        section.start_type = WD_SECTION_START.NEW_PAGE
        self.text_width = section.page_width - 2 * MARGIN
        normal = self.doc.styles["Normal"]
        normal.font.size = Pt(10)

    # ------------------------------------------------------------------------ blocks

    def blocks(self, node: Node, container: Any) -> None:
        """Block children in order; inline runs between them become paragraphs."""
        pending: list[Node | str] = []
        for child in node.children:
            if isinstance(child, Node) and child.classes & {"running-title", "footer-text"}:
                self._running(child)
            elif isinstance(child, Node) and (child.tag in BLOCKS or child.tag in SKIP):
                self.paragraph_of(pending, container)
                pending = []
                self.block(child, container)
            else:
                pending.append(child)
        self.paragraph_of(pending, container)

    def block(self, node: Node, container: Any) -> None:
        tag, classes = node.tag, node.classes
        if tag in SKIP:
            return
        if {(tag, c) for c in classes} & BREAK_BEFORE and container is self.doc:
            self.doc.add_page_break()
        if tag == "nav" and "toc" in classes:
            self._toc(node)
        elif tag == "table":
            self._table(node, container)
        elif tag in ("ol", "ul"):
            self._list(node, container, 0)
        elif tag == "h1":
            self.paragraph_of(node.children, container, "Title")
        elif tag in HEADINGS:
            self.paragraph_of(node.children, container, HEADINGS[tag])
        elif tag == "figcaption":
            caption = self.paragraph_of(node.children, container, "Caption")
            if caption is not None:
                caption.paragraph_format.keep_with_next = True
        elif tag in ("p", "dt", "dd"):
            p = self.paragraph_of(node.children, container)
            if p is not None and tag == "dt":
                p.paragraph_format.keep_with_next = True
                for r in p.runs:
                    r.bold = True
            elif p is not None and tag == "dd":
                p.paragraph_format.left_indent = Mm(8)
        else:
            self.blocks(node, container)
        if {(tag, c) for c in classes} & BREAK_AFTER and container is self.doc:
            self.doc.add_page_break()

    def paragraph_of(
        self, inline: Sequence[Node | str], container: Any, style: str | None = None
    ) -> Any:
        """A paragraph of ``inline`` content, unless it is only whitespace."""
        if not any(isinstance(c, Node) or c.strip() for c in inline):
            return None
        paragraph = self._new_paragraph(container, style)
        self.space, self.paragraph = True, paragraph
        for child in inline:
            self.inline(child, paragraph._p, Fmt())
        _trim(paragraph._p)
        if not isinstance(container, _Cell) and not paragraph._p.xpath("./w:r|./w:hyperlink"):
            paragraph._p.getparent().remove(paragraph._p)  # only empty anchors: no paragraph
            return None
        return paragraph

    def _new_paragraph(self, container: Any, style: str | None) -> Any:
        if isinstance(container, _Cell) and container._tc is self.fresh_cell:
            self.fresh_cell = None  # a new cell's own empty paragraph comes first
            paragraph = container.paragraphs[0]
            if style:
                paragraph.style = style
            return paragraph
        return container.add_paragraph(style=style)

    def _running(self, node: Node) -> None:
        """The cover's running title and footer text go to every later page."""
        section = self.doc.sections[0]
        if "running-title" in node.classes:
            p = section.header.paragraphs[0]
            run(p._p, " ".join(node.text().split()), Fmt(size=8, colour=GREY))
        else:
            p = section.footer.paragraphs[0]
            run(p._p, " ".join(node.text().split()) + " · page ", Fmt(size=8, colour=GREY))
            simple_field(p._p, "PAGE", "2", Fmt(size=8, colour=GREY))

    def _toc(self, nav: Node) -> None:
        """Word's table of contents field, its entries already filled in from the nav."""
        for h in nav.find_all("h1"):
            self.paragraph_of(h.children, self.doc, "TOC Heading")
        entries = nav.find_all("li")
        first = self.doc.add_paragraph()
        field_char(first._p, "begin", ' TOC \\o "1-3" \\h \\z \\u ')
        field_char(first._p, "separate")
        last = first
        for i, li in enumerate(entries):
            p = first if i == 0 else self.doc.add_paragraph()
            level = next((int(c[1:]) for c in li.classes if re.fullmatch(r"l\d", c)), 1)
            p.paragraph_format.left_indent = Mm(6 * (level - 1))
            run(p._p, " ".join(li.text().split()), Fmt(bold=level == 1))
            last = p
        field_char(last._p, "end")

    # ------------------------------------------------------------------------ tables, lists

    def _table(self, node: Node, container: Any) -> None:
        rows = table_rows(node)
        if not rows:
            return
        width = max(sum(colspan(c) for c in row_cells(tr)) for tr, _ in rows)
        width = max(width, 1)
        table = container.add_table(rows=len(rows), cols=width)
        table.style = "Table Grid"
        for r, (tr, _) in enumerate(rows):  # merge first: cells are then listed once
            col = 0
            for cell_node in row_cells(tr):
                span = colspan(cell_node)
                if span > 1 and col < width - 1:
                    table.cell(r, col).merge(table.cell(r, min(col + span, width) - 1))
                col += span
        grid = table._cells  # row by row, a merged cell repeated over its columns
        widths = column_widths(rows, width, self.text_width)
        for column, w in zip(table.columns, widths, strict=True):
            column.width = w
        for r, (tr, head) in enumerate(rows):
            col = 0
            for cell_node in row_cells(tr):
                if col >= width:
                    break
                cell = grid[r * width + col]
                cell.width = widths[col]
                self.fresh_cell, self.in_cell = cell._tc, True
                self.blocks(cell_node, cell)
                self.in_cell = False
                if head or cell_node.tag == "th":
                    _bold(cell)
                col += colspan(cell_node)
            if head:
                table.rows[r]._tr.get_or_add_trPr().append(element("w:tblHeader", val="true"))
        if container is self.doc:  # Word joins tables that touch: a thin paragraph between
            spacer = self.doc.add_paragraph()
            spacer.paragraph_format.space_after = Pt(0)
            spacer.paragraph_format.line_spacing = Pt(6)

    def _list(self, node: Node, container: Any, depth: int) -> None:
        numbered = node.tag == "ol"
        items = [c for c in node.children if isinstance(c, Node) and c.tag == "li"]
        for n, li in enumerate(items, start=1):
            inline: list[Node | str] = []
            rest: list[Node] = []
            for child in li.children:
                if isinstance(child, Node) and (rest or child.tag in BLOCKS):
                    rest.append(child)
                elif not rest:
                    inline.append(child)
            has_number = any(isinstance(c, Node) and "qno" in c.classes for c in inline)
            if numbered and not has_number:
                inline.insert(0, f"{li.attrs.get('value') or n}. ")
            style = "List Bullet" if not numbered else "List"
            style += f" {depth + 1}" if depth else ""
            self.paragraph_of(inline, container, style)
            for child in rest:
                if child.tag in ("ul", "ol"):
                    self._list(child, container, min(depth + 1, 2))
                else:
                    self.block(child, container)

    # ------------------------------------------------------------------------ inline

    def inline(self, item: Node | str, sink: Any, fmt: Fmt) -> None:
        if isinstance(item, str):
            self._text(sink, item, fmt)
            return
        tag, classes = item.tag, item.classes
        if tag in SKIP:
            return
        if tag == "br":
            line_break(sink)
            self.space = True
            return
        if tag == "img":
            if self.part is self.doc.part:
                self._image(item)
            return
        if "fn" in classes:
            self._footnote(item, sink)
            return
        if "sref-label" in classes:  # one citation style: a source is its note number
            return
        if (classes & NEW_LINE or (self.in_cell and "mono" in classes)) and item.children:
            line_break(sink)
            self.space = True
        if item.attrs.get("id") and self.notes.count and not item.children:
            self.anchors[item.attrs["id"]] = self.notes.count
        for cls in sorted(classes & set(CLASS_FMT)):
            fmt = replace(fmt, **CLASS_FMT[cls])
        fmt = replace(fmt, **TAG_FMT.get(tag, {}))
        if tag == "a":
            self._link(item, sink, fmt)
            return
        for child in item.children:
            self.inline(child, sink, fmt)

    def _text(self, sink: Any, text: str, fmt: Fmt) -> None:
        text = re.sub(r"\s+", " ", text)
        if self.space:
            text = text.lstrip(" ")
        if text:
            run(sink, text, fmt)
            self.space = text.endswith(" ")

    def _link(self, node: Node, sink: Any, fmt: Fmt) -> None:
        href = node.attrs.get("href", "")
        if href.lower().startswith(("https://", "http://")):
            link = hyperlink(sink, self.part, href)
            for child in node.children:
                self.inline(child, link, replace(fmt, colour=LINK_COLOUR, underline=True))
            return
        for child in node.children:
            self.inline(child, sink, fmt)
        note = self.anchors.get(href.removeprefix("#"))
        if note:  # a later citation: the number of the note that gives the source in full
            run(sink, str(note), replace(fmt, superscript=True))

    def _footnote(self, node: Node, sink: Any) -> None:
        paragraph, space = self.notes.add(sink, NOTE_SIZE), self.space
        self.space, self.part = True, self.notes.part
        for child in node.children:
            self.inline(child, paragraph, Fmt(size=NOTE_SIZE))
        _trim(paragraph)
        self.space, self.part = space, self.doc.part

    def _image(self, node: Node) -> None:
        if self.paragraph is None:
            return
        png, width = self._picture(node)
        if png is not None:
            self.paragraph.add_run().add_picture(io.BytesIO(png), width=min(width, self.text_width))

    def _picture(self, node: Node) -> tuple[bytes | None, int]:
        """A diagram drawn from its SVG, or an image given as a ``data:`` URI; else nothing."""
        key = node.attrs.get("data-svg")
        if key is not None and key.isdigit() and int(key) < len(self.svgs):
            png, width, _ = svg_to_png(self.svgs[int(key)])
            return png, Pt(width)
        match = re.match(r"data:image/(png|jpeg|gif);base64,(.*)", node.attrs.get("src", ""), re.S)
        if match is None:
            return None, 0  # a file or a URL: never fetched
        try:
            data = base64.b64decode(match.group(2), validate=False)
        except (binascii.Error, ValueError):
            return None, 0
        return data, Mm(40)


def _trim(p: Any) -> None:
    """Drop the trailing space of a paragraph's last text (HTML whitespace collapsing)."""
    texts = p.findall(".//" + "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}t")
    if texts and texts[-1].text:
        texts[-1].text = texts[-1].text.rstrip(" ")


def _bold(cell: Any) -> None:
    for paragraph in cell.paragraphs:
        for r in paragraph.runs:
            r.bold = True
