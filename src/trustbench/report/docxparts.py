"""Pieces of the Word memo that python-docx has no API for, and the HTML it reads.

- ``parse_html``: the memo HTML as a small tree (the templates write well-formed HTML);
  its tables' rows, cells and column widths.
- Runs, hyperlinks, page-number and table-of-contents fields, built as WordprocessingML.
- ``Footnotes``: a real footnotes part (``word/footnotes.xml``): Word and LibreOffice number
  the notes themselves, in the order of their references.
- ``reproducible``: the package re-zipped with fixed timestamps and core properties dated
  by ``report.clock`` (``SOURCE_DATE_EPOCH``), so the same memo gives the same bytes.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass, field
from datetime import UTC, datetime
from html.parser import HTMLParser
from typing import Any

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import XmlPart
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Pt

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}
XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
FOOTNOTES = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
LINK_COLOUR = "1F3864"

# ---------------------------------------------------------------------------- HTML


@dataclass
class Node:
    tag: str
    attrs: dict[str, str] = field(default_factory=dict)
    children: list[Node | str] = field(default_factory=list)

    @property
    def classes(self) -> set[str]:
        return set(self.attrs.get("class", "").split())

    def text(self) -> str:
        return "".join(c if isinstance(c, str) else c.text() for c in self.children)

    def find_all(self, tag: str) -> list[Node]:
        """Descendants with ``tag``, in document order."""
        out = []
        for c in self.children:
            if isinstance(c, Node):
                out += [c] if c.tag == tag else []
                out += c.find_all(tag)
        return out


class _TreeBuilder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#root")
        self.stack = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        node = Node(tag, {k: v or "" for k, v in attrs})
        self.stack[-1].children.append(node)
        if tag not in VOID:
            self.stack.append(node)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.stack[-1].children.append(Node(tag, {k: v or "" for k, v in attrs}))

    def handle_endtag(self, tag: str) -> None:
        if any(n.tag == tag for n in self.stack[1:]):
            while self.stack.pop().tag != tag:
                pass

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(data)


def parse_html(html: str) -> Node:
    builder = _TreeBuilder()
    builder.feed(html)
    builder.close()
    return builder.root


# ---------------------------------------------------------------------------- tables

CHAR, PADDING = Pt(6), Pt(16)  # a generous 10-point character; a cell's margins
WORD_CAP, TEXT_CAP = 24, 90  # longer words break anyway; longer texts wrap


def column_widths(rows: list[tuple[Node, bool]], count: int, total: int) -> list[int]:
    """As a browser would: each column at least as wide as its longest word (up to
    ``WORD_CAP`` characters), the rest shared by how much more its longest text wants."""
    word, text = [1] * count, [1] * count
    for tr, _ in rows:
        col = 0
        for cell in row_cells(tr):
            words = visible_text(cell).replace("\xad", "").split()
            if colspan(cell) == 1 and col < count and words:
                word[col] = max(word[col], min(max(len(w) for w in words), WORD_CAP))
                text[col] = max(text[col], min(len(" ".join(words)), TEXT_CAP))
            col += colspan(cell)
    least = [CHAR * w + PADDING for w in word]
    if sum(least) >= total:
        return [int(total * n / sum(least)) for n in least]
    wants = [max(0, CHAR * t + PADDING - n) for t, n in zip(text, least, strict=True)]
    share = [w / sum(wants) if sum(wants) else 1 / count for w in wants]
    return [int(n + (total - sum(least)) * f) for n, f in zip(least, share, strict=True)]


def visible_text(node: Node | str) -> str:
    """Text in the body: without footnotes."""
    if isinstance(node, str):
        return node
    return "" if "fn" in node.classes else "".join(visible_text(c) for c in node.children)


def colspan(cell: Node) -> int:
    value = cell.attrs.get("colspan", "1")
    return max(1, min(int(value), 50)) if value.isdigit() else 1


def table_rows(table: Node) -> list[tuple[Node, bool]]:
    """The table's rows, each with whether it is a header row (in ``thead``)."""
    out: list[tuple[Node, bool]] = []
    for child in table.children:
        if isinstance(child, Node) and child.tag == "tr":
            out.append((child, False))
        elif isinstance(child, Node) and child.tag in ("thead", "tbody", "tfoot"):
            head = child.tag == "thead"
            out += [(r, head) for r in child.children if isinstance(r, Node) and r.tag == "tr"]
    return out


def row_cells(tr: Node) -> list[Node]:
    return [c for c in tr.children if isinstance(c, Node) and c.tag in ("td", "th")]


# ---------------------------------------------------------------------------- runs


@dataclass(frozen=True)
class Fmt:
    bold: bool = False
    italic: bool = False
    mono: bool = False
    colour: str = ""
    size: float = 0.0  # points; 0: the paragraph's
    superscript: bool = False
    underline: bool = False


def element(tag: str, **attrs: str) -> Any:
    el = OxmlElement(tag)
    for key, value in attrs.items():
        el.set(qn(f"w:{key}"), value)
    return el


def run(sink: Any, text: str, fmt: Fmt) -> Any:
    """Append a run with ``text`` to ``sink`` (a paragraph or a hyperlink element)."""
    r = element("w:r")
    rpr = _rpr(fmt)
    if len(rpr):
        r.append(rpr)
    t = element("w:t")
    t.set(qn("xml:space"), "preserve")
    t.text = XML_INVALID.sub("", text)
    r.append(t)
    sink.append(r)
    return r


def _rpr(fmt: Fmt) -> Any:
    """Run properties, in the order the schema requires."""
    rpr = element("w:rPr")
    if fmt.mono:
        rpr.append(element("w:rFonts", ascii="Consolas", hAnsi="Consolas", cs="Consolas"))
    if fmt.bold:
        rpr.append(element("w:b"))
    if fmt.italic:
        rpr.append(element("w:i"))
    if fmt.colour:
        rpr.append(element("w:color", val=fmt.colour))
    if fmt.size:
        rpr.append(element("w:sz", val=str(round(fmt.size * 2))))
    if fmt.underline:
        rpr.append(element("w:u", val="single"))
    if fmt.superscript:
        rpr.append(element("w:vertAlign", val="superscript"))
    return rpr


def line_break(sink: Any) -> None:
    r = element("w:r")
    r.append(element("w:br"))
    sink.append(r)


def hyperlink(sink: Any, part: Any, url: str) -> Any:
    """An external hyperlink in ``sink``; runs go inside the returned element. The URL is
    only written down as the link's target, never fetched."""
    rid = part.relate_to(url, RT.HYPERLINK, is_external=True)
    link = element("w:hyperlink")
    link.set(qn("r:id"), rid)
    sink.append(link)
    return link


def simple_field(sink: Any, instruction: str, shown: str, fmt: Fmt) -> None:
    """A field Word computes (``PAGE``), with ``shown`` as its last computed value."""
    fld = element("w:fldSimple", instr=instruction)
    run(fld, shown, fmt)
    sink.append(fld)


def field_char(sink: Any, kind: str, instruction: str = "") -> None:
    """One part of a complex field (``begin``, ``separate``, ``end``), as a run in ``sink``."""
    r = element("w:r")
    r.append(element("w:fldChar", fldCharType=kind))
    if instruction:
        text = element("w:instrText")
        text.set(qn("xml:space"), "preserve")
        text.text = instruction
        r.append(text)
    sink.append(r)


# ---------------------------------------------------------------------------- footnotes


class Footnotes:
    """The document's footnotes part, created on the first note."""

    def __init__(self, document_part: Any) -> None:
        self.document_part = document_part
        self.part: Any = None
        self.count = 0

    def add(self, sink: Any, size: float) -> Any:
        """Put a note reference in ``sink``; returns the note's paragraph to fill."""
        if self.part is None:
            self.part = self._create()
        self.count += 1
        ref = element("w:r")
        ref_pr = element("w:rPr")
        ref_pr.append(element("w:vertAlign", val="superscript"))
        ref.append(ref_pr)
        ref.append(element("w:footnoteReference", id=str(self.count)))
        sink.append(ref)
        note = element("w:footnote", id=str(self.count))
        p = element("w:p")
        ppr = element("w:pPr")
        ppr.append(element("w:spacing", after="40", line="240", lineRule="auto"))
        p.append(ppr)
        mark = element("w:r")
        mark_pr = element("w:rPr")
        mark_pr.append(element("w:sz", val=str(round(size * 2))))
        mark_pr.append(element("w:vertAlign", val="superscript"))
        mark.append(mark_pr)
        mark.append(element("w:footnoteRef"))
        p.append(mark)
        run(p, " ", Fmt(size=size))
        note.append(p)
        self.part.element.append(note)
        return p

    def _create(self) -> Any:
        separators = "".join(
            f'<w:footnote w:type="{kind}" w:id="{i}"><w:p><w:pPr><w:spacing w:after="0"/>'
            f"</w:pPr><w:r><w:{kind}/></w:r></w:p></w:footnote>"
            for i, kind in ((-1, "separator"), (0, "continuationSeparator"))
        )
        xml = f"<w:footnotes {nsdecls('w', 'r')}>{separators}</w:footnotes>"
        package = self.document_part.package
        part = XmlPart(PackURI("/word/footnotes.xml"), FOOTNOTES, parse_xml(xml), package)
        self.document_part.relate_to(part, RT.FOOTNOTES)
        settings = self.document_part.settings.element  # name the separators, as Word does
        pr = parse_xml(
            f'<w:footnotePr {nsdecls("w")}><w:footnote w:id="-1"/>'
            '<w:footnote w:id="0"/></w:footnotePr>'
        )
        later = [qn(f"w:{t}") for t in ("endnotePr", "compat", "docVars", "rsids")]
        anchor = next((c for c in settings if c.tag in later), None)
        if anchor is not None:
            anchor.addprevious(pr)
        else:
            settings.append(pr)
        return part


# ---------------------------------------------------------------------------- the package


def reproducible(document: Any, moment: datetime, title: str) -> bytes:
    """The .docx bytes: core properties dated ``moment``, the template's thumbnail dropped,
    every zip entry stamped ``moment`` (at the earliest 1980, the zip format's epoch)."""
    props = document.core_properties
    naive = moment.astimezone(UTC).replace(tzinfo=None)
    props.title, props.author, props.last_modified_by = title, "trustbench", "trustbench"
    props.created = props.modified = props.last_printed = naive
    props.revision, props.comments, props.keywords, props.subject = 1, "", "", ""
    package_rels = document.part.package.rels
    for rid in [k for k, r in package_rels.items() if r.reltype == RT.THUMBNAIL]:
        del package_rels[rid]
    raw = io.BytesIO()
    document.save(raw)
    stamp = max(naive, datetime(1980, 1, 1)).timetuple()[:6]
    out = io.BytesIO()
    with (
        zipfile.ZipFile(raw) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=stamp)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.create_system = 3
            entry.external_attr = 0o644 << 16
            target.writestr(entry, source.read(info.filename))
    return out.getvalue()
